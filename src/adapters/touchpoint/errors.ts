import { GatewayError } from '../../model/errors.js';
import type { UpstreamResponse } from '../http/upstream-request.js';
import { wireErrorSchema } from './wire.js';

/** The GraphQL input path of each request field the API names in `param`. */
const FIELD_OF_PARAM: Record<string, string> = {
  name: 'input.name',
  channel_type: 'input.channels',
  message: 'input.message',
  type: 'input.type',
  position: 'input.position',
  campaign_id: 'campaignId',
  touchpoint_id: 'id',
  // Only a resume token that was tampered with reaches the API as a bad cursor.
  cursor: 'after',
};

/**
 * Maps a `4xx` answer of the touchpoint API to a contract error, keeping the
 * API's own message: `400` → `BAD_USER_INPUT` (with the input field its `param`
 * names), `404` → `NOT_FOUND`, `409` → `CONFLICT`; any other status breaks the
 * wire contract and is `BACKEND_ERROR`.
 */
export function toGatewayError(response: Pick<UpstreamResponse, 'status' | 'body'>, backend: string): GatewayError {
  const parsed = wireErrorSchema.safeParse(response.body);
  const detail = parsed.success ? parsed.data.error : undefined;
  const said = detail?.message ? `: ${detail.message}` : ` (${response.status})`;
  const upstreamStatus = response.status;
  switch (response.status) {
    case 400:
    case 422: {
      const field = detail?.param ? FIELD_OF_PARAM[detail.param] : undefined;
      return new GatewayError('BAD_USER_INPUT', `backend "${backend}" rejected the input${said}`, { backend, field, upstreamStatus });
    }
    case 404:
      return new GatewayError('NOT_FOUND', `backend "${backend}" found nothing${said}`, { backend, upstreamStatus });
    case 409:
      return new GatewayError('CONFLICT', `backend "${backend}" refused${said}`, { backend, upstreamStatus });
    default:
      return new GatewayError('BACKEND_ERROR', `backend "${backend}" answered ${response.status}, which its contract does not allow here`, {
        backend,
        upstreamStatus,
      });
  }
}
