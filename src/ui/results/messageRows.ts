// The Messages (Q) table's rows: copies that reached an outcome (records) and the copies still live at
// the snapshot's time (read from the engine's pool), in one shape; filtering by node and status, sorting.
import type { LiveState, MessageRecord, Outcome } from '../../engine/types';
import { LIVE_STATES, type LiveCopies } from '../../engine/liveCopies';

export type RowStatus = LiveState | Outcome;

export interface MessageRow {
  id: number;
  parent: number;
  root: number;
  event: string;
  /** the queue or handler the copy was sent to */
  node: string;
  /** who made it: publisher, emitting handler or dead-lettering queue */
  from: string;
  handler: string | null;
  status: RowStatus;
  /** still on its way (no outcome yet) */
  live: boolean;
  publishedAt: number;
  readAt: number | null;
  doneAt: number | null;
  /** r − p */
  waitMs: number | null;
  /** doneAt − start of the last attempt (completed or failed copies) */
  serviceMs: number | null;
  startedAt: number | null;
  attempts: number;
}

export const LIVE_STATUSES: LiveState[] = [...LIVE_STATES];
export const OUTCOME_STATUSES: Outcome[] = ['completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'];
/** the status filter's "in flight" choice: every live copy, and those the run ended with */
export const IN_FLIGHT = 'anyInFlight';

export function recordRow(record: MessageRecord): MessageRow {
  const { readAt, doneAt, startedAt } = record;
  const served = (record.outcome === 'completed' || record.outcome === 'failed' || record.outcome === 'deadLettered') && doneAt !== null && startedAt !== null;
  return {
    id: record.id, parent: record.parent, root: record.root, event: record.event, node: record.node, from: record.from, handler: record.handler,
    status: record.outcome, live: false, publishedAt: record.publishedAt, readAt, doneAt,
    waitMs: readAt === null ? null : readAt - record.publishedAt,
    serviceMs: served ? doneAt - startedAt : null,
    startedAt, attempts: record.attempts,
  };
}

/** the live copies as rows; `nodeIds` maps the engine's node indices to ids */
export function liveRows(live: LiveCopies, nodeIds: readonly string[]): MessageRow[] {
  const rows: MessageRow[] = [];
  for (let i = 0; i < live.count; i++) {
    const readAt = Number.isNaN(live.readAt[i]) ? null : live.readAt[i];
    const startedAt = Number.isNaN(live.startedAt[i]) ? null : live.startedAt[i];
    const handler = live.handler[i];
    rows.push({
      id: live.id[i], parent: live.parent[i], root: live.root[i], event: live.events[live.event[i]] ?? '', node: nodeIds[live.node[i]] ?? '',
      from: nodeIds[live.from[i]] ?? '', handler: handler >= 0 ? nodeIds[handler] ?? null : null, status: LIVE_STATES[live.state[i]] ?? 'transit', live: true,
      publishedAt: live.publishedAt[i], readAt, doneAt: null, waitMs: readAt === null ? null : readAt - live.publishedAt[i], serviceMs: null,
      startedAt, attempts: live.attempts[i],
    });
  }
  return rows;
}

/** every row once: a record (an outcome) wins over a live row of the same copy */
export function mergeRows(records: readonly MessageRecord[], live: readonly MessageRow[]): MessageRow[] {
  const rows = records.map(recordRow);
  const ended = new Set(rows.map((row) => row.id));
  for (const row of live) if (!ended.has(row.id)) rows.push(row);
  return rows;
}

export interface RowFilter {
  /** '' for every node */
  node: string;
  /** '' for every status, IN_FLIGHT, or one RowStatus */
  status: string;
}

export function filterRows(rows: readonly MessageRow[], filter: RowFilter): MessageRow[] {
  return rows.filter((row) => {
    if (filter.node !== '' && row.node !== filter.node && row.handler !== filter.node && row.from !== filter.node) return false;
    if (filter.status === '') return true;
    if (filter.status === IN_FLIGHT) return row.live || row.status === 'inFlight';
    return row.status === filter.status;
  });
}

export type SortKey = 'id' | 'event' | 'node' | 'status' | 'publishedAt' | 'readAt' | 'doneAt' | 'waitMs' | 'serviceMs' | 'attempts';
export type SortDirection = 'ascending' | 'descending';

/** a stable sort; empty values (not read, not done) always last */
export function sortRows(rows: readonly MessageRow[], key: SortKey, direction: SortDirection): MessageRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? sign * order : a.id - b.id;
  });
}
