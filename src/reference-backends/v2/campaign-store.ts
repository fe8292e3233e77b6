import { createHash } from 'node:crypto';
import type { CampaignClient } from './requests.js';

/** Where one message is in its delivery: `pending` → `sent` → `delivered` | `read`, or → `failed`. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message of a campaign, to one client. Times are epoch milliseconds. */
export interface StoredMessage {
  /** 30 upper-case hex characters starting with `C`, e.g. `C030200170205C476A3B882B2702FF`. */
  key: string;
  campaignId: number;
  accountId: string;
  status: MessageStatus;
  /** `''` unless failed. */
  error: string;
  /** When the message left; undefined while it never did. */
  sentAt?: number;
  updatedAt: number;
  /** Delivery attempts so far: 1, plus one per resend. */
  attempts: number;
}

/** A campaign as stored; status and counters are derived from its messages. */
export interface StoredCampaign {
  id: number;
  name: string;
  templateName: string;
  lang: string;
  createdAt: number;
  updatedAt: number;
  /** Undefined when the campaign was sent immediately. */
  sendAt?: number;
  agentId: number;
  message: string;
  json: string;
  clients: CampaignClient[];
  companyId: number;
  reportHeaders: unknown;
  tempMsgId: string;
  socketKey: string;
}

/** What a new campaign needs; the store assigns the id, keys and socket key. */
export type CampaignDraft = Omit<StoredCampaign, 'id' | 'socketKey'>;

/** The first id handed out, so ids look like the seed document's (`385`). */
export const FIRST_CAMPAIGN_ID = 380;

function hexDigest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A message key derived from its campaign and position: unique because ids are never reused. */
export function messageKey(campaignId: number, index: number): string {
  return `C${hexDigest(`message/${campaignId}/${index}`).slice(0, 29).toUpperCase()}`;
}

/** Campaigns and their messages in memory. Ids only ever grow. */
export class CampaignStore {
  readonly #campaigns = new Map<number, StoredCampaign>();
  readonly #messages = new Map<number, StoredMessage[]>();
  readonly #byKey = new Map<string, StoredMessage>();
  #nextId = FIRST_CAMPAIGN_ID;

  /** Stores a new campaign with one `pending` message per client. */
  create(draft: CampaignDraft): StoredCampaign {
    return this.insert(draft, () => ({ status: 'pending', error: '', updatedAt: draft.createdAt }));
  }

  /**
   * Stores a campaign whose messages may already be under way (seed data):
   * `messageState(client, index)` gives each message's state.
   */
  insert(
    draft: CampaignDraft,
    messageState: (client: CampaignClient, index: number) => Pick<StoredMessage, 'status' | 'error' | 'sentAt' | 'updatedAt'>,
  ): StoredCampaign {
    const id = this.#nextId++;
    const campaign: StoredCampaign = { ...draft, id, socketKey: hexDigest(`socket/${id}`).slice(0, 32) };
    const messages = draft.clients.map((client, index) => ({
      key: messageKey(id, index),
      campaignId: id,
      accountId: client.AccountID,
      attempts: 1,
      ...messageState(client, index),
    }));
    this.#campaigns.set(id, campaign);
    this.#messages.set(id, messages);
    for (const message of messages) this.#byKey.set(message.key, message);
    return campaign;
  }

  get(id: number): StoredCampaign | undefined {
    return this.#campaigns.get(id);
  }

  /** Removes a campaign and its messages; returns what was removed. */
  delete(id: number): { campaign: StoredCampaign; messages: StoredMessage[] } | undefined {
    const campaign = this.#campaigns.get(id);
    if (!campaign) return undefined;
    const messages = this.messagesOf(id);
    this.#campaigns.delete(id);
    this.#messages.delete(id);
    for (const message of messages) this.#byKey.delete(message.key);
    return { campaign, messages };
  }

  /** Every campaign, newest (highest id) first. */
  list(): StoredCampaign[] {
    return [...this.#campaigns.values()].sort((a, b) => b.id - a.id);
  }

  /** A campaign's messages in client order. */
  messagesOf(id: number): StoredMessage[] {
    return this.#messages.get(id) ?? [];
  }

  findMessage(key: string): StoredMessage | undefined {
    return this.#byKey.get(key);
  }
}
