// The AsyncAPI import dialog (lazy): what was mapped, the spontaneous/reaction choice of every send
// operation, the defaults used and the warnings, before the diagram is built. Cancel changes nothing.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Finding } from '../../asyncapi/types';
import { countsText } from '../../asyncapi/toScenario';
import { useAppStore } from '../../store/store';
import { replaceDocument } from '../files/documentIo';
import { chooseMode, closeAsyncApiDialog, useAsyncApiDialog } from './loadAsyncApi';
import { dialogText } from './dialogStrings';
import './asyncapi.css';

function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul className="asyncapi-findings">
      {findings.map((finding) => <li key={finding.text}>{finding.text}</li>)}
    </ul>
  );
}

export default function AsyncApiDialog() {
  const language = useAppStore((s) => s.language);
  const state = useAsyncApiDialog();
  const boxRef = useRef<HTMLDivElement>(null);
  const open = state.reading !== null || state.readFailed !== null || state.mapped !== null;
  const phase = state.reading !== null ? 'reading' : state.mapped !== null ? 'mapped' : state.readFailed !== null ? 'failed' : 'closed';
  useEffect(() => {
    if (phase !== 'closed') boxRef.current?.querySelector<HTMLElement>('.asyncapi-focus')?.focus();
  }, [phase]);
  if (!open) return null;
  const t = (key: Parameters<typeof dialogText>[1], vars?: Record<string, string | number>) => dialogText(language, key, vars);
  const mapped = state.mapped;
  const problems = (state.readFailed?.findings ?? mapped?.findings ?? []).filter((f) => f.severity === 'problem');
  const warnings = (mapped?.findings ?? []).filter((f) => f.severity === 'warning');
  const defaults = warnings.filter((f) => f.kind === 'default');
  const others = warnings.filter((f) => f.kind !== 'default');
  const build = async () => {
    const scenario = mapped?.scenario;
    if (!scenario) return;
    closeAsyncApiDialog();
    if (await replaceDocument(scenario)) useAppStore.getState().notify({ kind: 'toast', tone: 'success', title: t('done', { name: scenario.name }) });
  };
  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={boxRef}
        className="alert-dialog files-dialog asyncapi-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="asyncapi-dialog-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            closeAsyncApiDialog();
          }
        }}
      >
        <h2 id="asyncapi-dialog-title">{t('title')}</h2>
        {state.reading !== null && <p role="status" className="asyncapi-reading">{t('reading', { count: state.reading.length })}</p>}
        {problems.length > 0 && (
          <section aria-labelledby="asyncapi-problems">
            <p className="asyncapi-failed">{t('failed')}</p>
            <h3 id="asyncapi-problems">{t('problems')}</h3>
            <FindingList findings={problems} />
          </section>
        )}
        {mapped && (
          <>
            {mapped.scenario && <p className="asyncapi-summary">{t('mapped', language === 'zh' ? mapped.counts : { counts: countsText(mapped.counts) })}</p>}
            {mapped.choices.length > 0 && (
              <section aria-labelledby="asyncapi-sends">
                <h3 id="asyncapi-sends">{t('sends')}</h3>
                <p className="asyncapi-hint">{t('sendsHint')}</p>
                <table className="asyncapi-sends">
                  <thead>
                    <tr><th scope="col">{t('document')}</th><th scope="col">{t('operation')}</th><th scope="col">{t('event')}</th><th scope="col">{t('mode')}</th></tr>
                  </thead>
                  <tbody>
                    {mapped.choices.map((choice) => (
                      <tr key={choice.key}>
                        <td>{choice.title}</td>
                        <td><code>{choice.operation}</code></td>
                        <td>{choice.channel}</td>
                        <td>
                          {choice.changeable ? (
                            <select aria-label={`${choice.title}: ${choice.operation}`} value={state.modes.get(choice.key) ?? choice.mode} onChange={(event) => chooseMode(choice.key, event.target.value as 'spontaneous' | 'reaction')}>
                              <option value="spontaneous">{t('spontaneous')}</option>
                              <option value="reaction">{t('reaction')}</option>
                            </select>
                          ) : (
                            <span className="asyncapi-fixed">{t('fixed')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            {defaults.length > 0 && (
              <details className="asyncapi-details">
                <summary>{t('defaults', { count: defaults.length })}</summary>
                <p className="asyncapi-hint">{t('defaultsHint')}</p>
                <FindingList findings={defaults} />
              </details>
            )}
            {others.length > 0 && (
              <details className="asyncapi-details" open>
                <summary>{t('warnings', { count: others.length })}</summary>
                <FindingList findings={others} />
              </details>
            )}
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className={mapped?.scenario ? undefined : 'asyncapi-focus'} onClick={closeAsyncApiDialog}>{t('cancel')}</button>
          {mapped?.scenario && <button type="button" className="primary asyncapi-focus" onClick={() => void build()}>{t('build')}</button>}
        </div>
      </div>
    </div>,
    document.body,
  );
}
