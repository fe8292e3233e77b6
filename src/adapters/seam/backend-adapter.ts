import type { BackendKind } from '../../model/enums.js';
import type { Campaign } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult } from './campaign-list.js';
import type { BackendFacets } from './facets.js';

/** What every backend does: list and read its campaigns, and close. */
export interface BackendCore {
  /** The configured backend name (`Backend.name`). */
  readonly name: string;
  /** The GraphQL `BackendKind` (its registry entry's `backendKind`). */
  readonly kind: BackendKind;
  /** This backend's part of a cross-backend campaign list. */
  listCampaigns(query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult>;
  /** Campaigns by native id, in the order and length of the ids: null for an unknown one, an Error for one that failed. */
  getCampaigns(nativeIds: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]>;
  /** Closes connection pools. */
  close(): Promise<void>;
}

/** What a backend does that no method shows; each one is a capability. */
export interface BackendBehaviours {
  /** Its `listCampaigns` applies list filters itself (`SEARCH`); default false. */
  readonly pushedDownSearch?: boolean;
  /** It sends a campaign at the time its `scheduledAt` says (`SCHEDULING`); default false. */
  readonly scheduling?: boolean;
}

/**
 * The one interface every backend kind implements: the core, the facets it has
 * (`facets.ts`) and its behaviours. What it can do (`Backend.capabilities`) is
 * computed from these by `capabilitiesOf`, never declared beside them.
 */
export interface BackendAdapter extends BackendCore, BackendFacets {
  readonly behaviours?: BackendBehaviours;
}
