// Undo history through the store: each action one step, a whole drag one step, typing in one field one
// step, selection never a step, and the selection pruned when its nodes disappear.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { FlowNode } from '../ui/canvas/flowModel';
import { routeNodeChanges } from '../ui/canvas/nodeChanges';
import { addNodeOfType, connect, deleteSelection, moveNodes, updateNode } from './commands';
import { emptyScenario } from './emptyScenario';
import { useAppStore } from './store';

const store = () => useAppStore.getState();

beforeEach(() => {
  store().resetDocument(emptyScenario('history'));
});

function addChain() {
  let s = store().scenario;
  for (const type of ['publisher', 'queue', 'handler'] as const) {
    const r = addNodeOfType(s, type, { x: 0, y: 0 });
    store().commit(r.scenario, 'addNode', { select: { nodeIds: [r.id] } });
    s = store().scenario;
  }
  const c = connect(s, 'publisher1', 'queue1');
  if (c.ok) store().commit(c.scenario, 'connect');
}

describe('document history', () => {
  it('undoes and redoes every action one at a time', () => {
    addChain();
    expect(store().past).toHaveLength(4);
    expect(store().scenario.edges).toHaveLength(1);
    store().undo();
    expect(store().scenario.edges).toHaveLength(0);
    store().undo();
    expect(store().scenario.nodes.map((n) => n.id)).toEqual(['publisher1', 'queue1']);
    store().redo();
    store().redo();
    expect(store().scenario.edges).toHaveLength(1);
    expect(store().future).toHaveLength(0);
  });

  it('a whole drag is one undo step: positions while dragging stay transient, the drop is one commit', () => {
    addChain();
    const original = store().scenario.nodes.find((n) => n.id === 'queue1')!.position;
    const pastBefore = store().past.length;
    const versionBefore = store().docVersion;
    const measured = new Map();
    for (let i = 1; i <= 30; i++) {
      const routed = routeNodeChanges([{ id: 'queue1', type: 'position', position: { x: i * 5, y: i }, dragging: true } as NodeChange<FlowNode>], [], measured);
      expect(routed.finished).toBeNull();
      expect(routed.dragging.get('queue1')).toEqual({ x: i * 5, y: i });
    }
    expect(store().docVersion).toBe(versionBefore); // nothing reached the document during the drag
    const end = routeNodeChanges([{ id: 'queue1', type: 'position', position: { x: 150, y: 30 }, dragging: false } as NodeChange<FlowNode>], [], measured);
    expect(end.finished).toEqual(new Map([['queue1', { x: 150, y: 30 }]]));
    store().commit(moveNodes(store().scenario, end.finished!), 'move');
    expect(store().past.length).toBe(pastBefore + 1);
    expect(store().scenario.nodes.find((n) => n.id === 'queue1')!.position).toEqual({ x: 150, y: 30 });
    store().undo();
    expect(store().scenario.nodes.find((n) => n.id === 'queue1')!.position).toEqual(original);
  });

  it('commits sharing a coalescing key (one typing session) are one step; another key starts a new one', () => {
    addChain();
    const pastBefore = store().past.length;
    for (const mean of [5, 50, 500]) {
      const s = store().scenario;
      const h = s.nodes.find((n) => n.id === 'handler1')!;
      store().commit(updateNode(s, 'handler1', { ...h, service: { kind: 'exponential', mean } } as typeof h), 'editNode', { coalesce: 'handler1:field:1' });
    }
    expect(store().past.length).toBe(pastBefore + 1);
    const s = store().scenario;
    const h = s.nodes.find((n) => n.id === 'handler1')!;
    store().commit(updateNode(s, 'handler1', { ...h, label: 'mailer' } as typeof h), 'editNode', { coalesce: 'handler1:field:2' });
    expect(store().past.length).toBe(pastBefore + 2);
    store().undo();
    store().undo();
    expect(store().scenario.nodes.find((n) => n.id === 'handler1')).toMatchObject({ service: { kind: 'exponential', mean: 50 } });
    expect(store().scenario.nodes.find((n) => n.id === 'handler1')).not.toHaveProperty('label');
  });

  it('selection and viewport are never undo steps; undo prunes selection of vanished nodes', () => {
    addChain();
    const pastBefore = store().past.length;
    store().select(['publisher1', 'queue1'], ['e1']);
    store().setViewport({ x: 10, y: 20, zoom: 0.5 });
    expect(store().past.length).toBe(pastBefore);
    store().commit(deleteSelection(store().scenario, ['queue1'], []), 'delete', { select: { nodeIds: [] } });
    expect(store().scenario.edges).toHaveLength(0);
    store().undo();
    expect(store().scenario.edges).toHaveLength(1);
    store().select(['handler1']);
    store().undo(); // removes the edge e1 ... and the node handler1 stays
    store().undo(); // removes handler1: selection is pruned
    expect(store().selectedNodeIds).toEqual([]);
  });
});
