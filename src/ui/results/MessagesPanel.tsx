// The Q set, live: every copy from the moment it is sent (waiting, in transit, being handled, retrying)
// beside the finished ones (ring of 10,000), filtered, sortable, windowed; the last Step's copy is
// highlighted; the side shows each handler's slots over time and the path of the selected copy.
import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { useAppStore } from '../../store/store';
import { useT, type MessageKey } from '../i18n';
import { keptLive, keptRecords, recordsSeen } from '../run/runController';
import { namesOf } from '../names';
import { formatCount, formatMs } from './format';
import { MessageTimeline } from './MessageTimeline';
import { SlotTimeline } from './SlotTimeline';
import { filterRows, IN_FLIGHT, LIVE_STATUSES, liveRows, mergeRows, OUTCOME_STATUSES, sortRows, type MessageRow, type SortDirection, type SortKey } from './messageRows';
import './results.css';
import './seeing.css';

const ROW_PX = 24;
const OVERSCAN = 8;
const COLUMNS: { key: SortKey; label: MessageKey; text?: boolean }[] = [
  { key: 'id', label: 'run.messages.id' },
  { key: 'event', label: 'run.messages.event', text: true },
  { key: 'node', label: 'run.messages.node', text: true },
  { key: 'status', label: 'see.q.status', text: true },
  { key: 'publishedAt', label: 'run.messages.published' },
  { key: 'readAt', label: 'run.messages.read' },
  { key: 'doneAt', label: 'run.messages.done' },
  { key: 'waitMs', label: 'see.q.wait' },
  { key: 'serviceMs', label: 'see.q.service' },
  { key: 'attempts', label: 'run.messages.attempts' },
];

/** which rows of `count` are in view for a scroll position: [first, last) */
export function visibleWindow(scrollTopPx: number, viewportPx: number, count: number, rowPx = ROW_PX, overscan = OVERSCAN): [number, number] {
  const first = Math.max(0, Math.floor(scrollTopPx / rowPx) - overscan);
  const last = Math.min(count, Math.ceil((scrollTopPx + viewportPx) / rowPx) + overscan);
  return [first, last];
}

