// The experiment command line: refusals (exit 2, nothing runs), the table, CSV, replication 0 as the single
// run, shards merged equal the whole (in process); and with real worker threads in a fresh process: the JSON
// is the same for --jobs 1, 2 and 3 and from another working directory, and merge of the printed parts gives it too.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leavesOf } from '../experiment/estimate';
import { EXPERIMENT_CSV_HEADER } from '../experiment/csv';
import { createPairHandler, type PoolWorker } from '../experiment/pool';
import { runPair } from '../experiment/run';
import type { ExperimentPart, ExperimentReport } from '../experiment/types';
import type { Report } from '../engine/types';
import { runCli } from './run';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-exp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = {
  format: 'eventflow-scenario', version: 1, name: 'experiment CLI', seed: 3, stopAt: 3000, warmup: 300,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 80 } },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'exponential', mean: 10 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
};
const file = join(dir, 'mm1.eventflow.json');
writeFileSync(file, JSON.stringify(SCENARIO));

/** pairs run in this process, answered on a later macrotask like a thread would */
function inProcessWorker(log: { created: number }): () => PoolWorker {
  return () => {
    log.created++;
    const handle = createPairHandler(runPair);
    const worker: PoolWorker = {
      onResponse: null, onFailure: null, terminate: () => undefined,
      post: (request) => {
        const response = handle(request);
        if (response !== undefined) setTimeout(() => worker.onResponse?.(response), 0);
      },
    };
    return worker;
  };
}

interface Result { code: number; stdout: string; stderr: string; workers: number }

async function inProcess(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const log = { created: 0 };
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) },
    now: () => performance.now(), createWorker: inProcessWorker(log),
  });
  return { code, stdout, stderr, workers: log.created };
}

/** `npx tsx src/cli/main.ts …` from the repository, or the repository's tsx on the absolute main.ts from `cwd` */
function sim(...args: string[]): Promise<Result> {
  return simFrom(REPO, ...args);
}

function simFrom(cwd: string, ...args: string[]): Promise<Result> {
  const [command, prefix] = cwd === REPO ? ['npx', ['tsx', 'src/cli/main.ts']] : [join(REPO, 'node_modules', '.bin', 'tsx'), [join(REPO, 'src', 'cli', 'main.ts')]];
  return new Promise((done) => {
    execFile(command, [...prefix, ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr, workers: -1 });
    });
  });
}

const withoutPerf = (text: string) => ({ ...(JSON.parse(text) as ExperimentReport), perf: null });

