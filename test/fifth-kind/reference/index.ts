import type { ReferenceBackend, ReferenceBackendKind, ReferenceBackendOptions } from '../../../src/reference-backends/shared/reference-backend.js';
import { systemClock } from '../../../src/reference-backends/shared/clock.js';
import { FaultSwitches } from '../../../src/reference-backends/shared/faults.js';
import { startJsonServer, type BackendRequest, type BackendResponse, type Route } from '../../../src/reference-backends/shared/json-server.js';
import { RequestHold } from '../../../src/reference-backends/shared/request-hold.js';
import { RequestLog } from '../../../src/reference-backends/shared/request-log.js';
import { BulletinStore, MEDIA, type StoredBulletin } from './bulletin-store.js';
import { SEED_BULLETINS } from './seed-data.js';

/**
 * A tiny notice-board service with a wire format of its own, the reference
 * backend of the test-only `bulletin` kind:
 * - `GET /accounts/{account}/bulletins?page=1&size=50` → `{ bulletins, page, pages }`;
 * - `GET /accounts/{account}/bulletins/{ref}` → the bulletin, or `404 { fault }`;
 * - `POST /accounts/{account}/bulletins` `{ headline, media }` → `201` the new bulletin,
 *   `422 { fault, field }` for a bad one;
 * - `DELETE /accounts/{account}/bulletins/{ref}` → `204`, or `404`.
 * Every request carries `X-Bulletin-Key`; a wrong one is `401`.
 */
export type BulletinReferenceBackend = ReferenceBackend<{ accountId: string; apiSecret: string }, 'bulletin'>;

/** Options of {@link startBulletinBackend}. */
export interface BulletinBackendOptions extends ReferenceBackendOptions {
  /** The key every request must carry; default `bulletin-demo-secret`. */
  apiSecret?: string;
}

const ACCOUNT = 'acct-elm-street';
const MAX_PAGE_SIZE = 50;

const fault = (status: number, text: string, field?: string): BackendResponse => ({ status, body: field ? { fault: text, field } : { fault: text } });

function routes(store: BulletinStore): Route[] {
  const collection = `/accounts/:account/bulletins`;
  const knownAccount = (request: BackendRequest) => request.params['account'] === ACCOUNT;
  const noAccount = fault(404, 'no such account');
  return [
    {
      method: 'GET',
      path: collection,
      handler: (request) => {
        if (!knownAccount(request)) return noAccount;
        const page = Number(request.query.get('page') ?? '1');
        const size = Number(request.query.get('size') ?? String(MAX_PAGE_SIZE));
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
          return fault(422, `page must be 1 or more and size 1 to ${MAX_PAGE_SIZE}`, 'page');
        }
        const all = store.all();
        const pages = Math.max(1, Math.ceil(all.length / size));
        return { status: 200, body: { bulletins: all.slice((page - 1) * size, page * size), page, pages } };
      },
    },
    {
      method: 'GET',
      path: `${collection}/:ref`,
      handler: (request) => {
        if (!knownAccount(request)) return noAccount;
        const bulletin = store.get(request.params['ref']!);
        return bulletin ? { status: 200, body: bulletin } : fault(404, 'no such bulletin');
      },
    },
    {
      method: 'POST',
      path: collection,
      handler: (request) => {
        if (!knownAccount(request)) return noAccount;
        let body: { headline?: unknown; media?: unknown };
        try {
          body = JSON.parse(request.rawBody) as typeof body;
        } catch {
          return fault(400, 'the body is not JSON');
        }
        if (typeof body.headline !== 'string' || body.headline.trim() === '') return fault(422, 'headline must not be blank', 'headline');
        const media = body.media ?? [];
        if (!Array.isArray(media) || !media.every((medium) => (MEDIA as readonly unknown[]).includes(medium))) {
          return fault(422, `media must be a list of ${MEDIA.join(', ')}`, 'media');
        }
        return { status: 201, body: store.add(body.headline, media as StoredBulletin['media']) };
      },
    },
    {
      method: 'DELETE',
      path: `${collection}/:ref`,
      handler: (request) => {
        if (!knownAccount(request)) return noAccount;
        return store.remove(request.params['ref']!) ? { status: 204 } : fault(404, 'no such bulletin');
      },
    },
  ];
}

/** Starts the notice board on `options.port` (default any), seeded unless `seed` is false. */
export async function startBulletinBackend(options: BulletinBackendOptions = {}): Promise<BulletinReferenceBackend> {
  const apiSecret = options.apiSecret ?? 'bulletin-demo-secret';
  const store = new BulletinStore(options.clock ?? systemClock);
  if (options.seed ?? true) store.load(SEED_BULLETINS);
  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const hold = new RequestHold();
  const unauthorized = fault(401, 'the bulletin key is not valid');
  const server = await startJsonServer({
    port: options.port,
    host: options.host,
    routes: routes(store),
    authenticate: (request) => (request.headers['x-bulletin-key'] === apiSecret ? undefined : unauthorized),
    notFound: fault(404, 'no such endpoint'),
    unauthorized,
    faults,
    requests,
    hold,
  });
  return {
    kind: 'bulletin',
    url: server.url,
    credentials: { accountId: ACCOUNT, apiSecret },
    faults,
    requests,
    hold,
    configEntry: (name) => ({ name, kind: 'bulletin', baseUrl: server.url, accountId: ACCOUNT, apiSecret }),
    close: () => server.close(),
  };
}

/** The `bulletin` kind's reference backend in a registry: `noticeboard` in the demo. */
export const bulletinReference: ReferenceBackendKind<BulletinReferenceBackend> = {
  demoName: 'noticeboard',
  start: (options) => startBulletinBackend(options),
  exampleCreateInput: (_backend, stamp) => ({ name: `Street party ${stamp}`, channels: ['EMAIL', 'PUSH'] }),
};
