import { randomBytes } from 'node:crypto';

let counter = randomBytes(3).readUIntBE(0, 3);

/**
 * A MongoDB-style ObjectId: 24 hex characters, the creation second first, then
 * random bytes and a counter, as the service's `_id`s look.
 */
export function newObjectId(nowMs: number): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(nowMs / 1000) % 0x100000000;
  return seconds.toString(16).padStart(8, '0') + randomBytes(5).toString('hex') + counter.toString(16).padStart(6, '0');
}

/** A public campaign id, `cmp_` and 16 hex characters. */
export function newCampaignId(): string {
  return `cmp_${randomBytes(8).toString('hex')}`;
}