describe('refused before anything runs: exit 2 naming the pointer and value', () => {
  const cases: [string[], string][] = [
    [['--sweep', '/nodes/nope/concurrency', '--values', '1,2'], '/nodes/nope/concurrency: no node with id "nope"'],
    [['--sweep', '/nodes/h/service', '--values', '1'], '/nodes/h/service: points to a group of fields, not to a number'],
    [['--sweep', '/nodes/h/concurrency', '--values', '2,0'], '/nodes/h/concurrency = 0 makes an invalid file'],
    [['--sweep', '/nodes/q/speed', '--values', '1'], '/nodes/q/speed: the format has no such field'],
    [['--sweep', '/nodes/h/concurrency', '--values', '1:2000:1'], 'at most 1000'],
    [['--replications', '10001'], 'replications must be a whole number from 2 to 10,000, got 10001'],
    [['--precision', '2%', '--precision-metric', '/latency/nope'], '/latency/nope: the report has no such figure'],
  ];
  for (const [args, words] of cases) {
    it(args.join(' '), async () => {
      const result = await inProcess(file, '--replications', '3', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(words);
      expect(result.stdout).toBe('');
      expect(result.workers).toBe(0);
    });
  }
  it('flag syntax and conflicting flags are exit 1', async () => {
    for (const args of [['--replications', 'ten'], ['--replications', '3', '--messages', 'x.csv'], ['--replications', '3', '--values', '1,2'],
      ['--replications', '3', '--confidence', '0.9999'], ['--replications', '3', '--shard', '2/2'], ['--replications', '3', '--jobs', '0'],
      ['--replications', '3', '--shard', '0/2', '--precision', '5%'], ['--jobs', '2']]) {
      const result = await inProcess(file, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.workers).toBe(0);
    }
  });
});

describe('runs', () => {
  it('prints the table of main figures as mean ± half-width with the interval, per point', async () => {
    const result = await inProcess(file, '--replications', '3', '--sweep', '/nodes/h/concurrency', '--values', '1,2', '--jobs', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('experiment CLI: 3 replications per point, 95 % confidence, seed 3');
    expect(result.stdout).toContain('/nodes/h/concurrency = 1 (3 replications)');
    expect(result.stdout).toContain('/nodes/h/concurrency = 2 (3 replications)');
    expect(result.stdout).toMatch(/\/latency\/publishToDone\/mean +[\d.]+ ± [\d.]+ +\[[\d.]+, [\d.]+\]/);
  });

  it('writes the CSV (one row per point and figure) and the JSON with --json', async () => {
    const csvPath = join(dir, 'out.csv');
    const result = await inProcess(file, '--replications', '2', '--sweep', '/nodes/p/arrival/ratePerSecond', '--values', '40:80:40', '--csv', csvPath, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ExperimentReport;
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith(EXPERIMENT_CSV_HEADER)).toBe(true);
    expect(csv.split('\n').length - 2).toBe(Object.keys(report.points[0].estimates).length + Object.keys(report.points[1].estimates).length);
    expect(csv).toContain('\n80,/latency/publishToDone/mean,');
  });

  it('replication 0 is the single run: the first pair of a shard equals `npm run sim -- FILE --json`', async () => {
    const single = await inProcess(file, '--json');
    const part = await inProcess(file, '--replications', '4', '--shard', '0/4');
    expect(part.code).toBe(0);
    const pairs = (JSON.parse(part.stdout) as ExperimentPart).pairs;
    expect(pairs.map((p) => p.pair)).toEqual([0]);
    expect(Object.entries(pairs[0].leaves)).toEqual(leavesOf(JSON.parse(single.stdout) as Report));
  });

  it('merge: parts in any order equal the whole; missing or duplicate parts are exit 2 naming the part', async () => {
    const args = [file, '--replications', '3', '--sweep', '/nodes/h/concurrency', '--values', '1,2'];
    const whole = await inProcess(...args, '--json');
    const names: string[] = [];
    for (const k of [0, 1, 2]) {
      const part = await inProcess(...args, '--shard', `${k}/3`);
      names.push(join(dir, `part-${k}.json`));
      writeFileSync(names[k], part.stdout);
    }
    const merged = await inProcess('merge', names[2], names[0], names[1], '--json');
    expect(merged.code).toBe(0);
    expect(withoutPerf(merged.stdout)).toEqual(withoutPerf(whole.stdout));
    const missing = await inProcess('merge', names[0], names[2]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 1/3: is missing');
    const twice = await inProcess('merge', names[0], names[1], names[1], names[2]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(names[1]);
    expect((await inProcess('merge', file)).code).toBe(2);
  });
});

describe('with worker threads (fresh processes)', () => {
  it('the JSON is byte-identical for --jobs 1, 2 and 3 (perf aside)', async () => {
    const args = [file, '--replications', '5', '--sweep', '/nodes/h/concurrency', '--values', '1,2', '--json'];
    const [one, two, three] = await Promise.all([sim(...args, '--jobs', '1'), sim(...args, '--jobs', '2'), sim(...args, '--jobs', '3')]);
    for (const r of [one, two, three]) expect(r.code, r.stderr).toBe(0);
    const strip = (text: string) => text.replace(/"perf": \{[^}]*\}/, '"perf": null');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    expect(strip(three.stdout)).toBe(strip(one.stdout));
    expect((JSON.parse(two.stdout) as ExperimentReport).perf.jobs).toBe(2);
  }, 120_000);

  it('runs its threads from another working directory too, with the same JSON', async () => {
    const args = [file, '--replications', '3', '--json'];
    const [here, elsewhere] = await Promise.all([sim(...args, '--jobs', '1'), simFrom(dir, ...args, '--jobs', '2')]);
    expect(here.code, here.stderr).toBe(0);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    const strip = (text: string) => text.replace(/"perf": \{[^}]*\}/, '"perf": null');
    expect(strip(elsewhere.stdout)).toBe(strip(here.stdout));
  }, 120_000);
});
