import type { BackendRequest, BackendResponse, Route, RouteHandler } from '../shared/json-server.js';
import { toCampaignDetail, toCampaignSummary } from './campaign-json.js';
import type { CampaignStore, StoredCampaign } from './campaign-store.js';
import { parseCampaignCreate, parseCampaignPatch, parseEnrollRequest, parseExecuteRequest } from './validate.js';

/** Options of {@link createWorkspaceRoutes}. */
export interface WorkspaceRoutesOptions {
  /** The one workspace this backend serves; any other id in a path is `404 Workspace not found`. */
  workspaceId: string;
  store: CampaignStore;
}

/** The answer to a path or method no route matches. */
export const ROUTE_NOT_FOUND: BackendResponse = { status: 404, body: { error: 'Not found' } };
const WORKSPACE_NOT_FOUND: BackendResponse = { status: 404, body: { error: 'Workspace not found' } };
const CAMPAIGN_NOT_FOUND: BackendResponse = { status: 404, body: { error: 'Campaign not found' } };
const CAMPAIGN_NOT_ACTIVE: BackendResponse = { status: 409, body: { error: 'Campaign is not active' } };

const BASE = '/api/workspaces/:workspaceId/campaigns';

/** Every endpoint of the workspace wire contract, under `/api/workspaces/{workspaceId}`. */
export function createWorkspaceRoutes({ workspaceId, store }: WorkspaceRoutesOptions): Route[] {
  const inWorkspace =
    (handler: RouteHandler): RouteHandler =>
    (request) =>
      request.params['workspaceId'] === workspaceId ? handler(request) : WORKSPACE_NOT_FOUND;

  const withCampaign = (handler: (request: BackendRequest, campaign: StoredCampaign) => BackendResponse) =>
    inWorkspace((request) => {
      const campaign = store.get(request.params['id'] ?? '');
      return campaign ? handler(request, campaign) : CAMPAIGN_NOT_FOUND;
    });

  return [
    {
      method: 'GET',
      path: BASE,
      handler: inWorkspace(() => ({ status: 200, body: store.list().map(toCampaignSummary) })),
    },
    {
      method: 'POST',
      path: BASE,
      handler: inWorkspace((request) => {
        const input = parseCampaignCreate(request.rawBody);
        if (!input.ok) return input.response;
        return { status: 201, body: toCampaignDetail(store.create(input.value)) };
      }),
    },
    {
      method: 'GET',
      path: `${BASE}/:id`,
      handler: withCampaign((_request, campaign) => ({ status: 200, body: toCampaignDetail(campaign) })),
    },
    {
      method: 'PATCH',
      path: `${BASE}/:id`,
      handler: withCampaign((request, campaign) => {
        const patch = parseCampaignPatch(request.rawBody);
        if (!patch.ok) return patch.response;
        const updated = store.update(campaign.id, patch.value);
        return updated ? { status: 200, body: toCampaignDetail(updated) } : CAMPAIGN_NOT_FOUND;
      }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/:id`,
      handler: withCampaign((_request, campaign) => {
        store.delete(campaign.id);
        return { status: 204 };
      }),
    },
    {
      method: 'POST',
      path: `${BASE}/:id/execute`,
      handler: withCampaign((request, campaign) => {
        const execution = parseExecuteRequest(request.rawBody);
        if (!execution.ok) return execution.response;
        const result = store.execute(campaign.id);
        if (!result) return CAMPAIGN_NOT_FOUND;
        return { status: 200, body: { executed: true, executionId: result.executionId } };
      }),
    },
    {
      method: 'POST',
      path: `${BASE}/:id/enroll`,
      handler: withCampaign((request, campaign) => {
        const enrollment = parseEnrollRequest(request.rawBody);
        if (!enrollment.ok) return enrollment.response;
        const result = store.enroll(campaign.id, enrollment.value.contactIds);
        if (result === undefined) return CAMPAIGN_NOT_FOUND;
        if (result === 'not_active') return CAMPAIGN_NOT_ACTIVE;
        return { status: 200, body: result };
      }),
    },
  ];
}
