import type { CampaignStore, MessageStatus, StoredCampaign, StoredMessage } from './campaign-store.js';

/**
 * The message state machine. Progress is driven by ticks, never by randomness:
 * whether a message moves on tick `n` is a hash of its key and `n`, so the same
 * sequence of ticks always yields the same states.
 */

/** A campaign's status word on the wire. */
export type CampaignStatus = 'scheduled' | 'processing' | 'completed' | 'failed';

/** `sent` is not final: the message may still be delivered, read or fail. */
export const FINAL_STATUSES: ReadonlySet<MessageStatus> = new Set(['delivered', 'read', 'failed']);

/** The error of a number the provider cannot reach; it never leaves. */
export const UNREACHABLE = 'recipient unreachable';
/** The error of a message the handset rejected after it left. */
export const UNDELIVERABLE = 'message undeliverable';

/**
 * How delivery to an account fails on a given attempt, if it does: numbers ending
 * in 7 are unreachable on every attempt; numbers ending in 3 reject the first
 * attempt after it was sent and accept a resend.
 */
export function failureFor(accountId: string, attempt: number): { error: string; afterSend: boolean } | undefined {
  if (accountId.endsWith('7')) return { error: UNREACHABLE, afterSend: false };
  if (accountId.endsWith('3') && attempt === 1) return { error: UNDELIVERABLE, afterSend: true };
  return undefined;
}

/** 32-bit FNV-1a. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The campaign counters as the contract defines them. */
export interface DeliveryCounters {
  /** Messages that left: sent, delivered, read, and failed after being sent. */
  sent: number;
  /** Delivered and read. */
  delivered: number;
  failed: number;
  /** Number of clients. */
  total: number;
}

export function countersOf(messages: readonly StoredMessage[]): DeliveryCounters {
  const counters: DeliveryCounters = { sent: 0, delivered: 0, failed: 0, total: messages.length };
  for (const message of messages) {
    if (message.sentAt !== undefined && message.status !== 'pending') counters.sent++;
    if (message.status === 'delivered' || message.status === 'read') counters.delivered++;
    if (message.status === 'failed') counters.failed++;
  }
  return counters;
}

/** Whether messages of this campaign may move at `now`: its send time has come. */
export function hasStarted(campaign: StoredCampaign, now: number): boolean {
  return campaign.sendAt === undefined || campaign.sendAt <= now;
}

/** Derived status: scheduled before SendAt, then processing until every message is final. */
export function campaignStatus(campaign: StoredCampaign, messages: readonly StoredMessage[], now: number): CampaignStatus {
  if (!hasStarted(campaign, now)) return 'scheduled';
  if (messages.some((message) => !FINAL_STATUSES.has(message.status))) return 'processing';
  return messages.every((message) => message.status === 'failed') ? 'failed' : 'completed';
}

/** Moves one message one step if the hash of its key and `tick` says so; true when it moved. */
function stepMessage(message: StoredMessage, tick: number, now: number): boolean {
  const hash = fnv1a(`${message.key}#${tick}`);
  // Roughly two messages in three move on any tick.
  if (hash % 3 === 0) return false;
  const failure = failureFor(message.accountId, message.attempts);
  if (message.status === 'pending') {
    if (failure && !failure.afterSend) {
      Object.assign(message, { status: 'failed', error: failure.error, updatedAt: now });
    } else {
      Object.assign(message, { status: 'sent', sentAt: now, updatedAt: now });
    }
    return true;
  }
  if (message.status === 'sent') {
    if (failure) Object.assign(message, { status: 'failed', error: failure.error, updatedAt: now });
    else Object.assign(message, { status: (hash >>> 8) % 3 === 0 ? 'read' : 'delivered', updatedAt: now });
    return true;
  }
  return false;
}

/** Advances every started campaign by one tick; a campaign whose messages moved gets `updatedAt = now`. */
export function advanceDelivery(store: CampaignStore, tick: number, now: number): void {
  for (const campaign of store.list()) {
    if (!hasStarted(campaign, now)) continue;
    let moved = false;
    for (const message of store.messagesOf(campaign.id)) moved = stepMessage(message, tick, now) || moved;
    if (moved) campaign.updatedAt = now;
  }
}

/** Puts a failed message back to `pending` for another attempt. */
export function resendMessage(message: StoredMessage, campaign: StoredCampaign | undefined, now: number): void {
  message.status = 'pending';
  message.error = '';
  delete message.sentAt;
  message.attempts++;
  message.updatedAt = now;
  if (campaign) campaign.updatedAt = now;
}
