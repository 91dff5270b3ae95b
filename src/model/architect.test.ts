// Validation of the architect's toolkit fields (architect.md): priorities and order, backoff growth,
// traffic and brown-out profiles. Each bad value is refused with its JSON path; good ones are accepted.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

type Json = Record<string, unknown>;

/** two publishers -> queue -> handler */
const base = (): Json => ({
  format: 'eventflow-scenario', version: 1, name: 'test', stopAt: 1000,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 10 } },
    { id: 'vip', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 10 } },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'constant', value: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'vip', target: 'q' },
    { id: 'e3', source: 'q', target: 'h' },
  ],
});
const nodes = (doc: Json) => doc.nodes as Json[];

function problems(edit: (doc: Json) => void): string[] {
  const doc = base();
  edit(doc);
  const result = parseScenario(doc);
  return result.ok ? [] : result.problems.map((p) => p.text);
}

describe('priorities', () => {
  it('accepts priorities 0 … 9 on publishers and handlers and order on queues and handlers', () => {
    expect(problems((doc) => {
      nodes(doc)[0].priority = 0;
      nodes(doc)[1].priority = 9;
      nodes(doc)[2].order = 'priority';
      Object.assign(nodes(doc)[3], { priority: 5, order: 'fifo' });
    })).toEqual([]);
  });

  it.each([
    ['a priority of 10', (doc: Json) => { nodes(doc)[1].priority = 10; }, 'nodes[1] (vip).priority'],
    ['a fractional priority', (doc: Json) => { nodes(doc)[1].priority = 1.5; }, 'nodes[1] (vip).priority'],
    ['a negative priority', (doc: Json) => { nodes(doc)[3].priority = -1; }, 'nodes[3] (h).priority'],
    ['an unknown order', (doc: Json) => { nodes(doc)[2].order = 'lifo'; }, 'nodes[2] (q).order'],
    ['priority on a queue', (doc: Json) => { nodes(doc)[2].priority = 1; }, 'nodes[2] (q)'],
    ['order "priority" with partitions', (doc: Json) => { Object.assign(nodes(doc)[2], { partitions: 3, order: 'priority' }); }, 'nodes[2] (q).order: cannot be "priority" on a queue with partitions'],
  ])('refuses %s', (_name, edit, expected) => {
    const found = problems(edit);
    expect(found.some((text) => text.startsWith(expected)), found.join('\n')).toBe(true);
  });
});

describe('backoff growth', () => {
  const withRetry = (retry: Json) => (doc: Json) => { nodes(doc)[3].retry = { maxAttempts: 3, backoff: { kind: 'constant', value: 10 }, ...retry }; };

  it('accepts a multiplier from 1 to 100 and a maxBackoff', () => {
    expect(problems(withRetry({ multiplier: 2, maxBackoff: 60_000 }))).toEqual([]);
    expect(problems(withRetry({ multiplier: 100 }))).toEqual([]);
  });

  it.each([
    ['a multiplier below 1', { multiplier: 0.5 }, 'nodes[3] (h).retry.multiplier'],
    ['a multiplier above 100', { multiplier: 101 }, 'nodes[3] (h).retry.multiplier'],
    ['a maxBackoff of 0', { maxBackoff: 0 }, 'nodes[3] (h).retry.maxBackoff'],
  ])('refuses %s', (_name, retry, expected) => {
    const found = problems(withRetry(retry));
    expect(found.some((text) => text.startsWith(expected)), found.join('\n')).toBe(true);
  });
});

