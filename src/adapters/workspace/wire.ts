import { z } from 'zod';
import { NODE_KINDS } from './vocabulary.js';

/**
 * Zod schemas of the workspace wire payloads (`/work/shared/backends/workspace.md`).
 * Every object is loose: unknown fields are tolerated and kept, so `raw` and the
 * workflow written back after a touchpoint edit hold everything the backend sent.
 * No schema here adds defaults or transforms, so a parsed node is the node as it came.
 */

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO 8601 date-time');

/** One node of a campaign's workflow graph. */
const wireNodeSchema = z.looseObject({
  id: z.string().min(1),
  kind: z.enum(NODE_KINDS),
  type: z.string().min(1),
  /** Optional on the wire: defaults to the node's index in the array. */
  position: z.number().int().optional(),
  name: z.string().nullish(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type WireNode = z.infer<typeof wireNodeSchema>;

/** A directed edge; the backend does not check that its nodes exist. */
const wireEdgeSchema = z.looseObject({ source: z.string(), target: z.string() });
export type WireEdge = z.infer<typeof wireEdgeSchema>;

const wireWorkflowSchema = z.looseObject({
  nodes: z.array(wireNodeSchema),
  edges: z.array(wireEdgeSchema).optional(),
});

/**
 * A campaign as the list answers it, or (with `workflow`, `actions` and `abTests`)
 * as a single-campaign `GET`, `POST` or `PATCH` answers it.
 */
export const wireCampaignSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  status: z.string(),
  type: z.string().nullish(),
  createdAt: isoTime,
  updatedAt: isoTime.nullish(),
  startAt: isoTime.nullish(),
  endAt: isoTime.nullish(),
  _count: z.looseObject({
    enrollments: z.number().int().nonnegative(),
    messages: z.number().int().nonnegative(),
  }),
  workflow: wireWorkflowSchema.optional(),
});
export type WireCampaign = z.infer<typeof wireCampaignSchema>;

/** The answer of `POST /campaigns/{id}/enroll`. */
export const wireEnrollAnswerSchema = z.looseObject({
  enrolled: z.number().int().nonnegative(),
  alreadyEnrolled: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  details: z.array(
    z.looseObject({
      contactId: z.string(),
      status: z.enum(['enrolled', 'already_enrolled', 'error']),
      error: z.string().nullish(),
    }),
  ),
});
export type WireEnrollAnswer = z.infer<typeof wireEnrollAnswerSchema>;

/** The answer of `POST /campaigns/{id}/execute`. */
export const wireExecuteAnswerSchema = z.looseObject({
  executed: z.boolean(),
  executionId: z.string().nullish(),
});
export type WireExecuteAnswer = z.infer<typeof wireExecuteAnswerSchema>;

/** An error body: `{"error": "…", "details": [{"path": "name", "message": "Required"}]}`. */
export const wireErrorSchema = z.looseObject({
  error: z.string().optional(),
  details: z
    .array(
      z.looseObject({
        path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
});

/** The body of `POST /campaigns`. */
export interface WireCampaignCreate {
  name: string;
  type: string;
  workflow: { nodes: WireNode[]; edges: WireEdge[] };
  description?: string | null;
  settings?: Record<string, unknown>;
  startAt?: string | null;
  endAt?: string | null;
}

/** The body of `PATCH /campaigns/{id}`: any subset of the writable fields. */
export interface WireCampaignPatch {
  name?: string;
  description?: string | null;
  status?: string;
  workflow?: { nodes: WireNode[]; edges: WireEdge[] };
  settings?: Record<string, unknown>;
  startAt?: string | null;
  endAt?: string | null;
}

/** The body of `POST /campaigns/{id}/execute`. */
export type WireExecuteRequest =
  | { action: 'execute_for_contact'; contactId: string }
  | { action: 'process_trigger'; triggerType: string; segmentId?: string; eventType?: string };
