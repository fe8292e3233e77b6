import { z } from 'zod';

/** Zod schemas of the notice board's JSON; loose, so unknown fields reach `raw`. */

/** A bulletin; times are Unix seconds. */
export const wireBulletinSchema = z.looseObject({
  ref: z.string().min(1),
  headline: z.string(),
  phase: z.string(),
  media: z.array(z.string()),
  opened: z.number().int().positive(),
  touched: z.number().int().positive(),
  reach: z.looseObject({ sent: z.number().int().nonnegative(), delivered: z.number().int().nonnegative(), bounced: z.number().int().nonnegative() }),
});
export type WireBulletin = z.infer<typeof wireBulletinSchema>;

/** A page of the bulletin list; its bulletins are checked one by one. */
export const wireBulletinPageSchema = z.looseObject({
  bulletins: z.array(z.unknown()),
  page: z.number().int().positive(),
  pages: z.number().int().positive(),
});

/** An error body: `{"fault": "…", "field"?: "headline"}`. */
export const wireFaultSchema = z.looseObject({ fault: z.string(), field: z.string().optional() });

/** The body of a create. */
export interface WireNewBulletin {
  headline: string;
  media: string[];
}
