import { z } from 'zod';
import type { CreateCampaignInput, CreateTouchpointInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { Channel } from '../../model/enums.js';
import { badInput, type GatewayError } from '../../model/errors.js';
import type { WireChannelType, WireCreateCampaign, WireMessage, WireTouchpointType, WireUpdateTouchpoint } from './wire.js';

/**
 * Checks GraphQL inputs against what the touchpoint API can honour and turns them
 * into request bodies, before anything is sent. Every refusal is `BAD_USER_INPUT`
 * naming the input field (`input.channels`, …).
 */

const CHANNEL_TYPE: Partial<Record<Channel, WireChannelType>> = { WHATSAPP: 'whatsapp', EMAIL: 'email', SMS: 'sms' };
const WIRE_TYPE = { MESSAGE: 'message', ACTION: 'action', DELAY: 'delay' } as const satisfies Record<string, WireTouchpointType>;

/** CreateCampaignInput fields the API has no place for; sending them would silently lose them. */
const UNHONOURED_CAMPAIGN_FIELDS = [
  'description',
  'type',
  'scheduledAt',
  'endsAt',
  'recipients',
  'templateId',
  'message',
  'payload',
  'workflowId',
  'senders',
  'settings',
] as const satisfies readonly (keyof CreateCampaignInput)[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonBlank = (field: string) =>
  z.string({ error: `${field} must be a string` }).refine((value) => value.trim() !== '', `${field} must not be blank`);

const messageSchema = z.custom<WireMessage>((value) => typeof value === 'string' || isPlainObject(value), {
  error: 'message must be a string or a JSON object',
});

const absent = (why: string) => z.null({ error: why }).optional();

const createCampaignSchema = z.object({
  name: nonBlank('name'),
  channels: z
    .array(z.string(), { error: 'channels is required: a touchpoint campaign runs on exactly one of WHATSAPP, EMAIL, SMS' })
    .transform((channels) => [...new Set(channels)])
    .refine(
      (channels) => channels.length === 1 && CHANNEL_TYPE[channels[0] as Channel] !== undefined,
      'a touchpoint campaign runs on exactly one channel, one of WHATSAPP, EMAIL, SMS',
    ),
});

const createTouchpointSchema = z.object({
  name: nonBlank('name'),
  type: z.enum(['MESSAGE', 'ACTION', 'DELAY'], {
    error: 'this backend has MESSAGE, ACTION and DELAY touchpoints only (no TRIGGER or CONDITION)',
  }),
  rawType: z.string().nullish(),
  channel: z.string().nullish(),
  message: z.unknown().refine((value) => value !== undefined && value !== null, 'message is required').pipe(messageSchema),
  config: absent('this backend has no touchpoint config; put the settings in message'),
});

const updateTouchpointSchema = z.object({
  name: nonBlank('name').nullish(),
  message: messageSchema.nullish(),
  position: z.number().int('position must be an integer').min(0, 'position must be 0 or more').nullish(),
  config: absent('this backend has no touchpoint config; put the settings in message'),
});

function firstIssue(error: z.ZodError, backend: string): GatewayError {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return badInput(`backend "${backend}": ${issue?.message ?? 'invalid input'}`, field === undefined ? 'input' : `input.${String(field)}`, backend);
}

/** The `POST /v1/campaigns` body for a CreateCampaignInput. */
export function toCreateCampaignBody(input: CreateCampaignInput, backend: string): WireCreateCampaign {
  for (const field of UNHONOURED_CAMPAIGN_FIELDS) {
    if (input[field] !== undefined && input[field] !== null) {
      throw badInput(`backend "${backend}" cannot store ${field} on a campaign`, `input.${field}`, backend);
    }
  }
  const parsed = createCampaignSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, backend);
  return { name: parsed.data.name, channel_type: CHANNEL_TYPE[parsed.data.channels[0] as Channel]! };
}

/** A checked CreateTouchpointInput: the wire fields, and the channel the caller asked for (to check against the campaign's). */
export interface CheckedTouchpoint {
  name: string;
  type: WireTouchpointType;
  message: WireMessage;
  channel: Channel | null;
}

/** Checks a CreateTouchpointInput; the channel can only be checked once the campaign is known. */
export function checkCreateTouchpoint(input: CreateTouchpointInput, backend: string): CheckedTouchpoint {
  const parsed = createTouchpointSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, backend);
  const { name, type, rawType, channel, message } = parsed.data;
  const wireType = WIRE_TYPE[type];
  if (rawType !== undefined && rawType !== null && rawType !== wireType) {
    throw badInput(`backend "${backend}": a ${type} touchpoint has the type "${wireType}", not "${rawType}"`, 'input.rawType', backend);
  }
  return { name, type: wireType, message, channel: (channel ?? null) as Channel | null };
}

/** The `PATCH /v1/touchpoints/{id}` body for an UpdateTouchpointInput (null fields stay as they are). */
export function toUpdateTouchpointBody(input: UpdateTouchpointInput, backend: string): WireUpdateTouchpoint {
  const parsed = updateTouchpointSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, backend);
  const { name, message, position } = parsed.data;
  const body: WireUpdateTouchpoint = {};
  if (name !== undefined && name !== null) body.name = name;
  if (message !== undefined && message !== null) body.message = message;
  if (position !== undefined && position !== null) body.position = position;
  return body;
}
