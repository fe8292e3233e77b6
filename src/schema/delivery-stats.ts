import type { DeliveryStats } from '../model/unified.js';
import type { LiveDeliveryStats } from '../live/stats-event.js';
import { decodeGlobalIdOf } from '../model/global-id.js';
import { builder } from './builder.js';

/** Delivery counters; `null` where a backend does not count that state. */
export const DeliveryStatsRef = builder.objectRef<DeliveryStats & { stale?: boolean; done?: boolean }>('DeliveryStats').implement({
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
    done: t.boolean({
      description:
        'True once the campaign can send no more (COMPLETED, FAILED, ARCHIVED): the counters are final. ' +
        'A `deliveryStats` subscription ends after the event that says so.',
      // A reading kept in Redis by a replica of an earlier version has no `done`.
      resolve: (stats) => stats.done ?? false,
    }),
  }),
});

builder.subscriptionField('deliveryStats', (t) =>
  t.field({
    type: DeliveryStatsRef,
    authScopes: { scope: 'campaigns:read' },
    description:
      'The current counters first, then each change (polled every `pollIntervalMs`, at once after a resend). ' +
      'UNSUPPORTED for backends without counters, NOT_FOUND for an unknown campaign. ' +
      'While the backend cannot be read, one event repeats the last counters with `stale: true`; the stream stays open. ' +
      'The stream completes after the event with `done: true` (at once for a campaign that is done already).',
    args: { campaignId: t.arg.id({ required: true }) },
    // Resolving to the stream only once the first value is known turns every refusal
    // (bad id, UNSUPPORTED, NOT_FOUND, backend down) into an ordinary GraphQL error.
    subscribe: (_root, args, ctx) => {
      const [backend, nativeId] = decodeGlobalIdOf('Campaign', String(args.campaignId), 'campaignId') as [string, string];
      ctx.backends.forId(backend, 'campaignId');
      return ctx.live.subscribe({ backend, nativeId }, { signal: ctx.call.signal, scope: ctx.call.scope });
    },
    resolve: (stats: LiveDeliveryStats) => stats,
  }),
);
