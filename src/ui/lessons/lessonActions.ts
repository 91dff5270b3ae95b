// What the lesson buttons do: load the catalogue, open a lesson or challenge, load a step's scenario,
// move between steps, Check a step, and open a teacher's lesson file (Import).
import { evaluateCheck } from '../../lessons/checks';
import { parseLesson, parseLessonIndex, parseLessonText } from '../../lessons/parse';
import type { LessonFile, ScenarioSource } from '../../lessons/types';
import { parseScenario } from '../../model/parse';
import { useAppStore } from '../../store/store';
import type { DockTab } from '../../store/uiSlice';
import { replaceDocument, showProblems } from '../files/documentIo';
import { galleryMeta, localizeExample } from '../files/gallery';
import { translate } from '../i18n';
import { freshStep, saveProgress, useLessons, type CatalogueEntry } from './lessonStore';
import { taskFailureLine } from './verdictText';

const app = () => useAppStore.getState();
const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(app().language, key, vars);

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

let cataloguePromise: Promise<void> | null = null;

/** Fetches public/lessons/index.json and every lesson file once; a damaged file is left out (and logged). */
export function loadCatalogue(): Promise<void> {
  cataloguePromise ??= (async () => {
    try {
      const files = parseLessonIndex(await fetchJson('lessons/index.json'));
      if (!files) throw new Error('lessons/index.json is not a lesson index');
      const settled = await Promise.allSettled(files.map(async (file): Promise<CatalogueEntry> => {
        const parsed = parseLesson(await fetchJson(`lessons/${file}`));
        if (!parsed.ok) throw new Error(`lessons/${file}: ${parsed.problems.map((p) => p.text).join('; ')}`);
        return { file, lesson: parsed.lesson };
      }));
      const entries: CatalogueEntry[] = [];
      const skipped: string[] = [];
      for (const outcome of settled) {
        if (outcome.status === 'fulfilled') entries.push(outcome.value);
        else {
          console.warn('EventFlow: lesson left out:', outcome.reason);
          skipped.push(outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason));
        }
      }
      const extra = (useLessons.getState().catalogue ?? []).filter((e) => e.file === 'imported');
      useLessons.setState({ catalogue: [...entries, ...extra], catalogueError: null, catalogueSkipped: skipped });
    } catch (error) {
      cataloguePromise = null;
      useLessons.setState({ catalogueError: error instanceof Error ? error.message : String(error) });
    }
  })();
  return cataloguePromise;
}

/** Loads a step's or challenge's scenario (a file of the app or an inline scenario), asking before replacing unsaved work. */
export async function loadSource(source: ScenarioSource): Promise<boolean> {
  try {
    const value = typeof source === 'string' ? await fetchJson(source) : source;
    const parsed = parseScenario(value);
    if (!parsed.ok) {
      showProblems(t('lessons.loadFailed'), parsed.problems.map((p) => p.text));
      return false;
    }
    const meta = galleryMeta(parsed.scenario);
    // 中文: the start scenario's name, description and labels come from its x-gallery, as the examples' do
    return await replaceDocument(localizeExample(parsed.scenario, meta, app().language), { speedPerSecond: meta.speed });
  } catch (error) {
    showProblems(t('lessons.loadFailed'), [error instanceof Error ? error.message : String(error)]);
    return false;
  }
}

/** Points at the place to look: selects the node on the canvas and opens the dock tab. */
export function lookAt(look: { node?: string; tab?: string } | undefined): void {
  if (!look) return;
  const store = app();
  if (look.node && store.scenario.nodes.some((n) => n.id === look.node)) store.select([look.node], []);
  if (look.tab) store.setDockTab(look.tab as DockTab);
}

function resetVerdicts() {
  useLessons.setState({ ...freshStep, grading: null, grade: null, solutionLink: null });
}

/** Starts a lesson (at the step reached last time) or a challenge (loading its start). */
export async function openLesson(entry: CatalogueEntry): Promise<void> {
  const saved = useLessons.getState().progress[entry.lesson.id];
  const stepIndex = entry.lesson.kind === 'lesson' && saved && !saved.done ? Math.min(saved.step, entry.lesson.steps.length - 1) : 0;
  useLessons.setState({ active: entry, stepIndex, dialogOpen: false, failedChecks: 0 });
  resetVerdicts();
  if (entry.lesson.kind === 'challenge') await loadSource(entry.lesson.start);
  requestAnimationFrame(() => document.getElementById('lesson-heading')?.focus());
}

export function closeLesson(): void {
  useLessons.setState({ active: null, stepIndex: 0, failedChecks: 0 });
  resetVerdicts();
}

export function goToStep(index: number): void {
  const { active } = useLessons.getState();
  if (active?.lesson.kind !== 'lesson') return;
  const last = active.lesson.steps.length - 1;
  const stepIndex = Math.max(0, Math.min(last, index));
  useLessons.setState({ stepIndex, ...freshStep });
  saveProgress(active.lesson.id, { step: stepIndex });
  requestAnimationFrame(() => document.getElementById('lesson-step-heading')?.focus());
}

/** The last step is done: the lesson is complete. */
export function finishLesson(): void {
  const { active } = useLessons.getState();
  if (!active) return;
  saveProgress(active.lesson.id, { done: true, step: 0 });
  useLessons.setState({ finished: true });
}

/** Checks the current step: its question is answered and every task holds. */
export function checkStep(): boolean {
  const { active, stepIndex, steps, answer } = useLessons.getState();
  if (active?.lesson.kind !== 'lesson') return false;
  const step = active.lesson.steps[stepIndex];
  const state = app();
  const fresh = state.report !== null && state.resultsDocVersion === state.docVersion ? state.report : null;
  const lines: string[] = [];
  if (step.question && answer === null) lines.push(t('lessons.answerFirst'));
  for (const task of step.tasks ?? []) {
    const verdict = evaluateCheck(task.check, { scenario: state.scenario, report: fresh, steps });
    if (!verdict.passed) lines.push(taskFailureLine(state.language, task.text, verdict));
  }
  const passed = lines.length === 0;
  useLessons.setState({ verdict: { passed, lines } });
  return passed;
}

function addToCatalogue(lesson: LessonFile): CatalogueEntry {
  const entry: CatalogueEntry = { file: 'imported', lesson };
  const others = (useLessons.getState().catalogue ?? []).filter((e) => e.lesson.id !== lesson.id || e.file !== 'imported');
  useLessons.setState({ catalogue: [...others, entry] });
  return entry;
}

/** Import of a teacher's lesson file: refused with every problem listed, or added to the list and started. */
export async function importLessonFile(file: File): Promise<boolean> {
  const name = file.name || t('files.import.unnamed');
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    useLessons.setState({ dialogOpen: false });
    showProblems(t('lessons.import.refused', { name }), [String(error)]);
    return false;
  }
  const parsed = parseLessonText(text);
  if (!parsed.ok) {
    // the refusal is an alert of the app: close the list so it is not hidden behind it
    useLessons.setState({ dialogOpen: false });
    showProblems(t('lessons.import.refused', { name }), parsed.problems.map((p) => p.text));
    return false;
  }
  await openLesson(addToCatalogue(parsed.lesson));
  return true;
}
