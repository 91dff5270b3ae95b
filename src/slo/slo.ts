// Service-level objectives (architect.md "Service-level objectives"): goals on report figures, from the
// file's `slo` and the CLI's `--slo "POINTER<=VALUE"`, checked against the report this scenario will
// have before the run, and judged after it (PASS when the measured value is a number within bounds).
import type { Report, SloVerdict } from '../engine/types';
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

/** the summary's lines: one per goal, PASS or FAIL with the measured value */
export function formatVerdicts(verdicts: readonly SloVerdict[]): string {
  if (verdicts.length === 0) return '';
  const bound = (v: SloVerdict): string => [v.min === undefined ? '' : `>= ${v.min}`, v.max === undefined ? '' : `<= ${v.max}`].filter(Boolean).join(' and ');
  const lines = verdicts.map((v) => `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.metric} ${bound(v)}  (measured ${v.value === null ? 'none' : v.value})`);
  const failed = verdicts.filter((v) => !v.pass).length;
  return `service-level objectives: ${failed === 0 ? 'all pass' : `${failed} of ${verdicts.length} fail`}\n${lines.join('\n')}\n`;
}
