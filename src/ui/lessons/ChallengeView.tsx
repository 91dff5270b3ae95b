// A challenge in the Lesson region: goal, rules (ticked live), graded targets, the cost, Check
// (graded over replications off the main thread), the verdict, a hint after two misses, a share link on pass.
import { useEffect, useRef } from 'react';
import { checkConstraints, costOf } from '../../lessons/grade';
import type { Challenge } from '../../lessons/types';
import { useAppStore } from '../../store/store';
import { useFormatNumber, useT } from '../i18n';
import { checkChallenge } from './challengeActions';
import { loadSource } from './lessonActions';
import { useLessons } from './lessonStore';
import { pickText } from './verdictText';

export function ChallengeView({ challenge }: { challenge: Challenge }) {
  const t = useT();
  const format = useFormatNumber();
  const language = useAppStore((s) => s.language);
  const scenario = useAppStore((s) => s.scenario);
  const verdict = useLessons((s) => s.verdict);
  const grading = useLessons((s) => s.grading);
  const failed = useLessons((s) => s.failedChecks);
  const link = useLessons((s) => s.solutionLink);
  const best = useLessons((s) => s.progress[challenge.id]?.bestCost);
  const rules = checkConstraints(challenge, scenario);
  const verdictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    verdictRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [verdict, grading]);
  return (
    <>
      <h3 id="lesson-step-heading" tabIndex={-1}>{t('lessons.goal')}</h3>
      <p className="lesson-text">{pickText(challenge.goal, language)}</p>
      {challenge.constraints.length > 0 && (
        <div className="lesson-tasks">
          <h4>{t('lessons.rules')}</h4>
          <ul>
            {challenge.constraints.map((task, i) => (
              <li key={i} className={rules[i].passed ? 'is-done' : ''}>
                <span className="lesson-tick" aria-hidden="true">{rules[i].passed ? '✓' : '○'}</span>
                <span>{pickText(task.text, language)}</span>
                <span className="visually-hidden"> ({rules[i].passed ? t('lessons.task.done') : t('lessons.task.todo')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="lesson-tasks">
        <h4>{t('lessons.targets', { runs: challenge.replications })}</h4>
        <ul>
          {challenge.targets.map((task, i) => (
            <li key={i}><span className="lesson-tick" aria-hidden="true">◎</span><span>{pickText(task.text, language)}</span></li>
          ))}
        </ul>
      </div>
      <div className="lesson-cost">
        <h4>{t('lessons.cost')}</h4>
        <p>{pickText(challenge.cost.text, language)}</p>
        <p className="lesson-cost-now">{t('lessons.costNow', { cost: format(costOf(challenge, scenario), 2) })}{best !== undefined ? ` · ${t('lessons.grade.best', { cost: format(best, 2) })}` : ''}</p>
      </div>
      <div className="lesson-check">
        <button type="button" disabled={grading !== null} onClick={() => void checkChallenge()}>{t('lessons.check')}</button>
        <div role="status" className="lesson-verdict" ref={verdictRef}>
          {grading && <span className="lesson-checking">{t('lessons.checking', { done: grading.done, total: grading.total })}</span>}
          {!grading && verdict && (verdict.passed
            ? <span className="lesson-ok">✓ {t('lessons.passed')}</span>
            : <span className="lesson-no">{t('lessons.notYet', { reason: verdict.lines[0] ?? '' })}</span>)}
        </div>
      </div>
      {!grading && verdict && verdict.lines.length > (verdict.passed ? 0 : 1) && (
        <ul className="lesson-verdict-lines">
          {verdict.lines.slice(verdict.passed ? 0 : 1).map((line, i) => <li key={i}>{line}</li>)}
        </ul>
      )}
      {!grading && verdict?.passed && link && (
        <p className="lesson-solution"><a href={link} target="_blank" rel="noopener noreferrer">{t('lessons.solutionLink')}</a></p>
      )}
      {failed >= 2 && challenge.hint && !verdict?.passed && (
        <p className="lesson-hint"><strong>{t('lessons.hint')}: </strong>{pickText(challenge.hint, language)}</p>
      )}
      <div className="lesson-nav">
        <button type="button" onClick={() => void loadSource(challenge.start)}>{t('lessons.restart')}</button>
      </div>
    </>
  );
}
