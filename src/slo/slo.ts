// Service-level objectives (architect.md "Service-level objectives"): goals on report figures, from the
// file's `slo` and the CLI's `--slo "POINTER<=VALUE"`, checked against the report this scenario will
// have before the run, and judged after it (PASS when the measured value is a number within bounds).
import type { Report, SloVerdict } from '../engine/types';
import type { Estimate } from '../experiment/estimate';
import { figuresOf } from '../experiment/plan';
import { parsePointer } from '../experiment/pointer';
import type { Scenario } from '../model/types';

export interface Goal { metric: string; max?: number; min?: number }

/** where a goal came from, for messages: `slo[i]` of the file or the i-th --slo flag */
export interface SourcedGoal extends Goal { source: string }

const FLAG = /^(.+?)(<=|>=)(.+)$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** parses one `--slo` value: `POINTER<=VALUE` or `POINTER>=VALUE` */
export function parseSloFlag(text: string): Goal | { error: string } {
  const match = FLAG.exec(text.trim());
  const value = match ? match[3].trim() : '';
  if (!match || !DECIMAL.test(value) || !Number.isFinite(Number(value))) return { error: `--slo must be "POINTER<=VALUE" or "POINTER>=VALUE", got "${text}"` };
  const metric = match[1].trim();
  return match[2] === '<=' ? { metric, max: Number(value) } : { metric, min: Number(value) };
}

/** the file's goals, then the flags' (both kept, even on the same metric) */
export function goalsOf(scenario: Scenario, flags: readonly Goal[]): SourcedGoal[] {
  const fromFile = (scenario.slo ?? []).map((goal, i) => ({ ...goal, source: `slo[${i}].metric` }));
  const fromFlags = flags.map((goal, i) => ({ ...goal, source: `--slo ${i + 1} (${goal.metric})` }));
  return [...fromFile, ...fromFlags];
}

/** problems of goals whose pointer names no figure of this scenario's report (before the run) */
export function checkGoals(scenario: Scenario, goals: readonly SourcedGoal[]): string[] {
  if (goals.length === 0) return [];
  const figures = new Set(figuresOf(scenario));
  const out: string[] = [];
  for (const goal of goals) {
    const parsed = parsePointer(goal.metric);
    if (!parsed.ok) out.push(`${goal.source}: ${parsed.message}`);
    else if (!figures.has(goal.metric)) out.push(`${goal.source}: ${JSON.stringify(goal.metric)} names no figure of this scenario's report`);
  }
  return out;
}

function valueAt(report: Report, pointer: string): number | null {
  const parsed = parsePointer(pointer);
  if (!parsed.ok) return null;
  let value: unknown = report;
  for (const segment of parsed.segments) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return null;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === 'number' ? value : null;
}

/** each goal's verdict on a finished run's report (a null value fails) */
export function judgeGoals(report: Report, goals: readonly Goal[]): SloVerdict[] {
  return goals.map((goal) => {
    const value = valueAt(report, goal.metric);
    const pass = value !== null && (goal.max === undefined || value <= goal.max) && (goal.min === undefined || value >= goal.min);
    return { metric: goal.metric, ...(goal.max === undefined ? {} : { max: goal.max }), ...(goal.min === undefined ? {} : { min: goal.min }), value, pass };
  });
}

/** the report with its verdicts as `slo` (the last key), when there are goals; the report itself otherwise.
 *  The CLI and the browser's worker both call this, so their report bytes stay equal. */
export function withVerdicts(report: Report, goals: readonly Goal[]): Report {
  if (goals.length > 0) report.slo = judgeGoals(report, goals);
  return report;
}

/** an experiment point's verdict: judged on the interval's unfavourable bound (upper against max, lower
 *  against min); `value` is the mean, `lower`/`upper` the interval (null bound: FAIL) */
export interface EstimateVerdict extends SloVerdict { lower: number | null; upper: number | null }

export function judgeEstimates(estimates: Readonly<Record<string, Estimate>>, goals: readonly Goal[]): EstimateVerdict[] {
  return goals.map((goal) => {
    const e = Object.prototype.hasOwnProperty.call(estimates, goal.metric) ? estimates[goal.metric] : undefined;
    const lower = e === undefined ? null : e.lower;
    const upper = e === undefined ? null : e.upper;
    const maxOk = goal.max === undefined || (upper !== null && upper <= goal.max);
    const minOk = goal.min === undefined || (lower !== null && lower >= goal.min);
    return { metric: goal.metric, ...(goal.max === undefined ? {} : { max: goal.max }), ...(goal.min === undefined ? {} : { min: goal.min }), value: e === undefined ? null : e.mean, lower, upper, pass: maxOk && minOk };
  });
}

/** a measured value for people: six significant digits (the JSON keeps every digit) */
export const shortNumber = (value: number | null): string => (value === null ? 'none' : String(Number(value.toPrecision(6))));

/** the summary's lines: one per goal, PASS or FAIL with the measured value */
export function formatVerdicts(verdicts: readonly SloVerdict[]): string {
  if (verdicts.length === 0) return '';
  const bound = (v: SloVerdict): string => [v.min === undefined ? '' : `>= ${v.min}`, v.max === undefined ? '' : `<= ${v.max}`].filter(Boolean).join(' and ');
  const measured = (v: SloVerdict): string => {
    const interval = 'lower' in v && 'upper' in v ? `, interval [${shortNumber(v.lower as number | null)}, ${shortNumber(v.upper as number | null)}]` : '';
    return `measured ${shortNumber(v.value)}${interval}`;
  };
  const lines = verdicts.map((v) => `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.metric} ${bound(v)}  (${measured(v)})`);
  const failed = verdicts.filter((v) => !v.pass).length;
  return `service-level objectives: ${failed === 0 ? 'all pass' : `${failed} of ${verdicts.length} fail`}\n${lines.join('\n')}\n`;
}
