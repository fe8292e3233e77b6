import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { AdapterFactory } from '../adapters/adapter.js';
import { commonBackendSchema, gatewayConfigSchema } from './config-schema.js';
import type { BackendConfig, GatewayConfig } from './gateway-config.js';
import { interpolateEnv } from './interpolate.js';

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

function issueLines(prefix: string, error: z.ZodError, input: unknown, kind?: string): string[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    const message = missing ? (kind ? `required for kind ${kind}` : 'required') : issue.message;
    return `${formatPath(prefix, issue.path)}: ${message}`;
  });
}

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** Backend kinds that may appear in the file. */
  factories: readonly AdapterFactory[];
  /** Environment for `${VAR}` interpolation; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Whether the process runs in production (GraphiQL and introspection default off). */
  production?: boolean;
}

/** Validates a parsed config file; throws {@link ConfigError} listing every problem at once. */
export function parseConfig(input: unknown, options: ParseConfigOptions): GatewayConfig {
  const { value, missing } = interpolateEnv(input, options.env ?? process.env);
  const problems = missing.map((m) => `${m.path}: environment variable ${m.name} is not set`);

  const top = gatewayConfigSchema.safeParse(value);
  if (!top.success) problems.push(...issueLines('', top.error, value));

  const backends: BackendConfig[] = [];
  const rawBackends = Array.isArray((value as { backends?: unknown })?.backends) ? ((value as { backends: unknown[] }).backends) : [];
  const byKind = new Map(options.factories.map((f) => [f.kind, f]));
  const seen = new Set<string>();
  rawBackends.forEach((entry, i) => {
    const prefix = `backends[${i}]`;
    const common = commonBackendSchema.safeParse(entry);
    if (!common.success) {
      problems.push(...issueLines(prefix, common.error, entry));
      return;
    }
    const factory = byKind.get(common.data.kind);
    if (!factory) {
      problems.push(`${prefix}.kind: unknown kind "${common.data.kind}" (one of ${[...byKind.keys()].join(', ')})`);
      return;
    }
    if (seen.has(common.data.name)) problems.push(`${prefix}.name: duplicate backend name "${common.data.name}"`);
    seen.add(common.data.name);
    const own = factory.configSchema.safeParse(entry);
    if (!own.success) {
      problems.push(...issueLines(prefix, own.error, entry, factory.kind));
      return;
    }
    backends.push({ ...common.data, ...(own.data as object) } as BackendConfig);
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
export async function loadConfigFile(path: string, options: ParseConfigOptions): Promise<GatewayConfig> {
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
