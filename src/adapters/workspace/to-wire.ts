import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { TRIGGER_TYPES } from '../../model/enums.js';
import type { CreateCampaignInput, ExecuteCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import type { FieldOf } from './errors.js';
import { dateTime, jsonObject, nonBlank, parseInput } from './input-parsing.js';
import { WORKSPACE_CAMPAIGN_STATUSES, WORKSPACE_CAMPAIGN_TYPES } from './vocabulary.js';
import type { WireCampaignCreate, WireCampaignPatch, WireExecuteRequest } from './wire.js';

/** CreateCampaignInput fields the workspace API has no place for, with what to do instead. */
const UNHONOURED_CREATE_FIELDS = {
  channels: "a workspace campaign's channels come from its SEND_MESSAGE touchpoints; create those instead",
  recipients: 'contacts join a workspace campaign through enrollContacts',
  templateId: 'a workspace campaign has no template; its messages live in SEND_MESSAGE touchpoints',
  message: 'a workspace campaign has no message of its own; its messages live in SEND_MESSAGE touchpoints',
  payload: 'a workspace campaign has no payload',
  workflowId: 'a workspace campaign carries its own workflow; build it with touchpoints',
  senders: 'a workspace campaign has no sender settings',
} as const satisfies Partial<Record<keyof CreateCampaignInput, string>>;

/** Where each campaign body field comes from in CreateCampaignInput / UpdateCampaignInput. */
const INPUT_FIELD_OF_BODY: Record<string, string> = {
  name: 'input.name',
  description: 'input.description',
  type: 'input.type',
  status: 'input.status',
  startAt: 'input.scheduledAt',
  endAt: 'input.endsAt',
  settings: 'input.settings',
};

/** Maps a `400` detail path of a campaign create or patch to the GraphQL input field. */
export const campaignFieldOf: FieldOf = (path) => INPUT_FIELD_OF_BODY[path.split('.')[0] ?? ''];

const createSchema = z.object({
  name: nonBlank,
  description: z.string().nullish(),
  type: z.enum(WORKSPACE_CAMPAIGN_TYPES, `Expected one of ${WORKSPACE_CAMPAIGN_TYPES.join(', ')}`).nullish(),
  scheduledAt: dateTime.nullish(),
  endsAt: dateTime.nullish(),
  settings: jsonObject.nullish(),
});

/**
 * CreateCampaignInput → `POST /campaigns` body. `type` defaults to `AUTOMATED`,
 * `scheduledAt`/`endsAt` become `startAt`/`endAt`, and the workflow starts empty
 * (touchpoints fill it). A field the workspace cannot honour is `BAD_USER_INPUT`
 * naming it; a null or empty one is taken as not given.
 */
export function toCampaignCreate(input: CreateCampaignInput, backend: string): WireCampaignCreate {
  for (const [field, instead] of Object.entries(UNHONOURED_CREATE_FIELDS)) {
    const value: unknown = input[field as keyof CreateCampaignInput];
    const given = value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
    if (given) throw badInput(`backend "${backend}" cannot take input.${field}: ${instead}`, `input.${field}`, backend);
  }
  const parsed = parseInput(createSchema, input, backend);
  const body: WireCampaignCreate = { name: parsed.name, type: parsed.type ?? 'AUTOMATED', workflow: { nodes: [], edges: [] } };
  if (parsed.description != null) body.description = parsed.description;
  if (parsed.scheduledAt != null) body.startAt = parsed.scheduledAt;
  if (parsed.endsAt != null) body.endAt = parsed.endsAt;
  if (parsed.settings != null) body.settings = parsed.settings;
  return body;
}

const updateSchema = z.object({
  name: nonBlank.nullish(),
  description: z.string().nullish(),
  status: z.enum(WORKSPACE_CAMPAIGN_STATUSES, `The workspace has no campaign status of that name; expected one of ${WORKSPACE_CAMPAIGN_STATUSES.join(', ')}`).nullish(),
  scheduledAt: dateTime.nullish(),
  endsAt: dateTime.nullish(),
  settings: jsonObject.nullish(),
});

/**
 * UpdateCampaignInput → `PATCH /campaigns/{id}` body. `null` clears `description`,
 * `scheduledAt` and `endsAt`; for `name`, `status` and `settings` (which cannot be
 * empty on the workspace) it means "leave as is". `settings` replaces the whole object.
 */
export function toCampaignPatch(input: UpdateCampaignInput, backend: string): WireCampaignPatch {
  const parsed = parseInput(updateSchema, input, backend);
  const body: WireCampaignPatch = {};
  if (parsed.name != null) body.name = parsed.name;
  if (parsed.description !== undefined) body.description = parsed.description;
  if (parsed.status != null) body.status = parsed.status;
  if (parsed.scheduledAt !== undefined) body.startAt = parsed.scheduledAt;
  if (parsed.endsAt !== undefined) body.endAt = parsed.endsAt;
  if (parsed.settings != null) body.settings = parsed.settings;
  return body;
}

const executeSchema = z.object({
  contactId: nonBlank.nullish(),
  triggerType: z.enum(TRIGGER_TYPES).nullish(),
  segmentId: z.string().nullish(),
  eventType: z.string().nullish(),
});

/** Maps a `400` detail path of an execute body to the GraphQL input field. */
export const executeFieldOf: FieldOf = (path) => {
  const field = path.split('.')[0];
  return field === 'action' ? 'input' : field ? `input.${field}` : undefined;
};

/**
 * ExecuteCampaignInput → `execute` body: exactly one of `contactId`
 * (`execute_for_contact`) and `triggerType` (`process_trigger`, with `segmentId` and
 * `eventType` passed along, which only a trigger can use).
 */
export function toExecuteRequest(input: ExecuteCampaignInput, backend: string): WireExecuteRequest {
  const parsed = parseInput(executeSchema, input, backend);
  const { contactId, triggerType, segmentId, eventType } = parsed;
  if ((contactId == null) === (triggerType == null)) {
    throw badInput('input: give exactly one of contactId and triggerType', 'input', backend);
  }
  if (contactId != null) {
    if (segmentId != null) throw badInput('input.segmentId: only a trigger execution (triggerType) takes a segmentId', 'input.segmentId', backend);
    if (eventType != null) throw badInput('input.eventType: only a trigger execution (triggerType) takes an eventType', 'input.eventType', backend);
    return { action: 'execute_for_contact', contactId };
  }
  return {
    action: 'process_trigger',
    triggerType: triggerType!,
    ...(segmentId != null ? { segmentId } : {}),
    ...(eventType != null ? { eventType } : {}),
  };
}
