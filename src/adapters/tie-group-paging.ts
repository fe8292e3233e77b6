import { comparePositions, matchesFilter, sortPosition, sortValue } from '../model/campaign-order.js';
import type { GatewayError } from '../model/errors.js';
import type { Campaign } from '../model/unified.js';
import type { CampaignListQuery, ListedCampaign } from './seam/campaign-list.js';

/**
 * One record of a backend's list, in the order the backend lists them (the
 * requested order, but for how it orders ties), with where reading again
 * reaches it: a resume token the adapter can start from.
 */
export type NativeEntry = { campaign: Campaign; from: string } | { error: GatewayError; from: string };

/** Options of {@link readThroughTieGroup}. */
export interface TieGroupOptions {
  /**
   * Reading stops, as at the end of the list, at the first campaign for which
   * this is true: past it nothing can match (a newest-first list past the
   * filter's `createdAfter`). Default: never.
   */
  endsAt?: (campaign: Campaign) => boolean;
}

/** What {@link readThroughTieGroup} read. */
export interface TieGroupRead {
  /** The matching campaigns read (some may lie at or before `query.after`: the gateway drops those). */
  items: ListedCampaign[];
  /** The records left out for breaking the wire contract. */
  recordErrors: GatewayError[];
  /** True when the list ended (or `endsAt` said so) before enough campaigns were read: nothing further can match. */
  reachedEnd: boolean;
}

/**
 * Reads a backend's list, entry by entry, until `query.limit` campaigns after
 * `query.after` match the filter and the whole tie group of the last of them
 * (the campaigns with its sort value) has been read: the gateway orders a tie
 * by global id, which the backend's order knows nothing about, so a tied
 * campaign left unread could be skipped for good.
 *
 * Each item resumes at its tie group's start: the `from` of the group's first
 * entry, or of the unreadable entries just before it, which may belong to the
 * group. Reading again from there never skips a campaign tied with the last
 * one handed out, whatever order the backend gives ties in. A campaign the
 * backend lists twice (offset paging over a list that grew) is taken once.
 */
export async function readThroughTieGroup(entries: AsyncIterable<NativeEntry>, query: CampaignListQuery, options: TieGroupOptions = {}): Promise<TieGroupRead> {
  const { order, filter, after } = query;
  const limit = Math.max(1, query.limit);
  const items: ListedCampaign[] = [];
  const recordErrors: GatewayError[] = [];
  const seen = new Set<string>();
  let counted = 0;
  // The sort value of the limit-th match, once there is one: its tie group is the last to read.
  let boundary: { value: string | null } | undefined;
  let group: { value: string | null; from: string } | undefined;
  let unreadableFrom: string | undefined;

  for await (const entry of entries) {
    if ('error' in entry) {
      recordErrors.push(entry.error);
      unreadableFrom ??= entry.from;
      continue;
    }
    const { campaign } = entry;
    const value = sortValue(campaign, order.field);
    if (boundary && value !== boundary.value) return { items, recordErrors, reachedEnd: false };
    if (options.endsAt?.(campaign)) break;
    if (!group || group.value !== value) group = { value, from: unreadableFrom ?? entry.from };
    unreadableFrom = undefined;
    if (seen.has(campaign.nativeId) || !matchesFilter(campaign, filter)) continue;
    seen.add(campaign.nativeId);
    items.push({ campaign, resume: group.from });
    if (!after || comparePositions(sortPosition(campaign, order), after, order.direction) > 0) {
      counted += 1;
      if (counted === limit) boundary = { value };
    }
  }
  return { items, recordErrors, reachedEnd: true };
}
