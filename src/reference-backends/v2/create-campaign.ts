import type { CampaignDraft } from './campaign-store.js';
import { parseRfc3339 } from './go-time.js';
import type { CreateCampaignRequest } from './requests.js';
import { distinctVariables, templateVariableCount, type TemplateCatalog } from './templates.js';

/** The agent and company the API key belongs to; every campaign carries them. */
export const API_KEY_OWNER = { agentId: 27, companyId: 4 } as const;

/** Go's `unicode.IsSpace` runes, which `strings.TrimSpace` strips (unlike JS, not U+FEFF). */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** The seed's validation messages, verbatim. */
export const CreateErrors = {
  nameRequired: 'invalid request: name is required',
  sendAtFormat: 'invalid request: SendAt must be RFC 3339',
  tooFewClients: 'invalid request: at least 2 clients required',
  templateNotFound: 'invalid request: template not found',
  jsonOrTemplate: 'invalid request: JSON or TempMsgID required',
  jsonParams: 'invalid request: not enough params for variables in JSON',
  templateParams: 'invalid request: each client must have params for all template variables',
} as const;

/** Outcome of {@link validateCreate}: the first rule that failed, or the campaign to store. */
export type CreateValidation = { ok: false; message: string } | { ok: true; draft: CampaignDraft };

/**
 * Checks a create request in the contract's order and answers the first failing
 * rule; on success fills Message, JSON, TemplateName and Lang from the template.
 */
export function validateCreate(request: CreateCampaignRequest, templates: TemplateCatalog, now: number): CreateValidation {
  const fail = (message: string): CreateValidation => ({ ok: false, message });
  if (request.Name.replace(GO_SPACE, '') === '') return fail(CreateErrors.nameRequired);

  let sendAt: number | undefined;
  if (request.SendAt !== '') {
    sendAt = parseRfc3339(request.SendAt);
    if (sendAt === undefined) return fail(CreateErrors.sendAtFormat);
  }

  const clients = request.Clients ?? [];
  if (clients.length < 2) return fail(CreateErrors.tooFewClients);

  const template = request.TempMsgID === '' ? undefined : templates.find(request.TempMsgID);
  if (request.TempMsgID !== '' && !template) return fail(CreateErrors.templateNotFound);
  if (request.JSON === '' && !template) return fail(CreateErrors.jsonOrTemplate);

  const json = request.JSON !== '' ? request.JSON : (template?.json ?? '');
  const firstParams = clients[0]?.Params?.length ?? 0;
  if (firstParams < distinctVariables(json).size) return fail(CreateErrors.jsonParams);

  if (template) {
    const needed = templateVariableCount(template);
    if (clients.some((client) => (client.Params?.length ?? 0) !== needed)) return fail(CreateErrors.templateParams);
  }

  return {
    ok: true,
    draft: {
      name: request.Name,
      templateName: template?.name ?? '',
      lang: template?.language ?? '',
      createdAt: now,
      updatedAt: now,
      ...(sendAt === undefined ? {} : { sendAt }),
      agentId: API_KEY_OWNER.agentId,
      message: request.Message === '' && template ? template.body : request.Message,
      json,
      clients: clients.map((client) => ({ AccountID: client.AccountID, Params: client.Params })),
      companyId: API_KEY_OWNER.companyId,
      reportHeaders: null,
      tempMsgId: request.TempMsgID,
    },
  };
}
