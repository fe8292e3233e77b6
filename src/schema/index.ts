import { assertEnumType, extendSchema, lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { graphqlKindsOf, type BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { builder } from './builder.js';
import './scalars.js';
import './enums.js';
import './backend.js';
import './delivery-stats.js';
import './campaign.js';
import './campaign-connection.js';
import './campaign-mutations.js';
import './touchpoint.js';
import './touchpoint-mutations.js';
import './enrollment.js';
import './message.js';
import './execution.js';

/** The gateway's GraphQL schema, for the registered backend kinds. */
export const schema = builder.toSchema();

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const registeredKinds = new Set(assertEnumType(schema.getType('BackendKind')).getValues().map((value) => value.name));
const schemasByKinds = new WeakMap<BackendKindRegistry, GraphQLSchema>();

/**
 * The schema for a set of backend kinds: {@link schema} itself, or, when some
 * kind's GraphQL name is not among the registered ones, {@link schema} with
 * `BackendKind` extended by those values (resolvers and everything else kept
 * as they are). Built once per registry.
 */
export function schemaFor(kinds: BackendKindRegistry): GraphQLSchema {
  const extra = [...new Set(graphqlKindsOf(kinds))].filter((name) => !registeredKinds.has(name));
  if (extra.length === 0) return schema;
  let extended = schemasByKinds.get(kinds);
  if (!extended) {
    const invalid = extra.find((name) => !GRAPHQL_NAME.test(name));
    if (invalid !== undefined) throw new Error(`backend kind "${invalid}" is not a GraphQL enum value name`);
    extended = extendSchema(schema, parse(`extend enum BackendKind { ${extra.join(' ')} }`));
    schemasByKinds.set(kinds, extended);
  }
  return extended;
}

/** The schema as SDL, sorted so the committed file only changes when the schema does. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
