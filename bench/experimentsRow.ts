// The experiments row of the benchmarks: the CLI's replications with `--jobs 2` vs `--jobs 1`, in separate
// processes, rounds alternating which goes first; each timing carries the 1-minute load average taken before it,
// the CPU seconds the process used (GNU time), and each round the machine's own 2-thread speed-up at that moment
// (two busy loops at once vs one), so a shared machine's numbers can be read. Used by `npm run bench`
// (bench/engine.bench.ts) and by bench/experiments.bench.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface ExperimentTiming {
  jobs: number;
  /** perf.wallMs of the report: from the start of the experiment (thread start-up included) to its report */
  wallMs: number;
  /** the whole `npm run sim` process, tsx start-up and file reading included */
  processMs: number;
  /** 1-minute load average just before the run */
  load: number;
  /** user + system CPU seconds of the process (undefined without GNU time) */
  cpuSeconds: number | undefined;
  events: number;
}

export interface ExperimentsRow {
  timings: ExperimentTiming[];
  /** per round: how much faster two busy threads finish than one, on this machine at that moment (2 = idle 2 cores) */
  machine: number[];
  medianMs: Record<1 | 2, number>;
  speedUp: number;
  /** the experiment JSON (perf aside) was the same for both */
  identical: boolean;
}

export const SPEED_UP_TARGET = 1.6;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const GNU_TIME = '/usr/bin/time';

/** the same fixed busy loop in 1 thread, then in 2 threads at once: 2 × t(1) / t(2) */
export function machineParallelism(): number {
  const script = `
    const { Worker } = require('node:worker_threads');
    const loop = 'let x = 1; for (let i = 0; i < 6e7; i++) x = (x * 48271) % 2147483647; require("node:worker_threads").parentPort.postMessage(x);';
    const run = (k) => new Promise((done) => {
      const started = performance.now();
      let left = k;
      for (let i = 0; i < k; i++) new Worker(loop, { eval: true }).on('message', function () { this.terminate(); if (--left === 0) done(performance.now() - started); });
    });
    (async () => { const one = await run(1); const two = await run(2); console.log(2 * one / two); })();`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/** runs `src/cli/main.ts FILE --replications N --jobs J --json` from `repoRoot`, `rounds` times for J = 1 and 2 */
export function timeExperiments(options: { repoRoot: string; file: string; replications: number; rounds: number; extraArgs?: string[]; log?: (line: string) => void }): ExperimentsRow {
  const timings: ExperimentTiming[] = [];
  const machine: number[] = [];
  let firstBody: string | undefined;
  let identical = true;
  const timed = existsSync(GNU_TIME);
  for (let round = 0; round < options.rounds; round++) {
    machine.push(machineParallelism());
    options.log?.(`  round ${round + 1}: this machine runs 2 busy threads ${machine[round].toFixed(2)}× as fast as 1 right now (2.00 = two idle cores)`);
    for (const jobs of round % 2 === 0 ? [1, 2] : [2, 1]) {
      const load = loadavg()[0];
      const started = performance.now();
      const args = ['--import', 'tsx', 'src/cli/main.ts', options.file, '--replications', String(options.replications), '--jobs', String(jobs), ...(options.extraArgs ?? []), '--json'];
      const child = timed ? spawnSync(GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args], { cwd: options.repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 })
        : spawnSync(process.execPath, args, { cwd: options.repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
      const processMs = performance.now() - started;
      if (child.status !== 0) throw new Error(`--jobs ${jobs} exited ${child.status}: ${child.stderr}`);
      const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(child.stderr);
      const report = JSON.parse(child.stdout) as { perf: { wallMs: number; events: number } };
      const timing = { jobs, wallMs: report.perf.wallMs, processMs, load, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, events: report.perf.events };
      timings.push(timing);
      const body = JSON.stringify({ ...report, perf: null });
      if (firstBody === undefined) firstBody = body;
      else if (firstBody !== body) identical = false;
      const cpuText = timing.cpuSeconds === undefined ? '' : `, ${timing.cpuSeconds.toFixed(2)} CPU s = ${(timing.cpuSeconds / (processMs / 1000)).toFixed(2)} cores`;
      options.log?.(`  round ${round + 1} --jobs ${jobs}: ${fmt(timing.wallMs)} ms (process ${fmt(processMs)} ms${cpuText}), load average ${load.toFixed(2)}`);
    }
  }
  const medianMs = { 1: median(timings.filter((t) => t.jobs === 1).map((t) => t.wallMs)), 2: median(timings.filter((t) => t.jobs === 2).map((t) => t.wallMs)) };
  return { timings, machine, medianMs, speedUp: medianMs[1] / medianMs[2], identical };
}

export const fmt = (ms: number) => Math.round(ms).toLocaleString('en');

/** the summary line: both medians, the speed-up against the target, the load averages seen */
export function experimentsSummary(label: string, row: ExperimentsRow): string {
  const loads = row.timings.map((t) => t.load);
  const verdict = row.speedUp >= SPEED_UP_TARGET ? 'PASS' : 'FAIL';
  const machine = `2-thread capacity of the machine ${Math.min(...row.machine).toFixed(2)}–${Math.max(...row.machine).toFixed(2)}`;
  return `${label}: --jobs 1 ${fmt(row.medianMs[1])} ms, --jobs 2 ${fmt(row.medianMs[2])} ms (medians of ${row.timings.length / 2}), speed-up ${row.speedUp.toFixed(2)} (target ≥ ${SPEED_UP_TARGET} on 2 quiet cores; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, ${machine}): ${verdict}${row.identical ? '' : '; JSON DIFFERS between --jobs 1 and 2'}`;
}
