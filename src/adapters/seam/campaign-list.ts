import type { GatewayError } from '../../model/errors.js';
import type { CampaignFilter, CampaignOrder, SortPosition } from '../../model/campaign-query.js';
import type { Campaign } from '../../model/unified.js';

/** A request for one backend's part of a cross-backend campaign list. */
export interface CampaignListQuery {
  order: CampaignOrder;
  filter: CampaignFilter;
  /** Only campaigns strictly after this position are wanted (null: from the start). */
  after: SortPosition | null;
  /** Where this adapter said to resume, saved in the cursor by an earlier page (null: from the start). */
  resume: string | null;
  /** The gateway needs at most this many campaigns from this backend. */
  limit: number;
}

/** One campaign of a list answer, with where to resume after it. */
export interface ListedCampaign {
  campaign: Campaign;
  /**
   * Opaque token that lets the adapter continue after this campaign without
   * re-reading from the start; null when the adapter always reads everything.
   * It must point at or before the first campaign that ties with this one on
   * the sort value, so that no tied campaign is skipped.
   */
  resume: string | null;
}

/**
 * One backend's answer to a {@link CampaignListQuery}. The gateway sorts, filters
 * and drops campaigns at or before `after` itself, so an adapter may return a
 * superset; it must include the first `limit` matching campaigns after `after`
 * (or all of them when there are fewer).
 *
 * A campaign may come in the backend's list form, marked with the fields it
 * `lacks`: the gateway then reads the full record (`getCampaigns`) of those it
 * hands out, and only when a lacking field is selected. The fields the filter
 * and the order look at must be known, so an adapter whose list form lacks one
 * of them reads the full records it needs to decide.
 */
export interface CampaignListResult {
  items: ListedCampaign[];
  /** True when `items` holds every campaign of the backend that matches the filter, whatever `after` says. */
  exhaustive: boolean;
  /** True when there may be matching campaigns after the last item that were not returned. */
  hasMore: boolean;
  /** Exact number of campaigns matching the whole filter when the backend says so cheaply; else null. */
  totalCount: number | null;
  /** Records the backend sent that do not match its wire schema (left out of `items`). */
  recordErrors: GatewayError[];
}
