// The Model region: the sets of the current drawing in the article's notation, E = {…}, H = {…},
// S = {(e, h)…}, and Q (messages: empty until a run, then counts). Hovering a member highlights it.
import type { ModelSets, Totals } from '../../engine/types';
import { useSets } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { eventHue } from '../canvas/summary';
import { idsForEvent, idsForHandler, subscriptionPath } from './modelPaths';
import { useFormatNumber, useT } from '../i18n';
import { EditorErrorBoundary } from '../editor/EditorErrorBoundary';
import { namesOf } from '../names';
import './model-panel.css';

const COUNT_KEYS = ['sent', 'completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'] as const;

export function ModelPanel() {
  return (
    <EditorErrorBoundary>
      <ModelSets />
    </EditorErrorBoundary>
  );
}

function ModelSets() {
  const t = useT();
  const fmt = useFormatNumber();
  const sets: ModelSets = useSets();
  const scenario = useAppStore((s) => s.scenario);
  const setHighlight = useAppStore((s) => s.setHighlight);
  const names = namesOf(scenario.nodes);
  // the final report's totals, else the live ones while a run plays
  const totals: Totals | null = useAppStore((s) => s.report?.totals ?? s.liveSnapshot?.totals ?? null);
  const stale = useAppStore((s) => s.report !== null && s.resultsDocVersion !== null && s.resultsDocVersion !== s.docVersion);
  const hover = (ids: string[]) => ({
    onMouseEnter: () => setHighlight(ids),
    onMouseLeave: () => setHighlight([]),
    onFocus: () => setHighlight(ids),
    onBlur: () => setHighlight([]),
  });
  const empty = sets.E.length === 0 && sets.H.length === 0;
  return (
    <div className="ef-model">
      <h2 className="ef-panel-title">{t('editor.model.title')}</h2>
      {empty && <p className="ef-muted-note">{t('editor.model.emptyHint')}</p>}
      <SetLine symbol="E" caption={t('editor.model.E')}>
        {sets.E.map((e) => (
          <Member key={e} label={e} hue={eventHue(e)} {...hover(idsForEvent(scenario, e))} />
        ))}
      </SetLine>
      <SetLine symbol="H" caption={t('editor.model.H')}>
        {sets.H.map((h) => <Member key={h} label={names.name(h)} title={names.full(h)} data-id={h} {...hover(idsForHandler(scenario, h))} />)}
      </SetLine>
      <SetLine symbol="S" caption={t('editor.model.S')}>
        {sets.S.map(([e, h]) => (
          <Member key={`${e}\u0000${h}`} label={`(${e}, ${names.name(h)})`} title={`(${e}, ${names.full(h)})`} hue={eventHue(e)} {...hover(subscriptionPath(scenario, e, h))} />
        ))}
      </SetLine>
      <div className="ef-set ef-set-q">
        <div className="ef-set-head">
          <span className="ef-set-symbol">Q</span>
          <span className="ef-set-caption">{t('editor.model.Q')}</span>
        </div>
        {totals ? (
          <dl className={`ef-q-counts${stale ? ' is-stale' : ''}`}>
            {COUNT_KEYS.map((key) => (
              <div key={key}>
                <dt>{t(`editor.model.count.${key}`)}</dt>
                <dd className="num">{fmt(totals[key], 0)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="ef-set-members"><span className="ef-set-eq">Q = ∅</span> <span className="ef-muted-note">({t('editor.model.qEmpty')})</span></p>
        )}
        {stale && <p className="ef-muted-note">{t('editor.model.qStale')}</p>}
        <p className="ef-q-notation">{t('editor.model.qNotation')}</p>
      </div>
    </div>
  );
}

function SetLine({ symbol, caption, children }: { symbol: string; caption: string; children: React.ReactNode[] }) {
  return (
    <div className="ef-set">
      <div className="ef-set-head">
        <span className="ef-set-symbol">{symbol}</span>
        <span className="ef-set-caption">{caption}</span>
      </div>
      <p className="ef-set-members">
        {children.length === 0 ? (
          <span className="ef-set-eq">{symbol} = ∅</span>
        ) : (
          <>
            <span className="ef-set-eq">{symbol} = {'{'}</span>
            {children}
            <span className="ef-set-eq">{'}'}</span>
          </>
        )}
      </p>
    </div>
  );
}

function Member({ label, hue, title, ...handlers }: { label: string; hue?: number; 'data-id'?: string } & React.HTMLAttributes<HTMLSpanElement>) {
  const style = hue !== undefined ? ({ '--event-hue': hue } as React.CSSProperties) : undefined;
  return (
    <span className={`ef-member${hue !== undefined ? ' has-hue' : ''}`} tabIndex={0} style={style} title={title ?? label} {...handlers}>
      {label}
    </span>
  );
}
