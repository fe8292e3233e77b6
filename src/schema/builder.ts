import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ZodPlugin from '@pothos/plugin-zod';
import type { Scope } from '../config/config-schema.js';
import { decodeGlobalId, encodeGlobalId, type NodeTypeName } from '../model/global-id.js';
import { badInput, GatewayError } from '../model/errors.js';
import type { GatewayContext } from '../server/context.js';
import { MAX_LIST_INPUT } from './input-bounds.js';
import { inputErrorOf } from './input-error.js';

/**
 * The schema builder: plugins and scalars' shapes only; every type lives in its
 * own file. Global ids are the model's opaque, deterministic encoding; the
 * relay plugin carries a node's key parts as a JSON array string.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: { scope: Scope };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scopes first: a key that may not call a field learns nothing about its arguments.
  plugins: [ScopeAuthPlugin, RelayPlugin, ZodPlugin, DataloaderPlugin],
  // Contract fields are non-null unless the contract says otherwise; each nullable one says so.
  defaultFieldNullability: false,
  scopeAuth: {
    // Check a subscription's scope once, before its poller starts, not on every event.
    authorizeOnSubscribe: true,
    // Synchronous: no promise per request for what is a set lookup.
    authScopes: (context) => ({
      scope: (scope: Scope) => context.caller.scopes.has(scope) || context.caller.scopes.has('campaigns:admin'),
    }),
    unauthorizedError: (_parent, _context, info) =>
      new GatewayError('FORBIDDEN', `the API key lacks the scope needed for ${info.parentType.name}.${info.fieldName}`),
  },
  // Arguments are checked by their zod schemas before the resolver runs; a refusal reads like every input error.
  zod: { validationError: (error) => inputErrorOf(error) },
  relay: {
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: (typename, id) => encodeGlobalId(typename as NodeTypeName, JSON.parse(String(id)) as string[]),
    decodeGlobalID: (globalId) => {
      const key = decodeGlobalId(globalId);
      return { typename: key.typename, id: JSON.stringify(key.parts) };
    },
    nodeQueryOptions: { authScopes: { scope: 'campaigns:read' } },
    nodesQueryOptions: {
      authScopes: { scope: 'campaigns:read' },
      // As many ids as one page of a list holds, so one request cannot fan out into thousands of reads.
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_LIST_INPUT) throw badInput(`"ids" takes at most ${MAX_LIST_INPUT} ids, got ${args.ids.length}`, 'ids');
        return resolveNodes(args.ids);
      },
    },
  },
});

/** The key parts a relay node id carries (see `encodeGlobalID` above). */
export const nodeKey = (...parts: string[]) => JSON.stringify(parts);
export const parseNodeKey = (id: string | number | bigint) => JSON.parse(String(id)) as string[];

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
