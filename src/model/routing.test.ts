// Validation of routing (architect.md "Routing: all, or exactly one"): weights > 0 only from publishers
// and handlers, `when` only from handlers, no probability where the source routes one; each refused
// with its JSON path.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

type Json = Record<string, unknown>;

/** publisher -> topic -> queue -> handler (as parse.test.ts's base) */
const base = (): Json => ({
  format: 'eventflow-scenario', version: 1, name: 'test', stopAt: 1000,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 10 } },
    { id: 't', type: 'topic' },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'constant', value: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 't' },
    { id: 'e2', source: 't', target: 'q' },
    { id: 'e3', source: 'q', target: 'h' },
  ],
});
const nodes = (doc: Json) => doc.nodes as Json[];
const edges = (doc: Json) => doc.edges as Json[];

function problems(edit: (doc: Json) => void): string[] {
  const doc = base();
  edit(doc);
  const result = parseScenario(doc);
  return result.ok ? [] : result.problems.map((p) => p.text);
}

describe('routing rules', () => {
  it('accepts route "one" with weights and a failure edge from a handler', () => {
    expect(problems((doc) => {
      nodes(doc)[0].route = 'one';
      nodes(doc)[3].route = 'one';
      nodes(doc).push({ id: 'alerts', type: 'queue' });
      edges(doc)[0].weight = 2;
      edges(doc).push({ id: 'e4', source: 'h', target: 'alerts', when: 'failure', weight: 0.5 });
    })).toEqual([]);
  });

  it.each([
    ['a weight of 0', (doc: Json) => { edges(doc)[0].weight = 0; }, 'edges[0] (e1).weight'],
    ['a negative weight', (doc: Json) => { edges(doc)[0].weight = -1; }, 'edges[0] (e1).weight'],
    ['a weight on an edge leaving a topic', (doc: Json) => { edges(doc)[1].weight = 2; }, 'edges[1] (e2).weight: only edges leaving a publisher or a handler'],
    ['`when` on an edge leaving a queue', (doc: Json) => { edges(doc)[2].when = 'failure'; }, 'edges[2] (e3).when: only edges leaving a handler'],
    ['`when` on an edge leaving a publisher', (doc: Json) => { edges(doc)[0].when = 'success'; }, 'edges[0] (e1).when: only edges leaving a handler'],
    ['an unknown route', (doc: Json) => { nodes(doc)[0].route = 'some'; }, 'nodes[0] (p).route'],
    ['route on a queue', (doc: Json) => { nodes(doc)[2].route = 'one'; }, 'nodes[2] (q)'],
    ['probability where the handler routes one', (doc: Json) => {
      nodes(doc)[3].route = 'one';
      nodes(doc).push({ id: 'out', type: 'queue' });
      edges(doc).push({ id: 'e4', source: 'h', target: 'out', probability: 0.5 });
    }, 'edges[3] (e4).probability: its source routes "one"'],
  ])('refuses %s', (_name, edit, expected) => {
    const found = problems(edit);
    expect(found.some((text) => text.startsWith(expected)), found.join('\n')).toBe(true);
  });
});
