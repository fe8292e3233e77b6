import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { TouchpointValidation } from '../model/unified.js';
import { facetOf } from '../adapters/seam/capabilities.js';
import { touchpointGlobalId } from '../model/global-id.js';
import { builder } from './builder.js';
import { ChannelEnum, TouchpointTypeEnum } from './enums.js';
import { changingSomething } from './input-bounds.js';
import { campaignTarget, childTarget } from './mutation-target.js';
import { TouchpointRef } from './loadable-nodes.js';

const CreateTouchpointInput = builder.inputType('CreateTouchpointInput', {
  fields: (t) => ({
    campaignId: t.id({ required: true }),
    name: t.string({ required: true }),
    type: t.field({ type: TouchpointTypeEnum, required: true }),
    rawType: t.string({ description: 'The backend\'s own type where the unified one is ambiguous (workspace SET_FIELD, LONG_DELAY, …)' }),
    channel: t.field({ type: ChannelEnum }),
    message: t.field({ type: 'JSON' }),
    config: t.field({ type: 'JSON', description: 'Backend-specific settings (workspace node config)' }),
  }),
});

const UpdateTouchpointInput = builder.inputType('UpdateTouchpointInput', {
  fields: (t) => ({
    name: t.string(),
    message: t.field({ type: 'JSON' }),
    config: t.field({ type: 'JSON' }),
    position: t.int(),
  }),
  validate: { schema: changingSomething() },
});

const TouchpointValidationRef = builder.objectRef<TouchpointValidation>('TouchpointValidation').implement({
  fields: (t) => ({ valid: t.exposeBoolean('valid'), errors: t.exposeStringList('errors') }),
});

builder.mutationFields((t) => ({
  createTouchpoint: t.field({
    type: TouchpointRef,
    authScopes: { scope: 'campaigns:write' },
    args: { input: t.arg({ type: CreateTouchpointInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { campaignId, ...rest } = input;
      const { adapter, nativeId } = campaignTarget(ctx, String(campaignId), 'input.campaignId');
      const touchpoint = await facetOf(adapter, 'touchpointWrites').create(nativeId, rest, ctx.call);
      clearAllDataLoaders(ctx);
      return touchpoint;
    },
  }),
  updateTouchpoint: t.field({
    type: TouchpointRef,
    authScopes: { scope: 'campaigns:write' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTouchpointInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, key } = childTarget(ctx, 'Touchpoint', String(args.id), 'id');
      const touchpoint = await facetOf(adapter, 'touchpointWrites').update(key, args.input, ctx.call);
      clearAllDataLoaders(ctx);
      return touchpoint;
    },
  }),
  deleteTouchpoint: t.field({
    type: 'ID',
    // A delete like deleteCampaign: a key that may edit content may not destroy it.
    authScopes: { scope: 'campaigns:delete' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, key } = childTarget(ctx, 'Touchpoint', String(args.id), 'id');
      await facetOf(adapter, 'touchpointWrites').delete(key, ctx.call);
      clearAllDataLoaders(ctx);
      return touchpointGlobalId({ backend: adapter.name, ...key });
    },
  }),
  validateTouchpoint: t.field({
    type: TouchpointValidationRef,
    authScopes: { scope: 'campaigns:write' },
    description: 'The backend\'s own validation where it has one; the same rules applied by the gateway where not.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { adapter, key } = childTarget(ctx, 'Touchpoint', String(args.id), 'id');
      return facetOf(adapter, 'touchpoints').validate(key, ctx.call);
    },
  }),
}));
