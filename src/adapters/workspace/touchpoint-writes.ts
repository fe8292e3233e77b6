import { badInput, GatewayError, nothingToChange, notFound } from '../../model/errors.js';
import type { ChildKey, Touchpoint } from '../../model/unified.js';
import type { CallContext } from '../http/call-context.js';
import type { CreateTouchpointInput, UpdateTouchpointInput } from '../../model/write-inputs.js';
import { EditLockTimeout, type EditLock } from '../edit-lock.js';
import { fetchCampaign, patchCampaign, type WorkspaceApi } from './client.js';
import type { FieldOf } from './errors.js';
import { nodesInOrder, toTouchpoint } from './to-unified.js';
import { toNodeChange, toNodeDraft, touchpointFieldOf } from './touchpoint-to-wire.js';
import { MESSAGE_CHANNELS, SEND_MESSAGE } from './vocabulary.js';
import type { WireCampaign, WireNode } from './wire.js';
import {
  appendNode,
  mergeConfig,
  messageConfig,
  moveNode,
  newNodeId,
  removeNode,
  replaceNode,
  type WorkflowGraph,
} from './workflow-edits.js';

/** What the touchpoint writes need: the API and the lock that serializes edits of one campaign. */
export interface TouchpointWriteDeps {
  api: WorkspaceApi;
  /** Keyed `<backend name>:<campaign id>`; in-process or shared by replicas (see `AdapterDeps.editLock`). */
  lock: EditLock;
}

/** An edit of one campaign's graph: the new graph, and how to find the result in the campaign the PATCH answers. */
interface GraphEdit<T> {
  graph: WorkflowGraph;
  fieldOf: FieldOf;
  result: (updated: WireCampaign) => T;
}

/**
 * Reads the campaign fresh (never from the per-request memo or a read in flight: the
 * graph must be the one the backend holds now), edits its graph and writes the whole graph back, under
 * the campaign's edit lock so that concurrent edits all survive (in this process, or
 * across replicas with a shared lock). The PATCH is never retried: a second send
 * could undo a concurrent writer's change. A shared lock that was lost before the
 * PATCH went out stops the edit with CONFLICT instead of overwriting the new holder's.
 */
async function editWorkflow<T>(
  deps: TouchpointWriteDeps,
  campaignId: string,
  ctx: CallContext,
  edit: (graph: WorkflowGraph, campaign: WireCampaign) => GraphEdit<T>,
): Promise<T> {
  const { api } = deps;
  const backend = api.http.backend;
  const busy = () =>
    new GatewayError('CONFLICT', `campaign "${campaignId}" is being edited by another request; try again`, { backend });
  try {
    return await deps.lock.withLock(`${backend}:${campaignId}`, async (lost) => {
      const campaign = await fetchCampaign(api, campaignId, { signal: ctx.signal, fresh: true });
      if (!campaign) throw notFound(`campaign "${campaignId}"`, backend);
      if (!campaign.workflow) {
        throw new GatewayError('BACKEND_ERROR', `backend "${backend}" answered campaign "${campaignId}" without its workflow`, { backend });
      }
      const graph: WorkflowGraph = { nodes: campaign.workflow.nodes, edges: campaign.workflow.edges ?? [] };
      const { graph: edited, fieldOf, result } = edit(graph, campaign);
      if (lost.aborted) throw busy();
      const updated = await patchCampaign(api, campaignId, { workflow: edited }, fieldOf, ctx);
      return result(updated);
    });
  } catch (error) {
    if (error instanceof EditLockTimeout) throw busy();
    throw error;
  }
}

/** The touchpoint of node `id` in a PATCH answer; its absence means the backend did not keep the write. */
function touchpointIn(api: WorkspaceApi, campaign: WireCampaign, id: string): Touchpoint {
  const placed = nodesInOrder(campaign.workflow?.nodes ?? []).find(({ node }) => node.id === id);
  if (!placed) {
    throw new GatewayError('BACKEND_ERROR', `backend "${api.http.backend}" answered campaign "${campaign.id}" without node "${id}" after writing it`, {
      backend: api.http.backend,
    });
  }
  return toTouchpoint(api.http.backend, campaign.id, placed);
}

function findNode(graph: WorkflowGraph, key: ChildKey, backend: string): WireNode {
  const node = graph.nodes.find((candidate) => candidate.id === key.nativeId);
  if (!node) throw notFound(`touchpoint "${key.nativeId}" of campaign "${key.campaignNativeId}"`, backend);
  return node;
}

/** Adds a node for the touchpoint after every other node of the campaign. */
export async function createTouchpoint(
  deps: TouchpointWriteDeps,
  campaignId: string,
  input: CreateTouchpointInput,
  ctx: CallContext,
): Promise<Touchpoint> {
  const draft = toNodeDraft(input, deps.api.http.backend);
  return editWorkflow(deps, campaignId, ctx, (graph) => {
    const id = newNodeId(graph);
    return {
      graph: appendNode(graph, { id, ...draft }),
      fieldOf: touchpointFieldOf(graph.nodes.length, 'create'),
      result: (updated) => touchpointIn(deps.api, updated, id),
    };
  });
}

/**
 * Changes a node: `name`; `message` (a `SEND_MESSAGE` node only: a string sets
 * `config.body`, an object is merged into `config`); `config` (merged, null removes
 * a key); `position` (moves the node and renumbers every node 0..n-1).
 */
export async function updateTouchpoint(
  deps: TouchpointWriteDeps,
  key: ChildKey,
  input: UpdateTouchpointInput,
  ctx: CallContext,
): Promise<Touchpoint> {
  const backend = deps.api.http.backend;
  const change = toNodeChange(input, backend);
  if (Object.keys(change).length === 0) throw nothingToChange(backend);
  return editWorkflow(deps, key.campaignNativeId, ctx, (graph) => {
    const node = findNode(graph, key, backend);
    if (change.message !== undefined && node.type !== SEND_MESSAGE) {
      throw badInput(`input.message: only a MESSAGE touchpoint has a message, and "${node.id}" is a ${node.type} node`, 'input.message', backend);
    }
    let config = mergeConfig(node.config ?? {}, change.config ?? {});
    config = mergeConfig(config, messageConfig(change.message));
    if (node.type === SEND_MESSAGE && !(MESSAGE_CHANNELS as readonly unknown[]).includes(config['channel'])) {
      throw badInput(`input.config: a ${SEND_MESSAGE} node needs config.channel, one of ${MESSAGE_CHANNELS.join(', ')}`, 'input.config', backend);
    }
    let edited = replaceNode(graph, node.id, (old) => ({
      ...old,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.config !== undefined || change.message !== undefined ? { config } : {}),
    }));
    if (change.position !== undefined) edited = moveNode(edited, node.id, change.position);
    return {
      graph: edited,
      fieldOf: touchpointFieldOf(edited.nodes.findIndex((candidate) => candidate.id === node.id), 'update'),
      result: (updated) => touchpointIn(deps.api, updated, node.id),
    };
  });
}

/** Removes a node and the edges touching it; the other nodes are renumbered 0..n-1. */
export async function deleteTouchpoint(deps: TouchpointWriteDeps, key: ChildKey, ctx: CallContext): Promise<void> {
  const backend = deps.api.http.backend;
  await editWorkflow(deps, key.campaignNativeId, ctx, (graph) => {
    findNode(graph, key, backend);
    return { graph: removeNode(graph, key.nativeId), fieldOf: () => undefined, result: () => undefined };
  });
}
