// Batch means of each node's wait r − p, kept from the run itself so the Theory panel can say how far
// the simulated mean may be from the truth by chance. O(1) per record: at most 2 × BATCHES running sums.
import type { MessageRecord } from '../engine/types';

/** batches kept before pairs are merged (so 16–32 batches at any time once there are enough messages) */
const BATCHES = 32;
/** fewer batches than this and the run says too little to judge */
export const MIN_BATCHES = 10;

/** The sampling uncertainty of one node's mean wait. */
export interface WaitUncertainty {
  /** waits counted (copies published after warm-up and read) */
  count: number;
  meanMs: number;
  batches: number;
  batchSize: number;
  /** half-width of the 95 % confidence interval of the mean from the batch means; null with fewer than MIN_BATCHES batches */
  halfWidthMs: number | null;
}

class Batches {
  size = 1;
  sum = 0;
  filled = 0;
  count = 0;
  total = 0;
  readonly means: number[] = [];

  add(value: number): void {
    this.count++;
    this.total += value;
    this.sum += value;
    if (++this.filled < this.size) return;
    this.means.push(this.sum / this.size);
    this.sum = 0;
    this.filled = 0;
    if (this.means.length < BATCHES) return;
    // full: merge neighbours, batches twice as long
    for (let i = 0; i < BATCHES / 2; i++) this.means[i] = (this.means[2 * i] + this.means[2 * i + 1]) / 2;
    this.means.length = BATCHES / 2;
    this.size *= 2;
  }

  summary(): WaitUncertainty {
    const k = this.means.length;
    const meanMs = this.count > 0 ? this.total / this.count : 0;
    let halfWidthMs: number | null = null;
    if (k >= MIN_BATCHES) {
      const grand = this.means.reduce((s, v) => s + v, 0) / k;
      const variance = this.means.reduce((s, v) => s + (v - grand) ** 2, 0) / (k - 1);
      halfWidthMs = studentT975(k - 1) * Math.sqrt(variance / k);
    }
    return { count: this.count, meanMs, batches: k, batchSize: this.size, halfWidthMs };
  }
}

/** Student's t 0.975 quantile for `df` degrees of freedom (Cornish–Fisher expansion; within 0.2 % for df ≥ 5). */
export function studentT975(df: number): number {
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Batch means of r − p per node the copies were sent to (records of copies published at or after warm-up). */
export class WaitBatches {
  private readonly byNode = new Map<string, Batches>();
  constructor(private readonly warmupMs: number) {}

  readonly record = (record: MessageRecord): void => {
    if (record.readAt === null || record.publishedAt < this.warmupMs) return;
    let batches = this.byNode.get(record.node);
    if (batches === undefined) this.byNode.set(record.node, (batches = new Batches()));
    batches.add(record.readAt - record.publishedAt);
  };

  summary(): Record<string, WaitUncertainty> {
    const out: Record<string, WaitUncertainty> = {};
    for (const [node, batches] of this.byNode) out[node] = batches.summary();
    return out;
  }
}
