import { randomBytes } from 'node:crypto';
import type { Clock } from '../shared/clock.js';

/** Makes ids such as `cmp_…` and `tp_…`. */
export type IdGenerator = (prefix: 'cmp' | 'tp') => string;

/**
 * Ids shaped like MongoDB ObjectIds behind a type prefix (the seed's `_id` fields
 * hint at such a store): 8 hex digits of creation seconds, 10 of per-instance
 * randomness and a 6-digit counter, so ids made by one backend never repeat.
 */
export function createIdGenerator(clock: Clock): IdGenerator {
  const instance = randomBytes(5).toString('hex');
  let counter = 0;
  return (prefix) => {
    const seconds = Math.floor(clock.now() / 1000)
      .toString(16)
      .padStart(8, '0');
    counter = (counter + 1) % 0x1000000;
    return `${prefix}_${seconds}${instance}${counter.toString(16).padStart(6, '0')}`;
  };
}
