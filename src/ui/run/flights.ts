// Visual travel on instant connections: nothing is ever in transit on an edge without latency, so each
// copy the engine counts on it (Snapshot.edgeCount) becomes a dot that crosses the edge in FLIGHT_MS of
// wall time. A few per edge per update at most, and MAX_FLIGHTS in all: it shows flow, not every copy.
import type { PackedTransit, RunMeta } from '../../worker/protocol';

/** how long a dot takes to cross an instant edge, wall ms */
export const FLIGHT_MS = 400;
/** most dots crossing instant edges at once */
export const MAX_FLIGHTS = 400;
/** most new dots one edge gets from one update */
export const NEW_PER_EDGE = 3;
/** most dots on one edge at once (a busy edge shows a steady stream, not a solid bead chain) */
export const PER_EDGE_MAX = 5;

export class FlightBoard {
  private meta: RunMeta | null = null;
  private counts: number[] | null = null;
  private lastObserveMs = -Infinity;
  private readonly edge = new Int32Array(MAX_FLIGHTS);
  private readonly event = new Uint16Array(MAX_FLIGHTS);
  private readonly startMs = new Float64Array(MAX_FLIGHTS);
  private size = 0;
  private perEdge = new Int32Array(0);
  private readonly out: PackedTransit = { count: 0, edge: new Int32Array(MAX_FLIGHTS), progress: new Float32Array(MAX_FLIGHTS), event: new Uint16Array(MAX_FLIGHTS) };

  /** dots in the air (started, not yet arrived or waiting to start) */
  get count(): number {
    return this.size;
  }

  /** forget everything (a new run, Reset) */
  clear(): void {
    this.meta = null;
    this.counts = null;
    this.size = 0;
    this.perEdge.fill(0);
  }

  /** launches dots for copies counted on instant edges since the last call, spread over the time since then */
  observe(meta: RunMeta, edgeCount: readonly number[] | undefined, nowMs: number): void {
    if (!edgeCount) return;
    const previous = this.counts;
    if (meta !== this.meta || !previous || previous.length !== edgeCount.length) {
      this.meta = meta;
      this.size = 0;
      this.perEdge = new Int32Array(edgeCount.length);
      this.counts = edgeCount.slice();
      this.lastObserveMs = nowMs;
      // a fresh run's first update: copies already counted since time 0 still fly
      if (!edgeCount.some((count) => count > 0)) return;
      this.launch(meta, edgeCount, new Array<number>(edgeCount.length).fill(0), nowMs, 0);
      return;
    }
    const spreadMs = Math.min(FLIGHT_MS, Math.max(0, nowMs - this.lastObserveMs));
    this.launch(meta, edgeCount, previous, nowMs, spreadMs);
    this.counts = edgeCount.slice();
    this.lastObserveMs = nowMs;
  }

  private launch(meta: RunMeta, edgeCount: readonly number[], previous: readonly number[], nowMs: number, spreadMs: number): void {
    for (let e = 0; e < edgeCount.length; e++) {
      const grown = edgeCount[e] - (previous[e] ?? 0);
      const edge = meta.edges[e];
      if (grown <= 0 || !edge?.instant) continue;
      const dots = Math.min(NEW_PER_EDGE, grown, PER_EDGE_MAX - this.perEdge[e]);
      for (let i = 0; i < dots && this.size < MAX_FLIGHTS; i++) {
        this.perEdge[e]++;
        this.edge[this.size] = e;
        this.event[this.size] = edge.event ?? 0xffff;
        // later copies start later, as they did in the run: the newest leaves now
        this.startMs[this.size] = nowMs - spreadMs + (spreadMs * (i + 1)) / dots;
        this.size++;
      }
    }
  }

  /** the dots at `nowMs` as a transit list (progress 0…1); arrived ones are dropped */
  at(nowMs: number): PackedTransit {
    let kept = 0;
    let shown = 0;
    for (let i = 0; i < this.size; i++) {
      const progress = (nowMs - this.startMs[i]) / FLIGHT_MS;
      if (progress >= 1) {
        this.perEdge[this.edge[i]]--;
        continue;
      }
      this.edge[kept] = this.edge[i];
      this.event[kept] = this.event[i];
      this.startMs[kept] = this.startMs[i];
      kept++;
      if (progress < 0) continue;
      this.out.edge[shown] = this.edge[i];
      this.out.event[shown] = this.event[i];
      this.out.progress[shown] = progress;
      shown++;
    }
    this.size = kept;
    this.out.count = shown;
    return this.out;
  }
}
