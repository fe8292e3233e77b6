import { z } from 'zod';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import { badInput, type GatewayError } from '../../model/errors.js';
import type { V2CreateCampaignRequest, V2UpdateCampaignRequest } from './wire.js';

/**
 * Checks mutation inputs before anything is sent and maps them to v2 request
 * bodies. Only what v2 cannot honour or cannot even receive is rejected here;
 * the business rules (at least 2 clients, template exists, params, …) are the
 * backend's, checked in its own order, so its messages reach the client intact.
 */

/** A field v2 has no place for: accepted only when left out or null. */
const unhonourable = (why: string) => z.null({ error: why }).optional();

const dateTime = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date-time');

const createInputSchema = z.object({
  name: z.string({ error: 'name must be a string' }),
  description: unhonourable('v2 campaigns have no description'),
  type: unhonourable('v2 campaigns have no type'),
  channels: z
    .array(z.string())
    .nullish()
    .refine((channels) => channels == null || (channels.length === 1 && channels[0] === 'WHATSAPP'), 'v2 campaigns send on WHATSAPP only: channels must be [WHATSAPP] or left out'),
  scheduledAt: dateTime.nullish(),
  endsAt: unhonourable('v2 campaigns have no end time'),
  recipients: z
    .array(z.object({ contactId: z.string({ error: 'contactId must be a string' }), params: z.array(z.string()).nullish() }))
    .nullish(),
  templateId: z.string({ error: 'templateId must be a string' }).nullish(),
  message: z.string({ error: 'message must be a string (the v2 message text)' }).nullish(),
  payload: z.string({ error: 'payload must be a string (the v2 JSON payload)' }).nullish(),
  workflowId: unhonourable('v2 campaigns have no workflow'),
  senders: unhonourable('v2 campaigns have no senders'),
  settings: unhonourable('v2 campaigns have no settings'),
});

const updateInputSchema = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .refine((name) => name.trim() !== '', 'name must not be blank')
    .nullish(),
  description: unhonourable('v2 campaigns have no description'),
  status: unhonourable('v2 campaigns have no status to set: it follows SendAt and delivery'),
  scheduledAt: dateTime.nullish(),
  endsAt: unhonourable('v2 campaigns have no end time'),
  settings: unhonourable('v2 campaigns have no settings'),
});

function firstIssue(error: z.ZodError, backend: string): GatewayError {
  const issue = error.issues[0];
  const path = issue?.path.map(String) ?? [];
  return badInput(`backend "${backend}": ${issue?.message ?? 'invalid input'}`, ['input', ...path].join('.'), backend);
}

/** RFC 3339 in UTC with milliseconds (`2025-03-04T11:31:25.000Z`), which Go's RFC 3339 parser reads. */
const toSendAt = (dateTimeText: string) => new Date(dateTimeText).toISOString();

/** The `CreateCampaignRequest` for a create input, or `BAD_USER_INPUT` naming the first field v2 cannot take. */
export function toCreateRequest(input: CreateCampaignInput, backend: string): V2CreateCampaignRequest {
  const parsed = createInputSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, backend);
  const { name, scheduledAt, recipients, templateId, message, payload } = parsed.data;
  return {
    Name: name,
    ...(scheduledAt == null ? {} : { SendAt: toSendAt(scheduledAt) }),
    ...(recipients == null
      ? {}
      : { Clients: recipients.map((recipient) => ({ AccountID: recipient.contactId, Params: recipient.params ?? [] })) }),
    ...(templateId == null ? {} : { TempMsgID: templateId }),
    ...(message == null ? {} : { Message: message }),
    ...(payload == null ? {} : { JSON: payload }),
  };
}

/** The `UpdateCampaignRequest` for an update input: only `name` and `scheduledAt` can change. */
export function toUpdateRequest(id: number, input: UpdateCampaignInput, backend: string): V2UpdateCampaignRequest {
  const parsed = updateInputSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, backend);
  const { name, scheduledAt } = parsed.data;
  // Only what changes is sent: a field left out means "keep it".
  return {
    ID: id,
    ...(name == null ? {} : { Name: name }),
    ...(scheduledAt == null ? {} : { SendAt: toSendAt(scheduledAt) }),
  };
}

/**
 * A v2 campaign id from a native id: decimal digits within the safe integer range,
 * written as v2 writes them (`String(ID)`, no leading zeros), else null. `"0385"`
 * is not campaign 385: reads never answer that native id, so writes must not reach 385 by it.
 */
export function toCampaignId(nativeId: string): number | null {
  if (!/^(0|[1-9]\d{0,14})$/.test(nativeId)) return null;
  const id = Number(nativeId);
  return Number.isSafeInteger(id) ? id : null;
}
