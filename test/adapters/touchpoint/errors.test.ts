import { describe, expect, it } from 'vitest';
import { toGatewayError } from '../../../src/adapters/touchpoint/errors.js';

const invalid = (param: string | undefined, message: string) => ({
  status: 400,
  body: { error: { code: 'invalid_request', message, ...(param === undefined ? {} : { param }) } },
});

describe('toGatewayError', () => {
  it.each([
    ['name', 'input.name'],
    ['channel_type', 'input.channels'],
    ['message', 'input.message'],
    ['type', 'input.type'],
    ['position', 'input.position'],
    ['campaign_id', 'campaignId'],
  ])('maps a 400 about %s to BAD_USER_INPUT on %s, keeping the message', (param, field) => {
    const error = toGatewayError(invalid(param, `${param} is wrong.`), 'messaging');
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, backend: 'messaging', upstreamStatus: 400 });
    expect(error.message).toContain(`${param} is wrong.`);
    expect(error.message).toContain('messaging');
  });

  it('leaves the field out when the param is missing or unknown', () => {
    expect(toGatewayError(invalid(undefined, 'The request body is not valid JSON.'), 'b').field).toBeUndefined();
    expect(toGatewayError(invalid('limit', 'limit must be between 1 and 100.'), 'b').field).toBeUndefined();
  });

  it('maps 404 to NOT_FOUND and 409 to CONFLICT with the backend message', () => {
    const missing = toGatewayError({ status: 404, body: { error: { code: 'not_found', message: 'No campaign with id cmp_x.' } } }, 'b');
    expect(missing).toMatchObject({ code: 'NOT_FOUND', backend: 'b' });
    expect(missing.message).toContain('No campaign with id cmp_x.');
    expect(toGatewayError({ status: 409, body: { error: { message: 'Name taken.' } } }, 'b')).toMatchObject({ code: 'CONFLICT' });
  });

  it('survives error bodies that are not the documented shape', () => {
    const html = toGatewayError({ status: 400, body: '<html>Bad Request</html>' }, 'b');
    expect(html).toMatchObject({ code: 'BAD_USER_INPUT', field: undefined });
    expect(html.message).toContain('400');
    expect(toGatewayError({ status: 418, body: undefined }, 'b')).toMatchObject({ code: 'BACKEND_ERROR', backend: 'b' });
  });
});
