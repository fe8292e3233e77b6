import { GatewayError } from '../../model/errors.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { v2ErrorBodySchema } from './wire.js';

/** The v2 calls whose 4xx answers mean something to the gateway. */
export type V2Operation = 'create' | 'update' | 'delete' | 'resend' | 'messages' | 'list';

/**
 * Which create input a backend rule message is about. Order matters: the
 * params rules mention "template" and "JSON" but are about the recipients.
 */
const CREATE_FIELDS: readonly [RegExp, string][] = [
  [/name is required|\.Name\b/, 'input.name'],
  [/SendAt/i, 'input.scheduledAt'],
  [/params|clients?\b/i, 'input.recipients'],
  [/template|TempMsgID/i, 'input.templateId'],
  [/\.JSON\b/, 'input.payload'],
  [/\.Message\b/, 'input.message'],
];

const UPDATE_FIELDS: readonly [RegExp, string][] = [
  [/\.Name\b/, 'input.name'],
  [/SendAt/i, 'input.scheduledAt'],
];

/** The state refusals of the contract: the request was well formed but the record is in the wrong state. */
const CONFLICTS = [/only scheduled campaigns can be updated/i, /only failed messages can be resent/i];

/** The `error` text of a v2 error body, or null when the body is not `{"error": "…"}`. */
function errorText(body: unknown): string | null {
  const parsed = v2ErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

/**
 * Maps a v2 4xx answer to the gateway's error: rule failures to `BAD_USER_INPUT`
 * with the input field they concern, state refusals to `CONFLICT`, `404` to
 * `NOT_FOUND`. The backend's own message is kept. Anything the contract does not
 * describe for that call is `BACKEND_ERROR`.
 */
export function toGatewayError(operation: V2Operation, response: UpstreamResponse, backend: string): GatewayError {
  const text = errorText(response.body);
  const upstreamStatus = response.status;
  const quoted = text === null ? '' : `: ${text}`;
  if (response.status === 404 && (operation === 'update' || operation === 'delete' || operation === 'resend')) {
    return new GatewayError('NOT_FOUND', `backend "${backend}"${quoted || ': not found'}`, { backend, upstreamStatus });
  }
  if (response.status === 400 && text !== null && operation !== 'list' && operation !== 'messages') {
    if (CONFLICTS.some((pattern) => pattern.test(text))) {
      return new GatewayError('CONFLICT', `backend "${backend}" refused${quoted}`, { backend, upstreamStatus });
    }
    const rules = operation === 'create' ? CREATE_FIELDS : operation === 'update' ? UPDATE_FIELDS : [];
    const field = rules.find(([pattern]) => pattern.test(text))?.[1];
    return new GatewayError('BAD_USER_INPUT', `backend "${backend}" rejected the input${quoted}`, { backend, field, upstreamStatus });
  }
  return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${response.status} to ${operation}${quoted}`, {
    backend,
    upstreamStatus,
  });
}
