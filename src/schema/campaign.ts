import { decodeGlobalIdOf } from '../model/global-id.js';
import { builder } from './builder.js';
import { BackendRef } from './backend.js';
import { CampaignStatusEnum, ChannelEnum } from './enums.js';
import { isDeliveryDone } from '../live/stats-event.js';
import { DeliveryStatsRef } from './delivery-stats.js';
import { detailOf, loadCampaign } from './load-node.js';
import { CampaignRef } from './loadable-nodes.js';

CampaignRef.implement({
  description: 'A campaign of any backend, in the unified model.',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'channels' in value && 'nativeId' in value,
  fields: (t) => ({
    backend: t.field({ type: BackendRef, resolve: (c, _args, ctx) => ctx.backends.forId(c.backend) }),
    nativeId: t.exposeString('nativeId', { description: 'The backend\'s own id, as a string.' }),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (c, _args, ctx) => detailOf(ctx, c, 'description') }),
    status: t.field({ type: CampaignStatusEnum, resolve: (c) => c.status }),
    rawStatus: t.exposeString('rawStatus', { nullable: true, description: 'The backend\'s own status word, untouched.' }),
    channels: t.field({ type: [ChannelEnum], resolve: (c, _args, ctx) => detailOf(ctx, c, 'channels') }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c, _args, ctx) => detailOf(ctx, c, 'updatedAt') }),
    scheduledAt: t.field({ type: 'DateTime', nullable: true, resolve: (c, _args, ctx) => detailOf(ctx, c, 'scheduledAt') }),
    enrollmentCount: t.exposeInt('enrollmentCount', { nullable: true }),
    deliveryStats: t.field({
      type: DeliveryStatsRef,
      nullable: true,
      description: 'Delivery counters; null where the backend has none.',
      resolve: (c) => c.deliveryStats && { ...c.deliveryStats, done: isDeliveryDone(c.status) },
    }),
    raw: t.field({ type: 'JSON', description: 'The backend\'s record as it came, minus secrets.', resolve: (c, _args, ctx) => detailOf(ctx, c, 'raw') }),
  }),
});

builder.queryField('campaign', (t) =>
  t.field({
    type: CampaignRef,
    nullable: true,
    authScopes: { scope: 'campaigns:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const [backend, nativeId] = decodeGlobalIdOf('Campaign', String(args.id)) as [string, string];
      return loadCampaign(ctx, backend, nativeId);
    },
  }),
);
