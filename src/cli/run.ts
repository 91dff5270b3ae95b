// The command line's work, with its inputs and outputs passed in so tests can run it in-process:
// read and validate the file, apply --seed/--stop-at, run the engine, print the summary or JSON, stream CSV.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Simulation, simulate, type SimulationOptions } from '../engine/index';
import type { Report } from '../engine/types';
import { MAX_TEXT_CHARS } from '../model/bounds';
import { compile } from '../model/compile';
import { parseScenario, parseScenarioText } from '../model/parse';
import type { ParseResult } from '../model/types';
import { parseArgs, USAGE, type CliOptions } from './args';
import { runExperimentCli, runMergeCli, type ExperimentIo } from './experiment';
import { EXPERIMENT_USAGE, splitExperimentArgs } from './experimentArgs';
import { CsvWriter } from './csv';
import { formatCount, formatSummary } from './summary';
import { readLimited, sameFile } from './readLimited';
import { checkGoals, formatVerdicts, goalsOf, withVerdicts } from '../slo/slo';
import { recordSeries, seriesText } from '../series/series';
import { writeFile } from 'node:fs/promises';

export interface CliIo extends ExperimentIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** wall clock in ms for the report's perf figures (performance.now) */
  now: () => number;
}

const FULL_USAGE = `${USAGE}\n\n${EXPERIMENT_USAGE}`;

export const EXIT_OK = 0;
export const EXIT_OTHER = 1;
export const EXIT_BAD_FILE = 2;
/** architect.md: a service-level objective failed */
export const EXIT_GOAL_FAILED = 3;

/** Events the engine runs between two checks of the CSV stream's backpressure. */
const SLICE_EVENTS = 20_000;

type EngineOptions = SimulationOptions & { clock?: () => number };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Validates the file's text with the overrides applied first, so `--stop-at` can make an endless file
 * runnable. Text the browser would refuse before parsing (too large, empty, not JSON) goes to
 * parseScenarioText unchanged, so both refuse the same files with the same words.
 */
export function readScenario(text: string, options: Pick<CliOptions, 'seed' | 'stopAtMs'>): ParseResult {
  if (text.length > MAX_TEXT_CHARS) return parseScenarioText(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte-order mark, as the browser allows
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return parseScenarioText(text); // reports the JSON syntax problem in its own words
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const overridden: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (options.seed !== undefined) overridden.seed = options.seed;
    if (options.stopAtMs !== undefined) overridden.stopAt = options.stopAtMs;
    value = overridden;
  }
  return parseScenario(value);
}

async function runWithCsv(simulationOptions: EngineOptions, input: ReturnType<typeof compile>, path: string): Promise<{ report: Report; rows: number }> {
  const stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error as Error))]);
  const writer = new CsvWriter(stream);
  const simulation = new Simulation(input, { ...simulationOptions, onMessage: writer.push } as EngineOptions);
  while (!simulation.runEvents(SLICE_EVENTS)) {
    if (writer.backpressured) await writer.drain();
  }
  const report = simulation.report();
  await writer.end();
  return { report, rows: writer.rows };
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'merge') return runMergeCli(argv.slice(1), io, FULL_USAGE);
  const split = splitExperimentArgs(argv);
  if (!split.ok) {
    io.stderr.write(`error: ${split.message}\n\n${FULL_USAGE}\n`);
    return EXIT_OTHER;
  }
  const parsed = parseArgs(split.rest);
  if (parsed.kind === 'help') {
    io.stdout.write(`${FULL_USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr.write(`error: ${parsed.message}\n\n${FULL_USAGE}\n`);
    return EXIT_OTHER;
  }
  const options = parsed.options;
  if (options.messagesPath !== undefined && (await sameFile(options.file, options.messagesPath))) {
    io.stderr.write(`error: --messages names the scenario file itself (${options.messagesPath}); writing the CSV there would overwrite it\n`);
    return EXIT_OTHER;
  }
  let text: string;
  try {
    const read = await readLimited(options.file);
    if (!read.ok) {
      io.stderr.write(`${options.file}: not a valid scenario (1 problem):\n  too large (over ${(read.bytes / 1048576).toFixed(1)} MB; at most ${MAX_TEXT_CHARS / 1048576} MB)\n`);
      return EXIT_BAD_FILE;
    }
    text = read.text;
  } catch (error) {
    io.stderr.write(`${options.file}: cannot read the file (${messageOf(error)})\n`);
    return EXIT_BAD_FILE;
  }
  const result = readScenario(text, options);
  if (!result.ok) {
    const count = result.problems.length;
    io.stderr.write(`${options.file}: not a valid scenario (${count} problem${count === 1 ? '' : 's'}):\n${result.problems.map((p) => `  ${p.text}\n`).join('')}`);
    return EXIT_BAD_FILE;
  }
  const goals = goalsOf(result.scenario, options.slo ?? []);
  const goalProblems = checkGoals(result.scenario, goals);
  if (goalProblems.length > 0) {
    const count = goalProblems.length;
    io.stderr.write(`${options.file}: not a valid scenario (${count} problem${count === 1 ? '' : 's'}):\n${goalProblems.map((p) => `  ${p}\n`).join('')}`);
    return EXIT_BAD_FILE;
  }
  if (split.flags !== null) return runExperimentCli(options.file, result.scenario, split.flags, options.json, io, goals);
  try {
    const input = compile(result.scenario);
    let seriesNote = '';
    if (options.seriesPath !== undefined) {
      const series = recordSeries(input, options.bucketMs);
      if (!series.ok) {
        io.stderr.write(`${options.file}: --series refused: ${series.message}\n`);
        return EXIT_BAD_FILE;
      }
      await writeFile(options.seriesPath, seriesText(series.table, options.seriesPath), 'utf8');
      seriesNote = `wrote the time series (${formatCount(series.table.startsMs.length)} buckets of ${series.table.bucketMs} ms) to ${options.seriesPath}\n`;
    }
    const engineOptions: EngineOptions = { clock: io.now };
    let report: Report;
    let rows: number | undefined;
    if (options.messagesPath === undefined) {
      report = simulate(input, engineOptions);
    } else {
      ({ report, rows } = await runWithCsv(engineOptions, input, options.messagesPath));
    }
    withVerdicts(report, goals);
    const verdicts = formatVerdicts(report.slo ?? []);
    if (options.json) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      io.stderr.write(verdicts);
    } else {
      io.stdout.write(formatSummary(report));
      if (rows !== undefined) io.stdout.write(`wrote ${formatCount(rows)} message rows to ${options.messagesPath}\n`);
      io.stdout.write(seriesNote);
      io.stdout.write(verdicts);
    }
    if (report.stopped !== undefined) {
      io.stderr.write(`error: the run did not finish: ${report.stopped.message}\n`);
      return EXIT_OTHER;
    }
    return report.slo?.some((v) => !v.pass) ? EXIT_GOAL_FAILED : EXIT_OK;
  } catch (error) {
    io.stderr.write(`error: ${messageOf(error)}\n`);
    return EXIT_OTHER;
  }
}
