import { astFromValue, isInputType, print } from 'graphql';
import { schema } from '../schema/index.js';

/** The query GraphiQL opens with: a tour of the unified model across every backend. */
export const EXAMPLE_QUERY = `# One model over every configured backend. Press ▶ to run it.
# Then change the order or the filter, or page on with "after".
# The next tabs: live delivery counters, and new campaigns.
query NewestCampaigns {
  backends { name kind capabilities }
  campaigns(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      status
      rawStatus
      channels
      createdAt
      backend { name kind }
      touchpoints { name type channel position }
      deliveryStats { total sent delivered failed }
    }
  }
}
`;

const SUBSCRIPTION = `# Live delivery counters: the current ones,
# then one event per change.
subscription WatchDeliveries($campaignId: ID!) {
  deliveryStats(campaignId: $campaignId) { total sent delivered failed stale updatedAt }
}
`;

/** One GraphiQL tab: its document and, as JSON text, its variables. */
export interface GraphiQLTab {
  query: string;
  variables?: string;
}

/**
 * What makes the examples ready to run against the backends being served. The
 * demo knows it (its seeded template and workflow ids, its live broadcast); a
 * config file does not, and its users get the query and a subscription to fill in.
 */
export interface ExampleData {
  /** The global id of a campaign whose counters move right now, if there is one. */
  liveCampaignId(): string | undefined;
  /** A complete `CreateCampaignInput` for each backend that can create campaigns, in backend order. */
  createInputs(): Record<string, unknown>[];
}

function createTab(inputs: Record<string, unknown>[]): GraphiQLTab | undefined {
  const inputType = schema.getType('CreateCampaignInput');
  if (!inputType || !isInputType(inputType) || inputs.length === 0) return undefined;
  const operations = inputs.map((input) => {
    const literal = astFromValue(input, inputType);
    const name = String(input.backend).replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
    return `mutation CreateOn${name} {
  createCampaign(input: ${literal ? print(literal) : '{}'}) {
    id name status channels createdAt backend { name kind }
  }
}`;
  });
  return {
    query: `# A new campaign on each backend: pick one from the ▶ menu.\n# Each backend takes its own fields (a v2 template and\n# recipients, a schemaType workflow…).\n${operations.join('\n\n')}\n`,
  };
}

/**
 * The tabs GraphiQL opens with on a first visit (it keeps a returning visitor's
 * own tabs): the example query, a subscription on a live campaign and, when the
 * backends are known, a ready `createCampaign` for each.
 */
export function graphiqlTabs(examples?: ExampleData): GraphiQLTab[] {
  const live = examples?.liveCampaignId();
  const tabs: GraphiQLTab[] = [
    { query: EXAMPLE_QUERY },
    live
      ? { query: `# The demo's broadcast in progress (a new one\n# starts whenever the last completes).\n${SUBSCRIPTION}`, variables: JSON.stringify({ campaignId: live }, null, 2) }
      : { query: `# Put the id of a V2 campaign (from the first tab)\n# in the variables below.\n${SUBSCRIPTION}`, variables: JSON.stringify({ campaignId: '' }, null, 2) },
  ];
  const create = examples && createTab(examples.createInputs());
  if (create) tabs.push(create);
  return tabs;
}
