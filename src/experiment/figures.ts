// The main figures of an experiment (the readable table of the CLI and the browser's Experiments table) and
// a number format for "mean ± half-width" that shows as many decimals as the half-width justifies.
import type { Estimate } from './estimate';

const MAIN = [
  /^\/totals\/(published|completed|dropped|expired|deadLettered|failed)$/,
  /^\/latency\/(publishToDone|endToEnd)\/(mean|p50|p95|p99)$/,
  /^\/nodes\/[^/]+\/utilization$/,
  /^\/nodes\/[^/]+\/(meanDepth|maxDepth)$/,
  /^\/nodes\/[^/]+\/wait\/(mean|p99)$/,
];

/** the pointers of the main figures among `pointers`, in their order (plus `extra`, e.g. the charted metric) */
export function mainFigures(pointers: readonly string[], extra: readonly string[] = []): string[] {
  return pointers.filter((p) => extra.includes(p) || MAIN.some((pattern) => pattern.test(p)));
}

/** decimals for a mean and half-width: two significant digits of the half-width, 0 … 6 */
export function decimalsFor(estimate: Pick<Estimate, 'mean' | 'halfWidth'>): number {
  const spread = estimate.halfWidth;
  if (spread === null || spread === 0 || !Number.isFinite(spread)) {
    const size = Math.abs(estimate.mean);
    return Number.isInteger(estimate.mean) ? 0 : size >= 100 ? 1 : size >= 1 ? 3 : 4;
  }
  if (spread >= 10) return 0;
  let decimals = 1;
  let scaled = spread * 10;
  while (decimals < 6 && scaled < 10) {
    decimals++;
    scaled *= 10;
  }
  return decimals;
}

/** the mean and half-width as text with the same decimals ("10.20" and "0.31"); halfWidth null without spread */
export function formatEstimate(estimate: Pick<Estimate, 'mean' | 'halfWidth'>): { mean: string; halfWidth: string | null; decimals: number } {
  const decimals = decimalsFor(estimate);
  return { mean: estimate.mean.toFixed(decimals), halfWidth: estimate.halfWidth === null ? null : estimate.halfWidth.toFixed(decimals), decimals };
}