describe('profiles', () => {
  const arrival = (extra: Json) => (doc: Json) => { nodes(doc)[0].arrival = { kind: 'profile', shape: 'linear', points: [[0, 50], [1000, 400]], ...extra }; };
  const service = (extra: Json) => (doc: Json) => { nodes(doc)[3].serviceProfile = { points: [[0, 1], [500, 3]], ...extra }; };
  const failure = (extra: Json) => (doc: Json) => { nodes(doc)[3].failureProfile = { points: [[0, 0], [500, 0.5]], ...extra }; };

  it('accepts a profile arrival, a service profile and a failure profile', () => {
    expect(problems((doc) => { arrival({ repeat: 2000 })(doc); service({})(doc); failure({ shape: 'linear' })(doc); })).toEqual([]);
  });

  it('needs limit, end or stopAt like Poisson', () => {
    const found = problems((doc) => { arrival({})(doc); delete doc.stopAt; });
    expect(found.some((text) => text.startsWith('nodes[0] (p): never stops')), found.join('\n')).toBe(true);
  });

  it.each([
    ['no points', arrival({ points: [] }), 'nodes[0] (p).arrival.points'],
    ['1,001 points', arrival({ points: Array.from({ length: 1001 }, (_, i) => [i, 1]) }), 'nodes[0] (p).arrival.points'],
    ['a first time after 0', arrival({ points: [[5, 1], [10, 2]] }), 'nodes[0] (p).arrival.points[0][0]: the first point must be at time 0'],
    ['times not increasing', arrival({ points: [[0, 1], [10, 2], [10, 3]] }), 'nodes[0] (p).arrival.points[2][0]: must be greater than the previous'],
    ['a negative rate', arrival({ points: [[0, -1]] }), 'nodes[0] (p).arrival.points[0][1]'],
    ['only zero rates', arrival({ points: [[0, 0], [10, 0]] }), 'nodes[0] (p).arrival.points: needs at least one rate greater than 0'],
    ['repeat at the last time', arrival({ repeat: 1000 }), 'nodes[0] (p).arrival.repeat: must be greater than the last point'],
    ['an unknown shape', arrival({ shape: 'smooth' }), 'nodes[0] (p).arrival.shape'],
    ['a point of three numbers', arrival({ points: [[0, 1, 2]] }), 'nodes[0] (p).arrival.points[0]'],
    ['a service multiplier of 0', service({ points: [[0, 0]] }), 'nodes[3] (h).serviceProfile.points[0][1]: a service multiplier must be greater than 0'],
    ['a failure rate of 1', failure({ points: [[0, 1]] }), 'nodes[3] (h).failureProfile.points[0][1]: a failure rate must be below 1'],
    ['kind in a service profile', service({ kind: 'profile' }), 'nodes[3] (h).serviceProfile'],
  ])('refuses %s', (_name, edit, expected) => {
    const found = problems(edit);
    expect(found.some((text) => text.startsWith(expected)), found.join('\n')).toBe(true);
  });
});

describe('owned partitions', () => {
  const owned = (extra: Json) => (doc: Json) => { Object.assign(nodes(doc)[2], { partitions: 4, assignment: 'owned', ...extra }); };

  it('accepts assignment, sessionTimeout and rebalance on a partitioned queue', () => {
    expect(problems(owned({ sessionTimeout: 30_000, rebalance: 0 }))).toEqual([]);
    expect(problems(owned({ assignment: 'shared' }))).toEqual([]);
  });

  it.each([
    ['assignment without partitions', (doc: Json) => { nodes(doc)[2].assignment = 'owned'; }, 'nodes[2] (q).assignment: needs partitions'],
    ['sessionTimeout without partitions', (doc: Json) => { nodes(doc)[2].sessionTimeout = 5; }, 'nodes[2] (q).sessionTimeout: needs partitions'],
    ['rebalance without partitions', (doc: Json) => { nodes(doc)[2].rebalance = 5; }, 'nodes[2] (q).rebalance: needs partitions'],
    ['an unknown assignment', owned({ assignment: 'static' }), 'nodes[2] (q).assignment'],
    ['a negative rebalance', owned({ rebalance: -1 }), 'nodes[2] (q).rebalance'],
    ['two edges from an owned queue to one handler', (doc: Json) => {
      owned({})(doc);
      (doc.edges as Json[]).push({ id: 'e4', source: 'q', target: 'h' });
    }, 'edges[3] (e4): a second connection from owned queue "q" to "h"'],
  ])('refuses %s', (_name, edit, expected) => {
    const found = problems(edit);
    expect(found.some((text) => text.startsWith(expected)), found.join('\n')).toBe(true);
  });
});
