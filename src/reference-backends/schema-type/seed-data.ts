import { optionalDefaults, type SchemaTypeCampaign } from './campaign.js';

/** This kind's index in the cross-backend seed-date formula (workspace 0, v2 1, schemaType 2, touchpoint 3). */
const KIND_INDEX = 2;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The tenant whose campaigns the seed hides from the backend's own tenant. */
export const OTHER_SEED_TENANT = 't_fghij';

/** createdAt of seed campaign `i`, interleaved with the other kinds' seeds. */
export function seedCreatedAt(i: number): number {
  return Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + KIND_INDEX) * 6 * DAY + KIND_INDEX * 37 * 60_000;
}

/** A deterministic ObjectId: the creation second, then a fixed machine part and the index. */
function seedObjectId(i: number): string {
  const seconds = Math.floor(seedCreatedAt(i) / 1000).toString(16).padStart(8, '0');
  return `${seconds}c4a7e2b910${i.toString(16).padStart(6, '0')}`;
}

/** One seed campaign: what sets it apart; every other field takes its default. */
type SeedEntry = Partial<SchemaTypeCampaign> &
  Pick<SchemaTypeCampaign, 'campaignId' | 'name' | 'workflowId' | 'createdBy'> & {
    /** Hours between creation and the last modification. */
    editedAfterHours: number;
  };

/** The live campaigns of the backend's tenant, oldest first. */
const ENTRIES: SeedEntry[] = [
  {
    campaignId: 'cmp_q1_renewals', name: 'Q1 Renewal Reminders',
    description: 'Email and SMS reminders 30 days before contract renewal.',
    workflowId: 'wf_renewal_sequence', createdBy: 'user_marketing', useForEmail: true,
    emailFromAddress: 'renewals@northwind-care.example', useForSMS: true, smsFromAddress: '8885551212',
    editedAfterHours: 26,
    emailAccounts: [{ address: 'renewals@northwind-care.example', displayName: 'Northwind Renewals' }],
  },
  {
    campaignId: 'cmp_past_due_outreach', name: 'Past-Due Balance Outreach',
    description: 'Predictive dialing of accounts 30+ days past due.', workflowId: 'wf_collections_tier1',
    createdBy: 'user_collections', useForOutbound: true, useForPredictive: true, callerId: '+18005550142',
    recordingAnalysisPercentage: 10, recordingPromptId: 'prompt_consent_rec', editedAfterHours: 72,
    dispositions: { PAID: 'Payment taken', PTP: 'Promise to pay', DISPUTE: 'Balance disputed' },
    supervisor: [{ userId: 'user_ops_lead', name: 'Dana Whitfield' }],
  },
  {
    campaignId: 'cmp_appt_confirm', name: 'Appointment Confirmation Calls',
    description: 'Progressive calls and SMS confirming next-day appointments.',
    workflowId: 'wf_appointment_confirm', createdBy: 'user_scheduling', useForProgressive: true,
    callerId: '+18005550177', useForSMS: true, smsFromAddress: '8885550190', editedAfterHours: 5,
    dispositions: { CONFIRMED: 'Confirmed', RESCHEDULE: 'Reschedule requested' },
  },
  {
    campaignId: 'cmp_spring_upsell', name: 'Spring Service Plan Upsell',
    description: 'Email offer to upgrade basic plans to premium support.', workflowId: 'wf_upsell_premium',
    createdBy: 'user_marketing', useForEmail: true, emailFromAddress: 'offers@northwind-care.example',
    editedAfterHours: 48,
  },
  {
    campaignId: 'cmp_csat_survey', name: 'Customer Satisfaction Survey',
    description: 'Post-resolution outbound survey with live transcription.', workflowId: 'wf_csat_survey',
    createdBy: 'user_quality', useForOutbound: true, callerId: '+18005550123',
    enableRealtimeTranscription: true, recordingAnalysisPercentage: 25,
    recordingPromptId: 'prompt_survey_consent', editedAfterHours: 120,
    supervisor: [{ userId: 'user_qa_manager', name: 'Priya Raman' }],
  },
  {
    campaignId: 'cmp_records_fax', name: 'Medical Records Fax Requests',
    description: 'Faxed records requests to partner clinics.', workflowId: 'wf_records_request',
    createdBy: 'user_health_ops', useForFax: true, editedAfterHours: 9,
  },
  {
    campaignId: 'cmp_agent_followups', name: 'Agent Personal Follow-ups', type: 'PERSONAL',
    description: 'Personal-inbox follow-ups by account managers.', workflowId: 'wf_personal_followup',
    createdBy: 'user_am_jordan', useForExtension: true, useForEmail: true,
    emailFromAddress: 'jordan.lee@northwind-care.example', editedAfterHours: 3,
  },
  {
    campaignId: 'cmp_summer_winback', name: 'Summer Win-Back Offer',
    description: 'SMS discount for customers who cancelled in the last year.',
    workflowId: 'wf_winback_offer', createdBy: 'user_marketing', useForSMS: true,
    smsFromAddress: '8885550133', editedAfterHours: 30,
  },
  {
    campaignId: 'cmp_storm_outage', name: 'Storm Outage Notifications',
    description: 'SMS and voice alerts for service areas hit by outages.', workflowId: 'wf_outage_alert',
    createdBy: 'user_noc', useForSMS: true, smsFromAddress: '8885550111', useForOutbound: true,
    callerId: '+18005550111', editedAfterHours: 1,
  },
  {
    campaignId: 'cmp_holiday_early', name: 'Holiday Promo Early Access',
    description: 'Early-access holiday pricing for loyalty members.', workflowId: 'wf_holiday_promo',
    createdBy: 'user_marketing', useForEmail: true, emailFromAddress: 'holiday@northwind-care.example',
    useForSMS: true, smsFromAddress: '8885551212', editedAfterHours: 60,
  },
];

