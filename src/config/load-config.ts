import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AdapterFactory } from '../adapters/seam/adapter-factory.js';
import { adapterFactoriesOf, type BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';
import { commonBackendSchema, gatewayConfigSchema } from './config-schema.js';
import type { BackendConfig, GatewayConfig } from './gateway-config.js';
import { interpolateEnv } from './interpolate.js';
import { unknownKeyLine } from './unknown-keys.js';

/** An invalid configuration: every problem, one line each, with its path in the file. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function issueLines(prefix: string, error: z.ZodError, input: unknown, schema: z.ZodType, kind?: string): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => unknownKeyLine(formatPath(prefix, [...issue.path, key]), key, schema, issue.path));
    }
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    const message = missing ? (kind ? `required for kind ${kind}` : 'required') : issue.message;
    return [`${formatPath(prefix, issue.path)}: ${message}`];
  });
}

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** The backend kinds a `kind` may name; default every registered kind. */
  kinds?: BackendKindRegistry;
  /** Environment for `${VAR}` interpolation; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Whether the process runs in production (GraphiQL and introspection default off). */
  production?: boolean;
}

/**
 * The schema of a whole backend entry of one kind: the common fields and the
 * kind's own, with no other key allowed. A kind whose schema is not a plain
 * object schema is checked on its own after the common fields.
 */
function entrySchemaOf(factory: AdapterFactory): z.ZodType | undefined {
  const own = factory.configSchema as unknown;
  return own instanceof z.ZodObject ? z.strictObject({ ...commonBackendSchema.shape, ...own.shape }) : undefined;
}

/** Checks one backend entry; returns its problems and, when it has none, the validated entry. */
function checkBackend(entry: unknown, prefix: string, byKind: ReadonlyMap<string, AdapterFactory>): { problems: string[]; config?: BackendConfig } {
  const kind = (entry as { kind?: unknown } | undefined)?.kind;
  const factory = typeof kind === 'string' ? byKind.get(kind) : undefined;
  const common = commonBackendSchema.safeParse(entry);
  if (!factory) {
    const problems = common.success ? [] : issueLines(prefix, common.error, entry, commonBackendSchema);
    if (common.success) problems.push(`${prefix}.kind: unknown kind "${common.data.kind}" (one of ${[...byKind.keys()].join(', ')})`);
    return { problems };
  }
  const whole = entrySchemaOf(factory);
  if (whole) {
    const parsed = whole.safeParse(entry);
    if (!parsed.success) return { problems: issueLines(prefix, parsed.error, entry, whole, factory.kind) };
    return { problems: [], config: parsed.data as BackendConfig };
  }
  const own = factory.configSchema.safeParse(entry);
  const problems = [
    ...(common.success ? [] : issueLines(prefix, common.error, entry, commonBackendSchema)),
    ...(own.success ? [] : issueLines(prefix, own.error, entry, factory.configSchema, factory.kind)),
  ];
  if (problems.length > 0 || !common.success || !own.success) return { problems };
  return { problems, config: { ...common.data, ...(own.data as object) } as BackendConfig };
}

/** Validates a parsed config file; throws {@link ConfigError} listing every problem at once. */
export function parseConfig(input: unknown, options: ParseConfigOptions = {}): GatewayConfig {
  const { value, missing } = interpolateEnv(input, options.env ?? process.env);
  const problems = missing.map((m) => `${m.path}: environment variable ${m.name} is not set`);

  const top = gatewayConfigSchema.safeParse(value);
  // `backends` entries are checked one by one below, each with its kind's schema.
  if (!top.success) problems.push(...issueLines('', top.error, value, gatewayConfigSchema));

  const backends: BackendConfig[] = [];
  const rawBackends = Array.isArray((value as { backends?: unknown })?.backends) ? ((value as { backends: unknown[] }).backends) : [];
  const byKind = adapterFactoriesOf(options.kinds ?? BACKEND_KIND_REGISTRY);
  const seen = new Set<string>();
  rawBackends.forEach((entry, i) => {
    const prefix = `backends[${i}]`;
    const name = (entry as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') {
      if (seen.has(name)) problems.push(`${prefix}.name: duplicate backend name "${name}"`);
      seen.add(name);
    }
    const checked = checkBackend(entry, prefix, byKind);
    problems.push(...checked.problems);
    if (checked.config) backends.push(checked.config);
  });

  // A field whose variable is missing is already reported; its emptiness is not a second problem.
  const missingPaths = new Set(missing.map((m) => m.path));
  const reported = problems.filter((line, i) => i < missing.length || !missingPaths.has(line.slice(0, line.indexOf(': '))));
  if (reported.length > 0 || !top.success) throw new ConfigError(reported);
  const devDefault = !options.production;
  return {
    ...top.data,
    backends,
    graphiql: top.data.graphiql ?? devDefault,
    introspection: top.data.introspection ?? devDefault,
  };
}

/** Reads and validates the config file at `path`. */
export async function loadConfigFile(path: string, options: ParseConfigOptions = {}): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
  return parseConfig(parsed, options);
}
