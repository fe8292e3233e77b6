import type { CampaignFilter, CampaignOrder, SortPosition } from '../adapters/adapter.js';
import { badInput } from '../model/errors.js';

/** What a `campaigns` cursor remembers. */
export interface ListCursor {
  /** The position of the last campaign handed out. */
  after: SortPosition;
  /** Each backend's own resume token (see `ListedCampaign.resume`). */
  resume: Record<string, string>;
}

interface EncodedCursor {
  v: 1;
  /** Fingerprint of order and filter: a cursor only continues the list it came from. */
  q: string;
  a: [string | null, string];
  r: Record<string, string>;
}

/** A stable fingerprint of the order and filter of a list query. */
export function listFingerprint(order: CampaignOrder, filter: CampaignFilter, backends: readonly string[]): string {
  return JSON.stringify([order.field, order.direction, filter, [...backends].sort()]);
}

export function encodeListCursor(cursor: ListCursor, fingerprint: string): string {
  const encoded: EncodedCursor = { v: 1, q: fingerprint, a: [cursor.after.value, cursor.after.id], r: cursor.resume };
  return Buffer.from(JSON.stringify(encoded), 'utf8').toString('base64url');
}

/** Decodes an `after` argument; a cursor the gateway did not issue for this query is `BAD_USER_INPUT`. */
export function decodeListCursor(raw: string, fingerprint: string): ListCursor {
  let parsed: EncodedCursor;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as EncodedCursor;
  } catch {
    throw badInput('"after" is not a cursor this gateway issued', 'after');
  }
  const valid =
    parsed?.v === 1 &&
    Array.isArray(parsed.a) &&
    (typeof parsed.a[0] === 'string' || parsed.a[0] === null) &&
    typeof parsed.a[1] === 'string' &&
    typeof parsed.r === 'object' &&
    parsed.r !== null;
  if (!valid) throw badInput('"after" is not a cursor this gateway issued', 'after');
  if (parsed.q !== fingerprint) throw badInput('"after" belongs to a list with another order or filter', 'after');
  return { after: { value: parsed.a[0], id: parsed.a[1] }, resume: parsed.r };
}
