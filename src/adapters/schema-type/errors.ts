import { GatewayError } from '../../model/errors.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { errorBodySchema } from './wire.js';

/** Wire field of a campaign object → the GraphQL input path it comes from. */
const INPUT_PATHS: Readonly<Record<string, string>> = {
  name: 'input.name',
  description: 'input.description',
  workflowId: 'input.workflowId',
  type: 'input.type',
  smsFromAddress: 'input.senders.smsFrom',
  emailFromAddress: 'input.senders.emailFrom',
  callerId: 'input.senders.callerId',
  useForEmail: 'input.channels',
  useForSMS: 'input.channels',
  useForOutbound: 'input.channels',
  useForFax: 'input.channels',
};

/** The GraphQL input path of a wire field, or undefined for fields the gateway never writes. */
function inputPathOf(wireField: string | undefined): string | undefined {
  return wireField === undefined ? undefined : INPUT_PATHS[wireField];
}

/**
 * Maps a 4xx answer of the schema-type service to the contract's error:
 * `400` → `BAD_USER_INPUT` (field = the input path of the first error the
 * gateway can name, every backend message kept), `404` → `NOT_FOUND`,
 * `409` → `CONFLICT`, anything else → `BACKEND_ERROR`.
 * @param what what was asked, for the message (`campaign "cmp_1"`, `the new campaign`)
 */
export function toGatewayError(backend: string, response: UpstreamResponse, what: string): GatewayError {
  const parsed = errorBodySchema.safeParse(response.body);
  const body = parsed.success ? parsed.data : {};
  const said = body.message ?? (typeof response.body === 'string' ? response.body.slice(0, 200) : undefined);
  const options = { backend, upstreamStatus: response.status };
  switch (response.status) {
    case 400:
    case 422: {
      const errors = body.errors ?? [];
      const messages = errors.map((e) => e.message ?? `${e.field ?? 'input'} is invalid`);
      const field = errors.map((e) => inputPathOf(e.field)).find((path) => path !== undefined);
      const detail = messages.length ? messages.join('; ') : (said ?? 'invalid input');
      return new GatewayError('BAD_USER_INPUT', `backend "${backend}" rejected ${what}: ${detail}`, { ...options, field });
    }
    case 404:
      return new GatewayError('NOT_FOUND', `${what} not found on backend "${backend}"${said ? ` (${said})` : ''}`, options);
    case 409:
      return new GatewayError('CONFLICT', `backend "${backend}" refused ${what}: ${said ?? 'conflict'}`, options);
    default:
      return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${response.status} to ${what}`, options);
  }
}
