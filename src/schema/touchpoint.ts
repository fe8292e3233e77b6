import { campaignGlobalId, decodeGlobalIdOf } from '../model/global-id.js';
import { builder, nodeKey } from './builder.js';
import { BackendRef } from './backend.js';
import { ChannelEnum, TouchpointTypeEnum } from './enums.js';
import { loadTouchpoint, loadTouchpointsOf } from './load-node.js';
import { CampaignRef, TouchpointRef } from './loadable-nodes.js';

TouchpointRef.implement({
  description: 'One step of a campaign: a message, an action, a condition, a delay or its trigger.',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'campaignNativeId' in value && 'rawType' in value,
  fields: (t) => ({
    backend: t.field({ type: BackendRef, resolve: (tp, _args, ctx) => ctx.backends.forId(tp.backend) }),
    nativeId: t.exposeString('nativeId'),
    campaign: t.field({
      type: CampaignRef,
      nullable: true,
      // A node key: the campaign loads through the request's loader (null once it is gone).
      resolve: (tp) => nodeKey(tp.backend, tp.campaignNativeId),
    }),
    campaignId: t.id({
      description: 'The global id of the campaign it belongs to; unlike `campaign`, known without reading the campaign.',
      resolve: (tp) => campaignGlobalId({ backend: tp.backend, nativeId: tp.campaignNativeId }),
    }),
    name: t.exposeString('name', { nullable: true }),
    type: t.field({ type: TouchpointTypeEnum, resolve: (tp) => tp.type }),
    rawType: t.exposeString('rawType', { nullable: true, description: 'The backend\'s own type word.' }),
    channel: t.field({ type: ChannelEnum, nullable: true, resolve: (tp) => tp.channel }),
    message: t.field({ type: 'JSON', nullable: true, resolve: (tp) => tp.message ?? null }),
    position: t.exposeInt('position', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (tp) => tp.createdAt }),
    raw: t.field({ type: 'JSON', resolve: (tp) => tp.raw }),
  }),
});

builder.objectField(CampaignRef, 'touchpoints', (t) =>
  t.field({
    type: [TouchpointRef],
    nullable: true,
    description: 'The campaign\'s steps in position order; null where the backend has no touchpoints.',
    resolve: (campaign, _args, ctx) => loadTouchpointsOf(ctx, campaign),
  }),
);

builder.queryField('touchpoint', (t) =>
  t.field({
    type: TouchpointRef,
    nullable: true,
    authScopes: { scope: 'campaigns:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const [backend, campaignNativeId, nativeId] = decodeGlobalIdOf('Touchpoint', String(args.id)) as [string, string, string];
      return loadTouchpoint(ctx, backend, campaignNativeId, nativeId);
    },
  }),
);
