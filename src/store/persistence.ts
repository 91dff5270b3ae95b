// Autosave of the document (scenario + viewport) to localStorage, debounced, and its restore at startup.
// A stored autosave that cannot be used is set aside under another key (kept for download) and the user is told.
import { isObject } from '../model/json';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import type { Viewport } from './editorSlice';
import { isScenarioShape } from './shape';
import { useAppStore } from './store';

export const AUTOSAVE_KEY = 'eventflow.autosave';
export const CORRUPT_AUTOSAVE_KEY = 'eventflow.autosave.corrupt';
export const AUTOSAVE_DEBOUNCE_MS = 300;

interface AutosaveRecord {
  format: 'eventflow-autosave';
  version: 1;
  scenario: Scenario;
  viewport: Viewport | null;
}

/** What can go wrong with the autosave; the UI words it (src/ui/bootstrap.ts), the store only says which. */
export type AutosaveProblem = 'corrupt' | 'writeFailed';
let problemListener: (problem: AutosaveProblem) => void = () => {};

/** Who is told about autosave problems (one listener: the UI's notices). */
export function onAutosaveProblem(listener: (problem: AutosaveProblem) => void): void {
  problemListener = listener;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Enough structure for the editor to open it (every field of the right type); validation problems are allowed. */
export function isEditableScenario(value: unknown): value is Scenario {
  return isScenarioShape(value);
}

function isViewport(v: unknown): v is Viewport {
  return isObject(v) && [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.zoom as number) > 0;
}

export type RestoreOutcome = 'none' | 'restored' | 'corrupt';

/** Reads the autosave into the store. Returns what happened (for tests). */
export function restoreAutosave(): RestoreOutcome {
  const store = storage();
  const raw = store?.getItem(AUTOSAVE_KEY);
  if (!store || raw === null || raw === undefined) return 'none';
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    record = undefined;
  }
  const scenarioValue = isObject(record) ? record.scenario : undefined;
  if (!isObject(record) || record.format !== 'eventflow-autosave' || !isEditableScenario(scenarioValue)) {
    setAside(store, raw);
    return 'corrupt';
  }
  let scenario: Scenario = scenarioValue;
  try {
    const parsed = parseScenario(scenarioValue);
    if (parsed.ok && isEditableScenario(parsed.scenario)) scenario = parsed.scenario;
  } catch {
    // keep the stored scenario; its problems show in the Problems panel
  }
  const state = useAppStore.getState();
  state.resetDocument(scenario);
  if (isViewport(record.viewport)) state.setViewport(record.viewport);
  return 'restored';
}

function setAside(store: Storage, raw: string): void {
  try {
    store.setItem(CORRUPT_AUTOSAVE_KEY, raw);
  } catch {
    // storage full: the corrupt text is lost, but the app still starts clean
  }
  store.removeItem(AUTOSAVE_KEY);
  problemListener('corrupt');
}

/** The set-aside autosave text, if any (offered for download in scenario settings). */
export function readCorruptAutosave(): string | null {
  return storage()?.getItem(CORRUPT_AUTOSAVE_KEY) ?? null;
}

export function discardCorruptAutosave(): void {
  storage()?.removeItem(CORRUPT_AUTOSAVE_KEY);
}

/** true after a failed write was reported, until a write succeeds again (one message, not one per edit) */
let failureReported = false;

export function writeAutosaveNow(): void {
  const store = storage();
  if (!store) return;
  const { scenario, viewport } = useAppStore.getState();
  const record: AutosaveRecord = { format: 'eventflow-autosave', version: 1, scenario, viewport };
  try {
    store.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    failureReported = false;
  } catch {
    // quota exceeded: the work is not lost yet, but will be on a reload, so say so once (QA REC-2)
    if (failureReported) return;
    failureReported = true;
    problemListener('writeFailed');
  }
}

let stopCurrent: (() => void) | null = null;

/** Saves ~300 ms after each change of the scenario or viewport. Returns a stop function. */
export function startAutosave(debounceMs = AUTOSAVE_DEBOUNCE_MS): () => void {
  stopCurrent?.();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writeAutosaveNow();
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario && state.viewport === previous.viewport) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  const onHide = () => {
    if (timer !== null) flush();
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  const stop = () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
    if (stopCurrent === stop) stopCurrent = null;
  };
  stopCurrent = stop;
  return stop;
}
