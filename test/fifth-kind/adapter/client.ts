import type { BackendHttpClient } from '../../../src/adapters/http/backend-client.js';
import type { CallContext } from '../../../src/adapters/http/call-context.js';
import { clientForBackend } from '../../../src/adapters/http/client-for-backend.js';
import type { AdapterDeps } from '../../../src/adapters/seam/adapter-factory.js';
import { parseAnswer, parseRecords, type ParsedRecords } from '../../../src/adapters/wire-records.js';
import type { BulletinConfig } from './config.js';
import { toGatewayError } from './errors.js';
import { wireBulletinPageSchema, wireBulletinSchema, type WireBulletin, type WireNewBulletin } from './wire.js';

/** The API of one notice-board account: its HTTP client (which sends the key) and the account. */
export interface BulletinApi {
  http: BackendHttpClient;
  accountId: string;
}

/** The API of a `bulletin` backend entry. */
export function connectBulletin(config: BulletinConfig, deps: AdapterDeps): BulletinApi {
  return { http: clientForBackend(config, deps, { 'x-bulletin-key': config.apiSecret }), accountId: config.accountId };
}

/** The most bulletins one list page holds. */
export const PAGE_SIZE = 50;

const bulletinsPath = (api: BulletinApi) => `/accounts/${encodeURIComponent(api.accountId)}/bulletins`;
const bulletinPath = (api: BulletinApi, ref: string) => `${bulletinsPath(api)}/${encodeURIComponent(ref)}`;
const describe = (record: unknown, index: number) => {
  const ref = (record as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' ? `bulletin ${ref}` : `bulletin #${index + 1} of a page`;
};

/** `GET …/bulletins?page=&size=`: one page, its bulletins checked one by one, and how many pages there are. */
export async function listBulletinPage(api: BulletinApi, page: number, ctx: CallContext): Promise<ParsedRecords<WireBulletin> & { pages: number }> {
  const response = await api.http.request({ method: 'GET', path: bulletinsPath(api), query: { page, size: PAGE_SIZE } }, ctx);
  if (response.status !== 200) throw toGatewayError(response, api.http.backend, 'the bulletin list');
  const answer = parseAnswer(wireBulletinPageSchema, response.body, api.http.backend, 'a bulletin page');
  return { ...parseRecords(wireBulletinSchema, answer.bulletins, api.http.backend, describe), pages: answer.pages };
}

/** `GET …/bulletins/{ref}`; null when there is none. */
export async function getBulletin(api: BulletinApi, ref: string, ctx: CallContext): Promise<WireBulletin | null> {
  const response = await api.http.request({ method: 'GET', path: bulletinPath(api, ref) }, ctx);
  if (response.status === 404) return null;
  if (response.status !== 200) throw toGatewayError(response, api.http.backend, `bulletin ${ref}`);
  return parseAnswer(wireBulletinSchema, response.body, api.http.backend, `bulletin ${ref}`);
}

/** `POST …/bulletins`: the new bulletin. */
export async function postBulletin(api: BulletinApi, body: WireNewBulletin, ctx: CallContext): Promise<WireBulletin> {
  const response = await api.http.request({ method: 'POST', path: bulletinsPath(api), body }, ctx);
  if (response.status !== 201) throw toGatewayError(response, api.http.backend, 'the new bulletin');
  return parseAnswer(wireBulletinSchema, response.body, api.http.backend, 'the created bulletin');
}

/** `DELETE …/bulletins/{ref}`. */
export async function deleteBulletin(api: BulletinApi, ref: string, ctx: CallContext): Promise<void> {
  const response = await api.http.request({ method: 'DELETE', path: bulletinPath(api, ref) }, ctx);
  if (response.status !== 204) throw toGatewayError(response, api.http.backend, `bulletin ${ref}`);
}
