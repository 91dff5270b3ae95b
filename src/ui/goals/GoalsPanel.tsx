// The Goals panel (architect.md "Service-level objectives"): the scenario's goals as an editable list
// (figure, at least, at most; add/remove) with an inline error for a figure the report does not have,
// and each goal's PASS / FAIL badge with its measured value: live during a run, the report's at the end.
import { useEffect, useMemo, useState } from 'react';
import type { SloVerdict } from '../../engine/types';
import { figuresOf } from '../../experiment/plan';
import { useAppStore } from '../../store/store';
import { resultsAreStale } from '../../store/runSlice';
import { useT } from '../i18n';
import { formatMsNumber } from '../results/format';
import { NEW_GOAL, goalProblem, verdictFor, withBound, withGoals, type GoalEntry } from './goalRows';
import './goals.css';

/** the report's figure pointers for this scenario, or null when it cannot be compiled yet */
function useFigures(): { set: ReadonlySet<string> | null; list: string[] } {
  const scenario = useAppStore((s) => s.scenario);
  return useMemo(() => {
    try {
      const list = figuresOf(scenario);
      return { set: new Set(list), list };
    } catch {
      return { set: null, list: [] };
    }
  }, [scenario]);
}

/** a number field that keeps what is typed until it is a number (or empty: no limit) */
function BoundInput({ value, label, onCommit }: { value: number | undefined; label: string; onCommit: (value: number | undefined) => void }) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setDraft((current) => (current.trim() === '' ? value === undefined : Number(current) === value) ? current : value === undefined ? '' : String(value));
  }, [value]);
  return (
    <input
      type="text"
      inputMode="decimal"
      className="goals-bound num"
      aria-label={label}
      value={draft}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        if (text.trim() === '') onCommit(undefined);
        else if (Number.isFinite(Number(text))) onCommit(Number(text));
      }}
    />
  );
}

function Badge({ verdict, live }: { verdict: SloVerdict | null; live: boolean }) {
  const t = useT();
  if (verdict === null) return <span className="goals-badge is-pending" data-goal-status="pending">{t('goals.pending')}</span>;
  const status = verdict.pass ? 'pass' : 'fail';
  return (
    <span className={`goals-badge is-${status}${live ? ' is-live' : ''}`} data-goal-status={status} title={live ? t('goals.live') : undefined}>
      {t(verdict.pass ? 'goals.pass' : 'goals.fail')}
    </span>
  );
}

function Summary({ verdicts, count, live }: { verdicts: (SloVerdict | null)[]; count: number; live: boolean }) {
  const t = useT();
  const judged = verdicts.filter((v): v is SloVerdict => v !== null);
  if (judged.length === 0) return <p className="goals-summary">{t('goals.summary.notRun')}</p>;
  const passed = judged.filter((v) => v.pass).length;
  const failed = judged.length - passed;
  // goals added since the run are not counted as failures: they are "not run"
  const text = live || (failed === 0 && passed < count) ? t('goals.summary.live', { passed, count })
    : failed === 0 ? t('goals.summary.all', { count }) : t('goals.summary.some', { failed, count });
  return <p className={`goals-summary ${failed === 0 ? 'is-pass' : 'is-fail'}`} role="status">{text}</p>;
}

export function GoalsPanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const scenario = useAppStore((s) => s.scenario);
  const commit = useAppStore((s) => s.commit);
  const verdicts = useAppStore((s) => s.slo);
  const live = useAppStore((s) => s.report === null && s.slo !== null);
  const stale = useAppStore(resultsAreStale);
  const figures = useFigures();
  const goals = scenario.slo ?? [];
  const save = (next: GoalEntry[], field: string) => commit(withGoals(scenario, next), 'settings', { coalesce: `goals:${field}` });
  const change = (index: number, goal: GoalEntry, field: string) => save(goals.map((g, i) => (i === index ? goal : g)), `${index}:${field}`);
  const shown = goals.map((goal, i) => verdictFor(goal, i, verdicts));

  return (
    <div className="goals">
      <div className="goals-head">
        <h3 className="goals-title">{t('goals.title')}</h3>
        {goals.length > 0 && <Summary verdicts={shown} count={goals.length} live={live} />}
        <button type="button" className="goals-add" onClick={() => commit(withGoals(scenario, [...goals, NEW_GOAL]), 'settings')}>{t('goals.add')}</button>
      </div>
      <p className="goals-intro">{t('goals.intro')}</p>
      {stale && verdicts !== null && <p className="goals-stale">{t('goals.stale')}</p>}
      {goals.length === 0 ? (
        <p className="goals-empty">{t('goals.empty')}</p>
      ) : (
        <table className="goals-table">
          <thead>
            <tr>
              <th scope="col">{t('goals.col.metric')}</th>
              <th scope="col" className="num">{t('goals.col.min')}</th>
              <th scope="col" className="num">{t('goals.col.max')}</th>
              <th scope="col" className="num">{t('goals.col.measured')}</th>
              <th scope="col">{t('goals.col.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('goals.remove', { n: '' })}</span></th>
            </tr>
          </thead>
          <tbody>
            {goals.map((goal, i) => {
              const n = i + 1;
              const problem = goalProblem(goal, figures.set);
              const errorId = `goal-${i}-error`;
              const verdict = shown[i];
              return (
                <tr key={i} data-goal={i}>
                  <td className="goals-metric-cell">
                    <input
                      type="text"
                      className="goals-metric"
                      list="goals-figures"
                      spellCheck={false}
                      aria-label={t('goals.metric', { n })}
                      aria-invalid={problem === 'goals.error.unknown'}
                      aria-describedby={problem === null ? undefined : errorId}
                      value={goal.metric}
                      onChange={(event) => change(i, { ...goal, metric: event.target.value }, 'metric')}
                    />
                    {problem !== null && <div className="goals-error" id={errorId} role="alert">{t(problem)}</div>}
                  </td>
                  <td className="num"><BoundInput value={goal.min} label={t('goals.min', { n })} onCommit={(v) => change(i, withBound(goal, 'min', v), 'min')} /></td>
                  <td className="num"><BoundInput value={goal.max} label={t('goals.max', { n })} onCommit={(v) => change(i, withBound(goal, 'max', v), 'max')} /></td>
                  <td className="num" data-goal-value={verdict?.value ?? ''}>{verdict === null ? '' : verdict.value === null ? t('goals.none') : formatMsNumber(language, verdict.value)}</td>
                  <td><Badge verdict={verdict} live={live} /></td>
                  <td>
                    <button type="button" className="goals-remove" aria-label={t('goals.remove', { n })} title={t('goals.remove', { n })} onClick={() => commit(withGoals(scenario, goals.filter((_, j) => j !== i)), 'settings')}>×</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <datalist id="goals-figures">
        {figures.list.map((pointer) => <option key={pointer} value={pointer} />)}
      </datalist>
    </div>
  );
}
