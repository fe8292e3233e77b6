import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignDetailDocument, DeleteCampaignDocument, TouchpointByIdDocument } from '../generated/graphql.js';
import { encodeGlobalId } from '../../src/model/global-id.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

/**
 * A global id is base64url JSON anyone can write. A native id of `.` or `..`
 * would become a dot segment of the upstream path (`/v1/campaigns/..` is
 * `/v1/`; `encodeURIComponent` leaves dots alone), addressing the collection or
 * its parent instead of a record, a delete included. Such ids are refused as
 * bad input, and nothing is sent.
 */
let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

describe('an id whose native part is a dot segment', () => {
  it.each(['.', '..'])('%s: refused by campaign, touchpoint and deleteCampaign with nothing sent upstream', async (dots) => {
    harness.clearUpstreamRequests();
    for (const backend of ['growth', 'broadcast', 'contact-center', 'messaging']) {
      const id = encodeGlobalId('Campaign', [backend, dots]);
      const read = await harness.execute(CampaignDetailDocument, { id });
      expect(read.errors?.[0]?.extensions?.code, backend).toBe('BAD_USER_INPUT');
      const deleted = await harness.execute(DeleteCampaignDocument, { id });
      expect(deleted.errors?.[0]?.extensions?.code, backend).toBe('BAD_USER_INPUT');
      const touchpoint = await harness.execute(TouchpointByIdDocument, { id: encodeGlobalId('Touchpoint', [backend, 'c1', dots]) });
      expect(touchpoint.errors?.[0]?.extensions?.code, backend).toBe('BAD_USER_INPUT');
    }
    expect(harness.upstreamRequests()).toEqual([]);
  });

  it('leaves ids with dots inside alone: asked for, and not there', async () => {
    harness.clearUpstreamRequests();
    const read = await harness.execute(CampaignDetailDocument, { id: encodeGlobalId('Campaign', ['messaging', 'v1.2']) });
    expect(read.errors).toBeUndefined();
    expect(read.data!.campaign).toBeNull();
    expect(harness.upstreamRequests().map((r) => r.path)).toContain('/v1/campaigns/v1.2');
  });
});
