import type { BackendRequest, BackendResponse } from '../shared/json-server.js';

/** The contract's answer to missing or wrong credentials. */
export const UNAUTHORIZED: BackendResponse = { status: 401, body: { error: 'Unauthorized' } };

/** Accepts exactly `Authorization: Bearer <sessionToken>` (scheme case-insensitive); refuses everything else. */
export function sessionAuth(sessionToken: string): (request: BackendRequest) => BackendResponse | undefined {
  return (request) => {
    const match = /^bearer +(.+)$/i.exec(request.headers.authorization ?? '');
    return match?.[1]?.trim() === sessionToken ? undefined : UNAUTHORIZED;
  };
}
