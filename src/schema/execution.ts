import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { ExecutionResult } from '../model/unified.js';
import { z } from 'zod';
import { facetOf } from '../adapters/seam/capabilities.js';
import { builder } from './builder.js';
import { TriggerTypeEnum } from './enums.js';
import { campaignTarget } from './mutation-target.js';

/** Exactly one of `contactId` (run for one contact) and `triggerType` (process a trigger). */
function oneWayToRun<Input extends { contactId?: string | null; triggerType?: string | null }>(): z.ZodType<Input> {
  return z.custom<Input>(
    (input) => ((input as Input).contactId != null) !== ((input as Input).triggerType != null),
    'give exactly one of contactId and triggerType',
  );
}

const ExecuteCampaignInput = builder.inputType('ExecuteCampaignInput', {
  description: 'Exactly one of contactId / triggerType.',
  fields: (t) => ({
    contactId: t.string(),
    triggerType: t.field({ type: TriggerTypeEnum }),
    segmentId: t.string(),
    eventType: t.string(),
  }),
  validate: { schema: oneWayToRun() },
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
      const result = await facetOf(adapter, 'execution').execute(nativeId, args.input, ctx.call);
      clearAllDataLoaders(ctx);
      // An execution sends messages: viewers of this campaign's counters should not wait for the next poll.
      ctx.live.refresh({ backend: adapter.name, nativeId });
      return result;
    },
  }),
);
