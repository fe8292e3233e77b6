import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder.js';
import { checkJsonBounds } from './json-bounds.js';

/** ISO 8601 with a zone, normalized to UTC with milliseconds on the way in and out. */
function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw new GraphQLError(`DateTime must be ISO 8601 with a time zone, e.g. "2025-03-03T11:32:25.000Z"; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('DateTime', {
  description: 'ISO 8601 date and time in UTC with milliseconds, e.g. "2025-03-03T11:32:25.000Z".',
  serialize: (value) => parseDateTime(value),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables inside them', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value. As input: nested at most 32 levels and at most 256 KiB of JSON text.',
  serialize: (value) => value,
  parseValue: (value) => checkJsonBounds(value),
  parseLiteral: (ast) => checkJsonBounds(literalToJson(ast)),
});
