// Property tests over random valid scenarios: conservation of copies, ordered percentiles, determinism
// (same seed, byte-identical report; slicing the run changes nothing), and onMessage agreeing with totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import { Simulation, simulate } from './index';
import { scenarioArbitrary } from '../model/arbitrary';
import { scenarioArb as ownScenarioArb } from './invariants.scenarios';
import type { MessageRecord, Outcome, Report, Stats } from './types';

/** Runs per property: 100 keeps the file well under 20 s (about 5 s of CPU) on the 2-core machine; EVENTFLOW_PROPERTY_RUNS=2000 for a deeper hunt. */
const RUNS = Number(process.env.EVENTFLOW_PROPERTY_RUNS ?? 100);

/** Both generators: this file's (every option, runs with and without stopAt) and the model's (labels, windows, extensions). */
const scenarioArb = fc.oneof(ownScenarioArb, scenarioArbitrary);

const withoutPerf = (report: Report): string => JSON.stringify({ ...report, perf: undefined });

function validated(scenario: Scenario): Scenario {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) throw new Error(`the generator made an invalid scenario:\n${parsed.problems.map((p) => p.text).join('\n')}\n${JSON.stringify(scenario)}`);
  return parsed.scenario;
}

function runWithRecords(scenario: Scenario): { report: Report; records: MessageRecord[] } {
  const records: MessageRecord[] = [];
  const report = simulate(compile(validated(scenario)), { onMessage: (record) => records.push(record) });
  return { report, records };
}

function expectOrdered(label: string, stats: Stats): void {
  if (stats.count === 0) {
    expect([stats.mean, stats.min, stats.p50, stats.p90, stats.p95, stats.p99, stats.max], `${label}: empty stats are null`).toEqual([null, null, null, null, null, null, null]);
    return;
  }
  const chain = [stats.min, stats.p50, stats.p90, stats.p95, stats.p99, stats.max] as number[];
  for (let i = 1; i < chain.length; i++) expect(chain[i - 1], `${label}: ${JSON.stringify(stats)}`).toBeLessThanOrEqual(chain[i]);
  expect(stats.min!, `${label} min <= mean`).toBeLessThanOrEqual(stats.mean! * (1 + 1e-12) + 1e-12);
  expect(stats.mean!, `${label} mean <= max`).toBeLessThanOrEqual(stats.max! * (1 + 1e-12) + 1e-12);
  expect(stats.min!, `${label} min >= 0`).toBeGreaterThanOrEqual(0);
}

function allStats(report: Report): [string, Stats][] {
  const { endToEndBySink, ...whole } = report.latency;
  const list: [string, Stats][] = Object.entries(whole).map(([key, stats]) => [`latency.${key}`, stats]);
  for (const [id, stats] of Object.entries(endToEndBySink)) list.push([`latency.endToEndBySink.${id}`, stats]);
  for (const [id, node] of Object.entries(report.nodes)) {
    if (node.type === 'queue') list.push([`nodes.${id}.wait`, node.wait]);
    if (node.type === 'handler') list.push([`nodes.${id}.service`, node.service], [`nodes.${id}.publishToRead`, node.publishToRead]);
  }
  return list;
}

