import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { Enrollment, EnrollmentResult, EnrollmentOutcome } from '../model/unified.js';
import { z } from 'zod';
import { facetOf } from '../adapters/seam/capabilities.js';
import { builder, nodeKey, parseNodeKey } from './builder.js';
import { CampaignRef } from './loadable-nodes.js';
import { EnrollmentOutcomeStatusEnum } from './enums.js';
import { settleNode } from './load-node.js';
import { MAX_CONTACTS_PER_ENROLLMENT } from './input-bounds.js';
import { childConnection, findInPages } from './paging.js';
import { campaignTarget } from './mutation-target.js';

export const EnrollmentRef = builder.objectRef<Enrollment>('Enrollment');

builder.node(EnrollmentRef, {
  description: 'A contact enrolled in a campaign.',
  id: { resolve: (e) => nodeKey(e.backend, e.campaignNativeId, e.contactId) },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'contactId' in value && 'campaignNativeId' in value,
  loadOne: (id, ctx) =>
    settleNode(
      (async () => {
        const [backend, campaignNativeId, contactId] = parseNodeKey(id) as [string, string, string];
        const enrollments = ctx.backends.forId(backend).enrollmentList;
        if (!enrollments) return null;
        return findInPages((page) => enrollments.list(campaignNativeId, page, ctx.call), (e) => e.contactId === contactId);
      })(),
    ),
  fields: (t) => ({
    campaign: t.field({
      type: CampaignRef,
      // A node key: the campaign loads through the request's loader.
      resolve: (e) => nodeKey(e.backend, e.campaignNativeId),
    }),
    contactId: t.exposeString('contactId'),
    params: t.exposeStringList('params', { nullable: true }),
  }),
});

const EnrollmentConnection = builder.connectionObject({
  type: EnrollmentRef,
  name: 'EnrollmentConnection',
  fields: (t) => ({ totalCount: t.int({ nullable: true, resolve: (c) => (c as { totalCount?: number | null }).totalCount ?? null }) }),
});

builder.objectField(CampaignRef, 'enrollments', (t) =>
  t.field({
    type: EnrollmentConnection,
    nullable: true,
    description: 'Enrolled contacts; null where the backend cannot list them.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (campaign, args, ctx) => {
      const enrollments = ctx.backends.get(campaign.backend)?.enrollmentList;
      if (!enrollments) return null;
      return childConnection((page) => enrollments.list(campaign.nativeId, page, ctx.call), args, ctx.cursors);
    },
  }),
);

const EnrollmentOutcomeRef = builder.objectRef<EnrollmentOutcome>('EnrollmentOutcome').implement({
  fields: (t) => ({
    contactId: t.exposeString('contactId'),
    status: t.field({ type: EnrollmentOutcomeStatusEnum, resolve: (o) => o.status }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

const EnrollmentResultRef = builder.objectRef<EnrollmentResult>('EnrollmentResult').implement({
  fields: (t) => ({
    enrolled: t.exposeInt('enrolled'),
    alreadyEnrolled: t.exposeInt('alreadyEnrolled'),
    failed: t.exposeInt('failed'),
    results: t.field({ type: [EnrollmentOutcomeRef], resolve: (r) => r.results }),
  }),
});

/** The contacts of one `enrollContacts` call: at least one, and few enough for one upstream request. */
const CONTACT_IDS = z.array(z.string()).min(1, 'contactIds must not be empty').max(MAX_CONTACTS_PER_ENROLLMENT, `at most ${MAX_CONTACTS_PER_ENROLLMENT} contactIds per call`);

builder.mutationField('enrollContacts', (t) =>
  t.field({
    type: EnrollmentResultRef,
    authScopes: { scope: 'campaigns:write' },
    args: {
      campaignId: t.arg.id({ required: true }),
      contactIds: t.arg.stringList({ required: true, validate: { schema: CONTACT_IDS } }),
    },
    resolve: async (_root, args, ctx) => {
      const { adapter, nativeId } = campaignTarget(ctx, String(args.campaignId), 'campaignId');
      const result = await facetOf(adapter, 'enrollment').enroll(nativeId, args.contactIds, ctx.call);
      clearAllDataLoaders(ctx);
      return result;
    },
  }),
);

