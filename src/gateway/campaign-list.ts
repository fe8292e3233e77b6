import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import type { CallContext } from '../adapters/http/call-context.js';
import type { CampaignFilter, CampaignOrder, SortPosition } from '../model/campaign-query.js';
import type { CampaignListResult, ListedCampaign } from '../adapters/seam/campaign-list.js';
import { comparePositions, matchesFilter, sortPosition } from '../model/campaign-order.js';
import { GatewayError } from '../model/errors.js';
import { DETAIL_FIELDS, type Campaign, type DetailField } from '../model/unified.js';
import { CursorSigner } from './cursor-signer.js';
import { withinBudget } from './within-budget.js';
import { decodeListCursor, encodeListCursor, listFingerprint, type ListCursor } from './list-cursor.js';

/** A cross-backend list request, as the `campaigns` query receives it. */
export interface CampaignListRequest {
  first: number;
  after: string | null;
  order: CampaignOrder;
  filter: CampaignFilter;
  /** Signs the cursors handed out and verifies `after`; default a key of this process only. */
  cursors?: CursorSigner;
  /**
   * The campaign fields the caller reads that a list form may lack; a campaign of
   * the page lacking one is read in full before the page is answered. Default: all.
   */
  selects?: ReadonlySet<DetailField>;
}

/** Options of {@link listCampaigns}. */
export interface CampaignListOptions {
  /** Each backend's budget in ms; its part of the list (full records included) never takes longer. Default: unbounded. */
  budgetOf?: (backend: string) => number | undefined;
  /**
   * Told the page's campaigns as soon as the merge has decided them, before their
   * full records are read: reads that depend only on which campaigns are on the
   * page start here, in the same round as those full records.
   */
  onPage?: (campaigns: readonly Campaign[]) => void;
}

export interface CampaignEdge {
  cursor: string;
  node: Campaign;
}

/** One page of the merged list, with the failures of backends that could not answer. */
export interface CampaignListPage {
  edges: CampaignEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
  /** One error per failing backend, and one per record a backend sent that breaks its wire schema. */
  errors: GatewayError[];
}

interface BackendPart {
  adapter: BackendAdapter;
  /** Matching campaigns after the cursor, in the requested order. */
  items: ListedCampaign[];
  result: CampaignListResult;
  /** When the part started (`performance.now()`), for what is left of its budget. */
  started: number;
}

/** One campaign of the merged list. */
interface MergedItem {
  part: BackendPart;
  item: ListedCampaign;
  position: SortPosition;
}

const processCursors = new CursorSigner();

/**
 * Asks every selected backend in parallel for its part of the list, merges the
 * parts in the requested order and hands out `first` campaigns; then reads, all at
 * once, the full records of the campaigns handed out that lack a selected field.
 * The cursor holds the position of the last campaign handed out (a total order:
 * sort value, then global id) and each backend's resume token, so walking `after`
 * to the end yields every campaign exactly once, in order. With `budgetOf`, no
 * backend's part takes longer than its budget: a late one becomes its error.
 */
export async function listCampaigns(
  adapters: readonly BackendAdapter[],
  request: CampaignListRequest,
  ctx: CallContext,
  options: CampaignListOptions = {},
): Promise<CampaignListPage> {
  const { budgetOf } = options;
  const names = adapters.map((a) => a.name);
  const cursors = request.cursors ?? processCursors;
  const fingerprint = listFingerprint(request.order, request.filter, names);
  const cursor: ListCursor | null = request.after ? decodeListCursor(request.after, fingerprint, cursors, names) : null;
  const errors: GatewayError[] = [];

  const settled = await Promise.allSettled(
    adapters.map(async (adapter): Promise<BackendPart> => {
      const started = performance.now();
      const query = {
        order: request.order,
        filter: request.filter,
        after: cursor?.after ?? null,
        resume: cursor?.resume[adapter.name] ?? null,
        limit: request.first + 1,
      };
      const result = await withinBudget(adapter.name, budgetOf?.(adapter.name), ctx, (partCtx) => adapter.listCampaigns(query, partCtx), started);
      const items = result.items
        .filter(({ campaign }) => matchesFilter(campaign, request.filter))
        .map((item) => ({ item, position: sortPosition(item.campaign, request.order) }))
        .filter(({ position }) => !cursor || comparePositions(position, cursor.after, request.order.direction) > 0)
        .sort((a, b) => comparePositions(a.position, b.position, request.order.direction))
        .map(({ item }) => item);
      return { adapter, items, result, started };
    }),
  );

  const parts: BackendPart[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') {
      parts.push(outcome.value);
      errors.push(...outcome.value.result.recordErrors);
    } else {
      errors.push(asBackendError(outcome.reason, adapters[i]!.name));
    }
  });

  const merged: MergedItem[] = parts
    .flatMap((part) => part.items.map((item) => ({ part, item, position: sortPosition(item.campaign, request.order) })))
    .sort((a, b) => comparePositions(a.position, b.position, request.order.direction));
  const page = merged.slice(0, request.first);
  options.onPage?.(page.map(({ item }) => item.campaign));
  const nodes = await completePage(page, request.selects ?? DETAIL_FIELDS, ctx, budgetOf, errors);

  const resume: Record<string, string> = { ...cursor?.resume };
  const pageCursors = page.map(({ part, item, position }) => {
    if (item.resume !== null) resume[part.adapter.name] = item.resume;
    else delete resume[part.adapter.name];
    return encodeListCursor({ after: position, resume: { ...resume } }, fingerprint, cursors);
  });
  const edges: CampaignEdge[] = [];
  page.forEach((_, i) => {
    const node = nodes[i];
    if (node) edges.push({ cursor: pageCursors[i]!, node });
  });

  return {
    edges,
    pageInfo: {
      // Each backend returned at least `first + 1` matching campaigns when it has them, so
      // anything left over after the page proves a next page; nothing left over proves none.
      hasNextPage: merged.length > page.length,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      // The page's last campaign, even when it was left out: paging goes on after it, as it
      // goes on past the campaigns of a backend that failed.
      endCursor: pageCursors.at(-1) ?? null,
    },
    totalCount: totalCount(parts, adapters.length, request.filter),
    errors,
  };
}

