// State of lessons and challenges (never undoable, not the document): the catalogue, the open
// dialog, the active lesson and step, the Steps seen, answers, the last verdict, and saved progress.
import { create } from 'zustand';
import type { StepDescription } from '../../engine/types';
import type { Grade } from '../../lessons/grade';
import type { LessonFile } from '../../lessons/types';

export interface CatalogueEntry {
  /** file name in public/lessons/, or "imported" / "link" */
  file: string;
  lesson: LessonFile;
}

export interface StepVerdict {
  passed: boolean;
  lines: string[];
}

export interface GradingProgress { done: number; total: number }

export interface LessonProgress {
  /** the furthest step reached (lessons) */
  step: number;
  done: boolean;
  /** challenges: lowest cost of a passing design */
  bestCost?: number;
}

interface LessonsState {
  catalogue: CatalogueEntry[] | null;
  catalogueError: string | null;
  /** shipped files left out of the list because they are damaged or invalid (file: first problem) */
  catalogueSkipped: string[];
  dialogOpen: boolean;
  active: CatalogueEntry | null;
  stepIndex: number;
  /** the last step was finished (lessons) */
  finished: boolean;
  /** Steps taken since the current lesson step began */
  steps: StepDescription[];
  /** the answer given to the current step's question (index or number) */
  answer: number | null;
  verdict: StepVerdict | null;
  grading: GradingProgress | null;
  grade: Grade | null;
  /** failed Checks of the active challenge: a hint shows after two */
  failedChecks: number;
  /** share link of the last passing design */
  solutionLink: string | null;
  progress: Record<string, LessonProgress>;
}

const PROGRESS_KEY = 'eventflow.lessons.progress';

function readProgress(): Record<string, LessonProgress> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(PROGRESS_KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const progress: Record<string, LessonProgress> = {};
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null) continue;
      const e = entry as Record<string, unknown>;
      progress[id] = {
        step: typeof e.step === 'number' && Number.isInteger(e.step) && e.step >= 0 ? e.step : 0,
        done: e.done === true,
        ...(typeof e.bestCost === 'number' && Number.isFinite(e.bestCost) ? { bestCost: e.bestCost } : {}),
      };
    }
    return progress;
  } catch {
    return {}; // storage blocked or damaged: start afresh
  }
}

export const useLessons = create<LessonsState>()(() => ({
  catalogue: null,
  catalogueError: null,
  catalogueSkipped: [],
  dialogOpen: false,
  active: null,
  stepIndex: 0,
  finished: false,
  steps: [],
  answer: null,
  verdict: null,
  grading: null,
  grade: null,
  failedChecks: 0,
  solutionLink: null,
  progress: readProgress(),
}));

/** Records progress of a lesson or challenge (merged with what was saved) and saves it locally. */
export function saveProgress(id: string, change: Partial<LessonProgress>): void {
  const progress = { ...useLessons.getState().progress };
  const before = progress[id] ?? { step: 0, done: false };
  progress[id] = {
    step: Math.max(before.step, change.step ?? 0),
    done: before.done || change.done === true,
    ...(before.bestCost !== undefined || change.bestCost !== undefined
      ? { bestCost: Math.min(before.bestCost ?? Infinity, change.bestCost ?? Infinity) }
      : {}),
  };
  useLessons.setState({ progress });
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // storage blocked or full: progress lasts for this page only
  }
}

/** Clean state for a newly entered step. */
export const freshStep = { steps: [] as StepDescription[], answer: null, verdict: null, finished: false };
