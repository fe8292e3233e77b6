import type { CampaignFilter, CampaignOrder, SortPosition } from './campaign-query.js';
import { campaignGlobalId } from './global-id.js';
import type { Campaign } from './unified.js';

/** The value a campaign sorts by: an ISO time, or the lower-cased name. */
export function sortValue(campaign: Campaign, field: CampaignOrder['field']): string | null {
  switch (field) {
    case 'CREATED_AT':
      return campaign.createdAt;
    case 'UPDATED_AT':
      return campaign.updatedAt;
    case 'NAME':
      return campaign.name.toLowerCase();
  }
}

/** The position of a campaign in an order: its sort value, ties broken by global id. */
export function sortPosition(campaign: Campaign, order: CampaignOrder): SortPosition {
  return { value: sortValue(campaign, order.field), id: campaignGlobalId(campaign) };
}

/**
 * Compares two positions in the requested order. Missing values sort before
 * every value (so last when descending); ties are broken by global id, in the
 * same direction, which makes the order total and paging stable.
 */
export function comparePositions(a: SortPosition, b: SortPosition, direction: CampaignOrder['direction']): number {
  const byValue = compareNullable(a.value, b.value);
  const result = byValue !== 0 ? byValue : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return direction === 'ASC' ? result : -result;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Whether a campaign passes every filter (CONTRACT.md: channels match any, name case-insensitive, time bounds exclusive). */
export function matchesFilter(campaign: Campaign, filter: CampaignFilter): boolean {
  if (filter.status?.length && !filter.status.includes(campaign.status)) return false;
  if (filter.channels?.length && !campaign.channels.some((c) => filter.channels!.includes(c))) return false;
  if (filter.nameContains && !campaign.name.toLowerCase().includes(filter.nameContains.toLowerCase())) return false;
  if (filter.createdAfter && !(campaign.createdAt !== null && campaign.createdAt > filter.createdAfter)) return false;
  if (filter.createdBefore && !(campaign.createdAt !== null && campaign.createdAt < filter.createdBefore)) return false;
  return true;
}
