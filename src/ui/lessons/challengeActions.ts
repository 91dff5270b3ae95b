// Check for a challenge: the rules first (no runs needed), then the targets over replications;
// a pass saves the best cost and offers a share link of the design.
import { checkConstraints, costOf, gradeChallenge, type Estimates } from '../../lessons/grade';
import { parseScenario } from '../../model/parse';
import { useAppStore } from '../../store/store';
import { displayName } from '../canvas/summary';
import { shareUrl } from '../files/shareCodec';
import { formatNumber, translate } from '../i18n/translate';
import { runGrading } from './gradeRunner';
import { saveProgress, useLessons } from './lessonStore';
import { targetLine, taskFailureLine } from './verdictText';

const app = () => useAppStore.getState();

/** "the busiest handler, “workers”, is 97 % busy" when a handler is above 80 %: where to look next. */
function busiestLine(estimates: Estimates): string | null {
  const { scenario, language } = app();
  let best: { name: string; load: number } | null = null;
  for (const node of scenario.nodes) {
    if (node.type !== 'handler') continue;
    const load = estimates[`/nodes/${node.id.replace(/~/g, '~0').replace(/\//g, '~1')}/utilization`]?.mean;
    if (load !== undefined && (best === null || load > best.load)) best = { name: displayName(node), load };
  }
  if (!best || best.load < 0.8) return null;
  return translate(language, 'lessons.grade.busiest', { name: best.name, percent: formatNumber(language, best.load * 100, 0) });
}

function fail(lines: string[]): void {
  useLessons.setState({ verdict: { passed: false, lines }, grading: null, failedChecks: useLessons.getState().failedChecks + 1, solutionLink: null });
}

export async function checkChallenge(): Promise<void> {
  const { active } = useLessons.getState();
  if (active?.lesson.kind !== 'challenge') return;
  const challenge = active.lesson;
  const { scenario, language } = app();
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return fail([translate(language, 'run.invalid'), ...parsed.problems.slice(0, 3).map((p) => p.text)]);
  const rules = checkConstraints(challenge, scenario);
  const broken = challenge.constraints.flatMap((task, i) => (rules[i].passed ? [] : [taskFailureLine(language, task.text, rules[i])]));
  if (broken.length > 0) return fail(broken);
  useLessons.setState({ grading: { done: 0, total: challenge.replications }, verdict: null });
  let estimates: Estimates;
  try {
    estimates = await runGrading(parsed.scenario, challenge.replications, (done, total) => useLessons.setState({ grading: { done, total } }));
  } catch (error) {
    return fail([translate(language, 'lessons.grade.failedRun', { reason: error instanceof Error ? error.message : String(error) })]);
  }
  // the student may have closed or switched challenges meanwhile
  if (useLessons.getState().active?.lesson !== challenge) return;
  const grade = gradeChallenge(challenge, parsed.scenario, estimates, challenge.replications);
  const lang = app().language;
  if (!grade.passed) {
    const lines = challenge.targets.flatMap((task, i) => (grade.targets[i].passed ? [] : [targetLine(lang, task.text, grade.targets[i], challenge.replications)]));
    const busiest = busiestLine(estimates);
    return fail(busiest ? [...lines, busiest] : lines);
  }
  const cost = costOf(challenge, parsed.scenario);
  saveProgress(challenge.id, { done: true, bestCost: cost });
  const lines = [
    translate(lang, 'lessons.grade.passedBody', { runs: challenge.replications, cost: formatNumber(lang, cost, 2) }),
    ...challenge.targets.map((task, i) => targetLine(lang, task.text, grade.targets[i], challenge.replications)),
  ];
  const link = shareUrl(parsed.scenario, window.location.href.replace(/[?#].*$/, ''));
  useLessons.setState({ verdict: { passed: true, lines }, grading: null, grade, solutionLink: link });
}
