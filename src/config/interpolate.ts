/** A `${NAME}` whose variable is not set, with where it was found. */
export interface MissingVariable {
  path: string;
  name: string;
}

/**
 * Replaces `${NAME}` in every string of a parsed JSON value with the
 * environment variable NAME, and lists every variable that is not set.
 */
export function interpolateEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  path = '',
  missing: MissingVariable[] = [],
): { value: unknown; missing: MissingVariable[] } {
  if (typeof value === 'string') {
    const replaced = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) {
        missing.push({ path: path || '(root)', name });
        return '';
      }
      return found;
    });
    return { value: replaced, missing };
  }
  if (Array.isArray(value)) {
    return { value: value.map((item, i) => interpolateEnv(item, env, `${path}[${i}]`, missing).value), missing };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = interpolateEnv(item, env, path ? `${path}.${key}` : key, missing).value;
    return { value: out, missing };
  }
  return { value, missing };
}
