import type { SchemaTypeCampaign } from './campaign.js';

/**
 * The campaigns of every tenant, kept in memory. Every read is scoped to one
 * tenant and sees only live campaigns (`deletedAt` 0); deletion is soft.
 * Callers get copies, so nothing they change leaks into the store.
 */
export class CampaignStore {
  #campaigns: SchemaTypeCampaign[] = [];

  constructor(initial: readonly SchemaTypeCampaign[] = []) {
    for (const campaign of initial) this.#campaigns.push(structuredClone(campaign));
  }

  #live(tenantId: string): SchemaTypeCampaign[] {
    return this.#campaigns.filter((c) => c.tenantId === tenantId && c.deletedAt === 0);
  }

  #find(tenantId: string, id: string): SchemaTypeCampaign | undefined {
    return this.#live(tenantId).find((c) => c.campaignId === id || c._id === id);
  }

  /** The live campaigns of a tenant. */
  list(tenantId: string): SchemaTypeCampaign[] {
    return this.#live(tenantId).map((c) => structuredClone(c));
  }

  /** A live campaign of the tenant whose `campaignId` or `_id` is `id`. */
  get(tenantId: string, id: string): SchemaTypeCampaign | undefined {
    const found = this.#find(tenantId, id);
    return found && structuredClone(found);
  }

  /** Whether another live campaign of the tenant (not `exceptId`) has this name, ignoring case and surrounding blanks. */
  nameTaken(tenantId: string, name: string, exceptId?: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.#live(tenantId).some((c) => c._id !== exceptId && c.name.trim().toLowerCase() === wanted);
  }

  /** Whether a live campaign of the tenant already uses this public id. */
  campaignIdTaken(tenantId: string, campaignId: string): boolean {
    return this.#live(tenantId).some((c) => c.campaignId === campaignId);
  }

  /** Adds a new campaign. */
  insert(campaign: SchemaTypeCampaign): void {
    this.#campaigns.push(structuredClone(campaign));
  }

  /** Replaces the stored campaign with the same tenant and `_id`. */
  replace(campaign: SchemaTypeCampaign): void {
    const index = this.#campaigns.findIndex((c) => c.tenantId === campaign.tenantId && c._id === campaign._id);
    if (index >= 0) this.#campaigns[index] = structuredClone(campaign);
  }

  /** Marks a live campaign deleted at `at`; false when there is none with that id. */
  softDelete(tenantId: string, id: string, at: number): boolean {
    const found = this.#find(tenantId, id);
    if (!found) return false;
    // 0 means live, so even a clock standing at the epoch must leave a mark.
    found.deletedAt = Math.max(at, 1);
    return true;
  }
}
