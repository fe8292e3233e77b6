import { z } from 'zod';
import type { BackendResponse } from '../shared/json-server.js';
import type { CampaignCreate, CampaignPatch, Workflow } from './campaign-store.js';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  EXECUTE_ACTIONS,
  MESSAGE_CHANNELS,
  NODE_KINDS,
  NODE_TYPES_BY_KIND,
  TRIGGER_TYPES,
  type ExecuteAction,
  type TriggerType,
} from './vocabulary.js';

/** One problem with a request body: a dotted path into the body ('' for the body itself) and what is wrong. */
export interface ValidationDetail {
  path: string;
  message: string;
}

/** A parsed body, or the `400` to answer instead. */
export type Validated<T> = { ok: true; value: T } | { ok: false; response: BackendResponse };

/** A validated `execute` body. */
export interface ExecuteRequest {
  action: ExecuteAction;
  contactId?: string;
  triggerType?: TriggerType;
  segmentId?: string;
  eventType?: string;
}

/** A validated `enroll` body. */
export interface EnrollRequest {
  contactIds: string[];
}

const oneOf = (values: readonly unknown[]) => `Expected one of ${values.join(', ')}`;

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Short, zod-like messages; the contract's own example is `Required` for a missing field. */
function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'Required';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'Expected an integer';
      return `Expected ${issue.expected === 'record' ? 'object' : issue.expected}, received ${describeInput(issue.input)}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'too_small':
      return issue.origin === 'string' ? 'Must not be empty' : undefined;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'Expected an ISO 8601 date-time' : undefined;
    default:
      return undefined;
  }
}

const dateTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .nullable();

const nodeSchema = z
  .looseObject({
    id: z.string().min(1),
    kind: z.enum(NODE_KINDS),
    type: z.string(),
    position: z.number().int().optional(),
    name: z.string().optional(),
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((node, ctx) => {
    const allowed: readonly string[] = NODE_TYPES_BY_KIND[node.kind];
    if (!allowed.includes(node.type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `${oneOf(allowed)} for a ${node.kind} node` });
      return;
    }
    if (node.type === 'SEND_MESSAGE') {
      const channel = node.config['channel'];
      if (channel === undefined) ctx.addIssue({ code: 'custom', path: ['config', 'channel'], message: 'Required' });
      else if (!(MESSAGE_CHANNELS as readonly unknown[]).includes(channel)) {
        ctx.addIssue({ code: 'custom', path: ['config', 'channel'], message: oneOf(MESSAGE_CHANNELS) });
      }
    }
  });

const workflowSchema = z
  .object({
    nodes: z.array(nodeSchema),
    edges: z.array(z.looseObject({ source: z.string(), target: z.string() })).default([]),
  })
  .superRefine((workflow, ctx) => {
    const seen = new Set<string>();
    workflow.nodes.forEach((node, index) => {
      if (seen.has(node.id)) {
        ctx.addIssue({ code: 'custom', path: ['nodes', index, 'id'], message: `Duplicate node id "${node.id}"` });
      }
      seen.add(node.id);
    });
  })
  .transform(
    (workflow): Workflow => ({
      edges: workflow.edges,
      nodes: workflow.nodes.map((node, index) => ({
        ...node,
        // The refinement above has already tied `type` to `kind`.
        type: node.type as Workflow['nodes'][number]['type'],
        position: node.position ?? index,
      })),
    }),
  );

const createSchema = z.object({
  name: z.string().min(1),
  type: z.enum(CAMPAIGN_TYPES),
  workflow: workflowSchema,
  description: z.string().nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  startAt: dateTime.optional(),
  endAt: dateTime.optional(),
});

const patchSchema = createSchema.partial().extend({ status: z.enum(CAMPAIGN_STATUSES).optional() });

const executeSchema = z
  .object({
    action: z.enum(EXECUTE_ACTIONS),
    contactId: z.string().min(1).optional(),
    triggerType: z.enum(TRIGGER_TYPES).optional(),
    segmentId: z.string().optional(),
    eventType: z.string().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'execute_for_contact' && body.contactId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Required' });
    }
    if (body.action === 'process_trigger' && body.triggerType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['triggerType'], message: 'Required' });
    }
  });

const enrollSchema = z.object({ contactIds: z.array(z.string()) });

function badRequest(error: string, details: ValidationDetail[]): { ok: false; response: BackendResponse } {
  return { ok: false, response: { status: 400, body: { error, details } } };
}

function parseBody<T>(schema: z.ZodType<T>, rawBody: string): Validated<T> {
  let body: unknown = {};
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return badRequest('Malformed JSON body', []);
    }
  }
  const result = schema.safeParse(body, { error: messageFor });
  if (result.success) return { ok: true, value: result.data };
  return badRequest(
    'Validation failed',
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/** Validates a `POST /campaigns` body; an empty body counts as `{}`. */
export function parseCampaignCreate(rawBody: string): Validated<CampaignCreate> {
  return parseBody(createSchema, rawBody);
}

/** Validates a `PATCH /campaigns/{id}` body: any subset of the writable fields. */
export function parseCampaignPatch(rawBody: string): Validated<CampaignPatch> {
  return parseBody(patchSchema, rawBody);
}

/** Validates a `POST /campaigns/{id}/execute` body: one of the two action forms. */
export function parseExecuteRequest(rawBody: string): Validated<ExecuteRequest> {
  return parseBody(executeSchema, rawBody);
}

/** Validates a `POST /campaigns/{id}/enroll` body; blank ids pass here and fail per contact. */
export function parseEnrollRequest(rawBody: string): Validated<EnrollRequest> {
  return parseBody(enrollSchema, rawBody);
}
