// Commands are pure Scenario -> Scenario functions: add, connect (and refusals), delete, paste, duplicate, layout.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/types';
import { layoutScenario } from '../ui/canvas/autoLayout';
import {
  addNodeOfType, connect, connectRefusal, copySelection, deleteSelection, duplicate, moveNodes, parseClipboard, paste, renameNode, renameRefusal,
  setPublisherLimit, setStopAt, updateSettings,
} from './commands';
import { emptyScenario } from './emptyScenario';

function chain(): Scenario {
  let s = emptyScenario('test');
  s = addNodeOfType(s, 'publisher', { x: 0, y: 0 }).scenario;
  s = addNodeOfType(s, 'queue', { x: 300, y: 0 }).scenario;
  s = addNodeOfType(s, 'handler', { x: 600, y: 0 }).scenario;
  const a = connect(s, 'publisher1', 'queue1');
  if (!a.ok) throw new Error('connect failed');
  const b = connect(a.scenario, 'queue1', 'handler1');
  if (!b.ok) throw new Error('connect failed');
  return b.scenario;
}

describe('addNodeOfType', () => {
  it('adds a node with a fresh id, the position and runnable defaults, leaving the input untouched', () => {
    const before = emptyScenario();
    const { scenario, id } = addNodeOfType(before, 'publisher', { x: 10.4, y: 20.6 });
    expect(id).toBe('publisher1');
    expect(before.nodes).toHaveLength(0);
    expect(scenario.nodes[0]).toEqual({ id: 'publisher1', type: 'publisher', position: { x: 10, y: 21 }, arrival: { kind: 'poisson', ratePerSecond: 10 }, limit: 1000 });
    const second = addNodeOfType(scenario, 'publisher', { x: 0, y: 0 });
    expect(second.id).toBe('publisher2');
    const handler = addNodeOfType(second.scenario, 'handler', { x: 0, y: 0 }).scenario.nodes[2];
    expect(handler).toMatchObject({ type: 'handler', service: { kind: 'exponential', mean: 50 } });
  });
});

describe('connect', () => {
  it('adds an edge for an allowed pair', () => {
    const s = chain();
    expect(s.edges).toEqual([
      { id: 'e1', source: 'publisher1', target: 'queue1' },
      { id: 'e2', source: 'queue1', target: 'handler1' },
    ]);
  });

  it('refuses illegal pairs, self-loops, duplicates and missing nodes with a reason', () => {
    let s = chain();
    s = addNodeOfType(s, 'queue', { x: 0, y: 300 }).scenario;
    s = addNodeOfType(s, 'topic', { x: 0, y: 300 }).scenario;
    expect(connect(s, 'queue1', 'queue2')).toEqual({ ok: false, refusal: { reason: 'pair', from: 'queue', to: 'queue' } });
    expect(connectRefusal(s, 'handler1', 'publisher1')).toEqual({ reason: 'pair', from: 'handler', to: 'publisher' });
    expect(connectRefusal(s, 'topic1', 'topic1')).toEqual({ reason: 'selfLoop' });
    expect(connectRefusal(s, 'topic1', 'topic1')).not.toBeNull();
    expect(connectRefusal(s, 'publisher1', 'queue1')).toEqual({ reason: 'duplicate' });
    expect(connectRefusal(s, 'publisher1', 'nowhere')).toEqual({ reason: 'missing' });
    expect(connectRefusal(s, 'handler1', 'queue1')).toBeNull(); // a loop back into its own queue is allowed
    expect(connectRefusal(s, 'handler1', 'topic1')).toBeNull();
    expect(connectRefusal(s, 'topic1', 'queue2')).toBeNull();
  });
});

describe('deleteSelection', () => {
  it('removes the nodes with every attached edge and clears dead-letter links to removed queues', () => {
    let s = chain();
    s = addNodeOfType(s, 'queue', { x: 0, y: 300 }).scenario;
    s = { ...s, nodes: s.nodes.map((n) => (n.id === 'queue1' ? { ...n, deadLetter: 'queue2' } : n)) };
    const after = deleteSelection(s, ['queue2', 'handler1'], []);
    expect(after.nodes.map((n) => n.id)).toEqual(['publisher1', 'queue1']);
    expect(after.edges.map((e) => e.id)).toEqual(['e1']);
    expect(after.nodes.find((n) => n.id === 'queue1')).not.toHaveProperty('deadLetter');
    const onlyEdge = deleteSelection(s, [], ['e1']);
    expect(onlyEdge.nodes).toHaveLength(4);
    expect(onlyEdge.edges.map((e) => e.id)).toEqual(['e2']);
    expect(deleteSelection(s, [], [])).toBe(s);
  });
});

