import { lexicographicSortSchema, printSchema } from 'graphql';
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

/** The gateway's GraphQL schema. */
export const schema = builder.toSchema();

/** The schema as SDL, sorted so the committed file only changes when the schema does. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
