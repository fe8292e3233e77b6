import { createHash } from 'node:crypto';
import type { CampaignFilter, CampaignOrder, SortPosition } from '../model/campaign-query.js';
import { badInput } from '../model/errors.js';
import type { CursorSigner } from './cursor-signer.js';

/** What a `campaigns` cursor remembers. */
export interface ListCursor {
  /** The position of the last campaign handed out. */
  after: SortPosition;
  /** Each backend's own resume token (see `ListedCampaign.resume`). */
  resume: Record<string, string>;
}

interface EncodedCursor {
  v: 2;
  /** Fingerprint of order and filter: a cursor only continues the list it came from. */
  q: string;
  a: [string | null, string];
  r: Record<string, string>;
}

/** A stable fingerprint of the order and filter of a list query (a digest: cursors stay short whatever the filter). */
export function listFingerprint(order: CampaignOrder, filter: CampaignFilter, backends: readonly string[]): string {
  const text = JSON.stringify([order.field, order.direction, filter, [...new Set(backends)].sort()]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The signed cursor of a list position. */
export function encodeListCursor(cursor: ListCursor, fingerprint: string, signer: CursorSigner): string {
  const encoded: EncodedCursor = { v: 2, q: fingerprint, a: [cursor.after.value, cursor.after.id], r: cursor.resume };
  return signer.sign('campaigns', encoded);
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/**
 * Decodes an `after` argument. A cursor this gateway did not sign (forged,
 * changed, from another list kind, or signed with another replica's key) is
 * `BAD_USER_INPUT` on `after`, before any backend is asked; so is a cursor of a
 * list with another order, filter or set of backends.
 */
export function decodeListCursor(raw: string, fingerprint: string, signer: CursorSigner, backends: readonly string[]): ListCursor {
  const parsed = signer.verify('campaigns', raw) as Partial<EncodedCursor> | null;
  const valid =
    parsed?.v === 2 &&
    Array.isArray(parsed.a) &&
    parsed.a.length === 2 &&
    (typeof parsed.a[0] === 'string' || parsed.a[0] === null) &&
    typeof parsed.a[1] === 'string' &&
    isStringRecord(parsed.r) &&
    Object.keys(parsed.r).every((name) => backends.includes(name));
  if (!valid) throw badInput('"after" is not a cursor this gateway issued', 'after');
  if (parsed.q !== fingerprint) throw badInput('"after" belongs to a list with another order or filter', 'after');
  return { after: { value: parsed.a![0], id: parsed.a![1] }, resume: parsed.r! };
}
