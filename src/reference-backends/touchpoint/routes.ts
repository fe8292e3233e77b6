import type { BackendRequest, Route } from '../shared/json-server.js';
import { answeringApiErrors, invalidRequest, notFound } from './api-error.js';
import { decodeCampaignCursor, decodeTouchpointCursor, encodeCampaignCursor, encodeTouchpointCursor } from './cursor.js';
import { parseJsonObject, parseLimit, readEnum, readInteger, readMessage, readString } from './request-fields.js';
import type { TouchpointStore } from './store.js';
import { validateTouchpoint } from './validate-touchpoint.js';
import { CHANNEL_TYPES, TOUCHPOINT_TYPES, type Campaign, type ListPage, type Touchpoint } from './wire-types.js';

function readCursor<Key>(request: BackendRequest, decode: (raw: string) => Key | undefined): Key | undefined {
  const raw = request.query.get('cursor');
  if (raw === null || raw === '') return undefined;
  const key = decode(raw);
  if (!key) throw invalidRequest('cursor is not a cursor this list returned.', 'cursor');
  return key;
}

function findCampaign(store: TouchpointStore, id: string, param?: string): Campaign {
  const campaign = store.getCampaign(id);
  if (!campaign) throw notFound(`No campaign with id ${id}.`, param);
  return campaign;
}

function findTouchpoint(store: TouchpointStore, id: string, param?: string): Touchpoint {
  const touchpoint = store.getTouchpoint(id);
  if (!touchpoint) throw notFound(`No touchpoint with id ${id}.`, param);
  return touchpoint;
}

function campaignRoutes(store: TouchpointStore): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/campaigns',
      handler: (request) => {
        const limit = parseLimit(request.query);
        const page = store.listCampaigns(limit, readCursor(request, decodeCampaignCursor));
        const body: ListPage<Campaign> = { data: page.data, next_cursor: page.next && encodeCampaignCursor(page.next) };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/v1/campaigns/:id',
      handler: (request) => ({ status: 200, body: findCampaign(store, request.params.id ?? '') }),
    },
    {
      method: 'POST',
      path: '/v1/campaigns',
      handler: (request) => {
        const body = parseJsonObject(request.rawBody);
        const name = readString(body, 'name', true);
        const channelType = readEnum(body, 'channel_type', CHANNEL_TYPES, true);
        return { status: 201, body: store.createCampaign({ name, channel_type: channelType }) };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/campaigns/:id',
      handler: (request) => {
        const id = request.params.id ?? '';
        if (!store.deleteCampaign(id)) throw notFound(`No campaign with id ${id}.`);
        return { status: 204 };
      },
    },
  ];
}

function touchpointRoutes(store: TouchpointStore): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/touchpoints',
      handler: (request) => {
        const limit = parseLimit(request.query);
        const campaignId = request.query.get('campaign_id') || undefined;
        if (campaignId !== undefined) findCampaign(store, campaignId, 'campaign_id');
        const after = readCursor(request, decodeTouchpointCursor);
        const page = store.listTouchpoints({ campaignId, limit, after });
        const body: ListPage<Touchpoint> = { data: page.data, next_cursor: page.next && encodeTouchpointCursor(page.next) };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/v1/touchpoints/:id',
      handler: (request) => ({ status: 200, body: findTouchpoint(store, request.params.id ?? '') }),
    },
    {
      method: 'POST',
      path: '/v1/touchpoints',
      handler: (request) => {
        const body = parseJsonObject(request.rawBody);
        const name = readString(body, 'name', true);
        const type = readEnum(body, 'type', TOUCHPOINT_TYPES, true);
        const campaignId = readString(body, 'campaign_id', true);
        const message = readMessage(body, true);
        findCampaign(store, campaignId, 'campaign_id');
        return { status: 201, body: store.createTouchpoint({ name, type, campaign_id: campaignId, message }) };
      },
    },
    {
      method: 'PATCH',
      path: '/v1/touchpoints/:id',
      handler: (request) => {
        const touchpoint = findTouchpoint(store, request.params.id ?? '');
        const body = parseJsonObject(request.rawBody);
        const name = readString(body, 'name', false);
        const type = readEnum(body, 'type', TOUCHPOINT_TYPES, false);
        const message = readMessage(body, false);
        const position = readInteger(body, 'position');
        const last = store.countTouchpoints(touchpoint.campaign_id) - 1;
        if (position !== undefined && (position < 0 || position > last)) {
          throw invalidRequest(`position must be between 0 and ${last}.`, 'position');
        }
        return { status: 200, body: store.updateTouchpoint(touchpoint._id, { name, type, message, position }) };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/touchpoints/:id',
      handler: (request) => {
        const id = request.params.id ?? '';
        if (!store.deleteTouchpoint(id)) throw notFound(`No touchpoint with id ${id}.`);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/v1/touchpoints/validate',
      handler: (request) => {
        const body = parseJsonObject(request.rawBody);
        const touchpoint = findTouchpoint(store, readString(body, 'touchpoint_id', true), 'touchpoint_id');
        return { status: 200, body: validateTouchpoint(touchpoint, findCampaign(store, touchpoint.campaign_id)) };
      },
    },
  ];
}

/** Every endpoint of the touchpoint API (`/v1`), answering {@link ApiError}s as their error bodies. */
export function touchpointApiRoutes(store: TouchpointStore): Route[] {
  return [...campaignRoutes(store), ...touchpointRoutes(store)].map((route) => ({
    ...route,
    handler: answeringApiErrors(route.handler),
  }));
}
