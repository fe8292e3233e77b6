/** The closed value lists of the workspace wire contract that the adapter checks inputs against. */

export const WORKSPACE_CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED'] as const;

export const WORKSPACE_CAMPAIGN_TYPES = ['AUTOMATED', 'BROADCAST', 'TRANSACTIONAL'] as const;

/** The node types each node kind allows. */
export const NODE_TYPES_BY_KIND = {
  TRIGGER: ['EVENT', 'SEGMENT_ENTRY', 'SEGMENT_EXIT', 'SCHEDULED', 'MANUAL'],
  ACTION: ['SEND_MESSAGE', 'SET_FIELD', 'ADD_TAG', 'REMOVE_TAG', 'WEBHOOK', 'UPDATE_SCORE', 'NOTIFY_INBOX'],
  CONDITION: ['ATTRIBUTE_CHECK', 'EVENT_CHECK', 'AB_SPLIT'],
  DELAY: ['SHORT_DELAY', 'LONG_DELAY'],
} as const satisfies Record<string, readonly string[]>;

export const NODE_KINDS = ['TRIGGER', 'ACTION', 'CONDITION', 'DELAY'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The action node type that sends a message; it is the one node that becomes a `MESSAGE` touchpoint. */
export const SEND_MESSAGE = 'SEND_MESSAGE';

/** Channels a `SEND_MESSAGE` node may send on (`config.channel`); they share the unified `Channel` names. */
export const MESSAGE_CHANNELS = ['EMAIL', 'PUSH', 'TELEGRAM', 'ON_SITE'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
