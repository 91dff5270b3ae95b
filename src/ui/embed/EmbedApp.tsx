// The embedded player (`?embed` + a share link): canvas (read-only), run controls, key results and
// "Open in EventFlow". No palette, inspector or editing. `&present` (or the toggle) for projecting in class:
// larger type, Space runs or pauses, → steps.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';
import { Canvas } from '../canvas/Canvas';
import { useFormatNumber, useT } from '../i18n';
import { LanguageSelect } from '../LanguageSelect';
import { Notices } from '../Notices';
import * as controller from '../run/runController';
import { RunBar } from '../run/RunBar';
import { TokenLayer } from '../run/TokenLayer';
import { fullAppUrl } from './embedCode';
import './embed.css';

function KeyResults() {
  const t = useT();
  const format = useFormatNumber();
  const snapshot = useAppStore((s) => s.liveSnapshot);
  const report = useAppStore((s) => s.report);
  const totals = report?.totals ?? snapshot?.totals ?? null;
  const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${format(value, 1)} ms`);
  return (
    <section className="embed-results" role="region" aria-label={t('embed.results')}>
      <h2>{t('embed.results')}</h2>
      {!totals ? <p className="embed-empty">{t('embed.none')}</p> : (
        <dl>
          <div><dt>{t('embed.published')}</dt><dd>{format(totals.published, 0)}</dd></div>
          <div><dt>{t('embed.completed')}</dt><dd>{format(totals.completed, 0)}</dd></div>
          <div className={totals.dropped + totals.expired + totals.deadLettered + totals.failed > 0 ? 'is-loss' : ''}>
            <dt>{t('embed.lost')}</dt><dd>{format(totals.dropped + totals.expired + totals.deadLettered + totals.failed, 0)}</dd>
          </div>
          <div><dt>{t('embed.p50')}</dt><dd>{ms(report?.latency.publishToDone.p50)}</dd></div>
          <div><dt>{t('embed.p99')}</dt><dd>{ms(report?.latency.publishToDone.p99)}</dd></div>
        </dl>
      )}
    </section>
  );
}

/** Space: Run / Pause; →: Step (presenter mode), unless a control has the focus and wants the key. */
function usePresenterKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A'].includes(target.tagName)) return;
      if (event.key === ' ') {
        event.preventDefault();
        if (useAppStore.getState().runStatus === 'playing') controller.pause();
        else void controller.run();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        void controller.step();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

export function EmbedApp({ loaded, present: presentAtStart }: { loaded: boolean; present: boolean }) {
  const t = useT();
  const name = useAppStore((s) => s.scenario.name);
  const [present, setPresent] = useState(presentAtStart);
  usePresenterKeys(present);
  useEffect(() => {
    document.title = t('embed.player', { name });
  }, [t, name]);
  return (
    <div className={`embed-app${present ? ' is-present' : ''}`}>
      <header className="embed-top">
        <h1 className="embed-title" title={name}><span className="brand-mark" aria-hidden="true">⇶</span> {loaded ? name : 'EventFlow'}</h1>
        <label className="embed-present-toggle">
          <input type="checkbox" checked={present} onChange={(e) => setPresent(e.target.checked)} />
          {t('embed.presentToggle')}
        </label>
        <LanguageSelect />
        <a className="embed-open" href={fullAppUrl(window.location.href)} target="_blank" rel="noopener noreferrer">{t('embed.open')}</a>
      </header>
      {present && <p className="embed-present-hint">{t('embed.present')}</p>}
      <main className="embed-main">
        <section className="canvas-region" role="region" aria-label={t('region.canvas')}>
          {loaded ? <Canvas readOnly overlay={<TokenLayer />} /> : <p className="embed-missing" role="alert">{t('embed.noScenario')}</p>}
        </section>
        <KeyResults />
      </main>
      <div className="runbar" role="toolbar" aria-label={t('region.runbar')}>
        <RunBar />
      </div>
      <Notices />
    </div>
  );
}
