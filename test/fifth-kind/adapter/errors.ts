import { GatewayError } from '../../../src/model/errors.js';
import type { UpstreamResponse } from '../../../src/adapters/http/upstream-request.js';
import { wireFaultSchema } from './wire.js';

/** The create input field each body field comes from. */
const INPUT_FIELD: Readonly<Record<string, string>> = { headline: 'input.name', media: 'input.channels' };

/**
 * Maps a 4xx answer of the notice board to the contract's error, keeping its
 * `fault`: `422` → `BAD_USER_INPUT` on the input field, `404` → `NOT_FOUND`,
 * anything else → `BACKEND_ERROR`.
 */
export function toGatewayError(response: UpstreamResponse, backend: string, what: string): GatewayError {
  const parsed = wireFaultSchema.safeParse(response.body);
  const said = parsed.success ? parsed.data.fault : `status ${response.status}`;
  const options = { backend, upstreamStatus: response.status };
  if (response.status === 422) {
    const field = parsed.success && parsed.data.field ? INPUT_FIELD[parsed.data.field] : undefined;
    return new GatewayError('BAD_USER_INPUT', `backend "${backend}" rejected ${what}: ${said}`, { ...options, field });
  }
  if (response.status === 404) return new GatewayError('NOT_FOUND', `${what} not found on backend "${backend}" (${said})`, options);
  return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${response.status} to ${what} (${said})`, options);
}
