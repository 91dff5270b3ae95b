// The report additions of architect.md on hand-checkable runs: a queue's peakAt and drainMs, deadLetteredBy
// (ttl vs retries), and latency.endToEndBySink (every sink in file order, even with count 0).
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import { simulate } from './index';
import type { NodeReport, Report } from './types';

function run(file: object): Report {
  const parsed = parseScenario({ format: 'eventflow-scenario', version: 1, name: 'additions', ...file });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
  return simulate(compile(parsed.scenario));
}
const queue = (report: Report, id: string) => report.nodes[id] as Extract<NodeReport, { type: 'queue' }>;

describe('report additions', () => {
  it('peakAt is when maxDepth was first reached, drainMs the time until the queue was next empty', () => {
    // copies at 1, 2 and 3 ms; one slot serving 10 ms each: the first is read at once, q holds 1 at 2 ms,
    // 2 at 3 ms (the peak), 1 at 11 ms and 0 at 21 ms
    const report = run({
      nodes: [
        { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 3 },
        { id: 'q', type: 'queue' },
        { id: 'h', type: 'handler', service: { kind: 'constant', value: 10 } },
      ],
      edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
    });
    const q = queue(report, 'q');
    expect(q.maxDepth).toBe(2);
    expect(q.peakAt).toBe(3);
    expect(q.drainMs).toBe(18);
    expect(q).not.toHaveProperty('deadLetteredBy');
  });

  it('drainMs is null when the queue never empties after its peak', () => {
    const report = run({
      stopAt: 10,
      nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 } }, { id: 'q', type: 'queue' }],
      edges: [{ id: 'e1', source: 'p', target: 'q' }],
    });
    expect(queue(report, 'q').drainMs).toBeNull();
    expect(report.latency.endToEndBySink).toEqual({});
  });

  it('deadLetteredBy splits dead letters into ttl and retries; endToEndBySink lists every sink in file order', () => {
    const report = run({
      seed: 4, stopAt: 2000,
      nodes: [
        { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 400 } },
        { id: 'q', type: 'queue', ttl: 6, deadLetter: 'dlq' },
        { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 2 }, failureRate: 0.3 },
        { id: 'dlq', type: 'queue' },
        { id: 'idle', type: 'handler', service: { kind: 'constant', value: 1 } },
        { id: 'audit', type: 'handler', service: { kind: 'constant', value: 1 } },
      ],
      edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }, { id: 'e3', source: 'dlq', target: 'audit' }],
    });
    const q = queue(report, 'q');
    expect(q.deadLetteredBy).toBeDefined();
    expect(q.deadLetteredBy!.ttl).toBeGreaterThan(0);
    expect(q.deadLetteredBy!.retries).toBeGreaterThan(0);
    expect(q.deadLetteredBy!.ttl + q.deadLetteredBy!.retries).toBe(q.deadLettered);
    expect(q.expired).toBe(0);
    const bySink = report.latency.endToEndBySink;
    expect(Object.keys(bySink)).toEqual(['h', 'idle', 'audit']);
    expect(bySink.idle.count).toBe(0);
    expect(bySink.h.count + bySink.audit.count).toBe(report.latency.endToEnd.count);
    expect(bySink.h.count).toBe((report.nodes.h as Extract<NodeReport, { type: 'handler' }>).completed);
  });
});

describe('partitionStats', () => {
  const file = (assignment: 'shared' | 'owned') => ({
    seed: 4, stopAt: 6000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 400 }, keys: 9 },
      { id: 'q', type: 'queue', partitions: 3, assignment },
      { id: 'h0', type: 'handler', service: { kind: 'exponential', mean: 4 } },
      { id: 'h1', type: 'handler', service: { kind: 'exponential', mean: 4 } },
      { id: 'plain', type: 'queue' },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h0' }, { id: 'e3', source: 'q', target: 'h1' }, { id: 'e4', source: 'p', target: 'plain' }],
  });

  it('splits the queue: received and mean depth add up to the whole, no partition holds more than the queue', () => {
    for (const assignment of ['shared', 'owned'] as const) {
      const q = queue(run(file(assignment)), 'q');
      const parts = q.partitionStats!;
      expect(parts).toHaveLength(3);
      expect(parts.reduce((sum, part) => sum + part.received, 0)).toBe(q.received);
      expect(parts.reduce((sum, part) => sum + part.meanDepth, 0)).toBeCloseTo(q.meanDepth, 9);
      for (const part of parts) {
        expect(part.received).toBeGreaterThan(0);
        expect(part.maxDepth).toBeLessThanOrEqual(q.maxDepth);
      }
      expect(Math.max(...parts.map((part) => part.maxDepth))).toBeGreaterThan(0);
    }
  });

  it('owner: the owning handler in an owned group (partition p by handler p mod 2), null when shared; absent without partitions', () => {
    expect(queue(run(file('owned')), 'q').partitionStats!.map((part) => part.owner)).toEqual(['h0', 'h1', 'h0']);
    expect(queue(run(file('shared')), 'q').partitionStats!.map((part) => part.owner)).toEqual([null, null, null]);
    expect(queue(run(file('shared')), 'plain').partitionStats).toBeUndefined();
  });
});
