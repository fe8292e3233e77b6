import type { StoredCampaign, StoredMessage } from './campaign-store.js';
import { campaignStatus, countersOf, type CampaignStatus } from './delivery.js';
import { formatRfc3339 } from './go-time.js';
import type { CampaignClient } from './requests.js';

/** The seed's `CampaignResponse`, keys in Go struct order. */
export interface CampaignResponse {
  ID: number;
  Name: string;
  TemplateName: string;
  Lang: string;
  CreatedAt: string;
  UpdatedAt: string;
  SendAt: string;
  Status: CampaignStatus;
  AgentID: number;
  Message: string;
  JSON: string;
  SentCount: number;
  DeliveredCount: number;
  FailedCount: number;
  Total: number;
  Clients: CampaignClient[];
  CompanyID: number;
  ReportHeaders: unknown;
  TempMsgID: string;
  Error: string;
  SocketKey: string;
}

/** One message as `getCampMsgs` and `resendMsg` return it. */
export interface MessageResponse {
  MessageKey: string;
  CampaignID: number;
  AccountID: string;
  Status: StoredMessage['status'];
  Error: string;
  SentAt: string;
  UpdatedAt: string;
}

/** How the server writes times: the clock's "now" and its zone offset. */
export interface WireTime {
  now: number;
  offsetMinutes: number;
}

/** The campaign as the server answers it at `time.now`: status and counters derived from its messages. */
export function toCampaignResponse(campaign: StoredCampaign, messages: readonly StoredMessage[], time: WireTime): CampaignResponse {
  const status = campaignStatus(campaign, messages, time.now);
  const counters = countersOf(messages);
  // Passing SendAt is itself a change of status, so it counts as an update.
  const startedAt = campaign.sendAt !== undefined && campaign.sendAt <= time.now ? campaign.sendAt : 0;
  return {
    ID: campaign.id,
    Name: campaign.name,
    TemplateName: campaign.templateName,
    Lang: campaign.lang,
    CreatedAt: formatRfc3339(campaign.createdAt, time.offsetMinutes),
    UpdatedAt: formatRfc3339(Math.max(campaign.updatedAt, startedAt), time.offsetMinutes),
    SendAt: campaign.sendAt === undefined ? '' : formatRfc3339(campaign.sendAt, time.offsetMinutes),
    Status: status,
    AgentID: campaign.agentId,
    Message: campaign.message,
    JSON: campaign.json,
    SentCount: counters.sent,
    DeliveredCount: counters.delivered,
    FailedCount: counters.failed,
    Total: counters.total,
    Clients: campaign.clients.map((client) => ({ AccountID: client.AccountID, Params: client.Params })),
    CompanyID: campaign.companyId,
    ReportHeaders: campaign.reportHeaders,
    TempMsgID: campaign.tempMsgId,
    Error: status === 'failed' ? 'all messages failed' : '',
    SocketKey: campaign.socketKey,
  };
}

export function toMessageResponse(message: StoredMessage, offsetMinutes: number): MessageResponse {
  return {
    MessageKey: message.key,
    CampaignID: message.campaignId,
    AccountID: message.accountId,
    Status: message.status,
    Error: message.error,
    SentAt: message.sentAt === undefined ? '' : formatRfc3339(message.sentAt, offsetMinutes),
    UpdatedAt: formatRfc3339(message.updatedAt, offsetMinutes),
  };
}