export function MessagesPanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const version = useAppStore((s) => s.recordsVersion);
  const meta = useAppStore((s) => s.runMeta);
  const stepId = useAppStore((s) => s.stepLine?.messageId ?? -1);
  const [node, setNode] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'id', direction: 'descending' });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(400);
  const scroller = useRef<HTMLDivElement | null>(null);
  const names = useMemo(() => namesOf(meta?.nodes), [meta]);

  const { all, liveTotal, liveShown } = useMemo(() => {
    void version;
    const live = keptLive();
    const ids = meta?.nodes.map((n) => n.id) ?? [];
    return { all: mergeRows(keptRecords().toArray(), live ? liveRows(live, ids) : []), liveTotal: live?.total ?? 0, liveShown: live?.count ?? 0 };
  }, [version, meta]);
  const rows = useMemo(() => sortRows(filterRows(all, { node, status }), sort.key, sort.direction), [all, node, status, sort]);
  const selected = selectedId === null ? undefined : all.find((r) => r.id === selectedId);
  const stepIndex = stepId >= 0 ? rows.findIndex((r) => r.id === stepId) : -1;

  // a new Step brings its copy into view
  useEffect(() => {
    const el = scroller.current;
    if (!el || stepIndex < 0) return;
    const top = stepIndex * ROW_PX;
    if (top < el.scrollTop || top + ROW_PX > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [stepId, stepIndex]);

  if (all.length === 0) return <p className="empty-hint">{t('run.messages.empty')}</p>;

  const [first, last] = visibleWindow(scrollTop, viewportPx, rows.length);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
    setViewportPx(event.currentTarget.clientHeight);
  };
  const ms = (value: number | null) => (value === null ? '' : formatMs(language, value));
  const nodeIds = meta?.nodes.filter((n) => n.type === 'queue' || n.type === 'handler').map((n) => n.id) ?? [];
  const inFlight = all.filter((r) => r.live || r.status === 'inFlight').length;
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'descending' ? 'ascending' : 'descending' }));
  const row = (r: MessageRow, index: number) => {
    const loss = r.status === 'dropped' || r.status === 'expired' || r.status === 'deadLettered' || r.status === 'failed';
    return (
      <tr
        key={r.id}
        aria-rowindex={index + 2}
        aria-selected={r.id === selectedId}
        data-id={r.id}
        data-status={r.status}
        title={r.id === stepId ? t('see.q.lastStep') : undefined}
        className={`${r.id === selectedId ? 'is-selected' : ''}${loss ? ' is-loss' : ''}${r.live ? ' is-live' : ''}${r.id === stepId ? ' is-step' : ''}`}
        onClick={() => setSelectedId(r.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') setSelectedId(r.id);
        }}
        tabIndex={0}
      >
        <td className="num">{r.id}</td>
        <td className="messages-text" title={r.event}>{r.event}</td>
        <td className="messages-text" title={names.full(r.node)}>{names.name(r.node)}</td>
        <td className="messages-status">{t(`see.status.${r.status}`)}</td>
        <td className="num">{ms(r.publishedAt)}</td>
        <td className="num">{ms(r.readAt)}</td>
        <td className="num">{ms(r.doneAt)}</td>
        <td className="num">{ms(r.waitMs)}</td>
        <td className="num">{ms(r.serviceMs)}</td>
        <td className="num">{r.attempts}</td>
      </tr>
    );
  };

  return (
    <div className="messages">
      <div className="messages-main">
        <div className="messages-toolbar">
          <label>
            {t('run.messages.filterNode')}
            <select value={node} onChange={(e) => setNode(e.target.value)}>
              <option value="">{t('run.messages.all')}</option>
              {nodeIds.map((id) => (
                <option key={id} value={id}>{names.full(id)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('see.q.filterStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('run.messages.all')}</option>
              <option value={IN_FLIGHT}>{t('see.q.anyInFlight')}</option>
              {[...LIVE_STATUSES, ...OUTCOME_STATUSES].map((o) => (
                <option key={o} value={o}>{t(`see.status.${o}`)}</option>
              ))}
            </select>
          </label>
          <span className="muted">{t('run.messages.count', { count: formatCount(language, rows.length) })}</span>
          <span className="muted" data-in-flight={inFlight}>{t('see.q.inFlightCount', { count: formatCount(language, inFlight) })}</span>
          {liveTotal > liveShown && <span className="muted">{t('see.q.liveCapped', { shown: formatCount(language, liveShown), total: formatCount(language, liveTotal) })}</span>}
          {recordsSeen() > 0 && (() => {
            const kept = t('see.q.keptFinished', { kept: formatCount(language, keptRecords().size), total: formatCount(language, recordsSeen()), limit: formatCount(language, keptRecords().capacity) });
            return <span className="messages-kept muted" title={kept}>{kept}</span>;
          })()}
        </div>
        <div className="messages-scroll" ref={scroller} onScroll={onScroll}>
          <table className="results-table messages-table" aria-label={t('run.messages.table')} aria-rowcount={rows.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                {COLUMNS.map((column) => (
                  <th key={column.key} scope="col" className={column.text ? undefined : 'num'} aria-sort={sort.key === column.key ? sort.direction : 'none'}>
                    <button className="messages-sort" onClick={() => toggleSort(column.key)} title={t('see.q.sortBy', { column: t(column.label) })}>
                      {t(column.label)}
                      {sort.key === column.key && <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr className="messages-spacer" style={{ height: first * ROW_PX }} aria-hidden="true" />}
              {rows.slice(first, last).map((r, i) => row(r, first + i))}
              {last < rows.length && <tr className="messages-spacer" style={{ height: (rows.length - last) * ROW_PX }} aria-hidden="true" />}
            </tbody>
          </table>
        </div>
      </div>
      <div className="messages-side" tabIndex={0} role="region" aria-label={t('see.slots.side')}>
        <SlotTimeline rows={all} />
        {selected ? <MessageTimeline rows={all} selected={selected} /> : <p className="empty-hint">{t('run.messages.timelineHint')}</p>}
      </div>
    </div>
  );
}
