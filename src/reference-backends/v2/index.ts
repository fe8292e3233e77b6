import { systemClock } from '../shared/clock.js';
import { FaultSwitches } from '../shared/faults.js';
import { startJsonServer } from '../shared/json-server.js';
import type { ReferenceBackend, ReferenceBackendKind, ReferenceBackendOptions } from '../shared/reference-backend.js';
import { RequestHold } from '../shared/request-hold.js';
import { RequestLog } from '../shared/request-log.js';
import { CampaignStore } from './campaign-store.js';
import { advanceDelivery } from './delivery.js';
import { keepOneBroadcasting, processingCampaigns } from './keep-broadcasting.js';
import { loadSeed } from './load-seed.js';
import { goJson, v2Routes } from './routes.js';
import { seedCampaigns, seedTemplates } from './seed-data.js';
import { TemplateCatalog, type V2Template } from './templates.js';

export type { V2Template } from './templates.js';

/** Options of {@link startV2Backend}. */
export interface V2BackendOptions extends ReferenceBackendOptions {
  /** The key every request must send as `X-API-Key`; default `v2-demo-api-key`. */
  apiKey?: string;
  /** The server's zone in minutes east of UTC, used for every time it writes; default 180 (`+03:00`). */
  utcOffsetMinutes?: number;
  /** When set, a timer calls `advance(1)` at this interval so the demo moves by itself; default off. */
  tickIntervalMs?: number;
  /** Templates known in addition to the built-in ones (which are there even with `seed: false`). */
  templates?: V2Template[];
  /**
   * Whenever no broadcast is being delivered (at start and after each tick), start
   * a new one, so there are always counters that move (the demo); default false.
   */
  keepBroadcasting?: boolean;
}

/** A running v2 reference backend. */
export interface V2ReferenceBackend extends ReferenceBackend<{ apiKey: string }, 'v2'> {
  /**
   * Steps delivery `ticks` times (default 1). Each tick moves some messages of every
   * campaign whose send time has come one state further, chosen by a hash of the
   * message key and the tick number, so equal sequences of calls give equal states.
   */
  advance(ticks?: number): void;
  /**
   * Makes the next `times` calls to the messaging provider fail (create and resend
   * then answer `502 upstream service call failed`); default 1.
   */
  failUpstream(times?: number): void;
  /** The templates campaigns can name by `TempMsgID`. */
  readonly templates: readonly Readonly<V2Template>[];
  /** Ids of the campaigns being delivered now (send time come, some message not final), newest first. */
  processingCampaignIds(): number[];
}

const DEFAULT_API_KEY = 'v2-demo-api-key';
const DEFAULT_UTC_OFFSET_MINUTES = 180;

/** Starts the faithful v2 backend: the Go campaign API with X-API-Key auth and PascalCase bodies. */
export async function startV2Backend(options: V2BackendOptions = {}): Promise<V2ReferenceBackend> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const clock = options.clock ?? systemClock;
  const templates = new TemplateCatalog([...seedTemplates, ...(options.templates ?? [])]);
  const store = new CampaignStore();
  if (options.seed ?? true) loadSeed(store, templates, seedCampaigns(clock.now()));

  const faults = new FaultSwitches();
  const requests = new RequestLog();
  const hold = new RequestHold();
  let upstreamFailures = 0;
  let tick = 0;

  const unauthorized = goJson(401, { error: 'unauthorized' });
  const server = await startJsonServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    routes: v2Routes({
      store,
      templates,
      clock,
      offsetMinutes: options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
      upstreamFails: () => upstreamFailures > 0 && upstreamFailures-- > 0,
    }),
    authenticate: (request) => (request.headers['x-api-key'] === apiKey ? undefined : unauthorized),
    notFound: goJson(404, { error: 'not found' }),
    unauthorized,
    faults,
    requests,
    hold,
  });

  let broadcasts = 0;
  const keepBroadcasting = () => {
    if (options.keepBroadcasting && keepOneBroadcasting(store, templates, clock.now(), broadcasts + 1)) broadcasts += 1;
  };
  keepBroadcasting();
  const advance = (ticks = 1) => {
    for (let i = 0; i < ticks; i++) {
      advanceDelivery(store, ++tick, clock.now());
      keepBroadcasting();
    }
  };
  const timer = options.tickIntervalMs === undefined ? undefined : setInterval(() => advance(1), options.tickIntervalMs);
  timer?.unref();

  return {
    kind: 'v2',
    url: server.url,
    credentials: { apiKey },
    faults,
    requests,
    hold,
    configEntry: (name) => ({ name, kind: 'v2', baseUrl: server.url, apiKey }),
    advance,
    failUpstream: (times = 1) => {
      upstreamFailures = times;
    },
    get templates() {
      return templates.list();
    },
    processingCampaignIds: () => processingCampaigns(store, clock.now()).map((c) => c.id),
    close: async () => {
      if (timer) clearInterval(timer);
      await server.close();
    },
  };
}

/**
 * The `v2` kind's reference backend in the registry: `broadcast` in the demo,
 * where it keeps a broadcast in progress whose counters move.
 */
export const v2Reference: ReferenceBackendKind<V2ReferenceBackend> = {
  demoName: 'broadcast',
  start: ({ live, ...options }) =>
    startV2Backend({
      ...options,
      ...(live ? { keepBroadcasting: true } : {}),
      ...(live?.tickIntervalMs ? { tickIntervalMs: live.tickIntervalMs } : {}),
    }),
  exampleCreateInput: (backend, stamp) => {
    const template = backend.templates.find((t) => t.name === 'order_confirmation') ?? backend.templates[0]!;
    return {
      name: `Order follow-up ${stamp}`,
      templateId: template.id,
      recipients: [
        { contactId: '+966500000101', params: ['Layla', 'ORD-20001'] },
        { contactId: '+966500000102', params: ['Omar', 'ORD-20002'] },
      ],
    };
  },
  liveCampaignId: (backend) => {
    const [id] = backend.processingCampaignIds();
    return id === undefined ? undefined : String(id);
  },
};
