import { randomUUID } from 'node:crypto';
import { nodesInOrder } from './to-unified.js';
import type { WireEdge, WireNode } from './wire.js';

/**
 * Pure edits of a campaign's workflow graph. Each returns a new graph and leaves every
 * node and edge it does not touch exactly as it came (extra fields included), so the
 * whole graph can be written back.
 */
export interface WorkflowGraph {
  nodes: WireNode[];
  edges: WireEdge[];
}

/** A node to append, without its position. */
export interface NewNode {
  id: string;
  kind: WireNode['kind'];
  type: string;
  name?: string;
  config: Record<string, unknown>;
}

/**
 * Merges `patch` into `base` one level deep, as a JSON merge patch does: a key set to
 * null is removed, any other value replaces the old one.
 */
export function mergeConfig(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The config keys a touchpoint message stands for: a string is the `body`, an object its own keys. */
export function messageConfig(message: string | Record<string, unknown> | undefined): Record<string, unknown> {
  if (message === undefined) return {};
  return typeof message === 'string' ? { body: message } : message;
}

/** A node id not yet in the graph. */
export function newNodeId(graph: WorkflowGraph, random: () => string = () => randomUUID().replace(/-/g, '').slice(0, 12)): string {
  const taken = new Set(graph.nodes.map((node) => node.id));
  for (;;) {
    const id = `n_${random()}`;
    if (!taken.has(id)) return id;
  }
}

/** Adds a node after every other one (position = the highest position + 1), leaving the rest as they are. */
export function appendNode(graph: WorkflowGraph, node: NewNode): WorkflowGraph {
  const positions = nodesInOrder(graph.nodes).map((placed) => placed.position);
  const position = positions.length ? Math.max(...positions) + 1 : 0;
  return { nodes: [...graph.nodes, { ...node, position }], edges: graph.edges };
}

/** Nodes in position order, numbered 0..n-1. */
export function renumber(nodes: readonly WireNode[]): WireNode[] {
  return nodesInOrder(nodes).map(({ node }, position) => ({ ...node, position }));
}

/** Replaces one node (by id) with `update(node)`; every other node stays as it is. */
export function replaceNode(graph: WorkflowGraph, id: string, update: (node: WireNode) => WireNode): WorkflowGraph {
  return { nodes: graph.nodes.map((node) => (node.id === id ? update(node) : node)), edges: graph.edges };
}

/** Moves a node to 0-based index `to` (past the end: last) and renumbers every node 0..n-1. */
export function moveNode(graph: WorkflowGraph, id: string, to: number): WorkflowGraph {
  const ordered = nodesInOrder(graph.nodes).map(({ node }) => node);
  const from = ordered.findIndex((node) => node.id === id);
  if (from < 0) return graph;
  const [moved] = ordered.splice(from, 1);
  ordered.splice(Math.min(to, ordered.length), 0, moved!);
  return { nodes: ordered.map((node, position) => ({ ...node, position })), edges: graph.edges };
}

/** Removes a node and every edge that starts or ends at it, and renumbers the rest 0..n-1. */
export function removeNode(graph: WorkflowGraph, id: string): WorkflowGraph {
  return {
    nodes: renumber(graph.nodes.filter((node) => node.id !== id)),
    edges: graph.edges.filter((edge) => edge.source !== id && edge.target !== id),
  };
}
