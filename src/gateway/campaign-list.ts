import type {
  BackendAdapter,
  CallContext,
  CampaignFilter,
  CampaignListResult,
  CampaignOrder,
  ListedCampaign,
} from '../adapters/adapter.js';
import { comparePositions, matchesFilter, sortPosition } from '../model/campaign-order.js';
import { GatewayError } from '../model/errors.js';
import type { Campaign } from '../model/unified.js';
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
}

const processCursors = new CursorSigner();

/**
 * Asks every selected backend in parallel for its part of the list, merges the
 * parts in the requested order and hands out `first` campaigns. The cursor holds
 * the position of the last campaign handed out (a total order: sort value, then
 * global id) and each backend's resume token, so walking `after` to the end
 * yields every campaign exactly once, in order. With `budgetOf`, no backend's
 * part takes longer than its budget: a late one becomes its error.
 */
export async function listCampaigns(
  adapters: readonly BackendAdapter[],
  request: CampaignListRequest,
  ctx: CallContext,
  budgetOf?: (backend: string) => number | undefined,
): Promise<CampaignListPage> {
  const names = adapters.map((a) => a.name);
  const cursors = request.cursors ?? processCursors;
  const fingerprint = listFingerprint(request.order, request.filter, names);
  const cursor: ListCursor | null = request.after ? decodeListCursor(request.after, fingerprint, cursors, names) : null;
  const errors: GatewayError[] = [];

  const settled = await Promise.allSettled(
    adapters.map(async (adapter): Promise<BackendPart> => {
      const query = {
        order: request.order,
        filter: request.filter,
        after: cursor?.after ?? null,
        resume: cursor?.resume[adapter.name] ?? null,
        limit: request.first + 1,
      };
      const result = await withinBudget(adapter.name, budgetOf?.(adapter.name), ctx, (partCtx) => adapter.listCampaigns(query, partCtx));
      const items = result.items
        .filter(({ campaign }) => matchesFilter(campaign, request.filter))
        .map((item) => ({ item, position: sortPosition(item.campaign, request.order) }))
        .filter(({ position }) => !cursor || comparePositions(position, cursor.after, request.order.direction) > 0)
        .sort((a, b) => comparePositions(a.position, b.position, request.order.direction))
        .map(({ item }) => item);
      return { adapter, items, result };
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

  const merged = parts
    .flatMap((part) => part.items.map((item) => ({ part, item, position: sortPosition(item.campaign, request.order) })))
    .sort((a, b) => comparePositions(a.position, b.position, request.order.direction));
  const page = merged.slice(0, request.first);

  const resume: Record<string, string> = { ...cursor?.resume };
  const edges: CampaignEdge[] = page.map(({ part, item, position }) => {
    if (item.resume !== null) resume[part.adapter.name] = item.resume;
    else delete resume[part.adapter.name];
    return { cursor: encodeListCursor({ after: position, resume: { ...resume } }, fingerprint, cursors), node: item.campaign };
  });

  return {
    edges,
    pageInfo: {
      // Each backend returned at least `first + 1` matching campaigns when it has them, so
      // anything left over after the page proves a next page; nothing left over proves none.
      hasNextPage: merged.length > page.length,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: totalCount(parts, adapters.length, request.filter),
    errors,
  };
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
