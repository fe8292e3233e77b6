import type { ChildKey, Message, Page, PageRequest } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import { getCampaignMessages, resendMessage as sendResend, type V2Api } from './client.js';
import { pageOf } from './offset-cursor.js';
import { toMessage } from './to-unified.js';
import { toCampaignId } from './to-wire.js';

/** `getCampMsgs`, paged here (the endpoint has no cursor and answers at most 1000 messages); null for an unknown campaign. */
export async function listMessages(api: V2Api, campaignNativeId: string, page: PageRequest, ctx: CallContext): Promise<Page<Message> | null> {
  const id = toCampaignId(campaignNativeId);
  if (id === null) return null;
  const messages = await getCampaignMessages(api, id, ctx);
  if (messages === null) return null;
  return pageOf(messages.map((message) => toMessage(message, api.http.backend)), page);
}

/** Resends a failed message; the campaign part of the key is not needed (message keys are unique). */
export async function resendMessage(api: V2Api, key: ChildKey, ctx: CallContext): Promise<Message> {
  return toMessage(await sendResend(api, key.nativeId, ctx), api.http.backend);
}
