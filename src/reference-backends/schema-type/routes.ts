import type { Clock } from '../shared/clock.js';
import type { BackendRequest, BackendResponse, Route, RouteHandler } from '../shared/json-server.js';
import { applyPatch, CAMPAIGN_OBJECT_TYPE, newCampaign, SEARCHABLE_FIELDS, SORTABLE_FIELDS } from './campaign.js';
import { newCampaignId, newObjectId } from './ids.js';
import type { CampaignStore } from './object-store.js';
import { parseSearchRequest, runSearch, SearchParamError } from './search-query.js';
import { validateCampaign, type FieldError } from './validate.js';

/** Options of {@link schemaTypeRoutes}. */
export interface SchemaTypeRoutesOptions {
  store: CampaignStore;
  /** Stamps `createdAt`, `modifiedAt` and `deletedAt`. */
  clock: Clock;
  /** The tenant every request acts for (authentication has checked `X-Tenant-Id`). */
  tenantId: string;
}

/** The collection path; `campaign` is the only object type that exists. */
export const COLLECTION_PATH = '/api/v1/schema-types/:objectType';

/** The answer to an unknown, deleted or foreign id, object type or path. */
export const NOT_FOUND: BackendResponse = { status: 404, body: { message: 'not found' } };

const invalid = (errors: FieldError[]): BackendResponse => ({
  status: 400,
  body: { message: 'validation failed', errors },
});

const conflict = (message: string): BackendResponse => ({ status: 409, body: { message } });

/** The `data` object of a create or update body, or the 400 to answer instead. */
function readData(request: BackendRequest): { data: Record<string, unknown> } | { refusal: BackendResponse } {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    return { refusal: invalid([{ field: 'body', message: 'body must be a JSON object' }]) };
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { refusal: invalid([{ field: 'data', message: 'data must be an object' }]) };
  }
  return { data: data as Record<string, unknown> };
}

/** Lets only the `campaign` object type through; any other is unknown. */
const campaignsOnly =
  (handler: RouteHandler): RouteHandler =>
  (request) =>
    request.params.objectType === CAMPAIGN_OBJECT_TYPE ? handler(request) : NOT_FOUND;

/** The five endpoints of the schema-type CRUD service for campaigns. */
export function schemaTypeRoutes({ store, clock, tenantId }: SchemaTypeRoutesOptions): Route[] {
  const search: RouteHandler = (request) => {
    try {
      const parsed = parseSearchRequest(request.query, { searchable: SEARCHABLE_FIELDS, sortable: SORTABLE_FIELDS });
      const { total, results } = runSearch(store.list(tenantId), parsed);
      return { status: 200, body: { total, start: parsed.start, rows: parsed.rows, results } };
    } catch (error) {
      if (error instanceof SearchParamError) return invalid([{ field: error.param, message: error.message }]);
      throw error;
    }
  };

  const create: RouteHandler = (request) => {
    const read = readData(request);
    if ('refusal' in read) return read.refusal;
    const errors = validateCampaign(read.data);
    if (errors.length > 0) return invalid(errors);
    const given = read.data.campaignId;
    if (typeof given === 'string' && store.campaignIdTaken(tenantId, given)) {
      return conflict('campaignId must be unique within a tenant');
    }
    if (store.nameTaken(tenantId, read.data.name as string)) return conflict('name must be unique within a tenant');
    const now = clock.now();
    const campaign = newCampaign(read.data, {
      _id: newObjectId(now),
      campaignId: typeof given === 'string' ? given : newCampaignId(),
      tenantId,
      now,
    });
    store.insert(campaign);
    return { status: 201, body: campaign };
  };

  const retrieve: RouteHandler = (request) => {
    const campaign = store.get(tenantId, request.params.id ?? '');
    return campaign ? { status: 200, body: campaign } : NOT_FOUND;
  };

  const update: RouteHandler = (request) => {
    const existing = store.get(tenantId, request.params.id ?? '');
    if (!existing) return NOT_FOUND;
    const read = readData(request);
    if ('refusal' in read) return read.refusal;
    // The merged object is what must be valid; the public id cannot change.
    const errors = validateCampaign({ ...existing, ...read.data, campaignId: existing.campaignId });
    if (errors.length > 0) return invalid(errors);
    const updated = applyPatch(existing, read.data, clock.now());
    if (store.nameTaken(tenantId, updated.name, updated._id)) return conflict('name must be unique within a tenant');
    store.replace(updated);
    return { status: 200, body: updated };
  };

  const remove: RouteHandler = (request) =>
    store.softDelete(tenantId, request.params.id ?? '', clock.now()) ? { status: 204 } : NOT_FOUND;

  return [
    { method: 'GET', path: COLLECTION_PATH, handler: campaignsOnly(search) },
    { method: 'POST', path: COLLECTION_PATH, handler: campaignsOnly(create) },
    { method: 'GET', path: `${COLLECTION_PATH}/:id`, handler: campaignsOnly(retrieve) },
    { method: 'PATCH', path: `${COLLECTION_PATH}/:id`, handler: campaignsOnly(update) },
    { method: 'DELETE', path: `${COLLECTION_PATH}/:id`, handler: campaignsOnly(remove) },
  ];
}
