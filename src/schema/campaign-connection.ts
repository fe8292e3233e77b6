import { responsePathAsArray } from 'graphql';
import type { CampaignFilter } from '../model/campaign-query.js';
import { listCampaigns } from '../gateway/campaign-list.js';
import { builder } from './builder.js';
import { CampaignRef } from './loadable-nodes.js';
import { CampaignOrderFieldEnum, CampaignStatusEnum, ChannelEnum, OrderDirectionEnum } from './enums.js';
import { selectedDetailFields } from './campaign-selection.js';
import { prefetchTouchpoints, primeCampaign } from './load-node.js';
import { boundedText, distinctBounded, MAX_NAME_FILTER_LENGTH } from './input-bounds.js';
import { pageSize } from './paging.js';

const CampaignFilterInput = builder.inputType('CampaignFilter', {
  fields: (t) => ({
    backends: t.stringList({ description: 'Backend names; all when absent.' }),
    status: t.field({ type: [CampaignStatusEnum] }),
    channels: t.field({ type: [ChannelEnum], description: 'Campaigns having any of these channels.' }),
    nameContains: t.string({ description: 'Case-insensitive substring of the name.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Exclusive lower bound.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Exclusive upper bound.' }),
  }),
});

const CampaignOrderInput = builder.inputType('CampaignOrder', {
  fields: (t) => ({
    field: t.field({ type: CampaignOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true }),
  }),
});

const CampaignConnection = builder.connectionObject({
  type: CampaignRef,
  name: 'CampaignConnection',
  fields: (t) => ({
    totalCount: t.int({
      nullable: true,
      description: 'Every matching campaign across the selected backends; null when that is not cheap to know.',
      resolve: (c) => (c as { totalCount?: number | null }).totalCount ?? null,
    }),
  }),
});

builder.queryField('campaigns', (t) =>
  t.field({
    type: CampaignConnection,
    authScopes: { scope: 'campaigns:read' },
    description:
      'Campaigns of every selected backend, merged in the requested order. A failing backend costs only its own part: the rest is answered with one error per failing backend.',
    args: {
      first: t.arg.int({ defaultValue: 20 }),
      after: t.arg.string(),
      filter: t.arg({ type: CampaignFilterInput }),
      orderBy: t.arg({ type: CampaignOrderInput, defaultValue: { field: 'CREATED_AT', direction: 'DESC' } }),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = pageSize(args.first);
      const { backends, status, channels, nameContains, ...rest } = args.filter ?? {};
      const bounded = {
        ...rest,
        status: distinctBounded(status, 'filter.status'),
        channels: distinctBounded(channels, 'filter.channels'),
        nameContains: boundedText(nameContains, 'filter.nameContains', MAX_NAME_FILTER_LENGTH),
      };
      const filter: CampaignFilter = Object.fromEntries(Object.entries(bounded).filter(([, v]) => v != null));
      const selects = selectedDetailFields(info);
      const page = await listCampaigns(
        ctx.backends.select(distinctBounded(backends, 'filter.backends')),
        { first, after: args.after ?? null, order: args.orderBy ?? { field: 'CREATED_AT', direction: 'DESC' }, filter, selects, cursors: ctx.cursors },
        ctx.call,
        {
          budgetOf: (backend) => ctx.backends.budgetOf(backend),
          // Touchpoints kept apart from the campaign are read in the same round as the page's full records.
          onPage: (campaigns) => {
            if (selects.has('touchpoints')) for (const campaign of campaigns) prefetchTouchpoints(ctx, campaign);
          },
        },
      );
      // A list form is no answer to a later load of the campaign by id.
      for (const { node } of page.edges) primeCampaign(ctx, node);
      const path = responsePathAsArray(info.path);
      ctx.partialErrors.push(...page.errors.map((error) => error.atPath(path)));
      return page;
    },
  }),
);