/**
 * The page's campaigns, each in full where it came in a list form lacking a
 * selected field: one `getCampaigns` per backend, all backends at once, within
 * what is left of each backend's budget. A campaign whose full record cannot be
 * read is left out (null) with an error: one per record that breaks the wire
 * contract, one per backend for anything else; one deleted meanwhile is left out.
 */
async function completePage(
  page: readonly MergedItem[],
  selects: ReadonlySet<DetailField>,
  ctx: CallContext,
  budgetOf: CampaignListOptions['budgetOf'],
  errors: GatewayError[],
): Promise<(Campaign | null)[]> {
  const nodes: (Campaign | null)[] = page.map(({ item }) => item.campaign);
  const pending = new Map<BackendPart, number[]>();
  page.forEach(({ part, item }, index) => {
    const { lacks } = item.campaign;
    if (!lacks || ![...selects].some((field) => lacks.has(field))) return;
    pending.set(part, [...(pending.get(part) ?? []), index]);
  });
  await Promise.all(
    [...pending].map(async ([part, indexes]) => {
      const { adapter } = part;
      const ids = indexes.map((index) => nodes[index]!.nativeId);
      let full: (Campaign | null | Error)[];
      try {
        // What is left of the budget the backend's part of the list started with.
        full = await withinBudget(adapter.name, budgetOf?.(adapter.name), ctx, (partCtx) => adapter.getCampaigns(ids, partCtx), part.started);
      } catch (error) {
        full = ids.map(() => (error instanceof Error ? error : new Error(String(error))));
      }
      let backendFailed = false;
      indexes.forEach((index, j) => {
        const campaign = full[j] ?? null;
        nodes[index] = campaign instanceof Error ? null : campaign;
        if (!(campaign instanceof Error)) return;
        if (campaign instanceof GatewayError && campaign.code === 'BACKEND_ERROR') errors.push(campaign);
        else if (!backendFailed) {
          backendFailed = true;
          errors.push(asBackendError(campaign, adapter.name));
        }
      });
    }),
  );
  return nodes;
}

/** The exact total when every backend answered and each count is cheap to know; else null. */
function totalCount(parts: BackendPart[], selected: number, filter: CampaignFilter): number | null {
  if (parts.length !== selected) return null;
  let total = 0;
  for (const part of parts) {
    if (part.result.exhaustive) total += part.result.items.filter(({ campaign }) => matchesFilter(campaign, filter)).length;
    else if (part.result.totalCount !== null) total += part.result.totalCount;
    else return null;
  }
  return total;
}

/**
 * A backend's failure as its one partial error. Anything but a GatewayError is a bug
 * somewhere between gateway and backend: its own message may hold an upstream body or
 * a credential, so the client gets a generic one (the error stays in `cause` for logs).
 */
function asBackendError(reason: unknown, backend: string): GatewayError {
  if (reason instanceof GatewayError) return reason;
  return new GatewayError('BACKEND_ERROR', `listing the campaigns of backend "${backend}" failed unexpectedly`, { backend, cause: reason });
}
