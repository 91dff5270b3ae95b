// The path of one message across the nodes: every kept copy sharing its root (finished or still live),
// ordered by publish time, drawn as bars on one time axis (waiting, then handling) with what happened to
// each copy in words, naming the publisher, handler or queue that made it.
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { namesOf } from '../names';
import { formatMsNumber } from './format';
import type { MessageRow } from './messageRows';
import type { Outcome } from '../../engine/types';

const LOSS = new Set(['dropped', 'expired', 'deadLettered', 'failed']);

export function pathOf<T extends { root: number; publishedAt: number; id: number }>(rows: readonly T[], selected: { root: number }): T[] {
  return rows.filter((r) => r.root === selected.root).sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
}

export function MessageTimeline({ rows, selected }: { rows: readonly MessageRow[]; selected: MessageRow }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const endMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const meta = useAppStore((s) => s.runMeta);
  const names = namesOf(meta?.nodes);
  const path = pathOf(rows, selected);
  const ms = (value: number) => formatMsNumber(language, value);
  const start = path[0]?.publishedAt ?? 0;
  const end = Math.max(start + 1e-9, ...path.map((r) => r.doneAt ?? (r.live ? endMs : r.readAt ?? endMs)));
  const x = (time: number) => ((time - start) / (end - start)) * 100;
  const ids = new Set(path.map((r) => r.id));
  const missing = path.some((r) => r.parent >= 0 && !ids.has(r.parent));
  return (
    <div className="timeline" aria-label={t('run.messages.timeline', { id: String(selected.id), root: String(selected.root) })} role="region">
      <h3>{t('run.messages.timeline', { id: String(selected.id), root: String(selected.root) })}</h3>
      {missing && <p className="muted timeline-note">{t('run.messages.timelineMissing')}</p>}
      <ol className="timeline-list">
        {path.map((record) => {
          const children = path.filter((r) => r.parent === record.id);
          const readAt = record.readAt;
          const doneAt = record.doneAt ?? endMs;
          const by = names.name(record.from);
          const node = names.name(record.node);
          const fromType = names.type(record.from);
          const made = fromType === 'handler' ? 'see.path.emittedBy' : fromType === 'queue' ? 'see.path.deadLetteredFrom' : 'see.path.publishedBy';
          const words: string[] = [t(made, { by, node, time: ms(record.publishedAt) })];
          if (readAt !== null) {
            words.push(t('see.path.waited', { waited: ms(readAt - record.publishedAt) }));
            words.push(t('see.path.readBy', { handler: names.name(record.handler ?? record.node), time: ms(readAt) }));
          }
          if (record.attempts > 1) words.push(t('run.timeline.retried', { attempts: String(record.attempts), retries: String(record.attempts - 1) }));
          for (const child of children) words.push(t('run.timeline.emitted', { id: String(child.id) }));
          if (record.live) words.push(t('see.path.now', { status: t(`see.status.${record.status}`) }));
          else words.push(record.status === 'inFlight' ? t('run.timeline.stillInFlight') : t('run.timeline.outcome', { outcome: t(`run.outcome.${record.status as Outcome}`), time: ms(record.doneAt ?? record.readAt ?? record.publishedAt) }));
          return (
            <li key={record.id} className={`timeline-item${record.id === selected.id ? ' is-selected' : ''}${LOSS.has(record.status) ? ' is-loss' : ''}`}>
              <div className="timeline-head">
                <span className="timeline-node" title={names.full(record.node)}>{node}</span>
                <span className="timeline-id">#{record.id} · {record.event}</span>
              </div>
              <svg className="timeline-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                <rect x={x(record.publishedAt)} y={2} width={Math.max(0.4, x(readAt ?? doneAt) - x(record.publishedAt))} height={4} className="timeline-wait" />
                {readAt !== null && <rect x={x(record.startedAt ?? readAt)} y={0} width={Math.max(0.4, x(doneAt) - x(record.startedAt ?? readAt))} height={8} className="timeline-work" />}
              </svg>
              <p className="timeline-words">{words.join(' · ')}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
