// `npm run sim -- FILE --replications N …` and `npm run sim -- merge PART.json…`: checks the experiment (exit 2,
// nothing runs, on a bad pointer, value or count), runs it on worker threads, prints the table or JSON,
// writes the CSV, prints a shard's part; a progress line on stderr once it takes more than a second.
import { readFile, writeFile } from 'node:fs/promises';
import { experimentCsv } from '../experiment/csv';
import { mergeParts } from '../experiment/merge';
import { prepareExperiment } from '../experiment/plan';
import { runOnPool, runShardOnPool, type PoolWorker } from '../experiment/pool';
import type { ExperimentProgress, ExperimentReport, ExperimentSettings } from '../experiment/types';
import { parseValues } from '../experiment/values';
import type { Scenario } from '../model/types';
import { DEFAULT_PRECISION_METRIC, parseMergeArgs, type ExperimentFlags } from './experimentArgs';
import { formatExperiment, formatProgress } from './experimentText';
import { formatCount } from './summary';
import { createThreadWorker, defaultJobs } from './threads';
import { formatVerdicts, judgeEstimates, type Goal } from '../slo/slo';

export interface ExperimentIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  now: () => number;
  /** tests may run the pairs in process; the command line uses worker threads */
  createWorker?: () => PoolWorker;
}