/** Campaigns of another tenant: they must never show through this backend's tenant. */
const OTHER_TENANT_ENTRIES: SeedEntry[] = [
  {
    campaignId: 'cmp_holiday_early', name: 'Holiday Promo Early Access', workflowId: 'wf_fghij_holiday',
    createdBy: 'user_fghij_admin', useForSMS: true, smsFromAddress: '8885559999', editedAfterHours: 2,
  },
  {
    campaignId: 'cmp_pricing_survey', name: 'Competitor Pricing Survey', workflowId: 'wf_fghij_survey',
    createdBy: 'user_fghij_admin', useForOutbound: true, callerId: '+18005559999', editedAfterHours: 4,
  },
];

/** A campaign of the backend's tenant deleted long ago: invisible, and its name is free again. */
const DELETED_ENTRY: SeedEntry = {
  campaignId: 'cmp_old_promo', name: 'Holiday Promo 2025', description: 'Last season’s SMS promotion.',
  workflowId: 'wf_holiday_promo', createdBy: 'user_marketing', useForSMS: true,
  smsFromAddress: '8885551212', editedAfterHours: 24,
};

function toCampaign(i: number, { editedAfterHours, ...entry }: SeedEntry, tenantId: string): SchemaTypeCampaign {
  const createdAt = seedCreatedAt(i);
  return {
    ...optionalDefaults(),
    _id: seedObjectId(i),
    type: 'DEFAULT',
    createdAt,
    modifiedAt: createdAt + editedAfterHours * HOUR,
    modifiedBy: entry.createdBy,
    deletedAt: 0,
    ...entry,
    tenantId,
    objectType: 'campaign',
  };
}

/**
 * The demo campaigns: ten live ones of `tenantId`, two of {@link OTHER_SEED_TENANT}
 * and one soft-deleted one of `tenantId`. Same ids and times on every start.
 */
export function seedCampaigns(tenantId: string): SchemaTypeCampaign[] {
  const live = ENTRIES.map((entry, i) => toCampaign(i, entry, tenantId));
  const others = OTHER_TENANT_ENTRIES.map((entry, i) => toCampaign(ENTRIES.length + i, entry, OTHER_SEED_TENANT));
  const deleted = toCampaign(ENTRIES.length + OTHER_TENANT_ENTRIES.length, DELETED_ENTRY, tenantId);
  deleted.deletedAt = deleted.modifiedAt;
  return [...live, ...others, deleted];
}
