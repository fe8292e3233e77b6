import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import type { ChildKey, Message } from '../model/unified.js';
import { notFound } from '../model/errors.js';
import { facetOf } from '../adapters/seam/capabilities.js';
import type { GatewayContext } from '../server/context.js';
import { builder, nodeKey, parseNodeKey } from './builder.js';
import { CampaignRef } from './loadable-nodes.js';
import { DeliveryStatusEnum } from './enums.js';
import { settleNode } from './load-node.js';
import { childConnection, findInPages } from './paging.js';
import { childTarget } from './mutation-target.js';

export const MessageRef = builder.objectRef<Message>('Message');

/** A message as reads find it: in its campaign's message list (null when the backend lists none or the list does not show it). */
function findMessage(adapter: BackendAdapter, key: ChildKey, ctx: GatewayContext): Promise<Message | null> {
  const { messages } = adapter;
  if (!messages) return Promise.resolve(null);
  return findInPages((page) => messages.list(key.campaignNativeId, page, ctx.call), (m) => m.nativeId === key.nativeId);
}

builder.node(MessageRef, {
  description: 'One message to one recipient, with its delivery state.',
  id: { resolve: (m) => nodeKey(m.backend, m.campaignNativeId, m.nativeId) },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'recipient' in value && 'campaignNativeId' in value,
  loadOne: (id, ctx) =>
    settleNode(
      (async () => {
        const [backend, campaignNativeId, nativeId] = parseNodeKey(id) as [string, string, string];
        return findMessage(ctx.backends.forId(backend), { campaignNativeId, nativeId }, ctx);
      })(),
    ),
  fields: (t) => ({
    campaign: t.field({
      type: CampaignRef,
      // A node key: the campaign loads through the request's loader.
      resolve: (m) => nodeKey(m.backend, m.campaignNativeId),
    }),
    recipient: t.exposeString('recipient'),
    status: t.field({ type: DeliveryStatusEnum, resolve: (m) => m.status }),
    error: t.exposeString('error', { nullable: true }),
    sentAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.sentAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.updatedAt }),
  }),
});

const MessageConnection = builder.connectionObject({
  type: MessageRef,
  name: 'MessageConnection',
  fields: (t) => ({ totalCount: t.int({ nullable: true, resolve: (c) => (c as { totalCount?: number | null }).totalCount ?? null }) }),
});

builder.objectField(CampaignRef, 'messages', (t) =>
  t.field({
    type: MessageConnection,
    nullable: true,
    description: 'Messages with their delivery state; null where the backend cannot list them.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (campaign, args, ctx) => {
      const messages = ctx.backends.get(campaign.backend)?.messages;
      if (!messages) return null;
      return childConnection((page) => messages.list(campaign.nativeId, page, ctx.call), args, ctx.cursors);
    },
  }),
);

builder.mutationField('resendMessage', (t) =>
  t.field({
    type: MessageRef,
    authScopes: { scope: 'campaigns:write' },
    description: 'Sends a failed message again. Never retried by the gateway.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, key } = childTarget(ctx, 'Message', String(args.id), 'id');
      const resend = facetOf(adapter, 'resend');
      // A resend acts only on a message this id reads as. A backend may find a message by
      // its key alone (v2 does), so an id pairing a real key with another campaign would
      // resend a message that `node(id)` answers null for; it is not found here either.
      if (adapter.messages && !(await findMessage(adapter, key, ctx))) {
        throw notFound(`message "${key.nativeId}" of campaign "${key.campaignNativeId}"`, adapter.name);
      }
      const message = await resend.resend(key, ctx.call);
      clearAllDataLoaders(ctx);
      // Counters change with a resend: viewers of this campaign should not wait for the next poll.
      ctx.live.refresh({ backend: adapter.name, nativeId: key.campaignNativeId });
      return message;
    },
  }),
);
