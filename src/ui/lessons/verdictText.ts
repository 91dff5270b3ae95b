// Words for verdicts: "p99 publish → done is 312 ms, the goal is ≤ 100 ms", in English and 中文.
import type { Verdict } from '../../lessons/checks';
import type { TargetVerdict } from '../../lessons/grade';
import type { LessonText, Op } from '../../lessons/types';
import type { Language } from '../../store/uiSlice';
import { formatNumber, translate } from '../i18n/translate';

export const pickText = (text: LessonText, language: Language): string => (language === 'zh' ? text.zh : text.en);

const OP_SIGN: Record<Op, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

function figure(language: Language, value: number | string | boolean | undefined, unit: string | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(language, value, Math.abs(value) < 10 ? 2 : 1) : String(value);
  if (!unit) return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}

/** "is 312 ms, the goal is ≤ 100 ms" (or "must be ≤ 100 ms" when there is no figure yet). */
export function comparisonText(language: Language, verdict: Verdict): string {
  const name = verdict.name ? pickText(verdict.name, language) : translate(language, 'lessons.verdict.value');
  const goal = verdict.op ? `${OP_SIGN[verdict.op]} ${figure(language, verdict.value, verdict.unit)}` : '';
  return translate(language, 'lessons.verdict.compare', { name, actual: figure(language, verdict.actual, verdict.unit), goal });
}

/** One line for a task that does not hold yet. */
export function taskFailureLine(language: Language, task: LessonText, verdict: Verdict): string {
  const text = pickText(task, language);
  switch (verdict.reason) {
    case 'value': return `${text} — ${comparisonText(language, verdict)}`;
    case 'noRun': return `${text} — ${translate(language, 'lessons.verdict.noRun')}`;
    case 'missing': return `${text} — ${translate(language, 'lessons.verdict.missing')}`;
    case 'notOrdered': return `${text} — ${translate(language, 'lessons.verdict.notOrdered')}`;
    default: return text;
  }
}

/** A challenge target judged on its interval: "p99 … is 312 ms (upper bound over 8 runs; mean 280 ms), the goal is ≤ 100 ms". */
export function targetLine(language: Language, task: LessonText, verdict: TargetVerdict, replications: number): string {
  if (verdict.reason === 'missing') return `${pickText(task, language)} — ${translate(language, 'lessons.verdict.missing')}`;
  const name = verdict.name ? pickText(verdict.name, language) : pickText(task, language);
  const boundKey = verdict.bound === 'lower' ? 'lessons.grade.lower' : verdict.bound === 'upper' ? 'lessons.grade.upper' : 'lessons.grade.mean';
  return translate(language, 'lessons.grade.target', {
    name,
    actual: figure(language, verdict.actual, verdict.unit),
    bound: translate(language, boundKey, { runs: replications }),
    mean: figure(language, verdict.mean, verdict.unit),
    goal: verdict.op ? `${OP_SIGN[verdict.op]} ${figure(language, verdict.value, verdict.unit)}` : '',
  });
}
