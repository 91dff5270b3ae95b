// The Lesson region beside the canvas: the current lesson step (text, scenario to load, where to look,
// a prediction, tasks ticked live, Check, Back/Next) or the active challenge.
import { useEffect, useRef, useState } from 'react';
import { evaluateCheck } from '../../lessons/checks';
import type { Lesson, LessonStep } from '../../lessons/types';
import { useAppStore } from '../../store/store';
import { displayName } from '../canvas/summary';
import { useFormatNumber, useT } from '../i18n';
import { ChallengeView } from './ChallengeView';
import { checkStep, closeLesson, finishLesson, goToStep, loadSource, lookAt } from './lessonActions';
import { useLessons } from './lessonStore';
import { pickText } from './verdictText';
import './lessons.css';

/** Steps taken while a lesson is open are remembered for `stepped` checks. */
function useRecordSteps(): void {
  useEffect(() => useAppStore.subscribe((state, previous) => {
    if (state.stepLine && state.stepLine !== previous.stepLine) useLessons.setState({ steps: [...useLessons.getState().steps, state.stepLine] });
  }), []);
}

function sourceName(source: LessonStep['load']): string {
  if (source === undefined) return '';
  if (typeof source !== 'string') return typeof source.name === 'string' ? source.name : '';
  return source.replace(/^.*\//, '').replace(/\.eventflow\.json$|\.json$/, '');
}

function Question({ step }: { step: LessonStep }) {
  const t = useT();
  const format = useFormatNumber();
  const language = useAppStore((s) => s.language);
  const answer = useLessons((s) => s.answer);
  const [draft, setDraft] = useState('');
  const question = step.question;
  if (!question) return null;
  const show = (value: number) => (question.choices ? pickText(question.choices[value], language) : `${format(value, 2)}${question.unit ? ` ${question.unit}` : ''}`);
  const right = answer !== null && (question.choices ? answer === question.answer : Math.abs(answer - question.answer) <= (question.tolerance ?? 0));
  if (answer !== null) {
    return (
      <div className="lesson-question is-answered">
        <p className="lesson-question-text">{pickText(question.text, language)}</p>
        <p>{t('lessons.answered', { answer: show(answer) })} <strong className={right ? 'lesson-ok' : 'lesson-no'}>{right ? t('lessons.answer.right') : t('lessons.answer.wrong', { answer: show(question.answer) })}</strong></p>
      </div>
    );
  }
  const submit = (value: number) => useLessons.setState({ answer: value });
  return (
    <fieldset className="lesson-question">
      <legend>{t('lessons.predict')}</legend>
      <p className="lesson-question-text">{pickText(question.text, language)}</p>
      {question.choices ? (
        <div className="lesson-choices">
          {question.choices.map((choice, i) => (
            <button type="button" key={i} className="lesson-choice" onClick={() => submit(i)}>{pickText(choice, language)}</button>
          ))}
        </div>
      ) : (
        <form className="lesson-number" onSubmit={(e) => { e.preventDefault(); const v = Number(draft); if (draft.trim() !== '' && Number.isFinite(v)) submit(v); }}>
          <label>
            <span>{t('lessons.yourAnswer')}</span>
            <input type="number" inputMode="decimal" value={draft} onChange={(e) => setDraft(e.target.value)} />
            {question.unit && <span>{question.unit}</span>}
          </label>
          <button type="submit">{t('lessons.answer')}</button>
        </form>
      )}
    </fieldset>
  );
}

function Tasks({ step, onAllPassed }: { step: LessonStep; onAllPassed: (passed: boolean) => void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const scenario = useAppStore((s) => s.scenario);
  const report = useAppStore((s) => (s.report !== null && s.resultsDocVersion === s.docVersion ? s.report : null));
  const steps = useLessons((s) => s.steps);
  const verdicts = (step.tasks ?? []).map((task) => evaluateCheck(task.check, { scenario, report, steps }));
  const all = verdicts.every((v) => v.passed);
  useEffect(() => {
    onAllPassed(all);
  }, [all, onAllPassed]);
  if (!step.tasks || step.tasks.length === 0) return null;
  return (
    <div className="lesson-tasks">
      <h4>{t('lessons.tasks')}</h4>
      <ul>
        {step.tasks.map((task, i) => (
          <li key={i} className={verdicts[i].passed ? 'is-done' : ''}>
            <span className="lesson-tick" aria-hidden="true">{verdicts[i].passed ? '✓' : '○'}</span>
            <span>{pickText(task.text, language)}</span>
            <span className="visually-hidden"> ({verdicts[i].passed ? t('lessons.task.done') : t('lessons.task.todo')})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Look({ look }: { look: LessonStep['look'] }) {
  const t = useT();
  const nodes = useAppStore((s) => s.scenario.nodes);
  if (!look) return null;
  const node = look.node ? nodes.find((n) => n.id === look.node) : undefined;
  const parts = [node ? t('lessons.look.node', { name: displayName(node) }) : null, look.tab ? t(`lessons.look.tab.${look.tab}`) : null].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="lesson-look">
      {t('lessons.look')} {parts.join(' · ')}{' '}
      <button type="button" className="lesson-link-button" onClick={() => lookAt(look)}>{t('lessons.lookAt')}</button>
    </p>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const stepIndex = useLessons((s) => s.stepIndex);
  const verdict = useLessons((s) => s.verdict);
  const answer = useLessons((s) => s.answer);
  const finished = useLessons((s) => s.finished);
  const [tasksPassed, setTasksPassed] = useState(false);
  const verdictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    verdictRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [verdict]);
  const step = lesson.steps[stepIndex];
  const last = stepIndex === lesson.steps.length - 1;
  const canGoOn = tasksPassed && (!step.question || answer !== null);
  if (finished) {
    return (
      <div className="lesson-complete" role="status">
        <h3 id="lesson-step-heading" tabIndex={-1}>{t('lessons.complete')}</h3>
        <p>{t('lessons.completeBody')}</p>
        <div className="lesson-nav">
          <button type="button" onClick={() => useLessons.setState({ dialogOpen: true })}>{t('lessons.openList')}</button>
          <button type="button" onClick={closeLesson}>{t('lessons.closeLesson')}</button>
        </div>
      </div>
    );
  }
  return (
    <>
      <p className="lesson-progress">
        {t('lessons.stepOf', { step: stepIndex + 1, total: lesson.steps.length })}
        <span className="lesson-dots" aria-hidden="true">{lesson.steps.map((_, i) => <span key={i} className={i < stepIndex ? 'is-past' : i === stepIndex ? 'is-now' : ''} />)}</span>
      </p>
      <h3 id="lesson-step-heading" tabIndex={-1}>{pickText(step.title, language)}</h3>
      <p className="lesson-text">{pickText(step.text, language)}</p>
      {step.load !== undefined && (
        <button type="button" className="lesson-load" onClick={() => void loadSource(step.load!).then((ok) => ok && lookAt(step.look))}>
          {t('lessons.load', { name: sourceName(step.load) || t('lessons.loadThis') })}
        </button>
      )}
      <Look look={step.look} />
      <Question step={step} />
      <Tasks key={stepIndex} step={step} onAllPassed={setTasksPassed} />
      {canGoOn && step.question && <p className="lesson-explain"><strong>{t('lessons.explain')}: </strong>{pickText(step.question.explain, language)}</p>}
      <div className="lesson-check">
        <button type="button" onClick={() => checkStep()}>{t('lessons.check')}</button>
        <div role="status" className="lesson-verdict" ref={verdictRef}>
          {verdict && (verdict.passed
            ? <span className="lesson-ok">✓ {t('lessons.passed')}</span>
            : <span className="lesson-no">{t('lessons.notYet', { reason: verdict.lines.join('; ') })}</span>)}
        </div>
      </div>
      <div className="lesson-nav">
        <button type="button" disabled={stepIndex === 0} onClick={() => goToStep(stepIndex - 1)}>{t('lessons.back')}</button>
        {last
          ? <button type="button" className="is-primary" disabled={!canGoOn} onClick={finishLesson}>{t('lessons.finish')}</button>
          : <button type="button" className="is-primary" disabled={!canGoOn} onClick={() => goToStep(stepIndex + 1)}>{t('lessons.next')}</button>}
      </div>
      {!canGoOn && <p className="lesson-next-hint">{t('lessons.nextHint')}</p>}
    </>
  );
}

export function LessonPanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const active = useLessons((s) => s.active);
  useRecordSteps();
  if (!active) return null;
  const { lesson } = active;
  return (
    <aside className="lesson-panel" role="region" aria-label={t('lessons.region')}>
      <header className="lesson-panel-head">
        {lesson.kind === 'challenge' && <span className="lesson-badge">{t('lessons.challenge')}</span>}
        <h2 id="lesson-heading" tabIndex={-1}>{pickText(lesson.title, language)}</h2>
        <button type="button" className="lesson-close" aria-label={t('lessons.closeLesson')} title={t('lessons.closeLesson')} onClick={closeLesson}>×</button>
      </header>
      <div className="lesson-body">
        {lesson.kind === 'lesson' ? <LessonView lesson={lesson} /> : <ChallengeView challenge={lesson} />}
      </div>
    </aside>
  );
}
