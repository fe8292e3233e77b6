import { systemClock } from '../shared/clock.js';
import { FaultSwitches } from '../shared/faults.js';
import { startJsonServer, type BackendRequest, type BackendResponse } from '../shared/json-server.js';
import type { ReferenceBackend, ReferenceBackendKind, ReferenceBackendOptions } from '../shared/reference-backend.js';
import { RequestHold } from '../shared/request-hold.js';
import { RequestLog } from '../shared/request-log.js';
import { ApiError } from './api-error.js';
import { createIdGenerator } from './ids.js';
import { touchpointApiRoutes } from './routes.js';
import { SEED_CAMPAIGNS, SEED_TOUCHPOINTS } from './seed-data.js';
import { TouchpointStore } from './store.js';

/** Options of {@link startTouchpointBackend}. */
export interface TouchpointBackendOptions extends ReferenceBackendOptions {
  /** The bearer token every request must carry; default `tp-demo-token`. */
  token?: string;
}

/** A running touchpoint reference backend; its credentials are the config's `token`. */
export type TouchpointReferenceBackend = ReferenceBackend<{ token: string }, 'touchpoint'>;

const UNAUTHORIZED: BackendResponse = new ApiError('unauthorized', 'The bearer token is not valid.').toResponse();
const MISSING_TOKEN: BackendResponse = new ApiError(
  'unauthorized',
  'No bearer token was sent; send the header Authorization: Bearer <token>.',
).toResponse();
const NO_SUCH_ENDPOINT: BackendResponse = new ApiError('not_found', 'There is no such endpoint.').toResponse();

function authenticator(token: string) {
  return (request: BackendRequest): BackendResponse | undefined => {
    const header = request.headers.authorization;
    if (!header) return MISSING_TOKEN;
    // The auth scheme is case-insensitive (RFC 9110 §11.1); the token is not.
    const [, sent] = /^bearer +(.+)$/i.exec(header.trim()) ?? [];
    return sent === token ? undefined : UNAUTHORIZED;
  };
}

/**
 * Starts the faithful reference server of the `touchpoint` wire contract
 * (`/v1/campaigns`, `/v1/touchpoints`, bearer auth), with the demo data unless
 * `seed` is false.
 */
export async function startTouchpointBackend(options: TouchpointBackendOptions = {}): Promise<TouchpointReferenceBackend> {
  const token = options.token ?? 'tp-demo-token';
  const clock = options.clock ?? systemClock;
  const store = new TouchpointStore(clock, createIdGenerator(clock));
  if (options.seed ?? true) store.load(SEED_CAMPAIGNS, SEED_TOUCHPOINTS);

  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const hold = new RequestHold();
  const server = await startJsonServer({
    port: options.port,
    host: options.host,
    routes: touchpointApiRoutes(store),
    authenticate: authenticator(token),
    notFound: NO_SUCH_ENDPOINT,
    unauthorized: UNAUTHORIZED,
    faults,
    requests,
    hold,
  });

  return {
    kind: 'touchpoint',
    url: server.url,
    credentials: { token },
    faults,
    requests,
    hold,
    configEntry: (name) => ({ name, kind: 'touchpoint', baseUrl: server.url, token }),
    close: () => server.close(),
  };
}

/** The `touchpoint` kind's reference backend in the registry: `messaging` in the demo. */
export const touchpointReference: ReferenceBackendKind<TouchpointReferenceBackend> = {
  demoName: 'messaging',
  start: (options) => startTouchpointBackend(options),
  exampleCreateInput: (_backend, stamp) => ({ name: `Newsletter ${stamp}`, channels: ['EMAIL'] }),
};
