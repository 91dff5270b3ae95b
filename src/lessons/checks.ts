// The check evaluator: a declarative check (docs/lessons.md) against the diagram, the finished run's
// report and the Steps taken. Pure data in, a verdict out (the UI words it); nothing is ever eval'd.
import type { Report, StepDescription } from '../engine/types';
import type { Scenario, ScenarioNode } from '../model/types';
import type { Check, LessonText, Op } from './types';

export interface CheckContext {
  scenario: Scenario;
  /** the report of a finished run of exactly this diagram; null when there is none (or it is stale) */
  report: Report | null;
  /** what every Step did since the lesson step began */
  steps: readonly StepDescription[];
}

export type VerdictReason = 'ok' | 'value' | 'noRun' | 'missing' | 'notOrdered' | 'notStepped';

export interface Verdict {
  passed: boolean;
  reason: VerdictReason;
  /** the figure found (after `per` and percent scaling), when there is one */
  actual?: number | string | boolean;
  op?: Op;
  /** the goal (percent-scaled like actual) */
  value?: number | string | boolean;
  name?: LessonText;
  unit?: string;
}

type Scalar = number | string | boolean;

/** `a op b`; numbers are compared with a relative tolerance of 1e-9 so 0.1 + 0.2 <= 0.3 holds. */
export function compare(actual: Scalar, op: Op, goal: Scalar): boolean {
  if (typeof actual === 'number' && typeof goal === 'number') {
    const slack = 1e-9 * Math.max(1, Math.abs(actual), Math.abs(goal));
    switch (op) {
      case '<': return actual < goal - slack;
      case '<=': return actual <= goal + slack;
      case '>': return actual > goal + slack;
      case '>=': return actual >= goal - slack;
      case '==': return Math.abs(actual - goal) <= slack;
      case '!=': return Math.abs(actual - goal) > slack;
    }
  }
  if (op === '==') return actual === goal;
  if (op === '!=') return actual !== goal;
  return false;
}

/** Splits a JSON Pointer (RFC 6901) into its segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A value of the diagram; after /nodes or /edges the segment is an element's id. */
export function diagramValue(scenario: Scenario, pointer: string): unknown {
  const segments = pointerSegments(pointer);
  let value: unknown = scenario;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (i === 1 && (segments[0] === 'nodes' || segments[0] === 'edges')) {
      const list = segments[0] === 'nodes' ? scenario.nodes : scenario.edges;
      value = list.find((element) => element.id === segment);
    } else value = own(value, segment);
    if (value === undefined) return undefined;
  }
  return value;
}

/** A value of the report (plain JSON Pointer: report nodes are keyed by id already). */
export function reportValue(report: Report, pointer: string): unknown {
  let value: unknown = report;
  for (const segment of pointerSegments(pointer)) value = own(value, segment);
  return value;
}

/** Nodes of `type`; with `from`, only those `from` sends to directly. */
export function nodesOfType(scenario: Scenario, type: ScenarioNode['type'], from?: string): ScenarioNode[] {
  const targets = from === undefined ? null : new Set(scenario.edges.filter((e) => e.source === from).map((e) => e.target));
  return scenario.nodes.filter((n) => n.type === type && (targets === null || targets.has(n.id)));
}

/** A numeric field summed over every node of a type (absent fields count as `fallback`); maxAttempts is retry.maxAttempts. */
export function sumField(scenario: Scenario, type: ScenarioNode['type'], field: string, fallback: number): number {
  return nodesOfType(scenario, type).reduce((total, node) => {
    const value = field === 'maxAttempts' && node.type === 'handler' ? node.retry?.maxAttempts : (node as unknown as Record<string, unknown>)[field];
    return total + (typeof value === 'number' ? value : fallback);
  }, 0);
}

/** Per-key order holds at `queueId`: it is partitioned and every publisher sending to it gives its messages keys. */
export function keepsKeyOrder(scenario: Scenario, queueId: string): boolean {
  const queue = scenario.nodes.find((n) => n.id === queueId);
  if (queue?.type !== 'queue' || queue.partitions === undefined) return false;
  const senders = scenario.edges.filter((e) => e.target === queueId).map((e) => scenario.nodes.find((n) => n.id === e.source));
  return senders.length > 0 && senders.every((n) => n?.type === 'publisher' && n.keys !== undefined);
}

const shownOf = (check: Check) => {
  const shown = check as { name?: LessonText; unit?: string };
  return { ...(shown.name ? { name: shown.name } : {}), ...(shown.unit ? { unit: shown.unit } : {}) };
};
const scaled = (check: Check, value: number): number => ('percent' in check && check.percent ? value * 100 : value);

function judge(check: Check, actual: Scalar, op: Op, goal: Scalar): Verdict {
  const a = typeof actual === 'number' ? scaled(check, actual) : actual;
  const g = typeof goal === 'number' ? scaled(check, goal) : goal;
  const passed = compare(actual, op, goal);
  return { passed, reason: passed ? 'ok' : 'value', actual: a, op, value: g, ...shownOf(check) };
}

/** A result figure, divided by `per` when given; null when the report lacks it. */
export function resultFigure(report: Report, pointer: string, per?: string): number | null {
  const value = reportValue(report, pointer);
  if (typeof value !== 'number') return null;
  if (per === undefined) return value;
  const base = reportValue(report, per);
  if (typeof base !== 'number') return null;
  return base === 0 ? 0 : value / base;
}

export function evaluateCheck(check: Check, context: CheckContext): Verdict {
  const { scenario, report, steps } = context;
  switch (check.check) {
    case 'diagram': {
      const value = diagramValue(scenario, check.pointer) ?? check.default;
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
        return { passed: false, reason: 'missing', op: check.op, value: check.value, ...shownOf(check) };
      }
      return judge(check, value, check.op, check.value);
    }
    case 'count':
      return judge(check, nodesOfType(scenario, check.nodeType, check.from).length, check.op, check.value);
    case 'sum':
      return judge(check, sumField(scenario, check.nodeType, check.field, check.default), check.op, check.value);
    case 'ordered': {
      const passed = keepsKeyOrder(scenario, check.queue);
      return { passed, reason: passed ? 'ok' : 'notOrdered', ...shownOf(check) };
    }
    case 'ran':
      return report ? { passed: true, reason: 'ok' } : { passed: false, reason: 'noRun' };
    case 'result': {
      if (!report) return { passed: false, reason: 'noRun', op: check.op, value: scaled(check, check.value), ...shownOf(check) };
      const figure = resultFigure(report, check.pointer, check.per);
      if (figure === null) return { passed: false, reason: 'missing', op: check.op, value: scaled(check, check.value), ...shownOf(check) };
      return judge(check, figure, check.op, check.value);
    }
    case 'stepped': {
      const passed = steps.some((s) => s.kind === check.stepKind
        && (check.node === undefined || s.nodeId === check.node)
        && (check.minWaitedMs === undefined || (s.waitedMs ?? 0) >= check.minWaitedMs)
        && (check.minTimeMs === undefined || s.timeMs >= check.minTimeMs));
      return { passed, reason: passed ? 'ok' : 'notStepped' };
    }
  }
}
