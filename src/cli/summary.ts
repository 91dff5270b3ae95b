// The short human summary `npm run sim` prints without --json: run line, totals, a latency table
// (mean, p50, p95, p99, max per latency kind) and the busiest handler by utilisation.
import type { Report, Stats } from '../engine/types';

/**
 * Text from the file made safe for a terminal: C0/C1 control characters, DEL and the bidirectional
 * overrides become visible \uXXXX escapes, so a scenario name cannot retitle, clear or recolour the terminal.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: 1234567 -> "1,234,567". */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A time in ms for the table: 3 decimals below 1000 ms, 1 above; "-" when there is none. */
export function formatMs(value: number | null): string {
  if (value === null) return '-';
  if (Math.abs(value) >= 1000) return new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return value.toFixed(3);
}

const LATENCY_ROWS: { key: Exclude<keyof Report['latency'], 'endToEndBySink'>; label: string }[] = [
  { key: 'publishToRead', label: 'publishToRead' },
  { key: 'publishToDone', label: 'publishToDone' },
  { key: 'endToEnd', label: 'endToEnd' },
];

const COLUMNS: { title: string; cell: (stats: Stats) => string }[] = [
  { title: 'count', cell: (s) => formatCount(s.count) },
  { title: 'mean', cell: (s) => formatMs(s.mean) },
  { title: 'p50', cell: (s) => formatMs(s.p50) },
  { title: 'p95', cell: (s) => formatMs(s.p95) },
  { title: 'p99', cell: (s) => formatMs(s.p99) },
  { title: 'max', cell: (s) => formatMs(s.max) },
];

/** The latency table: one row per latency kind, right-aligned columns, in ms. */
export function formatLatencyTable(latency: Report['latency']): string[] {
  const header = ['latency (ms)', ...COLUMNS.map((c) => c.title)];
  const rows = LATENCY_ROWS.map(({ key, label }) => [label, ...COLUMNS.map((c) => c.cell(latency[key]))]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** The handler with the highest utilisation (ties: the first in report order), or undefined without handlers. */
export function busiestHandler(report: Report): { id: string; label?: string; utilization: number; completed: number } | undefined {
  let best: { id: string; label?: string; utilization: number; completed: number } | undefined;
  for (const [id, node] of Object.entries(report.nodes)) {
    if (node.type !== 'handler') continue;
    if (best === undefined || node.utilization > best.utilization) best = { id, ...(node.label !== undefined ? { label: node.label } : {}), utilization: node.utilization, completed: node.completed };
  }
  return best;
}

/** A node as people named it: "label (id)" when it has a label other than its id, else the id. */
export function nodeName(node: { id: string; label?: string }): string {
  return node.label !== undefined && node.label !== node.id ? `${terminalSafe(node.label)} (${terminalSafe(node.id)})` : terminalSafe(node.id);
}

/** The whole summary, ending with a newline. */
export function formatSummary(report: Report): string {
  const t = report.totals;
  const lines = [
    `scenario: ${terminalSafe(report.scenario)}`,
    `seed ${report.seed}, end time ${formatMs(report.endTime)} ms, ${formatCount(report.perf.events)} events in ${report.perf.wallMs.toFixed(1)} ms wall (${formatCount(report.perf.eventsPerSecond)} events/s)`,
    '',
    `totals: published ${formatCount(t.published)}, emitted ${formatCount(t.emitted)}, sent ${formatCount(t.sent)}, retried ${formatCount(t.retried)}`,
    `outcomes: completed ${formatCount(t.completed)}, dropped ${formatCount(t.dropped)}, expired ${formatCount(t.expired)}, dead-lettered ${formatCount(t.deadLettered)}, failed ${formatCount(t.failed)}, in flight ${formatCount(t.inFlight)}`,
    '',
    ...formatLatencyTable(report.latency),
    '',
  ];
  const busiest = busiestHandler(report);
  lines.push(busiest === undefined ? 'busiest handler: none (no handlers)' : `busiest handler: ${nodeName(busiest)}, utilisation ${Number.isFinite(busiest.utilization) ? `${(busiest.utilization * 100).toFixed(1)}%` : '-'} (${formatCount(busiest.completed)} completed)`);
  return `${lines.join('\n')}\n`;
}
