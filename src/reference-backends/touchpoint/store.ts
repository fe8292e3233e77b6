import type { Clock } from '../shared/clock.js';
import type { CampaignCursor, TouchpointCursor } from './cursor.js';
import type { IdGenerator } from './ids.js';
import type { Campaign, ChannelType, Touchpoint, TouchpointMessage, TouchpointType } from './wire-types.js';

/** A page of a store list: the items and the key to resume after, or null on the last page. */
export interface StorePage<T, Key> {
  data: T[];
  next: Key | null;
}

/** The fields a touchpoint update may change; absent fields stay as they are. */
export interface TouchpointChanges {
  name?: string;
  type?: TouchpointType;
  message?: TouchpointMessage;
  /** The new 0-based place in the campaign; the others are renumbered around it. */
  position?: number;
}

type StoredTouchpoint = Omit<Touchpoint, 'position'>;

/** Newest first; equal times by `_id`, descending. */
function compareCampaignKeys(a: CampaignCursor, b: CampaignCursor): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function compareTouchpointKeys(a: TouchpointCursor, b: TouchpointCursor): number {
  return (
    compareCampaignKeys({ createdAt: a.campaignCreatedAt, id: a.campaignId }, { createdAt: b.campaignCreatedAt, id: b.campaignId }) ||
    a.position - b.position ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The in-memory state of one touchpoint backend. A touchpoint's position is not
 * stored: it is its index in its campaign's ordered id list, so moves and deletes
 * renumber the rest without gaps by construction.
 *
 * Orders: campaigns by `created_at` descending (ties: `_id` descending). Touchpoints
 * across campaigns follow their campaigns in that same order, and within a campaign
 * go by `position`.
 */
export class TouchpointStore {
  readonly #campaigns = new Map<string, Campaign>();
  readonly #touchpoints = new Map<string, StoredTouchpoint>();
  /** Touchpoint ids of each campaign, in position order. */
  readonly #order = new Map<string, string[]>();
  readonly #clock: Clock;
  readonly #newId: IdGenerator;

  constructor(clock: Clock, newId: IdGenerator) {
    this.#clock = clock;
    this.#newId = newId;
  }

  /** Adds ready-made campaigns and touchpoints (the seed); touchpoints are placed by their `position`. */
  load(campaigns: readonly Campaign[], touchpoints: readonly Touchpoint[]): void {
    for (const campaign of campaigns) {
      this.#campaigns.set(campaign._id, { ...campaign });
      this.#order.set(campaign._id, []);
    }
    for (const { position: _position, ...touchpoint } of [...touchpoints].sort((a, b) => a.position - b.position)) {
      const order = this.#order.get(touchpoint.campaign_id);
      if (!order) throw new Error(`seed touchpoint ${touchpoint._id} names unknown campaign ${touchpoint.campaign_id}`);
      this.#touchpoints.set(touchpoint._id, { ...touchpoint });
      order.push(touchpoint._id);
    }
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  #campaignKey(campaign: Campaign): CampaignCursor {
    return { createdAt: Date.parse(campaign.created_at), id: campaign._id };
  }

  listCampaigns(limit: number, after?: CampaignCursor): StorePage<Campaign, CampaignCursor> {
    const sorted = [...this.#campaigns.values()]
      .map((campaign) => ({ campaign, key: this.#campaignKey(campaign) }))
      .sort((a, b) => compareCampaignKeys(a.key, b.key))
      .filter(({ key }) => !after || compareCampaignKeys(key, after) > 0);
    const page = sorted.slice(0, limit);
    const last = page.at(-1);
    return { data: page.map(({ campaign }) => campaign), next: sorted.length > limit && last ? last.key : null };
  }

  getCampaign(id: string): Campaign | undefined {
    return this.#campaigns.get(id);
  }

  createCampaign(input: { name: string; channel_type: ChannelType }): Campaign {
    const now = this.#now();
    const campaign: Campaign = {
      _id: this.#newId('cmp'),
      name: input.name,
      status: 'draft',
      channel_type: input.channel_type,
      created_at: now,
      updated_at: now,
    };
    this.#campaigns.set(campaign._id, campaign);
    this.#order.set(campaign._id, []);
    return campaign;
  }

  /** Deletes the campaign and its touchpoints; false when there is no such campaign. */
  deleteCampaign(id: string): boolean {
    const order = this.#order.get(id);
    if (!order) return false;
    for (const touchpointId of order) this.#touchpoints.delete(touchpointId);
    this.#order.delete(id);
    this.#campaigns.delete(id);
    return true;
  }

  #withPosition(touchpoint: StoredTouchpoint): Touchpoint {
    const position = this.#order.get(touchpoint.campaign_id)?.indexOf(touchpoint._id) ?? -1;
    return { ...touchpoint, position };
  }

  #touchpointKey(touchpoint: Touchpoint): TouchpointCursor {
    const campaign = this.#campaigns.get(touchpoint.campaign_id);
    const campaignCreatedAt = campaign ? Date.parse(campaign.created_at) : 0;
    return { campaignCreatedAt, campaignId: touchpoint.campaign_id, position: touchpoint.position, id: touchpoint._id };
  }

  /** Where a page after `cursor` starts: after the touchpoint's current place, or at its old place once it is gone. */
  #resumeKey(cursor: TouchpointCursor): TouchpointCursor {
    const current = this.#touchpoints.get(cursor.id);
    if (current) return this.#touchpointKey(this.#withPosition(current));
    // Deleting it moved its successor into its position; that successor has not been returned yet.
    return { ...cursor, position: cursor.position - 0.5 };
  }

  /** Touchpoints, of one campaign or of all of them; see the class comment for the order. */
  listTouchpoints(options: { campaignId?: string; limit: number; after?: TouchpointCursor }): StorePage<Touchpoint, TouchpointCursor> {
    const campaigns = options.campaignId
      ? [this.#campaigns.get(options.campaignId)].filter((c): c is Campaign => c !== undefined)
      : [...this.#campaigns.values()];
    const resume = options.after && this.#resumeKey(options.after);
    const sorted = campaigns
      .flatMap((campaign) => (this.#order.get(campaign._id) ?? []).map((id) => this.getTouchpoint(id)))
      .filter((touchpoint): touchpoint is Touchpoint => touchpoint !== undefined)
      .map((touchpoint) => ({ touchpoint, key: this.#touchpointKey(touchpoint) }))
      .sort((a, b) => compareTouchpointKeys(a.key, b.key))
      .filter(({ key }) => !resume || compareTouchpointKeys(key, resume) > 0);
    const page = sorted.slice(0, options.limit);
    const last = page.at(-1);
    return { data: page.map(({ touchpoint }) => touchpoint), next: sorted.length > options.limit && last ? last.key : null };
  }

  getTouchpoint(id: string): Touchpoint | undefined {
    const touchpoint = this.#touchpoints.get(id);
    return touchpoint && this.#withPosition(touchpoint);
  }

  /** Appends a touchpoint to its campaign, which must exist. */
  createTouchpoint(input: { name: string; type: TouchpointType; campaign_id: string; message: TouchpointMessage }): Touchpoint {
    const order = this.#order.get(input.campaign_id);
    if (!order) throw new Error(`no campaign ${input.campaign_id}`);
    const touchpoint: StoredTouchpoint = {
      _id: this.#newId('tp'),
      name: input.name,
      type: input.type,
      campaign_id: input.campaign_id,
      message: input.message,
      created_at: this.#now(),
    };
    this.#touchpoints.set(touchpoint._id, touchpoint);
    order.push(touchpoint._id);
    return this.#withPosition(touchpoint);
  }

  /** How many touchpoints the campaign has (0 for an unknown campaign). */
  countTouchpoints(campaignId: string): number {
    return this.#order.get(campaignId)?.length ?? 0;
  }

  /** Applies `changes`; a `position` must already be within 0..count-1. Undefined when there is no such touchpoint. */
  updateTouchpoint(id: string, changes: TouchpointChanges): Touchpoint | undefined {
    const touchpoint = this.#touchpoints.get(id);
    if (!touchpoint) return undefined;
    if (changes.name !== undefined) touchpoint.name = changes.name;
    if (changes.type !== undefined) touchpoint.type = changes.type;
    if (changes.message !== undefined) touchpoint.message = changes.message;
    if (changes.position !== undefined) {
      const order = this.#order.get(touchpoint.campaign_id) ?? [];
      order.splice(order.indexOf(id), 1);
      order.splice(changes.position, 0, id);
    }
    return this.#withPosition(touchpoint);
  }

  /** Deletes the touchpoint, closing the gap it leaves; false when there is no such touchpoint. */
  deleteTouchpoint(id: string): boolean {
    const touchpoint = this.#touchpoints.get(id);
    if (!touchpoint) return false;
    const order = this.#order.get(touchpoint.campaign_id) ?? [];
    order.splice(order.indexOf(id), 1);
    this.#touchpoints.delete(id);
    return true;
  }
}
