import type { CampaignStore } from './campaign-store.js';
import { API_KEY_OWNER } from './create-campaign.js';
import { failureFor, UNREACHABLE } from './delivery.js';
import type { SeedCampaign } from './seed-data.js';
import type { TemplateCatalog } from './templates.js';

const SECOND = 1000;

/**
 * Stores the seed campaigns in order (so their ids are the same on every start),
 * giving each message plausible timestamps after the campaign started sending.
 */
export function loadSeed(store: CampaignStore, templates: TemplateCatalog, campaigns: readonly SeedCampaign[]): void {
  for (const seed of campaigns) {
    const template = templates.find(seed.templateId);
    if (!template) throw new Error(`v2 seed campaign "${seed.name}" names unknown template ${seed.templateId}`);
    const start = seed.sendAt ?? seed.createdAt;
    store.insert(
      {
        name: seed.name,
        templateName: template.name,
        lang: template.language,
        createdAt: seed.createdAt,
        updatedAt: seed.updatedAt,
        ...(seed.sendAt === undefined ? {} : { sendAt: seed.sendAt }),
        agentId: API_KEY_OWNER.agentId,
        message: template.body,
        json: template.json,
        clients: seed.clients,
        companyId: API_KEY_OWNER.companyId,
        reportHeaders: null,
        tempMsgId: template.id,
      },
      (client, index) => {
        const status = seed.outcomes[index] ?? 'pending';
        const sentAt = start + (index + 1) * 15 * SECOND;
        const settledAt = sentAt + (90 + index * 7) * SECOND;
        if (status === 'pending') return { status, error: '', updatedAt: seed.createdAt };
        if (status === 'sent') return { status, error: '', sentAt, updatedAt: sentAt };
        if (status !== 'failed') return { status, error: '', sentAt, updatedAt: settledAt };
        const failure = failureFor(client.AccountID, 1) ?? { error: UNREACHABLE, afterSend: false };
        return failure.afterSend
          ? { status, error: failure.error, sentAt, updatedAt: settledAt }
          : { status, error: failure.error, updatedAt: sentAt };
      },
    );
  }
}
