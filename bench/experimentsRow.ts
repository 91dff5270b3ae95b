// The experiments row of the benchmarks: the CLI's replications with `--jobs 2` vs `--jobs 1`, in separate
// processes, rounds alternating which goes first; each timing carries the 1-minute load average taken before it.
// Used by `npm run bench` (bench/engine.bench.ts) and by bench/experiments.bench.ts.
import { execFileSync } from 'node:child_process';
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
  events: number;
}

export interface ExperimentsRow {
  timings: ExperimentTiming[];
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

/** runs `src/cli/main.ts FILE --replications N --jobs J --json` from `repoRoot`, `rounds` times for J = 1 and 2 */
export function timeExperiments(options: { repoRoot: string; file: string; replications: number; rounds: number; extraArgs?: string[]; log?: (line: string) => void }): ExperimentsRow {
  const timings: ExperimentTiming[] = [];
  let firstBody: string | undefined;
  let identical = true;
  for (let round = 0; round < options.rounds; round++) {
    for (const jobs of round % 2 === 0 ? [1, 2] : [2, 1]) {
      const load = loadavg()[0];
      const started = performance.now();
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', options.file, '--replications', String(options.replications), '--jobs', String(jobs), ...(options.extraArgs ?? []), '--json'], {
        cwd: options.repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28,
      });
      const processMs = performance.now() - started;
      const report = JSON.parse(out) as { perf: { wallMs: number; events: number } };
      const timing = { jobs, wallMs: report.perf.wallMs, processMs, load, events: report.perf.events };
      timings.push(timing);
      const body = JSON.stringify({ ...report, perf: null });
      if (firstBody === undefined) firstBody = body;
      else if (firstBody !== body) identical = false;
      options.log?.(`  round ${round + 1} --jobs ${jobs}: ${fmt(timing.wallMs)} ms (process ${fmt(processMs)} ms), load average ${load.toFixed(2)}`);
    }
  }
  const medianMs = { 1: median(timings.filter((t) => t.jobs === 1).map((t) => t.wallMs)), 2: median(timings.filter((t) => t.jobs === 2).map((t) => t.wallMs)) };
  return { timings, medianMs, speedUp: medianMs[1] / medianMs[2], identical };
}

export const fmt = (ms: number) => Math.round(ms).toLocaleString('en');

/** the summary line: both medians, the speed-up against the target, the load averages seen */
export function experimentsSummary(label: string, row: ExperimentsRow): string {
  const loads = row.timings.map((t) => t.load);
  const verdict = row.speedUp >= SPEED_UP_TARGET ? 'PASS' : 'FAIL';
  return `${label}: --jobs 1 ${fmt(row.medianMs[1])} ms, --jobs 2 ${fmt(row.medianMs[2])} ms (medians of ${row.timings.length / 2}), speed-up ${row.speedUp.toFixed(2)} (target ≥ ${SPEED_UP_TARGET} on 2 quiet cores; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}): ${verdict}${row.identical ? '' : '; JSON DIFFERS between --jobs 1 and 2'}`;
}
