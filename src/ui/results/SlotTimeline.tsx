// One handler's slots over time: a lane per slot with its busy intervals (bars), each copy's publish
// time p (tick) and wait r − p (dashed) before its bar starts at r, and a lane of copies still waiting.
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { namesOf } from '../names';
import { formatMsNumber } from './format';
import type { MessageRow } from './messageRows';
import { slotPicture, type LaneBar } from './slotLanes';

export function SlotTimeline({ rows }: { rows: readonly MessageRow[] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const meta = useAppStore((s) => s.runMeta);
  const nowMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const stepNode = useAppStore((s) => s.stepLine?.nodeId ?? '');
  const [chosen, setChosen] = useState('');
  const names = useMemo(() => namesOf(meta?.nodes), [meta]);
  const handlers = meta?.nodes.filter((n) => n.type === 'handler') ?? [];
  if (!meta || handlers.length === 0) return null;
  const fallback = handlers.find((h) => h.id === stepNode) ?? handlers.find((h) => rows.some((r) => r.handler === h.id)) ?? handlers[0];
  const handler = handlers.find((h) => h.id === chosen) ?? fallback;
  const index = meta.nodes.findIndex((n) => n.id === handler.id);
  const feeds = new Set([handler.id, ...meta.edges.filter((e) => e.target === index && meta.nodes[e.source]?.type === 'queue').map((e) => meta.nodes[e.source].id)]);
  const picture = slotPicture(rows, handler.id, handler.concurrency ?? 1, feeds, nowMs);
  const span = picture.toMs - picture.fromMs;
  const x = (time: number) => `${Math.max(0, Math.min(100, ((time - picture.fromMs) / span) * 100))}%`;
  const pct = (from: number, to: number) => Math.max(0.6, ((Math.min(to, picture.toMs) - Math.max(from, picture.fromMs)) / span) * 100);
  const w = (from: number, to: number) => `${pct(from, to)}%`;
  /** text goes inside a bar or wait only when it has room (a busy handler's 40 bars would overprint) */
  const roomy = (from: number, to: number) => pct(from, to) >= 12;
  const ms = (value: number) => formatMsNumber(language, value);
  const busy = picture.lanes.filter((lane) => lane.some((bar) => bar.end === null)).length;
  const title = t('see.slots.title', { node: names.name(handler.id) });
  const barText = (bar: LaneBar) =>
    t('see.slots.bar', { id: String(bar.id), p: ms(bar.publishedAt), r: ms(bar.readAt ?? bar.start), wait: ms((bar.readAt ?? bar.start) - bar.publishedAt), end: bar.end === null ? t('see.slots.barOpen') : t('unit.ms', { value: ms(bar.end) }) });
  return (
    <section className="slots" aria-label={title}>
      <div className="slots-head">
        <h3 title={names.full(handler.id)}>{title}</h3>
        {handlers.length > 1 && (
          <label>
            <span className="visually-hidden">{t('see.slots.handler')}</span>
            <select value={handler.id} onChange={(e) => setChosen(e.target.value)} aria-label={t('see.slots.handler')}>
              {handlers.map((h) => (
                <option key={h.id} value={h.id}>{names.full(h.id)}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="slots-summary muted">{t('see.slots.summary', { node: names.name(handler.id), slots: String(handler.concurrency ?? 1), busy: String(busy), waiting: String(picture.waiting.length) })}</p>
      <div className="slots-lanes">
        {picture.lanes.map((lane, i) => (
          <div className="slots-lane" key={i} data-lane={i + 1}>
            <span className="slots-lane-name">{t('see.slots.lane', { n: String(i + 1) })}</span>
            <div className="slots-track">
              {lane.map((bar) => {
                const r = bar.readAt ?? bar.start;
                const first = bar.readAt === null || bar.readAt === bar.start;
                return (
                  <div key={bar.id} className="slots-item" data-id={bar.id} title={barText(bar)}>
                    {first && r > bar.publishedAt && (
                      <span className="slots-wait" style={{ left: x(bar.publishedAt), width: w(bar.publishedAt, r) }}>
                        {roomy(bar.publishedAt, r) && <span className="slots-wait-text">{ms(r - bar.publishedAt)}</span>}
                      </span>
                    )}
                    <span className="slots-p" style={{ left: x(bar.publishedAt) }} aria-hidden="true" />
                    <span className={`slots-bar${bar.end === null ? ' is-open' : ''}${bar.lost ? ' is-loss' : ''}`} style={{ left: x(bar.start), width: w(bar.start, bar.end ?? nowMs) }}>
                      {roomy(bar.start, bar.end ?? nowMs) ? `#${bar.id}` : ''}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
        {picture.waiting.length > 0 && (
          <div className="slots-lane is-waiting">
            <span className="slots-lane-name">{t('see.slots.waitingLane')}</span>
            <div className="slots-track">
              {picture.waiting.map((copy) => (
                <div key={copy.id} className="slots-item" data-id={copy.id} title={t('see.slots.waitingBar', { id: String(copy.id), p: ms(copy.publishedAt) })}>
                  <span className="slots-wait is-open" style={{ left: x(copy.publishedAt), width: w(copy.publishedAt, nowMs) }} />
                  <span className="slots-p" style={{ left: x(copy.publishedAt) }} aria-hidden="true" />
                  <span className="slots-waiting-id" style={{ left: x(copy.publishedAt) }}>#{copy.id}</span>
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
      <div className="slots-axis muted" aria-hidden="true">
        <span>{t('unit.ms', { value: ms(picture.fromMs) })}</span>
        <span>{t('see.slots.legend')}</span>
        <span>{t('unit.ms', { value: ms(picture.toMs) })}</span>
      </div>
    </section>
  );
}