describe('copy, paste and duplicate', () => {
  it('pastes with fresh ids, remapped internal edges, shifted positions; edges to outside nodes are left out', () => {
    const s = chain();
    const payload = copySelection(s, ['queue1', 'handler1']);
    expect(payload.edges.map((e) => e.id)).toEqual(['e2']);
    const text = JSON.stringify(payload);
    const parsed = parseClipboard(text);
    expect(parsed).not.toBeNull();
    const result = paste(s, parsed!, { x: 40, y: 40 });
    expect(result.nodeIds).toEqual(['queue2', 'handler2']);
    expect(result.edgeIds).toEqual(['e3']);
    const ids = result.scenario.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.scenario.edges.at(-1)).toEqual({ id: 'e3', source: 'queue2', target: 'handler2' });
    expect(result.scenario.nodes.find((n) => n.id === 'queue2')?.position).toEqual({ x: 340, y: 40 });
    // pasting twice gives fresh ids again
    const again = paste(result.scenario, parsed!, { x: 80, y: 80 });
    expect(again.nodeIds).toEqual(['queue3', 'handler3']);
  });

  it('refuses clipboard text that is not ours', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"format":"eventflow-clipboard","nodes":[{"id":1}],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"other","nodes":[],"edges":[]}')).toBeNull();
    // a label that is an object, or a publisher without arrival, would break drawing: refused
    expect(parseClipboard('{"format":"eventflow-clipboard","nodes":[{"id":"x","type":"queue","label":{"html":"<b>x</b>"}}],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"eventflow-clipboard","nodes":[{"id":"p","type":"publisher"}],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"eventflow-clipboard","nodes":[{"id":"q","type":"queue","label":"<b>ok</b>"}],"edges":[]}')).not.toBeNull();
  });

  it('duplicate copies the selected nodes beside the originals', () => {
    const s = chain();
    const result = duplicate(s, ['publisher1', 'queue1']);
    expect(result.nodeIds).toEqual(['publisher2', 'queue2']);
    expect(result.scenario.edges.filter((e) => e.source === 'publisher2').map((e) => e.target)).toEqual(['queue2']);
    expect(result.scenario.nodes).toHaveLength(5);
  });
});

describe('renameNode', () => {
  it('renames a node and every reference to it; refuses bad or taken ids', () => {
    let s = chain();
    s = addNodeOfType(s, 'queue', { x: 0, y: 0 }).scenario;
    s = { ...s, nodes: s.nodes.map((n) => (n.id === 'queue2' ? { ...n, deadLetter: 'queue1' } : n)) };
    const renamed = renameNode(s, 'queue1', 'signups');
    expect(renamed.nodes.map((n) => n.id)).toEqual(['publisher1', 'signups', 'handler1', 'queue2']);
    expect(renamed.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['publisher1>signups', 'signups>handler1']);
    expect(renamed.nodes[3]).toMatchObject({ deadLetter: 'signups' });
    expect(renameRefusal(s, 'queue1', 'has space')).toBe('pattern');
    expect(renameRefusal(s, 'queue1', 'handler1')).toBe('taken');
    expect(renameRefusal(s, 'queue1', 'e1')).toBe('taken');
    expect(renameNode(s, 'queue1', 'handler1')).toBe(s);
  });
});

describe('settings, fixes and moves', () => {
  it('removes settings set to undefined and applies one-click fixes', () => {
    const s = updateSettings(chain(), { stopAt: undefined });
    expect(s).not.toHaveProperty('stopAt');
    expect(setStopAt(s, 60_000).stopAt).toBe(60_000);
    const unlimited = { ...s, nodes: s.nodes.map((n) => (n.type === 'publisher' ? { ...n, limit: undefined } : n)) };
    expect(setPublisherLimit(unlimited, 'publisher1', 10_000).nodes[0]).toMatchObject({ limit: 10_000 });
  });

  it('moveNodes returns the same scenario when nothing moved', () => {
    const s = chain();
    expect(moveNodes(s, new Map([['publisher1', { x: 0, y: 0 }]]))).toBe(s);
    expect(moveNodes(s, new Map([['publisher1', { x: 5, y: 0 }]])).nodes[0].position).toEqual({ x: 5, y: 0 });
  });
});

describe('layoutScenario', () => {
  it('gives every node a position, left to right along the flow, and handles fan-out and loops', async () => {
    let s = emptyScenario('layout');
    for (const [type, n] of [['publisher', 1], ['topic', 1], ['queue', 3], ['handler', 2]] as const) {
      for (let i = 0; i < n; i++) s = addNodeOfType(s, type, { x: 0, y: 0 }).scenario;
    }
    s = { ...s, nodes: s.nodes.map((n) => ({ ...n, position: undefined })) };
    for (const [a, b] of [['publisher1', 'topic1'], ['topic1', 'queue1'], ['topic1', 'queue2'], ['queue1', 'handler1'], ['queue2', 'handler2'], ['handler1', 'queue1'], ['handler2', 'queue3']]) {
      const r = connect(s, a, b);
      if (!r.ok) throw new Error(`${a}->${b}`);
      s = r.scenario;
    }
    const laid = await layoutScenario(s);
    for (const node of laid.nodes) {
      expect(node.position, node.id).toBeDefined();
      expect(Number.isFinite(node.position!.x) && Number.isFinite(node.position!.y)).toBe(true);
    }
    const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position!.x;
    expect(x('publisher1')).toBeLessThan(x('topic1'));
    expect(x('topic1')).toBeLessThan(x('queue1'));
    expect(x('queue2')).toBeLessThan(x('handler2'));
    expect(x('handler2')).toBeLessThan(x('queue3'));
    const positions = laid.nodes.map((n) => `${n.position!.x},${n.position!.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });
});
