import { systemClock } from '../shared/clock.js';
import { FaultSwitches } from '../shared/faults.js';
import { startJsonServer } from '../shared/json-server.js';
import type { ReferenceBackend, ReferenceBackendKind, ReferenceBackendOptions } from '../shared/reference-backend.js';
import { RequestHold } from '../shared/request-hold.js';
import { RequestLog } from '../shared/request-log.js';
import { CampaignStore } from './campaign-store.js';
import { createWorkspaceRoutes, ROUTE_NOT_FOUND } from './routes.js';
import { seedCampaigns } from './seed-data.js';
import { sessionAuth, UNAUTHORIZED } from './session-auth.js';

/** Options of {@link startWorkspaceBackend}. */
export interface WorkspaceBackendOptions extends ReferenceBackendOptions {
  /** The workspace the backend serves (default `ws_demo`); any other id is `404 Workspace not found`. */
  workspaceId?: string;
  /** The session token every request must carry as `Authorization: Bearer …` (default `ws-demo-session-token`). */
  sessionToken?: string;
}

/** A running reference backend of kind `workspace`. */
export type WorkspaceReferenceBackend = ReferenceBackend<{ workspaceId: string; sessionToken: string }, 'workspace'>;

/**
 * Starts a faithful HTTP server for the `workspace` wire contract
 * (`/work/shared/backends/workspace.md`), seeded with demo campaigns unless `seed: false`.
 */
export async function startWorkspaceBackend(options: WorkspaceBackendOptions = {}): Promise<WorkspaceReferenceBackend> {
  const workspaceId = options.workspaceId ?? 'ws_demo';
  const sessionToken = options.sessionToken ?? 'ws-demo-session-token';
  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const hold = new RequestHold();
  const store = new CampaignStore({
    clock: options.clock ?? systemClock,
    campaigns: options.seed === false ? [] : seedCampaigns,
  });
  const server = await startJsonServer({
    port: options.port,
    host: options.host,
    routes: createWorkspaceRoutes({ workspaceId, store }),
    authenticate: sessionAuth(sessionToken),
    notFound: ROUTE_NOT_FOUND,
    unauthorized: UNAUTHORIZED,
    faults,
    requests,
    hold,
  });
  const credentials = { workspaceId, sessionToken };
  return {
    kind: 'workspace',
    url: server.url,
    credentials,
    faults,
    requests,
    hold,
    configEntry: (name) => ({ name, kind: 'workspace', baseUrl: server.url, ...credentials }),
    close: () => server.close(),
  };
}

/** The `workspace` kind's reference backend in the registry: `growth` in the demo. */
export const workspaceReference: ReferenceBackendKind<WorkspaceReferenceBackend> = {
  demoName: 'growth',
  start: (options) => startWorkspaceBackend(options),
  exampleCreateInput: (_backend, stamp) => ({ name: `Spring onboarding ${stamp}`, type: 'AUTOMATED', description: 'Welcome journey for new sign-ups' }),
};
