// Live chart data collected where the engine runs: per virtual-time bucket the queue depths (sampled at
// the bucket's end), completions and losses per second, and publish→done latency percentiles (log bins).
// Without stopAt the bucket width doubles (pairs merge) whenever the run outgrows `maxBuckets`.
import type { MessageRecord } from '../engine/types';
import type { SeriesData } from './protocol';

/** Log-spaced latency bins: bin k holds [LOWEST·RATIO^k, LOWEST·RATIO^(k+1)); bin 0 also holds everything below. */
export const LATENCY_BINS = 128;
const LOWEST_MS = 0.001;
const RATIO = 1.25;
const LOG_RATIO = Math.log(RATIO);

export function latencyBin(latencyMs: number): number {
  if (!(latencyMs > LOWEST_MS)) return 0;
  return Math.min(LATENCY_BINS - 1, Math.floor(Math.log(latencyMs / LOWEST_MS) / LOG_RATIO));
}
export const binLowerMs = (bin: number): number => (bin === 0 ? 0 : LOWEST_MS * RATIO ** bin);
export const binUpperMs = (bin: number): number => LOWEST_MS * RATIO ** (bin + 1);

export interface SeriesSetup {
  /** node indices whose depth is sampled, and their ids */
  depthNodes: { index: number; id: string }[];
  stopAtMs?: number;
  warmupMs: number;
  maxBuckets?: number;
}

export class SeriesCollector {
  readonly maxBuckets: number;
  bucketMs: number;
  private sampled = 0;
  private used = 0;
  private readonly depth: Float64Array[];
  private readonly completed: Float64Array;
  private readonly losses: Float64Array;
  private readonly latency: Uint32Array;
  private readonly latencyMin: Float64Array;
  private readonly latencyMax: Float64Array;

  constructor(private readonly setup: SeriesSetup) {
    this.maxBuckets = setup.maxBuckets ?? 512;
    const n = this.maxBuckets;
    this.bucketMs = setup.stopAtMs !== undefined ? setup.stopAtMs / Math.floor(n * 0.8) : 1;
    this.depth = setup.depthNodes.map(() => new Float64Array(n));
    this.completed = new Float64Array(n);
    this.losses = new Float64Array(n);
    this.latency = new Uint32Array(n * LATENCY_BINS);
    this.latencyMin = new Float64Array(n).fill(Infinity);
    this.latencyMax = new Float64Array(n).fill(-Infinity);
  }

  /** the bucket holding virtual time t, merging pairs first when t lies past the last bucket */
  private bucketOf(timeMs: number): number {
    let index = Math.floor(timeMs / this.bucketMs);
    if (this.setup.stopAtMs !== undefined) index = Math.min(index, this.maxBuckets - 1);
    while (index >= this.maxBuckets) {
      this.mergePairs();
      index = Math.floor(timeMs / this.bucketMs);
    }
    this.used = Math.max(this.used, index + 1);
    return index;
  }

  private mergePairs(): void {
    const half = this.maxBuckets / 2;
    for (let j = 0; j < half; j++) {
      const a = 2 * j;
      const b = a + 1;
      for (const series of this.depth) series[j] = b < this.sampled ? series[b] : series[a];
      this.completed[j] = this.completed[a] + this.completed[b];
      this.losses[j] = this.losses[a] + this.losses[b];
      for (let k = 0; k < LATENCY_BINS; k++) this.latency[j * LATENCY_BINS + k] = this.latency[a * LATENCY_BINS + k] + this.latency[b * LATENCY_BINS + k];
      this.latencyMin[j] = Math.min(this.latencyMin[a], this.latencyMin[b]);
      this.latencyMax[j] = Math.max(this.latencyMax[a], this.latencyMax[b]);
    }
    for (const series of this.depth) series.fill(0, half);
    this.completed.fill(0, half);
    this.losses.fill(0, half);
    this.latency.fill(0, half * LATENCY_BINS);
    this.latencyMin.fill(Infinity, half);
    this.latencyMax.fill(-Infinity, half);
    this.bucketMs *= 2;
    this.sampled = Math.floor(this.sampled / 2);
    this.used = Math.ceil(this.used / 2);
  }

