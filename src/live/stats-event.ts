import type { CampaignStatus } from '../model/enums.js';
import type { DeliveryStats } from '../model/unified.js';

/** What subscribers receive: the counters, whether they are stale (the last poll failed) and whether they are final. */
export interface LiveDeliveryStats extends DeliveryStats {
  /** True while the backend cannot be read; the counters are the last ones known. */
  stale: boolean;
  /** True once the campaign can send no more: these counters are final and the stream ends after them. */
  done: boolean;
}

/** Statuses after which a campaign sends nothing more, so its counters no longer move. */
const FINAL_STATUSES: ReadonlySet<CampaignStatus> = new Set(['COMPLETED', 'FAILED', 'ARCHIVED']);

/** Whether a campaign in this status can send no more (`DeliveryStats.done`). */
export function isDeliveryDone(status: CampaignStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** A reading of one campaign's counters and when it was made. */
export interface StatsReading {
  stats: LiveDeliveryStats;
  /** Epoch ms of the read, by the clock of the replica that made it. */
  at: number;
  /** The replica that made it (readings of one replica are ordered by `at`). */
  by?: string;
}

/** Whether two readings differ in anything a viewer sees. */
export function countersChanged(a: LiveDeliveryStats | null, b: LiveDeliveryStats): boolean {
  return !a || a.total !== b.total || a.sent !== b.sent || a.delivered !== b.delivered || a.failed !== b.failed || a.stale !== b.stale || a.done !== b.done;
}
