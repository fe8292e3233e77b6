import type { StoredCampaign, Workflow, WorkflowNode } from './campaign-store.js';

/** A trigger as campaign JSON lists it: the TRIGGER node's id and type, with its config flattened in. */
export type TriggerJson = Record<string, unknown> & { id: string; type: string };

/** An A/B test as a single-campaign `GET` lists it, derived from an `AB_SPLIT` condition node. */
export interface AbTestJson {
  /** The id of the `AB_SPLIT` node. */
  id: string;
  name: string | null;
  position: number;
  /** `config.variants` of the node (empty when it has none). */
  variants: unknown[];
}

/** A campaign as `GET /campaigns` lists it. */
export interface CampaignSummaryJson {
  id: string;
  name: string;
  description: string | null;
  status: string;
  type: string;
  createdAt: string;
  updatedAt: string;
  startAt: string | null;
  endAt: string | null;
  settings: Record<string, unknown>;
  triggers: TriggerJson[];
  _count: { enrollments: number; messages: number };
}

/** A campaign as the single-campaign endpoints answer it. */
export interface CampaignDetailJson extends CampaignSummaryJson {
  workflow: Workflow;
  /** The ACTION nodes sorted by `position`. */
  actions: WorkflowNode[];
  abTests: AbTestJson[];
}

function byPosition(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return [...nodes].sort((a, b) => a.position - b.position);
}

function toTrigger(node: WorkflowNode): TriggerJson {
  // id and type come last so a config key of the same name cannot hide them.
  return { ...node.config, id: node.id, type: node.type };
}

function toAbTest(node: WorkflowNode): AbTestJson {
  const variants = node.config['variants'];
  return {
    id: node.id,
    name: node.name ?? null,
    position: node.position,
    variants: Array.isArray(variants) ? structuredClone(variants) : [],
  };
}

/** The list form of a campaign: no `workflow`, `actions` or `abTests`. */
export function toCampaignSummary(campaign: StoredCampaign): CampaignSummaryJson {
  const nodes = byPosition(campaign.workflow.nodes);
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    status: campaign.status,
    type: campaign.type,
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
    startAt: campaign.startAt,
    endAt: campaign.endAt,
    settings: structuredClone(campaign.settings),
    triggers: structuredClone(nodes.filter((node) => node.kind === 'TRIGGER').map(toTrigger)),
    _count: { enrollments: campaign.enrollments, messages: campaign.messages },
  };
}

/** The full form of a campaign, with its workflow and what is derived from it. */
export function toCampaignDetail(campaign: StoredCampaign): CampaignDetailJson {
  const nodes = byPosition(campaign.workflow.nodes);
  return {
    ...toCampaignSummary(campaign),
    workflow: structuredClone(campaign.workflow),
    actions: structuredClone(nodes.filter((node) => node.kind === 'ACTION')),
    abTests: nodes.filter((node) => node.kind === 'CONDITION' && node.type === 'AB_SPLIT').map(toAbTest),
  };
}
