// The Q set: the latest message copies kept in the browser (a ring of 10,000), filtered by node and
// outcome, in a windowed table (only the visible rows are in the DOM); selecting one shows its path.
import { useMemo, useState, type UIEvent } from 'react';
import type { MessageRecord, Outcome } from '../../engine/types';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { keptRecords, recordsSeen } from '../run/runController';
import { formatCount, formatMs } from './format';
import { MessageTimeline } from './MessageTimeline';
import './results.css';

const ROW_PX = 24;
const OVERSCAN = 8;
const OUTCOMES: Outcome[] = ['completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'];

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
  const [node, setNode] = useState('');
  const [outcome, setOutcome] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(400);

  const all = useMemo(() => {
    void version;
    return keptRecords().toArray().reverse();
  }, [version]);
  const rows = useMemo(() => all.filter((r) => (node === '' || r.node === node) && (outcome === '' || r.outcome === outcome)), [all, node, outcome]);
  const selected = selectedId === null ? undefined : all.find((r) => r.id === selectedId);

  if (all.length === 0) return <p className="empty-hint">{t('run.messages.empty')}</p>;

  const [first, last] = visibleWindow(scrollTop, viewportPx, rows.length);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
    setViewportPx(event.currentTarget.clientHeight);
  };
  const ms = (value: number | null) => (value === null ? '' : formatMs(language, value));
  const nodeIds = meta?.nodes.filter((n) => n.type === 'queue' || n.type === 'handler').map((n) => n.id) ?? [];
  const row = (record: MessageRecord, index: number) => (
    <tr
      key={record.id}
      aria-rowindex={index + 2}
      aria-selected={record.id === selectedId}
      className={`${record.id === selectedId ? 'is-selected' : ''}${record.outcome !== 'completed' && record.outcome !== 'inFlight' ? ' is-loss' : ''}`}
      onClick={() => setSelectedId(record.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') setSelectedId(record.id);
      }}
      tabIndex={0}
    >
      <td className="num">{record.id}</td>
      <td className="messages-text" title={record.event}>{record.event}</td>
      <td className="messages-text" title={record.node}>{record.node}</td>
      <td className="num">{ms(record.publishedAt)}</td>
      <td className="num">{ms(record.readAt)}</td>
      <td className="num">{ms(record.doneAt)}</td>
      <td>{t(`run.outcome.${record.outcome}`)}</td>
      <td className="num">{record.attempts}</td>
    </tr>
  );

  return (
    <div className="messages">
      <div className="messages-main">
        <div className="messages-toolbar">
          <label>
            {t('run.messages.filterNode')}
            <select value={node} onChange={(e) => setNode(e.target.value)}>
              <option value="">{t('run.messages.all')}</option>
              {nodeIds.map((id) => (
                <option key={id} value={id}>{id}</option>
              ))}
            </select>
          </label>
          <label>
            {t('run.messages.filterOutcome')}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              <option value="">{t('run.messages.all')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>{t(`run.outcome.${o}`)}</option>
              ))}
            </select>
          </label>
          <span className="muted">{t('run.messages.count', { count: formatCount(language, rows.length) })}</span>
          <span className="messages-kept muted" title={t('run.messages.kept', { kept: formatCount(language, all.length), total: formatCount(language, recordsSeen()), limit: formatCount(language, keptRecords().capacity) })}>
            {t('run.messages.kept', { kept: formatCount(language, all.length), total: formatCount(language, recordsSeen()), limit: formatCount(language, keptRecords().capacity) })}
          </span>
        </div>
        <div className="messages-scroll" onScroll={onScroll} ref={(el) => { if (el && el.clientHeight !== viewportPx && el.clientHeight > 0) setViewportPx(el.clientHeight); }}>
          <table className="results-table messages-table" aria-label={t('run.messages.table')} aria-rowcount={rows.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                {(['id', 'event', 'node', 'published', 'read', 'done', 'outcome', 'attempts'] as const).map((key) => (
                  <th key={key} scope="col" className={key === 'event' || key === 'node' || key === 'outcome' ? undefined : 'num'}>{t(`run.messages.${key}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr className="messages-spacer" style={{ height: first * ROW_PX }} aria-hidden="true" />}
              {rows.slice(first, last).map((record, i) => row(record, first + i))}
              {last < rows.length && <tr className="messages-spacer" style={{ height: (rows.length - last) * ROW_PX }} aria-hidden="true" />}
            </tbody>
          </table>
        </div>
      </div>
      <div className="messages-side">
        {selected ? <MessageTimeline records={all} selected={selected} /> : <p className="empty-hint">{t('run.messages.timelineHint')}</p>}
      </div>
    </div>
  );
}
