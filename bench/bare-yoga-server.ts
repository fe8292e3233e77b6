/**
 * The framework's own ceiling: a bare graphql-yoga server whose one resolver
 * makes the same upstream call the gateway makes for `campaign(id)` on a
 * touchpoint backend (one undici `GET /v1/campaigns/{id}`), with none of the
 * gateway's features. Configured by environment: `PORT`, `UPSTREAM_URL`,
 * `UPSTREAM_TOKEN`, `UPSTREAM_CONNECTIONS` (default 32, the gateway's pool size).
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Pool } from 'undici';

// As many connections as the gateway's pool (its default unless the bench says otherwise).
const upstream = new Pool(process.env.UPSTREAM_URL!, { connections: Number(process.env.UPSTREAM_CONNECTIONS ?? 32) });
const authorization = `Bearer ${process.env.UPSTREAM_TOKEN}`;

interface WireCampaign {
  _id: string;
  name: string;
  status: string;
  created_at: string;
}

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Campaign { id: ID!  name: String!  status: String!  createdAt: String }
      type Query { campaign(id: ID!): Campaign }
    `,
    resolvers: {
      Query: {
        async campaign(_root: unknown, args: { id: string }) {
          const response = await upstream.request({
            method: 'GET',
            path: `/v1/campaigns/${encodeURIComponent(args.id)}`,
            headers: { authorization, accept: 'application/json' },
          });
          if (response.statusCode === 404) {
            await response.body.dump();
            return null;
          }
          const record = (await response.body.json()) as WireCampaign;
          return { id: record._id, name: record.name, status: record.status.toUpperCase(), createdAt: record.created_at };
        },
      },
    },
  }),
  logging: false,
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void upstream.close().then(() => process.exit(0));
});
