import { goInt, goSlice, goString, goStruct } from './go-json.js';

/**
 * The request structs of the seed document, as Go types for the decoder and as the
 * TypeScript shapes the decoder produces (a nil Go slice is `null`).
 */

/** `CampaignClient`: one recipient and the values for the template's variables. */
export interface CampaignClient {
  AccountID: string;
  Params: string[] | null;
}

/** `CreateCampaignRequest`. */
export interface CreateCampaignRequest {
  Name: string;
  Message: string;
  Clients: CampaignClient[] | null;
  JSON: string;
  TempMsgID: string;
  SendAt: string;
}

/** `DeleteCampaignRequest`. */
export interface DeleteCampaignRequest {
  ID: number;
}

/** `UpdateCampaignRequest`. */
export interface UpdateCampaignRequest {
  ID: number;
  Name: string;
  SendAt: string;
}

/** `ResendCampaignMessageRequest`. */
export interface ResendCampaignMessageRequest {
  MessageKey: string;
}

const campaignClient = goStruct('CampaignClient', { AccountID: goString, Params: goSlice(goString) });

export const createCampaignRequestType = goStruct('CreateCampaignRequest', {
  Name: goString,
  Message: goString,
  Clients: goSlice(campaignClient),
  JSON: goString,
  TempMsgID: goString,
  SendAt: goString,
});

export const deleteCampaignRequestType = goStruct('DeleteCampaignRequest', { ID: goInt });

export const updateCampaignRequestType = goStruct('UpdateCampaignRequest', { ID: goInt, Name: goString, SendAt: goString });

export const resendCampaignMessageRequestType = goStruct('ResendCampaignMessageRequest', { MessageKey: goString });
