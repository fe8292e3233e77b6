import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import type { ChildKey } from '../model/unified.js';
import { decodeGlobalIdOf, type NodeTypeName } from '../model/global-id.js';
import type { GatewayContext } from '../server/context.js';

/** The adapter and native id a mutation on a campaign goes to. */
export interface CampaignTarget {
  adapter: BackendAdapter;
  nativeId: string;
}

/** The adapter and native key a mutation on a touchpoint or message goes to. */
export interface ChildTarget {
  adapter: BackendAdapter;
  key: ChildKey;
}

/** Decodes a campaign id for a mutation (`BAD_USER_INPUT` when malformed or naming a backend the gateway does not have). */
export function campaignTarget(ctx: GatewayContext, id: string, field: string): CampaignTarget {
  const [backend, nativeId] = decodeGlobalIdOf('Campaign', id, field) as [string, string];
  return { adapter: ctx.backends.forId(backend, field), nativeId };
}

/** Decodes a touchpoint or message id for a mutation. */
export function childTarget(ctx: GatewayContext, typename: Extract<NodeTypeName, 'Touchpoint' | 'Message'>, id: string, field: string): ChildTarget {
  const [backend, campaignNativeId, nativeId] = decodeGlobalIdOf(typename, id, field) as [string, string, string];
  return { adapter: ctx.backends.forId(backend, field), key: { campaignNativeId, nativeId } };
}
