import { GatewayError } from '../../model/errors.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { wireErrorSchema } from './wire.js';

/** Maps a path in a request body (`name`, `workflow.nodes.3.config.channel`) to the GraphQL input field it came from. */
export type FieldOf = (wirePath: string) => string | undefined;

/** What a failed call was about, for the error message and field. */
export interface ErrorSubject {
  backend: string;
  /** What the call acted on, e.g. `campaign "cmp_1"`. */
  what: string;
  /** Field mapping of `400` details; without it no `field` is named. */
  fieldOf?: FieldOf;
}

/** The backend's own words: `error`, then each detail as `path: message`. */
function backendMessage(body: unknown): string | undefined {
  const parsed = wireErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const details = (parsed.data.details ?? [])
    .map((detail) => {
      const path = Array.isArray(detail.path) ? detail.path.join('.') : detail.path;
      return path ? `${path}: ${detail.message ?? 'invalid'}` : detail.message;
    })
    .filter((text): text is string => Boolean(text));
  const parts = [parsed.data.error, details.length ? details.join('; ') : undefined].filter(Boolean);
  return parts.length ? parts.join(': ') : undefined;
}

/** The body path of the first `400` detail, dotted. */
function firstDetailPath(body: unknown): string | undefined {
  const parsed = wireErrorSchema.safeParse(body);
  const path = parsed.success ? parsed.data.details?.[0]?.path : undefined;
  return Array.isArray(path) ? path.join('.') : path;
}

/** Whether a `404` is about the configured workspace rather than the campaign. */
function isWorkspaceMissing(body: unknown): boolean {
  const parsed = wireErrorSchema.safeParse(body);
  return parsed.success && /workspace/i.test(parsed.data.error ?? '');
}

function workspaceMissing(backend: string, status: number, said: string | undefined): GatewayError {
  return new GatewayError('BACKEND_ERROR', `backend "${backend}" does not know the configured workspace (${said ?? status})`, {
    backend,
    upstreamStatus: status,
  });
}

/**
 * Maps a 4xx answer to a write (or to a read that must find its record) onto the
 * contract's codes, keeping the backend's message: `400` → `BAD_USER_INPUT` with the
 * field of the first detail, `404` → `NOT_FOUND` (or `BACKEND_ERROR` when the
 * workspace itself is unknown), `409` → `CONFLICT`, anything else → `BACKEND_ERROR`.
 */
export function toWriteError(response: UpstreamResponse, subject: ErrorSubject): GatewayError {
  const { backend, what } = subject;
  const said = backendMessage(response.body);
  const options = { backend, upstreamStatus: response.status };
  switch (response.status) {
    case 400:
    case 422: {
      const path = firstDetailPath(response.body);
      const field = path === undefined ? undefined : subject.fieldOf?.(path);
      return new GatewayError('BAD_USER_INPUT', `backend "${backend}" rejected the input for ${what}: ${said ?? 'invalid input'}`, {
        ...options,
        field,
      });
    }
    case 404:
      if (isWorkspaceMissing(response.body)) return workspaceMissing(backend, response.status, said);
      return new GatewayError('NOT_FOUND', `${what} not found on backend "${backend}"${said ? ` (${said})` : ''}`, options);
    case 409:
      return new GatewayError('CONFLICT', `backend "${backend}" refused ${what}: ${said ?? 'conflict'}`, options);
    default:
      return toReadError(response, backend);
  }
}

/** Maps a 4xx answer to a read that has no expected 4xx: the backend broke its contract or the workspace is unknown. */
export function toReadError(response: UpstreamResponse, backend: string): GatewayError {
  const said = backendMessage(response.body);
  if (response.status === 404 && isWorkspaceMissing(response.body)) return workspaceMissing(backend, response.status, said);
  return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${response.status} unexpectedly${said ? ` (${said})` : ''}`, {
    backend,
    upstreamStatus: response.status,
  });
}

/** Whether a `404` means the campaign does not exist (not that the workspace is unknown). */
export function isCampaignMissing(response: UpstreamResponse): boolean {
  return response.status === 404 && !isWorkspaceMissing(response.body);
}
