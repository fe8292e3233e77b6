import { request } from 'undici';
import type { ReferenceBackendSet } from '../../../src/reference-backends/start-all.js';

/**
 * Reads of the reference backends' own state over plain HTTP with each backend's
 * credentials, bypassing the gateway and its adapters: what a write through
 * GraphQL did is checked where it landed, not through the code that made it.
 */

/** One answer of a backend, read to the end. */
export interface BackendAnswer {
  status: number;
  /** The body parsed as JSON; undefined for an empty body. */
  json: any;
}

async function send(url: string, headers: Record<string, string>, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<BackendAnswer> {
  const response = await request(url, {
    method,
    headers: { ...headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, json: text === '' ? undefined : JSON.parse(text) };
}

/** The plain-HTTP views of the four reference backends. */
export function backendState(backends: ReferenceBackendSet) {
  const { workspace, v2, schemaType, touchpoint } = backends;
  const workspaceHeaders = { authorization: `Bearer ${workspace.credentials.sessionToken}` };
  const v2Headers = { 'x-api-key': v2.credentials.apiKey };
  const schemaTypeHeaders = { authorization: `Bearer ${schemaType.credentials.token}`, 'x-tenant-id': schemaType.credentials.tenantId };
  const touchpointHeaders = { authorization: `Bearer ${touchpoint.credentials.token}` };

  return {
    /** `GET /campaigns/{id}` of the workspace: the full campaign with its workflow. */
    workspaceCampaign: (id: string) =>
      send(`${workspace.url}/api/workspaces/${workspace.credentials.workspaceId}/campaigns/${encodeURIComponent(id)}`, workspaceHeaders),

    /** The v2 campaign with this `ID` out of `getAll`, or undefined when it is not listed. */
    async v2Campaign(id: string | number): Promise<any> {
      const answer = await send(`${v2.url}/v2/campaign/getAll?resultSize=1000`, v2Headers);
      if (answer.status !== 200) throw new Error(`v2 getAll answered ${answer.status}`);
      return (answer.json.data as any[]).find((campaign) => String(campaign.ID) === String(id));
    },

    /** `getCampMsgs` of a v2 campaign. */
    v2Messages: (id: string | number) => send(`${v2.url}/v2/campaign/getCampMsgs?campaignID=${id}&resultSize=1000`, v2Headers),

    /** `GET /{id}` of the schema-type campaign collection. */
    schemaTypeCampaign: (id: string) => send(`${schemaType.url}/api/v1/schema-types/campaign/${encodeURIComponent(id)}`, schemaTypeHeaders),

    /** `GET /v1/campaigns/{id}` of the touchpoint API. */
    touchpointCampaign: (id: string) => send(`${touchpoint.url}/v1/campaigns/${encodeURIComponent(id)}`, touchpointHeaders),

    /** `GET /v1/touchpoints/{id}` of the touchpoint API. */
    touchpoint: (id: string) => send(`${touchpoint.url}/v1/touchpoints/${encodeURIComponent(id)}`, touchpointHeaders),

    /** Every touchpoint of a touchpoint-API campaign in position order (one page of 100). */
    touchpointsOf: (campaignId: string) =>
      send(`${touchpoint.url}/v1/touchpoints?campaign_id=${encodeURIComponent(campaignId)}&limit=100`, touchpointHeaders),

    /** `POST /v1/touchpoints/validate`: the touchpoint API's own verdict. */
    touchpointValidation: (id: string) => send(`${touchpoint.url}/v1/touchpoints/validate`, touchpointHeaders, 'POST', { touchpoint_id: id }),
  };
}

export type BackendState = ReturnType<typeof backendState>;
