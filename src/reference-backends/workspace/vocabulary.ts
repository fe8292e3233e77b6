/** The closed value lists of the workspace wire contract (`/work/shared/backends/workspace.md`). */

export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_TYPES = ['AUTOMATED', 'BROADCAST', 'TRANSACTIONAL'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const TRIGGER_TYPES = ['EVENT', 'SEGMENT_ENTRY', 'SEGMENT_EXIT', 'SCHEDULED', 'MANUAL'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const NODE_KINDS = ['TRIGGER', 'ACTION', 'CONDITION', 'DELAY'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The node types each node kind allows. */
export const NODE_TYPES_BY_KIND = {
  TRIGGER: TRIGGER_TYPES,
  ACTION: ['SEND_MESSAGE', 'SET_FIELD', 'ADD_TAG', 'REMOVE_TAG', 'WEBHOOK', 'UPDATE_SCORE', 'NOTIFY_INBOX'],
  CONDITION: ['ATTRIBUTE_CHECK', 'EVENT_CHECK', 'AB_SPLIT'],
  DELAY: ['SHORT_DELAY', 'LONG_DELAY'],
} as const satisfies Record<NodeKind, readonly string[]>;

export type NodeType = (typeof NODE_TYPES_BY_KIND)[NodeKind][number];

/** Channels a `SEND_MESSAGE` node may send on (`config.channel`). */
export const MESSAGE_CHANNELS = ['EMAIL', 'PUSH', 'TELEGRAM', 'ON_SITE'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const EXECUTE_ACTIONS = ['execute_for_contact', 'process_trigger'] as const;
export type ExecuteAction = (typeof EXECUTE_ACTIONS)[number];
