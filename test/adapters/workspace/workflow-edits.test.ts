import { describe, expect, it } from 'vitest';
import type { WireNode } from '../../../src/adapters/workspace/wire.js';
import { appendNode, mergeConfig, messageConfig, moveNode, newNodeId, removeNode, renumber, replaceNode, type WorkflowGraph } from '../../../src/adapters/workspace/workflow-edits.js';

const graph = (): WorkflowGraph => ({
  nodes: [
    { id: 'b', kind: 'ACTION', type: 'SET_FIELD', position: 1, config: { field: 'x' }, extra: { kept: true } },
    { id: 'a', kind: 'TRIGGER', type: 'MANUAL', position: 0, config: {} },
    { id: 'c', kind: 'DELAY', type: 'SHORT_DELAY', position: 4, config: { seconds: 5 } },
  ],
  edges: [
    { source: 'a', target: 'b', label: 'first' },
    { source: 'b', target: 'c' },
    { source: 'x', target: 'y' },
  ],
});

const order = (nodes: WireNode[]) => renumber(nodes).map((n) => `${n.id}@${n.position}`);

describe('workflow edits', () => {
  it('appends after the highest position and keeps the other nodes and edges as they were', () => {
    const before = graph();
    const after = appendNode(before, { id: 'd', kind: 'ACTION', type: 'ADD_TAG', name: 'Tag', config: {} });
    expect(after.nodes.slice(0, 3)).toEqual(graph().nodes);
    expect(after.nodes[3]).toEqual({ id: 'd', kind: 'ACTION', type: 'ADD_TAG', name: 'Tag', config: {}, position: 5 });
    expect(after.edges).toEqual(graph().edges);
    expect(before).toEqual(graph());
    expect(appendNode({ nodes: [], edges: [] }, { id: 'z', kind: 'TRIGGER', type: 'MANUAL', config: {} }).nodes[0]!.position).toBe(0);
  });

  it('replaces one node by id and nothing else', () => {
    const after = replaceNode(graph(), 'b', (node) => ({ ...node, name: 'New' }));
    expect(after.nodes[0]).toEqual({ ...graph().nodes[0], name: 'New' });
    expect(after.nodes.slice(1)).toEqual(graph().nodes.slice(1));
    expect(after.edges).toEqual(graph().edges);
  });

  it('moves a node to an index and renumbers 0..n-1; past the end means last', () => {
    expect(order(moveNode(graph(), 'c', 0).nodes)).toEqual(['c@0', 'a@1', 'b@2']);
    expect(order(moveNode(graph(), 'a', 1).nodes)).toEqual(['b@0', 'a@1', 'c@2']);
    expect(order(moveNode(graph(), 'a', 50).nodes)).toEqual(['b@0', 'c@1', 'a@2']);
    expect(moveNode(graph(), 'b', 0).nodes.find((n) => n.id === 'b')).toMatchObject({ extra: { kept: true }, config: { field: 'x' } });
    expect(moveNode(graph(), 'missing', 0)).toEqual(graph());
  });

  it('removes a node with the edges touching it, keeps unrelated edges, renumbers', () => {
    const after = removeNode(graph(), 'b');
    expect(after.nodes.map((n) => `${n.id}@${n.position}`)).toEqual(['a@0', 'c@1']);
    expect(after.edges).toEqual([{ source: 'x', target: 'y' }]);
  });

  it('merges config one level deep; null removes a key', () => {
    expect(mergeConfig({ a: 1, b: { c: 1 }, d: 4 }, { b: { e: 2 }, d: null, f: 'x' })).toEqual({ a: 1, b: { e: 2 }, f: 'x' });
  });

  it('reads a string message as the body and an object as its own keys', () => {
    expect(messageConfig('Hi')).toEqual({ body: 'Hi' });
    expect(messageConfig({ subject: 'S', body: 'B' })).toEqual({ subject: 'S', body: 'B' });
    expect(messageConfig(undefined)).toEqual({});
  });

  it('picks a node id not yet taken', () => {
    const ids = ['one', 'one', 'two'];
    expect(newNodeId({ nodes: [{ id: 'n_one', kind: 'TRIGGER', type: 'MANUAL' }], edges: [] }, () => ids.shift()!)).toBe('n_two');
    expect(newNodeId(graph())).toMatch(/^n_[0-9a-f]{12}$/);
  });
});
