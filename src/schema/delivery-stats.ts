import type { DeliveryStats } from '../model/unified.js';
import type { LiveDeliveryStats } from '../live/stats-event.js';
import { decodeGlobalIdOf } from '../model/global-id.js';
import { builder } from './builder.js';

/** Delivery counters; `null` where a backend does not count that state. */
export const DeliveryStatsRef = builder.objectRef<DeliveryStats & { stale?: boolean }>('DeliveryStats').implement({
  fields: (t) => ({
    total: t.exposeInt('total', { nullable: true }),
    sent: t.exposeInt('sent'),
    delivered: t.exposeInt('delivered', { nullable: true }),
    failed: t.exposeInt('failed', { nullable: true }),
    updatedAt: t.field({ type: 'DateTime', resolve: (stats) => stats.updatedAt }),
    stale: t.boolean({
      description: 'True while the backend cannot be read: the counters are the last ones known.',
      resolve: (stats) => stats.stale ?? false,
    }),
  }),
});

builder.subscriptionField('deliveryStats', (t) =>
  t.field({
    type: DeliveryStatsRef,
    authScopes: { scope: 'campaigns:read' },
    description: 'The current counters first, then each change. UNSUPPORTED for backends without counters.',
    args: { campaignId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => {
      const [backend, nativeId] = decodeGlobalIdOf('Campaign', String(args.campaignId), 'campaignId') as [string, string];
      return ctx.live.subscribe({ backend, nativeId });
    },
    resolve: (stats: LiveDeliveryStats) => stats,
  }),
);
