import { request } from 'undici';
import type { V2ReferenceBackend } from '../../../src/reference-backends/v2/index.js';

/** An answer of the v2 backend: status, parsed JSON body (undefined when not JSON) and raw text. */
export interface V2Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Whatever JSON the server sent; `any` because tests read arbitrary wire fields. */
  body: any;
  text: string;
}

/** Options of one call; `body` is sent verbatim when it is a string, JSON-encoded otherwise. */
export interface V2CallOptions {
  body?: unknown;
  /** The `X-API-Key` to send; default the backend's own key, `null` sends none. */
  apiKey?: string | null;
}

/** Calls the backend over real HTTP. */
export async function callV2(
  backend: V2ReferenceBackend,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: V2CallOptions = {},
): Promise<V2Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const apiKey = options.apiKey === undefined ? backend.credentials.apiKey : options.apiKey;
  if (apiKey !== null) headers['x-api-key'] = apiKey;
  const body =
    options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await request(`${backend.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.body.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, text };
}

/** The order_confirmation template of the seed document: BODY and JSON use {{1}} and {{2}}. */
export const ORDER_CONFIRMATION = 'c8630dcb-dc36-4968-8ca4-26a78893c1e6';

/** A create request that passes every rule, to be varied by each test. */
export function validCreate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Order Confirmation Campaign',
    clients: [
      { accountID: '+966539078942', params: ['John', 'ORD-12345'] },
      { accountID: '+966501234568', params: ['Mona', 'ORD-12346'] },
    ],
    TempMsgID: ORDER_CONFIRMATION,
    ...overrides,
  };
}

/** All campaigns, newest first, as `getAll` returns them. */
export async function allCampaigns(backend: V2ReferenceBackend): Promise<any[]> {
  const answer = await callV2(backend, 'GET', '/v2/campaign/getAll?resultSize=1000');
  return answer.body.data;
}

/** One campaign by id (the API has no get-by-id; this filters getAll). */
export async function campaignById(backend: V2ReferenceBackend, id: number): Promise<any> {
  return (await allCampaigns(backend)).find((campaign: any) => campaign.ID === id);
}
