// Text of experiments on the command line: the readable table (main figures as mean ± half-width with the
// interval, per point) and the progress line on stderr (points and replications done, elapsed, time left).
import { formatEstimate, mainFigures } from '../experiment/figures';
import type { ExperimentProgress, ExperimentReport } from '../experiment/types';
import { formatCount, terminalSafe } from './summary';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));
const padLeft = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text;

export function formatExperiment(report: ExperimentReport, extra: readonly string[] = []): string {
  const lines: string[] = [];
  const percent = `${Number((report.confidence * 100).toFixed(1))} %`;
  const counts = report.precision === undefined ? `${formatCount(report.replications)} replications per point`
    : `up to ${formatCount(report.replications)} replications per point (stop at ±${Number((report.precision.relative * 100).toFixed(3))} % on ${report.precision.metric})`;
  lines.push(`${terminalSafe(report.scenario)}: ${counts}, ${percent} confidence, seed ${report.seed}`);
  for (const point of report.points) {
    lines.push('');
    if (report.parameter !== null) lines.push(`${terminalSafe(report.parameter.pointer)} = ${point.value} (${formatCount(point.seeds.length)} replications)`);
    // counts that stayed 0 in every replication (no drops, no failures) are left out of the table
    const pointers = mainFigures(Object.keys(point.estimates), extra)
      .filter((p) => !(p.startsWith('/totals/') && point.estimates[p].mean === 0 && point.estimates[p].stdDev === 0));
    const rows = pointers.map((pointer) => {
      const e = point.estimates[pointer];
      const text = formatEstimate(e);
      const interval = e.lower === null || e.upper === null ? '' : `[${e.lower.toFixed(text.decimals)}, ${e.upper.toFixed(text.decimals)}]`;
      return [terminalSafe(pointer), text.mean, text.halfWidth === null ? '' : `± ${text.halfWidth}`, interval];
    });
    const widths = [6, 4, 0, 0].map((min, i) => Math.max(min, ...rows.map((r) => r[i].length)));
    lines.push(`  ${pad('figure', widths[0])}  ${padLeft('mean', widths[1])} ${pad('', widths[2])}  ${percent} interval`);
    for (const row of rows) lines.push(`  ${pad(row[0], widths[0])}  ${padLeft(row[1], widths[1])} ${pad(row[2], widths[2])}  ${row[3]}`.trimEnd());
  }
  lines.push('', 'all figures: --json (or --csv OUT.csv)');
  return `${lines.join('\n')}\n`;
}

const seconds = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** e.g. "points 2/5 · replications 37/100 · 12.3 s elapsed · about 20.0 s left" */
export function formatProgress(progress: ExperimentProgress, elapsedMs: number): string {
  const parts = [];
  if (progress.pointsTotal > 1) parts.push(`points ${progress.pointsDone}/${progress.pointsTotal}`);
  parts.push(`replications ${formatCount(progress.pairsDone)}/${formatCount(progress.pairsTotal)}`);
  parts.push(`${seconds(elapsedMs)} elapsed`);
  if (progress.pairsDone > 0 && progress.pairsDone < progress.pairsTotal) {
    parts.push(`about ${seconds((elapsedMs / progress.pairsDone) * (progress.pairsTotal - progress.pairsDone))} left`);
  }
  return parts.join(' · ');
}