describe('engine invariants over random scenarios', () => {
  it('conserves copies: sent = completed + dropped + expired + deadLettered + failed + inFlight', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const t = runWithRecords(scenario).report.totals;
      expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
      for (const value of Object.values(t)) expect(Number.isInteger(value) && value >= 0).toBe(true);
    }), { numRuns: RUNS });
  });

  it('calls onMessage once per sent copy, with outcomes matching the totals', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { report, records } = runWithRecords(scenario);
      expect(records.length).toBe(report.totals.sent);
      const counts: Record<Outcome, number> = { completed: 0, dropped: 0, expired: 0, deadLettered: 0, failed: 0, inFlight: 0 };
      for (const record of records) counts[record.outcome]++;
      const { completed, dropped, expired, deadLettered, failed, inFlight } = report.totals;
      expect(counts).toEqual({ completed, dropped, expired, deadLettered, failed, inFlight });
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      for (const r of records) {
        if (r.readAt !== null) expect(r.readAt).toBeGreaterThanOrEqual(r.publishedAt);
        if (r.doneAt !== null) expect(r.doneAt).toBeGreaterThanOrEqual(r.readAt ?? r.publishedAt);
        if (r.outcome === 'completed') {
          expect(r.doneAt).not.toBeNull();
          expect(r.readAt).not.toBeNull();
          expect(r.attempts).toBeGreaterThanOrEqual(1);
        }
        if (r.readAt === null) expect(r.attempts).toBe(0);
        expect(r.publishedAt).toBeLessThanOrEqual(report.endTime);
        if (r.readAt !== null) expect(r.readAt).toBeLessThanOrEqual(report.endTime);
        if (r.doneAt !== null) expect(r.doneAt).toBeLessThanOrEqual(report.endTime);
      }
    }), { numRuns: RUNS });
  });

  it('orders every percentile: min <= p50 <= p90 <= p95 <= p99 <= max, and has no NaN or Infinity anywhere', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { report } = runWithRecords(scenario);
      const walk = (value: unknown, path: string): void => {
        if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
        else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
      };
      walk(report, 'report');
      for (const [label, stats] of allStats(report)) expectOrdered(label, stats);
    }), { numRuns: RUNS });
  });

  it('gives a byte-identical report (perf aside) for the same seed, however the run is sliced', () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 50 }), (scenario, slice) => {
      const input = compile(validated(scenario));
      const first = withoutPerf(simulate(input));
      expect(withoutPerf(simulate(compile(validated(scenario))))).toBe(first);
      const sliced = new Simulation(input);
      let guard = 0;
      while (!sliced.runEvents(slice)) expect(++guard).toBeLessThan(10_000_000);
      expect(withoutPerf(sliced.report())).toBe(first);
    }), { numRuns: Math.round(RUNS / 2) });
  });

  it('counts publisher, topic and queue totals consistently', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { report } = runWithRecords(scenario);
      let published = 0;
      let dropped = 0;
      let completed = 0;
      let retried = 0;
      let readCount = 0;
      for (const node of Object.values(report.nodes)) {
        if (node.type === 'publisher') published += node.published;
        if (node.type === 'queue') {
          dropped += node.dropped;
          expect(node.maxDepth).toBeGreaterThanOrEqual(0);
          expect(node.meanDepth).toBeGreaterThanOrEqual(0);
          expect(node.meanDepth).toBeLessThanOrEqual(node.maxDepth + 1e-9);
        }
        if (node.type === 'handler') {
          completed += node.completed;
          retried += node.retried;
          readCount += node.publishToRead.count;
          expect(node.utilization).toBeGreaterThanOrEqual(0);
          expect(node.utilization).toBeLessThanOrEqual(1 + 1e-9);
        }
      }
      expect(report.totals.published).toBe(published);
      expect(report.totals.dropped).toBe(dropped);
      expect(report.totals.completed).toBe(completed);
      expect(report.totals.retried).toBe(retried);
      expect(report.latency.publishToRead.count).toBe(readCount);
      expect(report.latency.endToEnd.count).toBeLessThanOrEqual(report.latency.publishToDone.count);
      if (scenario.stopAt !== undefined) expect(report.endTime).toBe(scenario.stopAt);
    }), { numRuns: RUNS });
  });

  it('does not let the future change the past: a shorter stopAt gives the same copies up to it', () => {
    fc.assert(fc.property(scenarioArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (scenario, share) => {
      const full = runWithRecords(scenario);
      const cutMs = full.report.endTime * share;
      fc.pre(cutMs > 0);
      const { warmup: _warmup, ...rest } = scenario; // warm-up changes statistics only, and must stay below stopAt
      const early = runWithRecords({ ...rest, stopAt: cutMs });
      expect(early.report.endTime).toBe(cutMs);
      const finishedBefore = (records: MessageRecord[]): string[] =>
        records.filter((r) => r.outcome !== 'inFlight' && r.doneAt !== null && r.doneAt < cutMs).map((r) => JSON.stringify(r)).sort();
      expect(finishedBefore(early.records)).toEqual(finishedBefore(full.records));
    }), { numRuns: Math.round(RUNS / 2) });
  });

  it('gives the same report when run event by event with step() or in time slices with runUntil()', () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 20 }), (scenario, slices) => {
      const input = compile(validated(scenario));
      const whole = withoutPerf(simulate(input));
      const stepped = new Simulation(input);
      let guard = 0;
      while (stepped.step() !== null) expect(++guard).toBeLessThan(10_000_000);
      expect(stepped.done).toBe(true);
      expect(withoutPerf(stepped.report())).toBe(whole);
      const timed = new Simulation(input);
      const endMs = JSON.parse(whole).endTime as number;
      for (let i = 1; i <= slices; i++) {
        // the last slice ends at endMs itself: (endMs * i) / slices can round one ulp past it
        timed.runUntil(i === slices ? endMs : (endMs * i) / slices);
        expect(timed.timeMs).toBeLessThanOrEqual(endMs);
      }
      timed.runToEnd();
      expect(withoutPerf(timed.report())).toBe(whole);
    }), { numRuns: Math.round(RUNS / 2) });
  });

  it('keeps the conservation law in every snapshot along the way, and ends with the report totals', () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 30 }), (scenario, slice) => {
      const simulation = new Simulation(compile(validated(scenario)));
      while (!simulation.runEvents(slice)) {
        const snapshot = simulation.snapshot();
        const t = snapshot.totals;
        expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
        expect(snapshot.timeMs).toBe(simulation.timeMs);
        expect(snapshot.done).toBe(false);
        for (const value of [...snapshot.depth, ...snapshot.busy]) expect(value).toBeGreaterThanOrEqual(0);
      }
      const last = simulation.snapshot();
      expect(last.done).toBe(true);
      expect(last.totals).toEqual(simulation.report().totals);
    }), { numRuns: Math.round(RUNS / 2) });
  });

  it('starts nothing inside a handler outage', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const valid = validated(scenario);
      // copies are recorded at the queue or handler they were sent to: find the one handler that reads each node
      const readers = new Map<string, string[]>();
      for (const e of valid.edges) {
        const target = valid.nodes.find((n) => n.id === e.target);
        const source = valid.nodes.find((n) => n.id === e.source);
        if (target?.type === 'handler' && source?.type === 'queue') readers.set(source.id, [...(readers.get(source.id) ?? []), target.id]);
      }
      const outagesOf = new Map(valid.nodes.flatMap((n) => (n.type === 'handler' ? [[n.id, n.outages ?? []] as const] : [])));
      const { records } = runWithRecords(valid);
      for (const r of records) {
        if (r.readAt === null) continue;
        const handlerIds = outagesOf.has(r.node) ? [r.node] : (readers.get(r.node) ?? []);
        if (handlerIds.length !== 1) continue;
        for (const w of outagesOf.get(handlerIds[0]) ?? []) {
          expect(r.readAt > w.start && r.readAt < w.end, `copy ${r.id} read at ${r.readAt} inside ${handlerIds[0]}'s outage [${w.start}, ${w.end})`).toBe(false);
        }
      }
    }), { numRuns: RUNS });
  });
});
