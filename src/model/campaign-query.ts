import type { CampaignOrderField, CampaignStatus, Channel, OrderDirection } from './enums.js';

/** Filters a list query can push down; the gateway applies all of them again, so pushing down is optional. */
export interface CampaignFilter {
  status?: CampaignStatus[];
  channels?: Channel[];
  nameContains?: string;
  /** Exclusive lower bound, ISO 8601. */
  createdAfter?: string;
  /** Exclusive upper bound, ISO 8601. */
  createdBefore?: string;
}

/** The order of a campaign list: a field and a direction (ties are broken by global id). */
export interface CampaignOrder {
  field: CampaignOrderField;
  direction: OrderDirection;
}

/** The sort position of one campaign in the requested order: its sort value and global id. */
export interface SortPosition {
  value: string | null;
  id: string;
}
