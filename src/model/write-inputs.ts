import type { CampaignStatus, Channel, TouchpointType, TriggerType } from './enums.js';

/**
 * The unified model's writes: what a mutation asks a backend to do, the same for
 * every backend kind (each adapter refuses, naming the field, what its backend
 * cannot hold). Shaped like the GraphQL inputs, minus what the gateway routes by.
 */

/** `createCampaign` input without `backend` (the gateway routes by it). */
export interface CreateCampaignInput {
  name: string;
  description?: string | null;
  type?: string | null;
  channels?: Channel[] | null;
  scheduledAt?: string | null;
  endsAt?: string | null;
  recipients?: { contactId: string; params?: string[] | null }[] | null;
  templateId?: string | null;
  message?: unknown;
  payload?: string | null;
  workflowId?: string | null;
  senders?: { smsFrom?: string | null; emailFrom?: string | null; callerId?: string | null } | null;
  settings?: unknown;
}

/** `updateCampaign` input: a null or absent field stays as it is (where the backend can clear it, null clears). */
export interface UpdateCampaignInput {
  name?: string | null;
  description?: string | null;
  status?: CampaignStatus | null;
  scheduledAt?: string | null;
  endsAt?: string | null;
  settings?: unknown;
}

/** `createTouchpoint` input without `campaignId` (the gateway routes by it). */
export interface CreateTouchpointInput {
  name: string;
  type: TouchpointType;
  rawType?: string | null;
  channel?: Channel | null;
  message?: unknown;
  config?: unknown;
}

/** `updateTouchpoint` input: a null or absent field stays as it is. */
export interface UpdateTouchpointInput {
  name?: string | null;
  message?: unknown;
  config?: unknown;
  position?: number | null;
}

/** `executeCampaign` input: exactly one of `contactId` and `triggerType`. */
export interface ExecuteCampaignInput {
  contactId?: string | null;
  triggerType?: TriggerType | null;
  segmentId?: string | null;
  eventType?: string | null;
}
