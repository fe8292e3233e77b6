import { z } from 'zod';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import { CHANNELS, type Channel } from '../../model/enums.js';
import { badInput } from '../../model/errors.js';
import type { WireCampaignData } from './wire.js';

/** Why a schema-type campaign cannot hold an input field; such a field is refused, never dropped. */
const UNHONOURED: Readonly<Record<string, string>> = {
  status: 'a schemaType campaign has no status: it is live until deleted',
  scheduledAt: 'a schemaType campaign has no schedule',
  endsAt: 'a schemaType campaign has no end date',
  recipients: 'a schemaType campaign has no recipient list',
  templateId: 'a schemaType campaign has no message template',
  message: 'a schemaType campaign carries no message content',
  payload: 'a schemaType campaign carries no payload',
  settings: 'a schemaType campaign has no settings object',
};

const CREATE_UNHONOURED = ['scheduledAt', 'endsAt', 'recipients', 'templateId', 'message', 'payload', 'settings'] as const;
const UPDATE_UNHONOURED = ['status', 'scheduledAt', 'endsAt', 'settings'] as const;

/** Unified channel → the `useFor*` flag set on create and the sender field it needs. */
const CHANNEL_WIRE = {
  EMAIL: { flag: 'useForEmail', sender: 'emailFrom' },
  SMS: { flag: 'useForSMS', sender: 'smsFrom' },
  VOICE: { flag: 'useForOutbound', sender: 'callerId' },
  FAX: { flag: 'useForFax', sender: null },
} as const;
type WritableChannel = keyof typeof CHANNEL_WIRE;
const isWritable = (channel: Channel): channel is WritableChannel => Object.hasOwn(CHANNEL_WIRE, channel);

const nonBlank = (field: string) =>
  z.string({ error: `${field} is required` }).refine((value) => value.trim() !== '', `${field} is required`);

const createSchema = z
  .object({
    name: nonBlank('name'),
    description: z.string().nullish(),
    type: z.enum(['DEFAULT', 'PERSONAL'], { error: 'type must be DEFAULT or PERSONAL' }).nullish(),
    channels: z.array(z.enum(CHANNELS)).nullish(),
    workflowId: nonBlank('workflowId'),
    senders: z
      .object({ smsFrom: z.string().nullish(), emailFrom: z.string().nullish(), callerId: z.string().nullish() })
      .nullish(),
  })
  .superRefine((input, ctx) => {
    for (const channel of input.channels ?? []) {
      if (!isWritable(channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels'],
          message: `channel ${channel} is not available on a schemaType backend (EMAIL, SMS, VOICE, FAX only)`,
        });
        return;
      }
      const sender = CHANNEL_WIRE[channel].sender;
      if (sender && !input.senders?.[sender]?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['senders', sender], message: `senders.${sender} is required for the ${channel} channel` });
      }
    }
  });

const updateSchema = z.object({
  name: nonBlank('name').nullish(),
  description: z.string().nullish(),
});

function refuseUnhonoured(input: object, fields: readonly string[], backend: string): void {
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) {
      throw badInput(`backend "${backend}" cannot take ${field}: ${UNHONOURED[field]}`, `input.${field}`, backend);
    }
  }
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown, backend: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `input.${issue.path.join('.')}` : 'input';
  throw badInput(`invalid input for backend "${backend}": ${issue?.message ?? 'invalid'}`, field, backend);
}

/**
 * The `data` of a create request, or `BAD_USER_INPUT` naming the input field:
 * fields a schema-type campaign cannot hold, channels it has no flag for, a
 * channel without its sender, a missing name or workflow. `type` defaults to `DEFAULT`.
 */
export function toCreateData(input: CreateCampaignInput, backend: string): WireCampaignData {
  refuseUnhonoured(input, CREATE_UNHONOURED, backend);
  const valid = parseInput(createSchema, input, backend);
  const data: WireCampaignData = { name: valid.name, type: valid.type ?? 'DEFAULT', workflowId: valid.workflowId };
  if (typeof valid.description === 'string') data.description = valid.description;
  for (const channel of valid.channels ?? []) if (isWritable(channel)) data[CHANNEL_WIRE[channel].flag] = true;
  // Senders are kept even without their channel: the service stores them as given.
  if (valid.senders?.emailFrom) data.emailFromAddress = valid.senders.emailFrom;
  if (valid.senders?.smsFrom) data.smsFromAddress = valid.senders.smsFrom;
  if (valid.senders?.callerId) data.callerId = valid.senders.callerId;
  return data;
}

/**
 * The partial `data` of an update request: `name` and `description` (null
 * clears the description); any other field is `BAD_USER_INPUT` naming it.
 */
export function toUpdateData(input: UpdateCampaignInput, backend: string): WireCampaignData {
  refuseUnhonoured(input, UPDATE_UNHONOURED, backend);
  const valid = parseInput(updateSchema, input, backend);
  const data: WireCampaignData = {};
  if (typeof valid.name === 'string') data.name = valid.name;
  if (valid.description !== undefined) data.description = valid.description ?? '';
  return data;
}
