// The example gallery (public/examples): every file validates, is in the stable file format, has
// bilingual notes, runs in Node and through the CLI, and shows its headline behaviour with real numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type MessageRecord, type NodeReport, type Report } from '../../engine/index';
import { compile } from '../../model/compile';
import { parseScenarioText } from '../../model/parse';
import { mm1 } from '../../model/theory';
import type { Scenario } from '../../model/types';
import { runCli } from '../../cli/run';
import { galleryMeta } from './gallery';
import { serializeScenario } from './serialize';

const DIR = join(process.cwd(), 'public', 'examples');
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { format: string; examples: string[] };

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.text).join('; ')}`);
  return parsed.scenario;
}

interface Run { report: Report; records: MessageRecord[]; depthAt: (atMs: number, nodeId: string) => number }

/** Runs an example to the end, keeping every message record; depthAt() replays it to read a queue's depth at a time. */
function run(file: string): Run {
  const input = compile(load(file));
  const records: MessageRecord[] = [];
  const simulation = new Simulation(input, { onMessage: (record) => records.push(record) });
  simulation.runToEnd();
  const depthAt = (atMs: number, nodeId: string) => {
    const replay = new Simulation(compile(load(file)));
    replay.runUntil(atMs);
    const node = input.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    return replay.snapshot().depth[node.index];
  };
  return { report: simulation.report(), records, depthAt };
}

function node<T extends NodeReport['type']>(report: Report, id: string, type: T): Extract<NodeReport, { type: T }> {
  const found = report.nodes[id];
  expect(found?.type, `node ${id}`).toBe(type);
  return found as Extract<NodeReport, { type: T }>;
}

const withoutPerf = (report: Report) => ({ ...report, perf: null });

describe('the gallery index', () => {
  it('lists every example file once, in order, and at least ten', () => {
    expect(index.format).toBe('eventflow-gallery');
    const onDisk = readdirSync(DIR).filter((f) => f.endsWith('.eventflow.json')).sort();
    expect([...index.examples].sort()).toEqual(onDisk);
    expect(new Set(index.examples).size).toBe(index.examples.length);
    expect(index.examples.length).toBeGreaterThanOrEqual(10);
  });
});

describe.each(index.examples)('%s', (file) => {
  it('validates, is in the stable file format and carries bilingual gallery notes', () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const scenario = load(file);
    expect(serializeScenario(scenario)).toBe(text);
    expect(scenario.name.length).toBeGreaterThan(0);
    const meta = galleryMeta(scenario);
    for (const part of [meta.title, meta.description, meta.notice]) {
      expect(part.en.length).toBeGreaterThan(20);
      expect(part.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(meta.speed).toBeGreaterThan(0);
  });

  it('carries its 中文 name and labels (x-gallery) for nodes that exist, with 毫秒 rather than ms', () => {
    const scenario = load(file);
    const meta = galleryMeta(scenario);
    expect(meta.name.en).toBe(scenario.name);
    expect(meta.name.zh).toMatch(/[\u4e00-\u9fff]/);
    const ids = new Set(scenario.nodes.map((n) => n.id));
    for (const id of Object.keys(meta.zhLabels)) expect(ids.has(id), id).toBe(true);
    for (const part of [meta.name, meta.title, meta.description, meta.notice]) expect(part.zh).not.toMatch(/\d\s*ms\b/);
  });

  it('is laid out left to right with every node labelled and placed', () => {
    const scenario = load(file);
    const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
    for (const n of scenario.nodes) {
      expect(n.label, n.id).toBeTruthy();
      expect(Number.isInteger(n.position?.x) && Number.isInteger(n.position?.y), n.id).toBe(true);
    }
    for (const e of scenario.edges) expect(byId.get(e.source)!.position!.x, e.id).toBeLessThanOrEqual(byId.get(e.target)!.position!.x);
    const spots = new Set(scenario.nodes.map((n) => `${n.position!.x},${n.position!.y}`));
    expect(spots.size).toBe(scenario.nodes.length);
  });

  it('runs: outcomes add up, the report is a pure function of the file, and the CLI gives the same report', async () => {
    const { report } = run(file);
    const t = report.totals;
    expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
    expect(t.published).toBeGreaterThan(0);
    expect(withoutPerf(run(file).report)).toEqual(withoutPerf(report));
    let stdout = '';
    const code = await runCli([join(DIR, file), '--json'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, now: () => 0 });
    // an example with goals (slo) gets its verdicts in the CLI's report, and exit 3 when one fails
    const { slo, ...cliReport } = JSON.parse(stdout) as Report & { slo?: { pass: boolean }[] };
    expect(code).toBe(slo?.some((goal) => !goal.pass) ? 3 : 0);
    expect(slo !== undefined).toBe(load(file).slo !== undefined);
    expect(withoutPerf(cliReport)).toEqual(withoutPerf(report));
  });
});

const [eventlet, kafka, hockey, fanOut, ordering, retry, backpressure, chain, burst, outage, , blackFriday, consumerGroup] = index.examples;

describe('headline behaviour', () => {
  it('1 eventlet GreenPool(2): the third event waits for a free green thread (180 ms), the first two do not', () => {
    const { report, records } = run(eventlet);
    const waits = records.map((r) => ({ event: r.event, publishedAt: r.publishedAt, waitMs: r.readAt! - r.publishedAt }));
    expect(waits.sort((a, b) => a.publishedAt - b.publishedAt)).toEqual([
      { event: '用户注册', publishedAt: 0, waitMs: 0 },
      { event: '用户登录', publishedAt: 10, waitMs: 0 },
      { event: '用户注册', publishedAt: 20, waitMs: 180 },
    ]);
    expect(report.sets.E).toEqual(expect.arrayContaining(['用户注册', '用户登录']));
    expect(report.sets.H).toEqual(['event_handler']);
  });

  it('2 Kafka: the lone consumer (88 % busy) makes messages wait > 5x longer than a 3-partition group', () => {
    const { report } = run(kafka);
    const single = node(report, 'test_topic', 'queue').wait.mean!;
    const partitioned = node(report, 'test_topic-3p', 'queue').wait.mean!;
    expect(single).toBeGreaterThan(5 * partitioned);
    expect(node(report, 'consumer', 'handler').utilization).toBeCloseTo(0.88, 1);
    const members = ['group-1', 'group-2', 'group-3'].map((id) => node(report, id, 'handler').completed);
    const total = members.reduce((a, b) => a + b, 0);
    for (const done of members) expect(done / total).toBeGreaterThan(0.25);
  });

  it('3 hockey stick: the mean wait at 95 % load is > 5x that at 50 %, each within 30 % of M/M/1', () => {
    const { report } = run(hockey);
    const wait = (load: number) => node(report, `queue-${load}`, 'queue').wait.mean!;
    expect(wait(95)).toBeGreaterThan(5 * wait(50));
    expect(wait(80)).toBeGreaterThan(2.5 * wait(50));
    for (const load of [50, 80, 95]) {
      const theory = mm1(load / 1000, 1 / 10).waitMs;
      expect(Math.abs(wait(load) - theory) / theory, `load ${load}`).toBeLessThan(0.3);
    }
  });

  it('4 fan-out: every subscriber gets every message, yet each lags on its own', () => {
    const { report } = run(fanOut);
    const queues = ['email', 'analytics', 'search-index'].map((id) => node(report, `${id}-queue`, 'queue'));
    expect(new Set(queues.map((q) => q.received)).size).toBe(1);
    const [email, analytics, search] = queues.map((q) => q.wait.mean!);
    expect(analytics).toBeGreaterThan(5 * email);
    expect(search).toBeGreaterThan(5 * analytics);
  });

  it('5 ordering: the same load and workers wait > 3x longer with 4 key partitions than as competing consumers', () => {
    const { report } = run(ordering);
    const shared = node(report, 'shared-queue', 'queue').wait;
    const partitioned = node(report, 'partitioned-queue', 'queue').wait;
    expect(partitioned.mean!).toBeGreaterThan(3 * shared.mean!);
    expect(partitioned.p99!).toBeGreaterThan(3 * shared.p99!);
    expect(node(report, 'workers', 'handler').utilization).toBeCloseTo(node(report, 'workers-ordered', 'handler').utilization, 1);
  });

  it('6 retry storm: about (1/2)^4 of payments are dead-lettered and retries nearly double the attempts', () => {
    const { report } = run(retry);
    const published = report.totals.published;
    expect(report.totals.deadLettered / published).toBeGreaterThan(0.045);
    expect(report.totals.deadLettered / published).toBeLessThan(0.085);
    expect(report.totals.retried / published).toBeGreaterThan(0.8);
    expect(report.totals.retried / published).toBeLessThan(0.95);
    const gateway = node(report, 'gateway', 'handler');
    expect(gateway.attempts).toBe(published + report.totals.retried);
    expect(gateway.utilization).toBeGreaterThan(0.65);
    expect(node(report, 'payments', 'queue').deadLettered).toBe(report.totals.deadLettered);
    expect(node(report, 'payments-dlq', 'queue').received).toBe(report.totals.deadLettered);
  });

  it('7 backpressure: reject and drop-oldest lose 39 of each burst of 60 (different ones), block loses none', () => {
    const { report, records } = run(backpressure);
    expect(node(report, 'queue-reject', 'queue').dropped).toBe(5 * 39);
    expect(node(report, 'queue-drop-oldest', 'queue').dropped).toBe(5 * 39);
    expect(node(report, 'queue-block', 'queue').dropped).toBe(0);
    expect(node(report, 'worker-block', 'handler').completed).toBe(300);
    expect(node(report, 'burst-block', 'publisher').blockedMs).toBeGreaterThan(0);
    const lastOfFirstBurst = (queue: string) => records.filter((r) => r.node === queue && r.publishedAt === 0).sort((a, b) => b.id - a.id)[0].outcome;
    expect(lastOfFirstBurst('queue-reject')).toBe('dropped');
    expect(lastOfFirstBurst('queue-drop-oldest')).toBe('completed');
  });

  it('8 chain: end-to-end latency spans both services and is far more than the two handling times', () => {
    const { report } = run(chain);
    const payment = node(report, 'payment', 'handler');
    const shipping = node(report, 'shipping', 'handler');
    const e2e = report.latency.endToEnd;
    expect(e2e.count).toBeGreaterThan(0.95 * shipping.completed);
    expect(e2e.count).toBeLessThanOrEqual(shipping.completed);
    expect(e2e.min!).toBeGreaterThanOrEqual(4); // two 2 ms hops at least
    expect(e2e.mean!).toBeGreaterThan(1.5 * (payment.service.mean! + shipping.service.mean!));
    expect(e2e.mean!).toBeGreaterThan(node(report, 'shipping-queue', 'queue').wait.mean!);
  });

  it('9 burst: the queue absorbs 500 at once, loses nothing and is drained within a few seconds', () => {
    const { report, depthAt } = run(burst);
    const orders = node(report, 'orders', 'queue');
    expect(orders.maxDepth).toBeGreaterThan(450);
    expect(orders.dropped).toBe(0);
    expect(orders.wait.max!).toBeGreaterThan(1500);
    expect(orders.wait.max!).toBeLessThan(4000);
    expect(report.totals.inFlight).toBe(0);
    expect(depthAt(4_900, 'orders')).toBeLessThan(10);
    expect(depthAt(5_001, 'orders')).toBeGreaterThan(450);
    expect(depthAt(10_000, 'orders')).toBeLessThan(10);
  });

  it('10 outage: the queue grows during the 10 s outage, then drains; nothing is lost, nothing left in flight', () => {
    const { report, depthAt } = run(outage);
    const jobs = node(report, 'jobs', 'queue');
    expect(depthAt(9_900, 'jobs')).toBeLessThan(20);
    expect(depthAt(15_000, 'jobs')).toBeGreaterThan(150);
    expect(depthAt(20_000, 'jobs')).toBeGreaterThan(350);
    expect(depthAt(35_000, 'jobs')).toBeLessThan(20);
    expect(jobs.maxDepth).toBeGreaterThan(350);
    expect(report.totals.inFlight).toBe(0);
    expect(report.totals.completed).toBe(report.totals.published);
  });
});

describe('11 how many consumers?', () => {
  it('saves a sweep of the consumers\' concurrency, and a fifth consumer brings p99 far below a fourth', () => {
    const scenario = load('11-how-many-consumers.eventflow.json');
    expect(scenario.experiment?.sweep).toEqual({ pointer: '/nodes/consumers/concurrency', values: [4, 5, 6, 7, 8] });
    expect(scenario.experiment?.metric).toBe('/latency/publishToDone/p99');
    const runP99 = (concurrency: number) => {
      const nodes = scenario.nodes.map((n) => (n.id === 'consumers' ? { ...n, concurrency } : n));
      const simulation = new Simulation(compile({ ...scenario, nodes }));
      simulation.runToEnd();
      return simulation.report().latency.publishToDone.p99 as number;
    };
    expect(runP99(5)).toBeLessThan(0.7 * runP99(4));
    expect(runP99(5)).toBeLessThan(100);
  });
});

describe('12 Black Friday and 13 a consumer group losing a member (issue 17)', () => {
  it('Black Friday: the backlog peaks at the end of the brown-out and drains within 30 s; the p99 goal fails on the command line (exit 3)', async () => {
    const { report } = run(blackFriday);
    const queue = node(report, 'order-queue', 'queue');
    expect(queue.maxDepth).toBeGreaterThan(1000);
    expect(queue.peakAt).toBeGreaterThan(30_000);
    expect(queue.peakAt).toBeLessThan(50_000);
    expect(queue.drainMs).not.toBeNull();
    expect(queue.drainMs ?? Infinity).toBeLessThan(30_000);
    expect(report.totals.retried).toBeGreaterThan(0);
    let stdout = '';
    const code = await runCli([join(DIR, blackFriday)], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, now: () => 0 });
    expect(code).toBe(3);
    expect(stdout).toMatch(/FAIL\s+\/latency\/publishToDone\/p99 <= 2000/);
  });

  it('a consumer group losing a member: owned partitions stall and rebalance, shared ones hardly notice', () => {
    const { report } = run(consumerGroup);
    const shared = node(report, 'shared', 'queue');
    const owned = node(report, 'owned', 'queue');
    expect(shared.received).toBeGreaterThan(40_000);
    expect(owned.received).toBeGreaterThan(40_000);
    expect(owned.maxDepth).toBeGreaterThan(20 * shared.maxDepth);
    expect(owned.wait.mean ?? 0).toBeGreaterThan(50 * (shared.wait.mean ?? Infinity));
  });
});
