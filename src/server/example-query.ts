/** The query GraphiQL opens with: a tour of the unified model across every backend. */
export const EXAMPLE_QUERY = `# One model over every configured backend.
# Try changing the order, the filter, or walking pages with "after".
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

# Live counters (pick a V2 campaign id from above):
# subscription Watch { deliveryStats(campaignId: "…") { sent delivered failed updatedAt } }
`;
