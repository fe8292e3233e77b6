import { z } from 'zod';

const flag = z.boolean().nullish();
const unixMillis = z.number().nullish();

/**
 * A campaign object of the schema-type service (schema-type.md, "Campaign object").
 * Only what the gateway reads is checked; every other field is kept as it came.
 */
export const wireCampaignSchema = z.looseObject({
  _id: z.string().optional(),
  campaignId: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  createdAt: unixMillis,
  modifiedAt: unixMillis,
  deletedAt: unixMillis,
  useForEmail: flag,
  useForSMS: flag,
  useForOutbound: flag,
  useForPredictive: flag,
  useForProgressive: flag,
  useForFax: flag,
});
export type WireCampaign = z.infer<typeof wireCampaignSchema>;

/** The answer of `GET /` (search); records are checked one by one. */
export const searchAnswerSchema = z.looseObject({
  total: z.number().int().nonnegative(),
  start: z.number().int().nonnegative().optional(),
  rows: z.number().int().nonnegative().optional(),
  results: z.array(z.unknown()),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

/** A 4xx body: `{"message": …}`, with `errors` on `400 validation failed`. */
export const errorBodySchema = z.looseObject({
  message: z.string().optional(),
  errors: z
    .array(z.looseObject({ field: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

/** The fields the gateway writes in a create or update `data` object. */
export interface WireCampaignData {
  name?: string;
  description?: string;
  type?: 'DEFAULT' | 'PERSONAL';
  workflowId?: string;
  useForEmail?: true;
  useForSMS?: true;
  useForOutbound?: true;
  useForFax?: true;
  emailFromAddress?: string;
  smsFromAddress?: string;
  callerId?: string;
}
