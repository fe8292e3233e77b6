import type { GatewayHarness } from '../../support/gateway-harness.js';
import type { ReferenceBackend } from '../../../src/reference-backends/shared/reference-backend.js';
import type { KindName } from '../../support/backend-kinds.js';

/** Every registered kind, and the configured name of each one's reference backend in the gateway harness. */
export { KINDS, NAME_OF_KIND, type KindName } from '../../support/backend-kinds.js';

/** Every campaign of every backend, newest first, with its backend's name. */
export const ALL_CAMPAIGNS = /* GraphQL */ `
  query AllCampaigns {
    campaigns(first: 100) { totalCount nodes { id name backend { name } } }
  }
`;

export interface ListedNode {
  id: string;
  name: string;
  backend: { name: string };
}

/** An error as a client receives it. */
export interface ClientError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; backend?: string; [key: string]: unknown };
}

/** The campaigns and errors of an {@link ALL_CAMPAIGNS} answer. */
export async function allCampaigns(harness: GatewayHarness): Promise<{ nodes: ListedNode[]; errors: ClientError[]; totalCount: number | null }> {
  const result = await harness.execute<{ campaigns: { totalCount: number | null; nodes: ListedNode[] } }>(ALL_CAMPAIGNS);
  return {
    nodes: result.data?.campaigns.nodes ?? [],
    totalCount: result.data?.campaigns.totalCount ?? null,
    errors: (result.errors ?? []) as unknown as ClientError[],
  };
}

/** The reference backend of a kind. */
export function backendOf(harness: GatewayHarness, kind: KindName): ReferenceBackend {
  return harness.backends[kind];
}

/** Switches every fault off (a refusing backend listens again) and forgets the requests seen so far. */
export async function clearFaults(harness: GatewayHarness): Promise<void> {
  await Promise.all(harness.backends.all.map((b) => b.faults.clear()));
  harness.clearUpstreamRequests();
}

/**
 * Breaker settings that never open it: for tests whose subject is another failure,
 * so that failures of earlier cases do not turn later ones into `circuit open`.
 */
export const BREAKER_NEVER_OPENS = { volumeThreshold: 10_000 } as const;
