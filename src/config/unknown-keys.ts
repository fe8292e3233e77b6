import { z } from 'zod';

/** The schema inside wrappers that do not change an object's keys (optional, default, nullable…). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const inner = (current as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The keys an object schema found at `path` inside `schema` allows; empty when it is not known. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const part of path) {
    if (current instanceof z.ZodArray && typeof part === 'number') current = unwrap(current.element as z.ZodType);
    else if (current instanceof z.ZodObject && typeof part === 'string') {
      const next = (current.shape as Record<string, z.ZodType>)[part];
      if (!next) return [];
      current = unwrap(next);
    } else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Levenshtein distance, for "did you mean" on short config keys. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The problem line of a key the config file may not have at that place, with
 * the allowed key it most likely meant (`timeoutMS` → `timeoutMs`, `retires` → `retries`).
 */
export function unknownKeyLine(path: string, key: string, schema: z.ZodType, objectPath: readonly PropertyKey[]): string {
  const known = keysAt(schema, objectPath);
  const lower = key.toLowerCase();
  const guess =
    known.find((k) => k.toLowerCase() === lower) ??
    known
      .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
      .filter(({ d }) => d <= 2)
      .sort((a, b) => a.d - b.d)[0]?.k;
  return `${path}: unknown key${guess ? ` (did you mean "${guess}"?)` : ''}`;
}
