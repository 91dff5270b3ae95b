// A handler's slots over time for the slot timeline: each attempt [start, end) placed in a lane, the lane
// idle longest taking the next one (as the engine's slots do), with each copy's p and r beside it.
import type { MessageRow } from './messageRows';

export interface LaneBar {
  id: number;
  publishedAt: number;
  readAt: number | null;
  start: number;
  /** null: still being handled */
  end: number | null;
  lost: boolean;
}

export interface SlotPicture {
  lanes: LaneBar[][];
  /** copies sent to the handler (or a queue it reads) that wait to be read */
  waiting: { id: number; publishedAt: number }[];
  fromMs: number;
  toMs: number;
}

/**
 * The slot picture of `handler` with `concurrency` slots at `nowMs`, showing at most the `maxBars` latest attempts.
 * `feeds`: the ids the handler reads from (itself for a direct feed, its queues).
 */
export function slotPicture(rows: readonly MessageRow[], handler: string, concurrency: number, feeds: ReadonlySet<string>, nowMs: number, maxBars = 40): SlotPicture {
  const attempts = rows
    .filter((row) => row.handler === handler && row.startedAt !== null)
    .map((row): LaneBar => ({
      id: row.id, publishedAt: row.publishedAt, readAt: row.readAt, start: row.startedAt as number,
      end: row.status === 'service' ? null : row.doneAt ?? (row.live ? null : nowMs), lost: row.status === 'failed' || row.status === 'deadLettered',
    }))
    .sort((a, b) => a.start - b.start || a.id - b.id)
    .slice(-maxBars);
  const lanes: LaneBar[][] = Array.from({ length: Math.max(1, concurrency) }, () => []);
  const freeAt: number[] = lanes.map(() => -Infinity);
  for (const bar of attempts) {
    // among lanes free at bar.start, the one idle longest (ties: the lowest); else the one freeing first
    let best = -1;
    for (let i = 0; i < lanes.length; i++) {
      if (freeAt[i] <= bar.start && (best < 0 || freeAt[i] < freeAt[best])) best = i;
    }
    if (best < 0) best = freeAt.indexOf(Math.min(...freeAt));
    lanes[best].push(bar);
    freeAt[best] = bar.end ?? Infinity;
  }
  const waiting = rows
    .filter((row) => row.live && row.status === 'waiting' && feeds.has(row.node))
    .map((row) => ({ id: row.id, publishedAt: row.publishedAt }))
    .sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id)
    .slice(0, maxBars);
  const starts = [...attempts.map((bar) => bar.publishedAt), ...waiting.map((w) => w.publishedAt)];
  const fromMs = starts.length > 0 ? Math.min(...starts) : 0;
  const ends = attempts.map((bar) => bar.end ?? nowMs);
  const toMs = Math.max(nowMs, fromMs + 1e-9, ...ends);
  return { lanes, waiting, fromMs, toMs };
}
