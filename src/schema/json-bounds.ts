import { GraphQLError } from 'graphql';

/** The deepest nesting of objects and arrays a `JSON` input may have. */
export const MAX_JSON_DEPTH = 32;

/** The largest `JSON` input, in bytes of its JSON text (estimated as characters). */
export const MAX_JSON_BYTES = 256 * 1024;

const refuse = (why: string) => new GraphQLError(`JSON input ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Checks a `JSON` input (`settings`, `message`, `config`) before it is used:
 * nested at most {@link MAX_JSON_DEPTH} levels and at most {@link MAX_JSON_BYTES}
 * long. A backend handed a value 5000 levels deep may crash on it, which the
 * gateway would then take for the backend's failure. The walk is iterative and
 * stops at the first level or byte past a bound, so the check itself is cheap.
 */
export function checkJsonBounds(value: unknown): unknown {
  let bytes = 0;
  const pending: [value: unknown, depth: number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') bytes += current.length + 2;
    else if (current === null || typeof current !== 'object') bytes += String(current).length;
    else {
      if (depth >= MAX_JSON_DEPTH) throw refuse(`is nested deeper than ${MAX_JSON_DEPTH} levels`);
      bytes += 2;
      if (Array.isArray(current)) {
        bytes += current.length;
        for (const item of current) pending.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(current)) {
          bytes += key.length + 4;
          pending.push([item, depth + 1]);
        }
      }
    }
    if (bytes > MAX_JSON_BYTES) throw refuse(`is larger than ${MAX_JSON_BYTES} bytes`);
  }
  return value;
}
