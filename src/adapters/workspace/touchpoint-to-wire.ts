import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { TOUCHPOINT_TYPES, type TouchpointType } from '../../model/enums.js';
import type { CreateTouchpointInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import type { FieldOf } from './errors.js';
import { jsonObject, nonBlank, parseInput } from './input-parsing.js';
import { mergeConfig, messageConfig } from './workflow-edits.js';
import { MESSAGE_CHANNELS, NODE_TYPES_BY_KIND, SEND_MESSAGE, type NodeKind } from './vocabulary.js';

/** A node to add, before it gets its id and position. */
export interface NodeDraft {
  kind: NodeKind;
  type: string;
  name: string;
  config: Record<string, unknown>;
}

/** What an update changes in a node; an absent field is left as is. */
export interface NodeChange {
  name?: string;
  message?: string | Record<string, unknown>;
  config?: Record<string, unknown>;
  /** The 0-based index the node moves to (past the end: last). */
  position?: number;
}

/** The node kind each unified touchpoint type is made as. */
const KIND_OF_TYPE: Record<TouchpointType, NodeKind> = {
  TRIGGER: 'TRIGGER',
  MESSAGE: 'ACTION',
  ACTION: 'ACTION',
  CONDITION: 'CONDITION',
  DELAY: 'DELAY',
};

const message = z.union([z.string(), jsonObject], 'Expected a string (the body) or a JSON object').nullish();

const createSchema = z.object({
  name: nonBlank,
  type: z.enum(TOUCHPOINT_TYPES),
  rawType: z.string().nullish(),
  channel: z.enum(MESSAGE_CHANNELS, `A workspace message goes out on one of ${MESSAGE_CHANNELS.join(', ')}`).nullish(),
  message,
  config: jsonObject.nullish(),
});

/** The node types a touchpoint type may be created as (`SEND_MESSAGE` only as `MESSAGE`). */
function rawTypesOf(type: TouchpointType): readonly string[] {
  if (type === 'MESSAGE') return [SEND_MESSAGE];
  const types: readonly string[] = NODE_TYPES_BY_KIND[KIND_OF_TYPE[type]];
  return types.filter((raw) => raw !== SEND_MESSAGE);
}

/**
 * CreateTouchpointInput → the node to add. `MESSAGE` makes a `SEND_MESSAGE` node on
 * `channel` (required), its `message` becoming part of `config` (a string is the
 * `body`, an object is merged in); every other type needs a `rawType` of its kind
 * (`SET_FIELD`, `LONG_DELAY`, …) and takes neither `channel` nor `message`. `config`
 * is the node's config; keys set to null are left out.
 */
export function toNodeDraft(input: CreateTouchpointInput, backend: string): NodeDraft {
  const parsed = parseInput(createSchema, input, backend);
  const allowed = rawTypesOf(parsed.type);
  const base = mergeConfig({}, parsed.config ?? {});
  if (parsed.type === 'MESSAGE') {
    if (parsed.rawType != null && parsed.rawType !== SEND_MESSAGE) {
      throw badInput(`input.rawType: a MESSAGE touchpoint is a ${SEND_MESSAGE} node, not ${parsed.rawType}`, 'input.rawType', backend);
    }
    if (parsed.channel == null) throw badInput('input.channel: a MESSAGE touchpoint needs a channel', 'input.channel', backend);
    const config = { ...mergeConfig(base, messageConfig(parsed.message ?? undefined)), channel: parsed.channel };
    return { kind: 'ACTION', type: SEND_MESSAGE, name: parsed.name, config };
  }
  if (parsed.rawType == null || !allowed.includes(parsed.rawType)) {
    const got = parsed.rawType == null ? 'none was given' : `not ${parsed.rawType}`;
    throw badInput(`input.rawType: a ${parsed.type} touchpoint needs a rawType of ${allowed.join(', ')} (${got})`, 'input.rawType', backend);
  }
  if (parsed.channel != null) throw badInput(`input.channel: only a MESSAGE touchpoint has a channel`, 'input.channel', backend);
  if (parsed.message != null) throw badInput(`input.message: only a MESSAGE touchpoint has a message`, 'input.message', backend);
  return { kind: KIND_OF_TYPE[parsed.type], type: parsed.rawType, name: parsed.name, config: base };
}

const updateSchema = z.object({
  name: nonBlank.nullish(),
  message,
  config: jsonObject.nullish(),
  position: z.number().int().nonnegative().nullish(),
});

/** UpdateTouchpointInput → the change to make; null means "leave as is". */
export function toNodeChange(input: UpdateTouchpointInput, backend: string): NodeChange {
  const parsed = parseInput(updateSchema, input, backend);
  const change: NodeChange = {};
  if (parsed.name != null) change.name = parsed.name;
  if (parsed.message != null) change.message = parsed.message;
  if (parsed.config != null) change.config = parsed.config;
  if (parsed.position != null) change.position = parsed.position;
  return change;
}

/**
 * Maps a `400` detail path of a workflow PATCH to the touchpoint input field, when it
 * is about the node being written (`workflow.nodes.<index>.…`); problems elsewhere in
 * the graph name no field.
 */
export function touchpointFieldOf(nodeIndex: number, operation: 'create' | 'update'): FieldOf {
  return (path) => {
    const [workflow, nodes, index, field, sub] = path.split('.');
    if (workflow !== 'workflow' || nodes !== 'nodes' || index !== String(nodeIndex)) return undefined;
    if (field === 'name') return 'input.name';
    if (field === 'kind') return 'input.type';
    if (field === 'type') return 'input.rawType';
    if (field === 'position') return 'input.position';
    if (field === 'config' && sub === 'channel') return operation === 'create' ? 'input.channel' : 'input.config';
    if (field === 'config') return 'input.config';
    return undefined;
  };
}
