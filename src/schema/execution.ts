import type { ExecutionResult } from '../model/unified.js';
import { badInput } from '../model/errors.js';
import { BackendSet } from '../gateway/backend-set.js';
import { builder } from './builder.js';
import { TriggerTypeEnum } from './enums.js';
import { campaignTarget } from './mutation-target.js';

const ExecuteCampaignInput = builder.inputType('ExecuteCampaignInput', {
  description: 'Exactly one of contactId / triggerType.',
  fields: (t) => ({
    contactId: t.string(),
    triggerType: t.field({ type: TriggerTypeEnum }),
    segmentId: t.string(),
    eventType: t.string(),
  }),
});

const ExecutionResultRef = builder.objectRef<ExecutionResult>('ExecutionResult').implement({
  fields: (t) => ({ executed: t.exposeBoolean('executed'), executionId: t.exposeString('executionId', { nullable: true }) }),
});

builder.mutationField('executeCampaign', (t) =>
  t.field({
    type: ExecutionResultRef,
    authScopes: { scope: 'campaigns:write' },
    description: 'Runs a campaign for one contact or processes a trigger. Never retried by the gateway.',
    args: {
      campaignId: t.arg.id({ required: true }),
      input: t.arg({ type: ExecuteCampaignInput, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { adapter, nativeId } = campaignTarget(ctx, String(args.campaignId), 'campaignId');
      BackendSet.require(adapter, 'EXECUTE', 'executing campaigns');
      const hasContact = args.input.contactId != null;
      const hasTrigger = args.input.triggerType != null;
      if (hasContact === hasTrigger) throw badInput('give exactly one of contactId and triggerType', 'input');
      const result = await adapter.executeCampaign!(nativeId, args.input, ctx.call);
      ctx.loaders.clearAll();
      // An execution sends messages: viewers of this campaign's counters should not wait for the next poll.
      ctx.live.refresh({ backend: adapter.name, nativeId });
      return result;
    },
  }),
);