const EXIT_OK = 0;
const EXIT_OTHER = 1;
const EXIT_BAD_INPUT = 2;
const EXIT_GOAL_FAILED = 3;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** shows the progress line on stderr once the run has taken a second: rewritten in place on a terminal, a line every 5 s otherwise */
function progressLine(io: ExperimentIo) {
  const started = io.now();
  let latest: ExperimentProgress | undefined;
  let shown = false;
  let lastLineMs = -Infinity;
  const tty = io.stderr.isTTY === true;
  const tick = () => {
    const elapsed = io.now() - started;
    if (latest === undefined || elapsed < 1000) return;
    if (tty) {
      io.stderr.write(`\r\x1b[2K${formatProgress(latest, elapsed)}`);
      shown = true;
    } else if (elapsed - lastLineMs >= 5000) {
      io.stderr.write(`${formatProgress(latest, elapsed)}\n`);
      lastLineMs = elapsed;
    }
  };
  const timer = setInterval(tick, tty ? 250 : 1000);
  timer.unref?.();
  return {
    update: (progress: ExperimentProgress) => {
      latest = progress;
    },
    end: () => {
      clearInterval(timer);
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}

/** the experiment's settings from the flags, over the file's saved experiment when --experiment is given */
function settingsOf(scenario: Scenario, flags: ExperimentFlags): { ok: true; settings: ExperimentSettings } | { ok: false; message: string } {
  const saved = flags.fromFile ? savedExperiment(scenario) : undefined;
  if (flags.fromFile && saved === undefined) return { ok: false, message: '--experiment: the file has no saved "experiment"' };
  const replications = flags.replications ?? saved?.replications ?? 0;
  const confidence = flags.confidence ?? saved?.confidence;
  const pointer = flags.sweep ?? saved?.sweep?.pointer;
  let values: number[] | undefined = saved?.sweep?.values;
  if (flags.values !== undefined) {
    const parsed = parseValues(flags.values);
    if (!parsed.ok) return { ok: false, message: `--values "${flags.values}"${pointer === undefined ? '' : ` for ${pointer}`}: ${parsed.message}` };
    values = parsed.values;
  }
  if (pointer !== undefined && values === undefined) return { ok: false, message: `${pointer}: give the values to sweep (--values)` };
  return {
    ok: true,
    settings: {
      replications,
      ...(confidence === undefined ? {} : { confidence }),
      sweep: pointer === undefined || values === undefined ? null : { pointer, values },
      precision: flags.precision === undefined ? null : { metric: flags.precisionMetric ?? DEFAULT_PRECISION_METRIC, relative: flags.precision },
    },
  };
}

/** the scenario file's optional `experiment` object */
const savedExperiment = (scenario: Scenario) => scenario.experiment;

export async function runExperimentCli(file: string, scenario: Scenario, flags: ExperimentFlags, json: boolean, io: ExperimentIo, goals: readonly Goal[] = []): Promise<number> {
  const resolved = settingsOf(scenario, flags);
  if (!resolved.ok) {
    io.stderr.write(`${file}: experiment refused: ${resolved.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const prepared = prepareExperiment(scenario, resolved.settings);
  if (!prepared.ok) {
    io.stderr.write(`${file}: experiment refused:\n${prepared.problems.map((p) => `  ${p.message}\n`).join('')}`);
    return EXIT_BAD_INPUT;
  }
  const plan = prepared.plan;
  const progress = progressLine(io);
  const options = { jobs: flags.jobs ?? defaultJobs(), createWorker: io.createWorker ?? createThreadWorker, now: io.now, onProgress: progress.update };
  try {
    if (flags.shard !== undefined) {
      const part = await runShardOnPool(plan, flags.shard, options).result;
      progress.end();
      io.stdout.write(`${JSON.stringify(part)}\n`);
      if (goals.length > 0) io.stderr.write('note: a shard does not judge the service-level objectives (its part has no intervals yet)\n');
      return EXIT_OK;
    }
    const report = await runOnPool(plan, options).result;
    progress.end();
    if (goals.length > 0) for (const point of report.points) point.slo = judgeEstimates(point.estimates, goals);
    const code = await printReport(report, json, flags.csvPath, io, plan.precision === null ? [] : [plan.precision.metric]);
    if (code !== EXIT_OK || goals.length === 0) return code;
    return judgeExperiment(report, json, io);
  } catch (error) {
    progress.end();
    io.stderr.write(`error: ${messageOf(error)}\n`);
    return EXIT_OTHER;
  }
}

async function printReport(report: ExperimentReport, json: boolean, csvPath: string | undefined, io: ExperimentIo, extra: string[]): Promise<number> {
  if (csvPath !== undefined) {
    const csv = experimentCsv(report);
    try {
      await writeFile(csvPath, csv, 'utf8');
    } catch (error) {
      io.stderr.write(`${csvPath}: cannot write the CSV (${messageOf(error)})\n`);
      return EXIT_OTHER;
    }
    if (!json) io.stderr.write(`wrote ${formatCount(csv.split('\n').length - 2)} rows to ${csvPath}\n`);
  }
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatExperiment(report, extra));
  return EXIT_OK;
}

/** the goals' summary (stderr with --json) and exit code: with a sweep, 3 only when no point passes every goal */
function judgeExperiment(report: ExperimentReport, json: boolean, io: ExperimentIo): number {
  const out = json ? io.stderr : io.stdout;
  const passing = report.points.filter((point) => (point.slo ?? []).every((v) => v.pass));
  if (report.parameter === null) {
    out.write(`\n${formatVerdicts(report.points[0].slo ?? [])}`);
    return passing.length === 1 ? EXIT_OK : EXIT_GOAL_FAILED;
  }
  const pointer = report.parameter.pointer;
  for (const point of report.points) out.write(`\n${pointer} = ${point.value}: ${formatVerdicts(point.slo ?? [])}`);
  out.write(passing.length === 0 ? '\nno point passes every goal\n' : `\npoints passing every goal: ${passing.map((p) => `${pointer} = ${p.value}`).join(', ')}\n`);
  return passing.length === 0 ? EXIT_GOAL_FAILED : EXIT_OK;
}

/** `merge PART.json… [--json] [--csv OUT]` */
export async function runMergeCli(argv: readonly string[], io: ExperimentIo, usage: string): Promise<number> {
  const parsed = parseMergeArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`error: ${parsed.message}\n\n${usage}\n`);
    return EXIT_OTHER;
  }
  const parts: unknown[] = [];
  for (const name of parsed.options.parts) {
    try {
      parts.push(JSON.parse(await readFile(name, 'utf8')));
    } catch (error) {
      io.stderr.write(`${name}: cannot read the part (${messageOf(error)})\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const merged = mergeParts(parts, parsed.options.parts);
  if (!merged.ok) {
    io.stderr.write(`${merged.part}: ${merged.message}\n`);
    return EXIT_BAD_INPUT;
  }
  return printReport(merged.report, parsed.options.json, parsed.options.csvPath, io, []);
}
