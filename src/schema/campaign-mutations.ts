import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import { facetOf } from '../adapters/seam/capabilities.js';
import { campaignGlobalId } from '../model/global-id.js';
import { builder } from './builder.js';
import { CampaignRef } from './loadable-nodes.js';
import { CampaignStatusEnum, ChannelEnum } from './enums.js';
import { changingSomething } from './input-bounds.js';
import { campaignTarget } from './mutation-target.js';

const RecipientInput = builder.inputType('RecipientInput', {
  fields: (t) => ({
    contactId: t.string({ required: true }),
    params: t.stringList(),
  }),
});

const SendersInput = builder.inputType('SendersInput', {
  fields: (t) => ({ smsFrom: t.string(), emailFrom: t.string(), callerId: t.string() }),
});

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  fields: (t) => ({
    backend: t.string({ required: true, description: 'The name of the backend that will hold the campaign.' }),
    name: t.string({ required: true }),
    description: t.string(),
    type: t.string({ description: 'workspace AUTOMATED|BROADCAST|TRANSACTIONAL, schemaType DEFAULT|PERSONAL' }),
    channels: t.field({ type: [ChannelEnum], description: 'touchpoint: exactly one of WHATSAPP EMAIL SMS; schemaType: the useFor* flags' }),
    scheduledAt: t.field({ type: 'DateTime', description: 'v2 SendAt, workspace startAt' }),
    endsAt: t.field({ type: 'DateTime' }),
    recipients: t.field({ type: [RecipientInput], description: 'v2 clients' }),
    templateId: t.string({ description: 'v2 TempMsgID' }),
    message: t.field({ type: 'JSON', description: 'v2 message text (a string)' }),
    payload: t.string({ description: 'v2 JSON payload' }),
    workflowId: t.string({ description: 'schemaType' }),
    senders: t.field({ type: SendersInput, description: 'schemaType senders' }),
    settings: t.field({ type: 'JSON', description: 'workspace settings' }),
  }),
});

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    status: t.field({ type: CampaignStatusEnum }),
    scheduledAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
    settings: t.field({ type: 'JSON' }),
  }),
  validate: { schema: changingSomething() },
});

builder.mutationFields((t) => ({
  createCampaign: t.field({
    type: CampaignRef,
    authScopes: { scope: 'campaigns:write' },
    description: 'Creates a campaign on the named backend. Never retried by the gateway.',
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { backend, ...rest } = input;
      const adapter = ctx.backends.named(backend, 'input.backend');
      const campaign = await facetOf(adapter, 'campaignCreate').create(rest, ctx.call);
      clearAllDataLoaders(ctx);
      return campaign;
    },
  }),
  updateCampaign: t.field({
    type: CampaignRef,
    authScopes: { scope: 'campaigns:write' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCampaignInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, nativeId } = campaignTarget(ctx, String(args.id), 'id');
      const campaign = await facetOf(adapter, 'campaignUpdate').update(nativeId, args.input, ctx.call);
      clearAllDataLoaders(ctx);
      return campaign;
    },
  }),
  deleteCampaign: t.field({
    type: 'ID',
    authScopes: { scope: 'campaigns:delete' },
    description: 'Deletes a campaign and answers its id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, nativeId } = campaignTarget(ctx, String(args.id), 'id');
      await facetOf(adapter, 'campaignDelete').delete(nativeId, ctx.call);
      clearAllDataLoaders(ctx);
      return campaignGlobalId({ backend: adapter.name, nativeId });
    },
  }),
}));
