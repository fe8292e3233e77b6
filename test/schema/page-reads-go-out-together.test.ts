import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestHold } from '../../src/reference-backends/shared/request-hold.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const PAGE = 'query ($first: Int) { campaigns(first: $first, filter: { backends: ["growth", "messaging"] }) { nodes { id nativeId name channels touchpoints { id } backend { name } } } }';

let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(async () => {
  for (const backend of harness.backends.all) backend.hold.release();
  await harness.close();
});

/** Waits until `count` requests are held, failing with how many were when they do not all arrive together. */
async function allHeld(hold: RequestHold, count: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${hold.held} of ${count} requests were open at once`)), 5000);
  });
  try {
    await Promise.race([hold.whenHeld(count), stuck]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the reads that depend on which campaigns are on a page', () => {
  it('go out together, in one round after the lists: every full record and touchpoint list of the page is open at once', async () => {
    const lean = await harness.execute<{ campaigns: { nodes: { backend: { name: string } }[] } }>(
      '{ campaigns(first: 20, filter: { backends: ["growth", "messaging"] }) { nodes { backend { name } } } }',
    );
    const onPage = (name: string) => lean.data!.campaigns.nodes.filter((n) => n.backend.name === name).length;
    const [workspaceCampaigns, touchpointCampaigns] = [onPage('growth'), onPage('messaging')];
    expect(workspaceCampaigns).toBeGreaterThanOrEqual(5);
    expect(touchpointCampaigns).toBeGreaterThanOrEqual(5);

    const { workspace, touchpoint } = harness.backends;
    workspace.hold.hold({ method: 'GET', path: /\/campaigns\/[^/]+$/ });
    touchpoint.hold.hold({ path: '/v1/touchpoints' });
    const answer = harness.execute<{ campaigns: { nodes: { backend: { name: string } }[] } }>(PAGE, { first: 20 });
    // Held until all of them are open: reads sent a few at a time, or one after another, never get there.
    await Promise.all([allHeld(workspace.hold, workspaceCampaigns), allHeld(touchpoint.hold, touchpointCampaigns)]);
    expect(workspace.hold.held).toBe(workspaceCampaigns);
    expect(touchpoint.hold.held).toBe(touchpointCampaigns);
    workspace.hold.release();
    touchpoint.hold.release();

    const result = await answer;
    expect(result.errors).toBeUndefined();
    expect(result.data!.campaigns.nodes).toHaveLength(workspaceCampaigns + touchpointCampaigns);
  });
});
