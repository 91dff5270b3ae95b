// compile(): node indices in file order, defaults filled in, dead-letter ids resolved to indices.
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import type { Scenario } from './types';

const scenario: Scenario = {
  format: 'eventflow-scenario', version: 1, name: 'Sign-up', stopAt: 500, warmup: 10,
  nodes: [
    { id: 'signup', type: 'publisher', label: '注册', arrival: { kind: 'poisson', ratePerSecond: 5 }, limit: 3, start: 1, end: 99, keys: 4 },
    { id: 'user.registered', type: 'topic' },
    { id: 'q', type: 'queue', ttl: 50, deadLetter: 'dlq', partitions: 2, capacity: 4 },
    { id: 'mailer', type: 'handler', service: { kind: 'constant', value: 2 }, outages: [{ start: 5, end: 6 }], 'x-note': 1 },
    { id: 'dlq', type: 'queue', overflow: 'block' },
  ],
  edges: [
    { id: 'e1', source: 'signup', target: 'user.registered', latency: { kind: 'constant', value: 2 } },
    { id: 'e2', source: 'user.registered', target: 'q' },
    { id: 'e3', source: 'q', target: 'mailer' },
  ],
};

describe('compile', () => {
  it('numbers nodes and edges in file order and fills in the defaults', () => {
    const input = compile(scenario);
    expect(input).toMatchObject({ name: 'Sign-up', seed: 1, stopAtMs: 500, warmupMs: 10 });
    expect(input.nodes[0]).toEqual({ type: 'publisher', index: 0, id: 'signup', label: '注册', event: '注册', arrival: { kind: 'poisson', ratePerSecond: 5 }, limit: 3, startMs: 1, endMs: 99, keys: 4 });
    expect(input.nodes[1]).toEqual({ type: 'topic', index: 1, id: 'user.registered', event: 'user.registered' });
    expect(input.nodes[2]).toEqual({ type: 'queue', index: 2, id: 'q', capacity: 4, overflow: 'reject', ttlMs: 50, deadLetterIndex: 4, partitions: 2 });
    expect(input.nodes[3]).toEqual({ type: 'handler', index: 3, id: 'mailer', event: 'mailer', concurrency: 1, service: { kind: 'constant', value: 2 }, failureRate: 0, outages: [{ start: 5, end: 6 }] });
    expect(input.nodes[4]).toMatchObject({ overflow: 'block' });
    expect(input.edges).toEqual([
      { index: 0, id: 'e1', source: 0, target: 1, latency: { kind: 'constant', value: 2 }, probability: 1 },
      { index: 1, id: 'e2', source: 1, target: 2, probability: 1 },
      { index: 2, id: 'e3', source: 2, target: 3, probability: 1 },
    ]);
    expect(input.sets.H).toContain('mailer');
  });

  it('leaves stopAt out when the scenario has none and uses the given seed', () => {
    const input = compile({ ...scenario, stopAt: undefined, seed: 42 });
    expect('stopAtMs' in input).toBe(false);
    expect(input.seed).toBe(42);
  });
});
