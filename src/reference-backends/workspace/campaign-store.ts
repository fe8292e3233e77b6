import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import type { CampaignStatus, CampaignType, NodeKind, NodeType } from './vocabulary.js';

/** One node of a campaign's workflow graph, as stored and as sent on the wire. */
export interface WorkflowNode {
  /** Unique within the campaign; chosen by the client. */
  id: string;
  kind: NodeKind;
  type: NodeType;
  /** Order of the node; defaults to its index in the submitted array. */
  position: number;
  name?: string;
  config: Record<string, unknown>;
  /** Any other field the client sent is kept as it came. */
  [extra: string]: unknown;
}

/** A directed edge between two nodes; the backend does not check that they exist. */
export interface WorkflowEdge {
  source: string;
  target: string;
  [extra: string]: unknown;
}

export interface Workflow {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** A campaign as the store keeps it. */
export interface StoredCampaign {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  type: CampaignType;
  /** ISO 8601 UTC with milliseconds. */
  createdAt: string;
  updatedAt: string;
  startAt: string | null;
  endAt: string | null;
  settings: Record<string, unknown>;
  workflow: Workflow;
  /** `_count.enrollments`: every enrollment ever made, including those before the store started. */
  enrollments: number;
  /** `_count.messages`: every message sent by a `SEND_MESSAGE` node. */
  messages: number;
  /** Contacts enrolled through this store, to answer `already_enrolled`. */
  enrolledContacts: Set<string>;
}

/** The fields a client gives when creating a campaign (already validated). */
export interface CampaignCreate {
  name: string;
  type: CampaignType;
  workflow: Workflow;
  description?: string | null;
  settings?: Record<string, unknown>;
  startAt?: string | null;
  endAt?: string | null;
}

/** Any subset of the writable fields; a given `workflow` replaces the whole graph. */
export interface CampaignPatch {
  name?: string;
  description?: string | null;
  status?: CampaignStatus;
  type?: CampaignType;
  workflow?: Workflow;
  settings?: Record<string, unknown>;
  startAt?: string | null;
  endAt?: string | null;
}

/** One contact's outcome in an enroll request. */
export type EnrollmentDetail =
  | { contactId: string; status: 'enrolled' | 'already_enrolled' }
  | { contactId: string; status: 'error'; error: string };

/** The body of a successful enroll request, as the seed documents it. */
export interface EnrollmentResult {
  enrolled: number;
  alreadyEnrolled: number;
  errors: number;
  details: EnrollmentDetail[];
}

/** A campaign before the store takes ownership of it (seed data). */
export type CampaignRecord = Omit<StoredCampaign, 'enrolledContacts'> & { enrolledContacts?: string[] };

/** Options of {@link CampaignStore}. */
export interface CampaignStoreOptions {
  /** Source of `createdAt`/`updatedAt`. */
  clock: Clock;
  /** Campaigns to start with, in list order; copied, never shared. Default none. */
  campaigns?: readonly CampaignRecord[];
}

/** Builds a prefixed random id in the shape the workspace API uses (`cmp_…`, `exe_…`). */
function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/**
 * The reference workspace treats blank ids and ids beginning `missing_` as contacts it
 * does not know; every other id is a known contact.
 */
export function isKnownContact(contactId: string): boolean {
  return contactId.trim() !== '' && !contactId.startsWith('missing_');
}

/** The campaigns of one workspace, in memory, with the contract's business rules. */
export class CampaignStore {
  readonly #campaigns = new Map<string, StoredCampaign>();
  readonly #clock: Clock;

  constructor(options: CampaignStoreOptions) {
    this.#clock = options.clock;
    for (const record of options.campaigns ?? []) {
      const { enrolledContacts, ...rest } = structuredClone(record);
      this.#campaigns.set(record.id, { ...rest, enrolledContacts: new Set(enrolledContacts) });
    }
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  /** Every campaign, oldest first. */
  list(): StoredCampaign[] {
    return [...this.#campaigns.values()];
  }

  get(id: string): StoredCampaign | undefined {
    return this.#campaigns.get(id);
  }

  /** Creates a campaign in status `DRAFT`. */
  create(input: CampaignCreate): StoredCampaign {
    const now = this.#now();
    const campaign: StoredCampaign = {
      id: newId('cmp'),
      name: input.name,
      description: input.description ?? null,
      status: 'DRAFT',
      type: input.type,
      createdAt: now,
      updatedAt: now,
      startAt: input.startAt ?? null,
      endAt: input.endAt ?? null,
      settings: input.settings ?? {},
      workflow: input.workflow,
      enrollments: 0,
      messages: 0,
      enrolledContacts: new Set(),
    };
    this.#campaigns.set(campaign.id, campaign);
    return campaign;
  }

  /** Applies a patch and moves `updatedAt`; undefined when the campaign does not exist. */
  update(id: string, patch: CampaignPatch): StoredCampaign | undefined {
    const campaign = this.#campaigns.get(id);
    if (!campaign) return undefined;
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) Object.assign(campaign, { [key]: value });
    }
    campaign.updatedAt = this.#now();
    return campaign;
  }

  /** Deletes permanently; false when the campaign does not exist. */
  delete(id: string): boolean {
    return this.#campaigns.delete(id);
  }

  /**
   * Runs the campaign once: every `SEND_MESSAGE` node sends one message. Allowed in
   * any status. Undefined when the campaign does not exist.
   */
  execute(id: string): { executionId: string } | undefined {
    const campaign = this.#campaigns.get(id);
    if (!campaign) return undefined;
    campaign.messages += campaign.workflow.nodes.filter((node) => node.type === 'SEND_MESSAGE').length;
    return { executionId: newId('exe') };
  }

  /**
   * Enrolls contacts in order, so a contact repeated in one request is
   * `already_enrolled` the second time. `'not_active'` unless the campaign is `ACTIVE`;
   * undefined when it does not exist.
   */
  enroll(id: string, contactIds: readonly string[]): EnrollmentResult | 'not_active' | undefined {
    const campaign = this.#campaigns.get(id);
    if (!campaign) return undefined;
    if (campaign.status !== 'ACTIVE') return 'not_active';
    const result: EnrollmentResult = { enrolled: 0, alreadyEnrolled: 0, errors: 0, details: [] };
    for (const contactId of contactIds) {
      if (!isKnownContact(contactId)) {
        result.errors += 1;
        result.details.push({ contactId, status: 'error', error: 'Contact not found' });
      } else if (campaign.enrolledContacts.has(contactId)) {
        result.alreadyEnrolled += 1;
        result.details.push({ contactId, status: 'already_enrolled' });
      } else {
        campaign.enrolledContacts.add(contactId);
        result.enrolled += 1;
        result.details.push({ contactId, status: 'enrolled' });
      }
    }
    campaign.enrollments += result.enrolled;
    return result;
  }
}
