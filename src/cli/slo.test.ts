// The command line's service-level objectives (architect.md), in process: exit 0 when every goal passes,
// 3 when one fails, 2 naming slo[i].metric or the flag when a pointer names nothing (nothing runs),
// --slo appended after the file's goals, the summary lines (on stderr with --json), and experiments:
// replications judged on the interval's unfavourable bound, a sweep exits 3 only when no point passes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../engine/types';
import { createPairHandler, type PoolWorker } from '../experiment/pool';
import { runPair } from '../experiment/run';
import type { ExperimentReport } from '../experiment/types';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'eventflow-slo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = {
  format: 'eventflow-scenario', version: 1, name: 'goals CLI', seed: 3, stopAt: 3000, warmup: 300,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 80 } },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 10 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
  slo: [{ metric: '/latency/publishToDone/p99', max: 1000 }, { metric: '/totals/completed', min: 100 }],
};
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const file = write('goals.eventflow.json', SCENARIO);

function inProcessWorker(): PoolWorker {
  const handle = createPairHandler(runPair);
  const worker: PoolWorker = {
    onResponse: null, onFailure: null, terminate: () => undefined,
    post: (request) => {
      const response = handle(request);
      if (response !== undefined) setTimeout(() => worker.onResponse?.(response), 0);
    },
  };
  return worker;
}

interface Result { code: number; stdout: string; stderr: string }
async function cli(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => performance.now(), createWorker: inProcessWorker });
  return { code, stdout, stderr };
}

describe('single runs', () => {
  it('exits 0 when every goal passes and prints the verdicts after the summary', async () => {
    const { code, stdout, stderr } = await cli(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/busiest handler:[^\n]*\nservice-level objectives: all pass\n {2}PASS {2}\/latency\/publishToDone\/p99 <= 1000 {2}\(measured [\d.]+\)\n {2}PASS {2}\/totals\/completed >= 100 {2}\(measured 255\)\n$/);
  });

  it('exits 3 when one goal fails; --slo goals come after the file goals, both kept on the same metric', async () => {
    const { code, stdout } = await cli(file, '--slo', '/totals/completed<=200', '--slo=/nodes/q/maxDepth>=1');
    expect(code).toBe(3);
    expect(stdout).toContain('service-level objectives: 1 of 4 fail\n');
    const lines = stdout.split('\n').filter((line) => /^ {2}(PASS|FAIL) /.test(line));
    expect(lines.map((line) => line.slice(2, 24))).toEqual(['PASS  /latency/publish', 'PASS  /totals/complete', 'FAIL  /totals/complete', 'PASS  /nodes/q/maxDept']);
    expect(lines[2]).toBe('  FAIL  /totals/completed <= 200  (measured 255)');
  });

  it('--json: the report gains slo (absent bounds left out) and the verdicts go to stderr', async () => {
    const { code, stdout, stderr } = await cli(file, '--json', '--slo', '/totals/completed<=200');
    expect(code).toBe(3);
    const report = JSON.parse(stdout) as Report;
    expect(Object.keys(report).at(-1)).toBe('slo');
    expect(report.slo).toEqual([
      { metric: '/latency/publishToDone/p99', max: 1000, value: report.latency.publishToDone.p99, pass: true },
      { metric: '/totals/completed', min: 100, value: 255, pass: true },
      { metric: '/totals/completed', max: 200, value: 255, pass: false },
    ]);
    expect(stderr).toMatch(/^service-level objectives: 1 of 3 fail\n/);
    expect(stderr).toContain('  FAIL  /totals/completed <= 200  (measured 255)');
  });

  it('a report without goals has no slo key', async () => {
    const { code, stdout } = await cli(write('plain.eventflow.json', { ...SCENARIO, slo: undefined }), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).not.toHaveProperty('slo');
  });

  it('exits 2 before the run when a pointer names nothing, naming slo[i].metric or the flag', async () => {
    const bad = write('bad.eventflow.json', { ...SCENARIO, slo: [...SCENARIO.slo, { metric: '/nodes/nope/maxDepth', max: 1 }] });
    const { code, stdout, stderr } = await cli(bad, '--slo', '/latency/publishToDone/p999<=5');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('not a valid scenario (2 problems)');
    expect(stderr).toContain('  slo[2].metric: "/nodes/nope/maxDepth" names no figure of this scenario\'s report');
    expect(stderr).toContain('  --slo 1 (/latency/publishToDone/p999): ');
  });

  it('exits 2 naming the JSON path when min > max or a goal has no bound', async () => {
    const bad = write('minmax.eventflow.json', { ...SCENARIO, slo: [{ metric: '/totals/completed', min: 9, max: 3 }, { metric: '/totals/completed' }] });
    const { code, stderr } = await cli(bad);
    expect(code).toBe(2);
    expect(stderr).toContain('slo[0].min: must be at most max (3)');
    expect(stderr).toContain('slo[1]: needs max, min or both');
  });

  it('exits 1 with the usage on a malformed --slo', async () => {
    const { code, stderr } = await cli(file, '--slo', '/totals/completed=3');
    expect(code).toBe(1);
    expect(stderr).toContain('--slo must be "POINTER<=VALUE" or "POINTER>=VALUE", got "/totals/completed=3"');
  });
});

describe('experiments', () => {
  it('replications: judged on the unfavourable bound of the interval (mean inside, upper bound outside → FAIL)', async () => {
    const json = await cli(file, '--replications', '5', '--json');
    const point = (JSON.parse(json.stdout) as ExperimentReport).points[0];
    const maxDepth = point.estimates['/nodes/q/maxDepth'];
    expect(maxDepth.upper).not.toBeNull();
    const between = (maxDepth.mean + (maxDepth.upper ?? 0)) / 2; // above the mean, below the upper bound
    const { code, stdout, stderr } = await cli(file, '--replications', '5', '--json', '--slo', `/nodes/q/maxDepth<=${between}`);
    expect(code).toBe(3);
    const verdict = (JSON.parse(stdout) as ExperimentReport).points[0].slo?.[2];
    expect(verdict).toEqual({ metric: '/nodes/q/maxDepth', max: between, value: maxDepth.mean, lower: maxDepth.lower, upper: maxDepth.upper, pass: false });
    expect(stderr).toContain('FAIL  /nodes/q/maxDepth <= ');
    const above = await cli(file, '--replications', '5', '--slo', `/nodes/q/maxDepth<=${maxDepth.upper}`);
    expect(above.code).toBe(0);
    expect(above.stdout).toContain('service-level objectives: all pass');
  });

  it('sweep: every point gets verdicts; exit 3 only when no point passes, the summary names those that do', async () => {
    const some = await cli(file, '--replications', '3', '--sweep', '/nodes/h/concurrency', '--values', '1,2', '--slo', '/nodes/q/maxDepth<=6', '--json');
    const report = JSON.parse(some.stdout) as ExperimentReport;
    expect(report.points.map((p) => p.slo?.every((v) => v.pass))).toEqual([false, true]);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('points passing every goal: /nodes/h/concurrency = 2\n');
    const none = await cli(file, '--replications', '3', '--sweep', '/nodes/h/concurrency', '--values', '1,2', '--slo', '/nodes/q/maxDepth<=0.5');
    expect(none.code).toBe(3);
    expect(none.stdout).toContain('no point passes every goal');
  });
});
