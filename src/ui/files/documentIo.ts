// Replacing the document (import, example, share link) and saving it (export): asks before replacing
// unsaved work, lays out files without positions, loads as one undoable step, clears stale results.
import type { Scenario } from '../../model/types';
import { parseScenarioText } from '../../model/parse';
import { useAppStore } from '../../store/store';
import { tNow } from '../i18n';
import { canvasBridge } from '../canvas/placement';
import * as runController from '../run/runController';
import { askToReplace, useFilesUi } from './filesUi';
import { layoutIfNeeded } from './layout';
import { scenarioFileName, serializeCompact, serializeScenario } from './serialize';

/** Largest file Import accepts. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const state = () => useAppStore.getState();
const t = tNow;

/** Where the document as last loaded, exported or shared is remembered across reloads (with the autosave). */
const BASELINE_KEY = 'eventflow.files.baseline';

function readBaseline(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(BASELINE_KEY);
  } catch {
    return null; // storage disabled: every non-empty document counts as unsaved work
  }
}

/** Compact JSON of the document as last loaded, exported or shared; null until one of those happened. */
let baseline: string | null = readBaseline();

export function markSaved(scenario: Scenario = state().scenario): void {
  baseline = serializeCompact(scenario);
  try {
    localStorage.setItem(BASELINE_KEY, baseline);
  } catch {
    // storage full or disabled: the baseline still holds for this page
  }
}

/** Work that would be lost: a document with something in it that was never loaded, exported or shared as it is. */
export function hasUnsavedWork(scenario: Scenario = state().scenario): boolean {
  if (scenario.nodes.length === 0 && scenario.edges.length === 0) return false;
  return baseline !== serializeCompact(scenario);
}

export interface ReplaceOptions {
  /** suggested playback speed (examples), virtual ms per wall second */
  speedPerSecond?: number;
  /** skip the question (the user already confirmed) */
  confirmed?: boolean;
}

/** Replaces the document with `incoming` as one undoable step; resolves false if the user declined. */
export async function replaceDocument(incoming: Scenario, options: ReplaceOptions = {}): Promise<boolean> {
  if (!options.confirmed && hasUnsavedWork() && !(await askToReplace(incoming.name))) return false;
  const placed = await layoutIfNeeded(incoming);
  // stop and clear the old run first: its results belong to the old diagram
  runController.reset();
  state().loadScenario(placed);
  if (options.speedPerSecond !== undefined) runController.setSpeed(options.speedPerSecond / 1000);
  useFilesUi.setState({ exampleNote: null });
  markSaved(placed);
  // frame the new diagram once React Flow has measured its nodes
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(() => canvasBridge()?.fitView()));
  return true;
}

/** Shows a refused file or link: every problem by its JSON path; the document is left untouched. */
export function showProblems(title: string, lines: string[]): void {
  state().notify({ kind: 'alert', tone: 'error', title, lines });
}

/** Import: reads a picked or dropped file, refuses it with every problem, or loads it. */
export async function importFile(file: File): Promise<boolean> {
  const name = file.name || t('files.import.unnamed');
  if (file.size > MAX_FILE_BYTES) {
    showProblems(t('files.import.refused', { name }), [t('files.import.tooBig', { sizeMb: file.size / 1024 / 1024, maxMb: MAX_FILE_BYTES / 1024 / 1024 })]);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showProblems(t('files.import.refused', { name }), [t('files.import.unreadable', { reason: error instanceof Error ? error.message : String(error) })]);
    return false;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    showProblems(t('files.import.refused', { name }), parsed.problems.map((problem) => problem.text));
    return false;
  }
  const loaded = await replaceDocument(parsed.scenario);
  if (loaded) state().notify({ kind: 'toast', tone: 'success', title: t('files.import.done', { name: parsed.scenario.name }) });
  return loaded;
}

/** Saves `content` as a download named `fileName`. */
export function download(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export: downloads `NAME.eventflow.json` in the stable, diff-friendly form. */
export function exportScenarioFile(scenario: Scenario = state().scenario): string {
  const fileName = scenarioFileName(scenario);
  download(new Blob([serializeScenario(scenario)], { type: 'application/json' }), fileName);
  markSaved(scenario);
  return fileName;
}
