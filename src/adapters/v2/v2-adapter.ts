import type { BackendAdapter } from '../seam/backend-adapter.js';
import type { CallContext } from '../http/call-context.js';
import type { CampaignListQuery, CampaignListResult } from '../seam/campaign-list.js';
import type { ChildKey, PageRequest, Campaign, Enrollment, Message, Page, Touchpoint, TouchpointValidation } from '../../model/unified.js';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../model/write-inputs.js';
import type { BackendHttpClient } from '../http/backend-client.js';
import { completeList } from '../wire-records.js';
import type { Capability } from '../../model/enums.js';
import { nothingToChange, notFound } from '../../model/errors.js';
import { touchpointRuleErrors } from '../../model/touchpoint-rules.js';
import * as api from './client.js';
import { pageOf } from './offset-cursor.js';
import { toCampaign, toEnrollments, toMessage } from './to-unified.js';
import { toCampaignId, toCreateRequest, toUpdateRequest } from './to-wire.js';
import type { V2Campaign } from './wire.js';

/** What v2 can do besides reading campaigns. Touchpoints are read only: a campaign's message cannot be edited. */
export const V2_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'CAMPAIGN_CREATE',
  'CAMPAIGN_UPDATE',
  'CAMPAIGN_DELETE',
  'TOUCHPOINTS',
  'MESSAGES',
  'RESEND',
  'SCHEDULING',
  'DELIVERY_STATS',
]);

/** A campaign as read, in the unified model and as it came on the wire. */
interface IndexedCampaign {
  campaign: Campaign;
  record: V2Campaign;
}

/** Every campaign a v2 backend shows, by native id, and the records it sent that break the wire schema. */
interface CampaignIndex {
  campaigns: Campaign[];
  byId: Map<string, IndexedCampaign | Error>;
  recordErrors: CampaignListResult['recordErrors'];
}

/**
 * The v2 adapter. v2 has no endpoint for one campaign, so every campaign read
 * (lists, loads by id, touchpoints, enrollments) is the same `getAll` call,
 * which the per-request memo sends once per GraphQL request. Campaigns beyond
 * the newest 1000 are unreachable through this API (`getAll` has no cursor).
 */
export class V2Adapter implements BackendAdapter {
  readonly kind = 'V2' as const;
  readonly capabilities = V2_CAPABILITIES;
  readonly #http: BackendHttpClient;

  constructor(
    readonly name: string,
    http: BackendHttpClient,
  ) {
    this.#http = http;
  }

  async #index(ctx: CallContext): Promise<CampaignIndex> {
    const records = await api.getAllCampaigns(this.#http, ctx);
    const byId = new Map<string, IndexedCampaign | Error>();
    for (const { nativeId, error } of records.errors) if (nativeId !== null) byId.set(nativeId, error);
    const campaigns = records.campaigns.map((record) => {
      const campaign = toCampaign(record, this.name);
      byId.set(campaign.nativeId, { campaign, record });
      return campaign;
    });
    return { campaigns, byId, recordErrors: records.errors.map(({ error }) => error) };
  }

  /** Every campaign at once: `getAll` has no cursor, filters or order, so the gateway does all of it. */
  async listCampaigns(_query: CampaignListQuery, ctx: CallContext): Promise<CampaignListResult> {
    const { campaigns, recordErrors } = await this.#index(ctx);
    return completeList(campaigns, recordErrors);
  }

  async getCampaigns(nativeIds: readonly string[], ctx: CallContext): Promise<(Campaign | null | Error)[]> {
    const { byId } = await this.#index(ctx);
    return nativeIds.map((nativeId) => {
      const found = byId.get(nativeId);
      return found instanceof Error ? found : (found?.campaign ?? null);
    });
  }

  /** The one `MESSAGE` touchpoint each campaign carries; null for an unknown campaign. */
  async listTouchpoints(campaignNativeIds: readonly string[], ctx: CallContext): Promise<(Touchpoint[] | null | Error)[]> {
    const campaigns = await this.getCampaigns(campaignNativeIds, ctx);
    return campaigns.map((campaign) => (campaign === null || campaign instanceof Error ? campaign : (campaign.touchpoints ?? [])));
  }

  async getTouchpoints(keys: readonly ChildKey[], ctx: CallContext): Promise<(Touchpoint | null | Error)[]> {
    const campaigns = await this.getCampaigns(keys.map((key) => key.campaignNativeId), ctx);
    return campaigns.map((campaign, index) => {
      if (campaign === null || campaign instanceof Error) return campaign;
      return campaign.touchpoints?.find((touchpoint) => touchpoint.nativeId === keys[index]?.nativeId) ?? null;
    });
  }

  /** The campaign's `Clients`, paged here (the record carries all of them). */
  async listEnrollments(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Enrollment> | null> {
    const found = (await this.#index(ctx)).byId.get(campaignNativeId);
    if (found instanceof Error) throw found;
    if (!found) return null;
    return pageOf(toEnrollments(found.record, this.name), page);
  }

  /** `getCampMsgs`, paged here (the endpoint has no cursor and answers at most 1000 messages). */
  async listMessages(campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Message> | null> {
    const id = toCampaignId(campaignNativeId);
    if (id === null) return null;
    const messages = await api.getCampaignMessages(this.#http, id, ctx);
    if (messages === null) return null;
    return pageOf(messages.map((message) => toMessage(message, this.name)), page);
  }

  /** `POST create` is not idempotent: it is sent once, never retried. */
  async createCampaign(input: CreateCampaignInput, ctx: CallContext): Promise<Campaign> {
    const request = toCreateRequest(input, this.name);
    return toCampaign(await api.createCampaign(this.#http, request, ctx), this.name);
  }

  /** Renames or reschedules a scheduled campaign; an input that changes nothing is `BAD_USER_INPUT` and sends nothing. */
  async updateCampaign(nativeId: string, input: UpdateCampaignInput, ctx: CallContext): Promise<Campaign> {
    const id = this.#campaignIdOrNotFound(nativeId);
    const request = toUpdateRequest(id, input, this.name);
    if (request.Name === undefined && request.SendAt === undefined) throw nothingToChange(this.name);
    return toCampaign(await api.updateCampaign(this.#http, request, ctx), this.name);
  }

  async deleteCampaign(nativeId: string, ctx: CallContext): Promise<void> {
    await api.deleteCampaign(this.#http, this.#campaignIdOrNotFound(nativeId), ctx);
  }

  /** Resends a failed message; the campaign part of the key is not needed (message keys are unique). */
  async resendMessage(key: ChildKey, ctx: CallContext): Promise<Message> {
    return toMessage(await api.resendMessage(this.#http, key.nativeId, ctx), this.name);
  }

  /** Checks the message touchpoint against the shared touchpoint rules (v2 has no validate endpoint). */
  async validateTouchpoint(key: ChildKey, ctx: CallContext): Promise<TouchpointValidation> {
    const [touchpoint] = await this.getTouchpoints([key], ctx);
    if (touchpoint instanceof Error) throw touchpoint;
    if (!touchpoint) throw notFound(`touchpoint "${key.nativeId}" of campaign "${key.campaignNativeId}"`, this.name);
    const errors = touchpointRuleErrors({ type: touchpoint.type, channel: touchpoint.channel, message: touchpoint.message });
    return { valid: errors.length === 0, errors };
  }

  async close(): Promise<void> {
    await this.#http.close();
  }

  #campaignIdOrNotFound(nativeId: string): number {
    const id = toCampaignId(nativeId);
    if (id === null) throw notFound(`campaign "${nativeId}"`, this.name);
    return id;
  }
}
