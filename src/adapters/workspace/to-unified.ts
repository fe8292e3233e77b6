import type { CampaignStatus, Channel, TouchpointType } from '../../model/enums.js';
import { toIsoUtc } from '../../model/time.js';
import type { Campaign, DeliveryStats, DetailField, EnrollmentOutcome, EnrollmentResult, ExecutionResult, Touchpoint } from '../../model/unified.js';
import { MESSAGE_CHANNELS, SEND_MESSAGE, WORKSPACE_CAMPAIGN_STATUSES } from './vocabulary.js';
import type { WireCampaign, WireEnrollAnswer, WireExecuteAnswer, WireNode } from './wire.js';

/** A node with the position it sorts by (its own, or its index in the array when it has none). */
export interface PlacedNode {
  node: WireNode;
  position: number;
}

/** The campaign status of a workspace status word: the five words map to the same name, anything else to `UNKNOWN`. */
export function toCampaignStatus(word: string): CampaignStatus {
  return (WORKSPACE_CAMPAIGN_STATUSES as readonly string[]).includes(word) ? (word as CampaignStatus) : 'UNKNOWN';
}

/** A `SEND_MESSAGE` channel as a unified channel (the four share their names); null for anything else. */
export function toChannel(value: unknown): Channel | null {
  return typeof value === 'string' && (MESSAGE_CHANNELS as readonly string[]).includes(value) ? (value as Channel) : null;
}

/** Workflow nodes in `position` order; nodes without a position sit at their array index, ties keep array order. */
export function nodesInOrder(nodes: readonly WireNode[]): PlacedNode[] {
  return nodes
    .map((node, index) => ({ node, position: node.position ?? index, index }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map(({ node, position }) => ({ node, position }));
}

/** TRIGGER → TRIGGER, `SEND_MESSAGE` → MESSAGE, other ACTION → ACTION, CONDITION → CONDITION, DELAY → DELAY. */
export function toTouchpointType(node: Pick<WireNode, 'kind' | 'type'>): TouchpointType {
  if (node.kind === 'ACTION') return node.type === SEND_MESSAGE ? 'MESSAGE' : 'ACTION';
  return node.kind;
}

/**
 * The message of a `SEND_MESSAGE` node: its `config` without `channel` (the channel is
 * the touchpoint's own field), e.g. `{ subject, body }` for email or `{ title, body }`
 * for push. It is the mirror of the write side, where a message object is merged into
 * `config`. Other nodes carry no message: null.
 */
export function toMessage(node: WireNode): Record<string, unknown> | null {
  if (node.type !== SEND_MESSAGE) return null;
  const { channel: _channel, ...message } = node.config ?? {};
  return message;
}

/** One workflow node as a touchpoint of its campaign. */
export function toTouchpoint(backend: string, campaignNativeId: string, { node, position }: PlacedNode): Touchpoint {
  return {
    backend,
    campaignNativeId,
    nativeId: node.id,
    name: node.name ?? null,
    type: toTouchpointType(node),
    rawType: node.type,
    channel: node.type === SEND_MESSAGE ? toChannel(node.config?.['channel']) : null,
    message: toMessage(node),
    position,
    createdAt: null,
    raw: node,
  };
}

/** The touchpoints of a campaign read with its workflow, in position order; null when the record has no workflow. */
export function toTouchpoints(backend: string, record: WireCampaign): Touchpoint[] | null {
  if (!record.workflow) return null;
  return nodesInOrder(record.workflow.nodes).map((placed) => toTouchpoint(backend, record.id, placed));
}

/** The distinct channels of the campaign's `SEND_MESSAGE` nodes, in position order. */
export function toChannels(record: WireCampaign): Channel[] {
  const channels = new Set<Channel>();
  for (const { node } of nodesInOrder(record.workflow?.nodes ?? [])) {
    const channel = node.type === SEND_MESSAGE ? toChannel(node.config?.['channel']) : null;
    if (channel) channels.add(channel);
  }
  return [...channels];
}

/** The counters a campaign record carries: the workspace counts the messages it sent, nothing else. */
export function toDeliveryStats(record: WireCampaign): DeliveryStats {
  return {
    total: null,
    sent: record._count.messages,
    delivered: null,
    failed: null,
    // The wire schema guarantees a parseable createdAt, so this is never empty.
    updatedAt: (toIsoUtc(record.updatedAt) ?? toIsoUtc(record.createdAt))!,
  };
}

/**
 * A workspace campaign in the unified model (CONTRACT.md "Normalization"). A record
 * without `workflow` (the list form) has no channels to tell and no inline touchpoints.
 */
export function toCampaign(backend: string, record: WireCampaign): Campaign {
  const createdAt = toIsoUtc(record.createdAt);
  const updatedAt = toIsoUtc(record.updatedAt);
  const touchpoints = toTouchpoints(backend, record);
  const campaign: Campaign = {
    backend,
    nativeId: record.id,
    name: record.name,
    description: record.description ?? null,
    status: toCampaignStatus(record.status),
    rawStatus: record.status,
    channels: toChannels(record),
    createdAt,
    updatedAt,
    scheduledAt: toIsoUtc(record.startAt),
    enrollmentCount: record._count.enrollments,
    deliveryStats: toDeliveryStats(record),
    raw: record,
  };
  if (touchpoints) campaign.touchpoints = touchpoints;
  return campaign;
}

/** Wire fields of the optional ones in the list form, by the campaign field they tell. */
const LIST_FORM_FIELDS: readonly [DetailField, keyof WireCampaign][] = [
  ['description', 'description'],
  ['updatedAt', 'updatedAt'],
  ['scheduledAt', 'startAt'],
];

/**
 * A campaign as `GET /campaigns` lists it. The list form has no workflow, so its
 * channels and touchpoints are unknown, and its `raw` is not the full record; the
 * contract's list carries `description`, `updatedAt` and `startAt`, the seed's
 * lacks them. Whatever the record does not carry is named in `lacks`.
 */
export function toListedCampaign(backend: string, record: WireCampaign): Campaign {
  const lacks = new Set<DetailField>(['raw']);
  if (!record.workflow) {
    lacks.add('channels');
    lacks.add('touchpoints');
  }
  for (const [field, wire] of LIST_FORM_FIELDS) if (!Object.hasOwn(record, wire)) lacks.add(field);
  return { ...toCampaign(backend, record), lacks };
}

const OUTCOME_STATUS = { enrolled: 'ENROLLED', already_enrolled: 'ALREADY_ENROLLED', error: 'FAILED' } as const;

/** The enroll answer: `errors` is the failed count, `details` the per-contact outcomes. */
export function toEnrollmentResult(answer: WireEnrollAnswer): EnrollmentResult {
  return {
    enrolled: answer.enrolled,
    alreadyEnrolled: answer.alreadyEnrolled,
    failed: answer.errors,
    results: answer.details.map(
      (detail): EnrollmentOutcome => ({
        contactId: detail.contactId,
        status: OUTCOME_STATUS[detail.status],
        error: detail.status === 'error' ? (detail.error ?? 'Enrollment failed') : null,
      }),
    ),
  };
}

/** The execute answer. */
export function toExecutionResult(answer: WireExecuteAnswer): ExecutionResult {
  return { executed: answer.executed, executionId: answer.executionId ?? null };
}
