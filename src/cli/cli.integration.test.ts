// End-to-end tests of the command line: spawns `npx tsx src/cli/main.ts` on temporary scenario files (and runs
// runCli in process for the cheap cases), checks the JSON report against simulate(), exit codes, stderr problem lines and the CSV row count.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../engine/index';
import type { Report } from '../engine/types';
import { compile } from '../model/compile';
import { parseScenarioText } from '../model/parse';
import { runCli } from './run';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result { code: number; stdout: string; stderr: string }

/** runCli in this process, for the cases that need no fresh process. */
async function inProcess(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => performance.now() });
  return { code, stdout, stderr };
}

function sim(...args: string[]): Promise<Result> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: REPO, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

const SCENARIO = {
  format: 'eventflow-scenario', version: 1, name: 'CLI test', seed: 3,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 400 }, limit: 1500 },
    { id: 't', type: 'topic', label: 'order "placed", EU' },
    { id: 'q', type: 'queue', capacity: 5 },
    { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 2 }, failureRate: 0.2, retry: { maxAttempts: 3, backoff: { kind: 'constant', value: 1 } } },
    { id: 'h2', type: 'handler', service: { kind: 'uniform', min: 0.5, max: 1.5 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 't' }, { id: 'e2', source: 't', target: 'q' }, { id: 'e3', source: 'q', target: 'h' }, { id: 'e4', source: 't', target: 'h2' },
  ],
};
const file = join(dir, 'ok.eventflow.json');
writeFileSync(file, JSON.stringify(SCENARIO));
const badFile = join(dir, 'bad.eventflow.json');
writeFileSync(badFile, JSON.stringify({ ...SCENARIO, nodes: SCENARIO.nodes.map((n) => (n.id === 'h2' ? { ...n, service: { kind: 'exponential', mean: 0 } } : n)), edges: [...SCENARIO.edges, { id: 'e9', source: 'q', target: 'nowhere' }] }));

function expected(seed?: number, stopAt?: number): Report {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('test scenario is invalid');
  return simulate(compile({ ...parsed.scenario, ...(seed === undefined ? {} : { seed }), ...(stopAt === undefined ? {} : { stopAt }) }));
}

const withoutPerf = (report: Report): Omit<Report, 'perf'> => ({ ...report, perf: undefined }) as Omit<Report, 'perf'>;

describe('npm run sim (spawned)', () => {
  // all spawns start at once: each pays tsx's start-up, in parallel
  const runs = {
    json: sim(file, '--json'),
    overrides: sim('--seed', '99', file, '--stop-at=200', '--json'),
    summary: sim(file, '--messages', join(dir, 'out.csv')),
    bad: sim(badFile),
  };

  it('prints the report JSON on stdout and nothing else, equal to simulate() except perf', async () => {
    const { code, stdout, stderr } = await runs.json;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(withoutPerf(report)).toEqual(withoutPerf(expected()));
    expect(report.perf.events).toBeGreaterThan(0);
    expect(report.perf.wallMs).toBeGreaterThan(0);
  });

  it('lets --seed and --stop-at override the file', async () => {
    const { code, stdout } = await runs.overrides;
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.seed).toBe(99);
    expect(report.endTime).toBe(200);
    expect(withoutPerf(report)).toEqual(withoutPerf(expected(99, 200)));
  });

  it('streams one CSV row per sent copy and prints the summary', async () => {
    const { code, stdout, stderr } = await runs.summary;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = expected();
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(report.totals.sent);
    expect(lines.some((line) => line.includes(',"order ""placed"", EU",'))).toBe(true);
    expect(stdout).toContain('scenario: CLI test');
    expect(stdout).toMatch(/latency \(ms\)\s+count\s+mean\s+p50\s+p95\s+p99\s+max/);
    expect(stdout).toContain('busiest handler:');
    expect(stdout).toContain(`wrote ${report.totals.sent.toLocaleString('en-US')} message rows`);
  });

  it('exits 2 on an invalid file, listing every problem by path and id, without a stack trace', async () => {
    const { code, stdout, stderr } = await runs.bad;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('nodes[4] (h2).service.mean: must be greater than 0');
    expect(stderr).toContain('edges[4] (e9).target: no node "nowhere"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unreadable file, 1 on a bad flag with the usage, 0 on --help (in process)', async () => {
    const missing = await inProcess(join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.json: cannot read the file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const bad = await inProcess(file, '--fast');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown option --fast');
    expect(bad.stderr).toContain('usage: npm run sim');
    const help = await inProcess('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--messages OUT');
    const unwritable = await inProcess(file, '--messages', join(dir, 'no-such-dir', 'out.csv'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^error: .*ENOENT/);
  });
});
