/** The two campaign types of the seed. */
export type CampaignType = 'DEFAULT' | 'PERSONAL';

export const CAMPAIGN_TYPES: readonly CampaignType[] = ['DEFAULT', 'PERSONAL'];

/** The only object type this backend stores. */
export const CAMPAIGN_OBJECT_TYPE = 'campaign';

/**
 * A campaign as the schema-type service stores and returns it: every field of the
 * seed's field summary plus `tenantId` and `objectType`. Times are Unix milliseconds;
 * `deletedAt` is 0 while the campaign lives.
 */
export interface SchemaTypeCampaign {
  _id: string;
  campaignId: string;
  name: string;
  description: string;
  type: CampaignType;
  callerId: string;
  smsFromAddress: string;
  emailFromAddress: string;
  workflowId: string;
  createdAt: number;
  createdBy: string;
  modifiedAt: number;
  modifiedBy: string;
  deletedAt: number;
  useForEmail: boolean;
  useForSMS: boolean;
  useForOutbound: boolean;
  useForFax: boolean;
  useForExtension: boolean;
  useForPredictive: boolean;
  useForProgressive: boolean;
  enableRealtimeTranscription: boolean;
  recordingAnalysisPercentage: number;
  recordingPromptId: string;
  supervisor: Array<Record<string, unknown>>;
  dispositions: Record<string, unknown>;
  emailAccounts: Array<Record<string, unknown>>;
  tenantId: string;
  objectType: typeof CAMPAIGN_OBJECT_TYPE;
}

/** Optional string fields a client may write; they default to ''. */
export const STRING_FIELDS = [
  'description',
  'callerId',
  'smsFromAddress',
  'emailFromAddress',
  'createdBy',
  'modifiedBy',
  'recordingPromptId',
] as const;

/** Flag fields a client may write; they default to false. */
export const BOOLEAN_FIELDS = [
  'useForEmail',
  'useForSMS',
  'useForOutbound',
  'useForFax',
  'useForExtension',
  'useForPredictive',
  'useForProgressive',
  'enableRealtimeTranscription',
] as const;

/** Scalar fields a search `q` may name. */
export const SEARCHABLE_FIELDS: readonly string[] = [
  '_id',
  'campaignId',
  'name',
  'type',
  'workflowId',
  'createdAt',
  'modifiedAt',
  'deletedAt',
  'recordingAnalysisPercentage',
  'tenantId',
  'objectType',
  ...STRING_FIELDS,
  ...BOOLEAN_FIELDS,
];

/** Fields a search may sort by. */
export const SORTABLE_FIELDS = ['createdAt', 'modifiedAt', 'name'] as const;

/** The values the server sets itself when it creates a campaign. */
export interface ServerAssigned {
  _id: string;
  campaignId: string;
  tenantId: string;
  now: number;
}

const isGiven = (value: unknown) => value !== undefined && value !== null;

/** Fields a campaign always has but a client need not send, with what they default to. */
export type OptionalCampaignFields = Omit<
  SchemaTypeCampaign,
  '_id' | 'campaignId' | 'name' | 'type' | 'workflowId' | 'createdAt' | 'modifiedAt' | 'deletedAt' | 'tenantId' | 'objectType'
>;

/** A fresh copy of the defaults of every optional field: blank text, false flags, zero, empty lists. */
export function optionalDefaults(): OptionalCampaignFields {
  return {
    description: '', callerId: '', smsFromAddress: '', emailFromAddress: '', createdBy: '', modifiedBy: '',
    useForEmail: false, useForSMS: false, useForOutbound: false, useForFax: false, useForExtension: false,
    useForPredictive: false, useForProgressive: false, enableRealtimeTranscription: false,
    recordingAnalysisPercentage: 0, recordingPromptId: '', supervisor: [], dispositions: {}, emailAccounts: [],
  };
}

/**
 * Builds a new campaign from a validated `data` object: given client fields win,
 * absent optional ones get their defaults, server fields come from `server`.
 */
export function newCampaign(data: Record<string, unknown>, server: ServerAssigned): SchemaTypeCampaign {
  const campaign: SchemaTypeCampaign = {
    ...optionalDefaults(),
    _id: server._id,
    campaignId: server.campaignId,
    name: data.name as string,
    type: data.type as CampaignType,
    workflowId: data.workflowId as string,
    createdAt: server.now,
    modifiedAt: server.now,
    deletedAt: 0,
    tenantId: server.tenantId,
    objectType: CAMPAIGN_OBJECT_TYPE,
  };
  const created = applyPatch(campaign, data, server.now);
  if (typeof data.createdBy === 'string') created.createdBy = data.createdBy;
  // A creator who does not name a modifier is the first modifier.
  if (!isGiven(data.modifiedBy)) created.modifiedBy = created.createdBy;
  return created;
}

/**
 * The campaign after a validated partial `data`: writable fields that are given
 * replace the old value (`null` resets an optional field to its default);
 * `_id`, `campaignId`, `createdBy` and the server fields stay; `modifiedAt` becomes `now`.
 */
export function applyPatch(existing: SchemaTypeCampaign, data: Record<string, unknown>, now: number): SchemaTypeCampaign {
  const next: SchemaTypeCampaign = structuredClone(existing);
  if (typeof data.name === 'string') next.name = data.name;
  if (typeof data.workflowId === 'string') next.workflowId = data.workflowId;
  if (typeof data.type === 'string') next.type = data.type as CampaignType;
  for (const field of STRING_FIELDS) {
    if (field === 'createdBy') continue;
    if (data[field] === null) next[field] = '';
    else if (typeof data[field] === 'string') next[field] = data[field];
  }
  for (const field of BOOLEAN_FIELDS) {
    if (data[field] === null) next[field] = false;
    else if (typeof data[field] === 'boolean') next[field] = data[field];
  }
  if (data.recordingAnalysisPercentage === null) next.recordingAnalysisPercentage = 0;
  else if (typeof data.recordingAnalysisPercentage === 'number') next.recordingAnalysisPercentage = data.recordingAnalysisPercentage;
  if (data.supervisor === null) next.supervisor = [];
  else if (Array.isArray(data.supervisor)) next.supervisor = structuredClone(data.supervisor);
  if (data.emailAccounts === null) next.emailAccounts = [];
  else if (Array.isArray(data.emailAccounts)) next.emailAccounts = structuredClone(data.emailAccounts);
  if (data.dispositions === null) next.dispositions = {};
  else if (isGiven(data.dispositions)) next.dispositions = structuredClone(data.dispositions as Record<string, unknown>);
  next.modifiedAt = now;
  return next;
}
