import type { CallContext } from '../http/call-context.js';
import { parseRecords } from '../wire-records.js';
import { GatewayError } from '../../model/errors.js';
import type { Campaign } from '../../model/unified.js';
import { searchCampaigns, type SchemaTypeApi } from './client.js';
import type { PushedFilter } from './search-filter.js';
import { toCampaign } from './to-unified.js';
import { wireCampaignSchema } from './wire.js';

/** One search result at its offset: the campaign, or why its record was left out. */
export type SearchEntry = { offset: number; campaign: Campaign } | { offset: number; error: GatewayError };

/** One page of a search, each result normalized. */
export interface SearchPage {
  start: number;
  /** The number of matches the service reported. */
  total: number;
  entries: SearchEntry[];
}

/** Options of {@link CampaignSearch}. */
export interface CampaignSearchOptions {
  api: SchemaTypeApi;
  pushed: PushedFilter;
  /** `FIELD asc|desc`. */
  sort: string;
  /** Rows per request. */
  rows: number;
  ctx: CallContext;
}

const describe = (record: unknown, offset: number) => {
  const id = (record as { campaignId?: unknown } | null)?.campaignId;
  return typeof id === 'string' ? `campaign "${id}"` : `the campaign record at offset ${offset}`;
};

/**
 * Pages of one search with a fixed query and sort. Should the service refuse
 * the pushed-down `q` (a faithful server may read some character differently),
 * the search goes on without it and stops being exact; offsets only grow
 * without `q`, so resume tokens handed out before stay at or before their item.
 */
export class CampaignSearch {
  #q: string | undefined;
  #exact: boolean;
  readonly #options: CampaignSearchOptions;

  constructor(options: CampaignSearchOptions) {
    this.#options = options;
    this.#q = options.pushed.q;
    this.#exact = options.pushed.exact;
  }

  /** Whether the search selects exactly the filter's campaigns (so `total` counts them). */
  get exact(): boolean {
    return this.#exact;
  }

  get rows(): number {
    return this.#options.rows;
  }

  /** The page of results starting at offset `start`. */
  async page(start: number): Promise<SearchPage> {
    const { api, sort, rows, ctx } = this.#options;
    const backend = api.http.backend;
    let answer;
    try {
      answer = await searchCampaigns(api, { q: this.#q, sort, rows, start }, ctx);
    } catch (error) {
      if (this.#q === undefined || !(error instanceof GatewayError) || error.upstreamStatus !== 400) throw error;
      this.#q = undefined;
      this.#exact = false;
      answer = await searchCampaigns(api, { sort, rows, start }, ctx);
    }
    const entries = answer.results.map((record, i): SearchEntry => {
      const offset = start + i;
      const { valid, errors } = parseRecords(wireCampaignSchema, [record], backend, () => describe(record, offset));
      return valid[0] ? { offset, campaign: toCampaign(valid[0], backend) } : { offset, error: errors[0]! };
    });
    return { start, total: answer.total, entries };
  }
}
