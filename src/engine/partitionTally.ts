// Per-partition counts of a partitioned queue for the report's partitionStats (architect.md): copies received,
// the most stored at once, and the stored count integrated over time after warm-up (queue.ts keeps them).
export class PartitionTally {
  readonly received: Int32Array;
  readonly maxDepth: Int32Array;
  readonly areaMs: Float64Array;
  /** when each partition's area was last brought up to date */
  readonly lastMs: Float64Array;
  constructor(partitions: number) {
    this.received = new Int32Array(partitions);
    this.maxDepth = new Int32Array(partitions);
    this.areaMs = new Float64Array(partitions);
    this.lastMs = new Float64Array(partitions);
  }
}