  /** the engine's onMessage hook: a copy reached its outcome */
  readonly record = (record: MessageRecord): void => {
    if (record.outcome === 'inFlight') return;
    const atMs = record.doneAt ?? record.readAt ?? record.publishedAt;
    const bucket = this.bucketOf(atMs);
    if (record.outcome !== 'completed') {
      this.losses[bucket]++;
      return;
    }
    this.completed[bucket]++;
    if (record.publishedAt < this.setup.warmupMs || record.doneAt === null) return;
    const latencyMs = record.doneAt - record.publishedAt;
    this.latency[bucket * LATENCY_BINS + latencyBin(latencyMs)]++;
    if (latencyMs < this.latencyMin[bucket]) this.latencyMin[bucket] = latencyMs;
    if (latencyMs > this.latencyMax[bucket]) this.latencyMax[bucket] = latencyMs;
  };

  /** the virtual time of the next bucket boundary not yet sampled */
  get nextBoundaryMs(): number {
    return (this.sampled + 1) * this.bucketMs;
  }

  /** records the depths for every boundary ≤ timeMs not yet sampled (the state after running to timeMs); `final` also closes the partial last bucket */
  sample(timeMs: number, depthByNode: readonly number[], final = false): void {
    const boundaries = (): number => (final ? Math.ceil(timeMs / this.bucketMs - 1e-9) : Math.floor(timeMs / this.bucketMs + 1e-9));
    let last = boundaries();
    while (this.setup.stopAtMs === undefined && last > this.maxBuckets) {
      this.mergePairs();
      last = boundaries();
    }
    const upTo = Math.min(last, this.maxBuckets);
    for (; this.sampled < upTo; this.sampled++) {
      this.setup.depthNodes.forEach((node, i) => {
        this.depth[i][this.sampled] = depthByNode[node.index] ?? 0;
      });
    }
    this.used = Math.max(this.used, upTo);
  }

  private percentile(bucket: number, fraction: number, total: number): number {
    const rank = Math.max(1, Math.ceil(fraction * total));
    let seen = 0;
    for (let k = 0; k < LATENCY_BINS; k++) {
      seen += this.latency[bucket * LATENCY_BINS + k];
      if (seen >= rank) {
        const mid = k === 0 ? 0 : Math.sqrt(binLowerMs(k) * binUpperMs(k));
        return Math.min(this.latencyMax[bucket], Math.max(this.latencyMin[bucket], mid));
      }
    }
    return this.latencyMax[bucket];
  }

  toData(): SeriesData {
    const length = Math.max(this.sampled, this.used);
    const perSecond = 1000 / this.bucketMs;
    const timeMs = new Float64Array(length);
    const completedPerSecond = new Float64Array(length);
    const lossesPerSecond = new Float64Array(length);
    const p50 = new Float64Array(length);
    const p95 = new Float64Array(length);
    const p99 = new Float64Array(length);
    const histogramCount = new Float64Array(LATENCY_BINS);
    for (let i = 0; i < length; i++) {
      timeMs[i] = (i + 1) * this.bucketMs;
      completedPerSecond[i] = this.completed[i] * perSecond;
      lossesPerSecond[i] = this.losses[i] * perSecond;
      let total = 0;
      for (let k = 0; k < LATENCY_BINS; k++) {
        const count = this.latency[i * LATENCY_BINS + k];
        total += count;
        histogramCount[k] += count;
      }
      p50[i] = total > 0 ? this.percentile(i, 0.5, total) : NaN;
      p95[i] = total > 0 ? this.percentile(i, 0.95, total) : NaN;
      p99[i] = total > 0 ? this.percentile(i, 0.99, total) : NaN;
    }
    let first = histogramCount.findIndex((c) => c > 0);
    let last = first;
    for (let k = LATENCY_BINS - 1; k >= 0; k--) if (histogramCount[k] > 0) { last = k; break; }
    if (first < 0) { first = 0; last = -1; }
    const bins = last - first + 1;
    const histogram = { lowerMs: new Float64Array(bins), upperMs: new Float64Array(bins), count: new Float64Array(bins) };
    for (let k = 0; k < bins; k++) {
      histogram.lowerMs[k] = binLowerMs(first + k);
      histogram.upperMs[k] = binUpperMs(first + k);
      histogram.count[k] = histogramCount[first + k];
    }
    return {
      bucketMs: this.bucketMs,
      length,
      timeMs,
      depthNodeIds: this.setup.depthNodes.map((node) => node.id),
      depth: this.depth.map((series) => series.slice(0, length)),
      completedPerSecond,
      lossesPerSecond,
      latencyP50Ms: p50,
      latencyP95Ms: p95,
      latencyP99Ms: p99,
      histogram,
    };
  }
}
