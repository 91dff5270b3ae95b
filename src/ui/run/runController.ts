// The run controller: binds the SimClient (worker) to the store. Run / Pause / Step / Run to end /
// Reset / Speed / exports go through here; the kept message records live here (a ring, not in the store).
import { parseScenario } from '../../model/parse';
import { useAppStore } from '../../store/store';
import { createBackend } from '../../worker/backends';
import { RecordRing } from '../../worker/recordRing';
import { CsvTooBigError, DEFAULT_LOAD_OPTIONS, MAX_CSV_ROWS, RunReplacedError, SimClient } from '../../worker/simClient';
import type { LiveCopies } from '../../worker/protocol';
import { translate } from '../i18n';
import { downloadBlob, safeFileName } from './download';

let client: SimClient | null = null;
const ring = new RecordRing(DEFAULT_LOAD_OPTIONS.keepRecords);
/** total message copies that reached an outcome in this run (the ring keeps the latest ones) */
let recordsTotal = 0;
/** the copies still on their way at the latest update's time (null once the run is over) */
let live: LiveCopies | null = null;

export const keptRecords = (): RecordRing => ring;
export const keptLive = (): LiveCopies | null => live;
export const recordsSeen = (): number => recordsTotal;

const store = () => useAppStore.getState();
const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(store().language, key, vars);

function getClient(): SimClient {
  if (client) return client;
  const preferMainThread = typeof location !== 'undefined' && new URLSearchParams(location.search).has('no-worker');
  client = new SimClient(
    {
      createBackend: () => createBackend(preferMainThread),
      now: () => performance.now(),
      requestFrame: (callback) => requestAnimationFrame(callback),
      cancelFrame: (handle) => cancelAnimationFrame(handle),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    {
      onUpdate: (update) => {
        ring.pushAll(update.records);
        recordsTotal += update.records.length + update.recordsSkipped;
        if (update.live !== undefined) live = update.live;
        if (update.report !== undefined) live = null;
        const status = store().runStatus;
        store().applyRunUpdate(update, status === 'playing' || status === 'running-to-end' ? performance.now() : undefined);
      },
      onFailure: (message) => {
        store().runFailed(message);
        store().notify({ kind: 'alert', tone: 'error', title: t('run.failed'), lines: [t('run.failedStuck'), message] });
      },
      onPlaybackEnded: () => {
        if (store().runStatus === 'playing') store().setRunStatus(store().report ? 'done' : 'paused');
      },
    },
  );
  client.setSpeed(store().speed);
  return client;
}

function reportError(error: unknown): void {
  if (error instanceof RunReplacedError) return;
  const message = error instanceof Error ? error.message : String(error);
  if (store().runStatus !== 'failed') {
    store().runFailed(message);
    store().notify({ kind: 'alert', tone: 'error', title: t('run.failed'), lines: message.split('\n') });
  }
}

/** a fresh run of the current diagram at time 0; false (and the Problems tab) when the diagram is invalid */
async function loadFresh(): Promise<boolean> {
  const { scenario, docVersion } = store();
  const parsed = parseScenario(scenario);
  if (!parsed.ok) {
    store().setDockTab('problems');
    store().notify({ kind: 'toast', tone: 'error', title: t('run.invalid') });
    return false;
  }
  const sim = getClient();
  ring.clear();
  recordsTotal = 0;
  live = null;
  store().resetRun();
  store().setRunStatus('loading');
  const meta = await sim.load(parsed.scenario);
  store().runLoaded(meta, docVersion, sim.backendKind);
  return true;
}

/** the current run can continue (loaded, not finished, diagram unchanged) */
function canContinue(): boolean {
  const state = store();
  return client !== null && client.isLoaded && !client.isFinished && state.resultsDocVersion === state.docVersion && (state.runStatus === 'paused' || state.runStatus === 'playing');
}

export async function run(): Promise<void> {
  try {
    if (!canContinue() && !(await loadFresh())) return;
    const sim = getClient();
    if (sim.isFinished) {
      store().setRunStatus('done');
      return;
    }
    store().setRunStatus('playing');
    sim.play();
  } catch (error) {
    reportError(error);
  }
}

export function pause(): void {
  if (!client) return;
  client.pause();
  if (store().runStatus === 'playing') store().setRunStatus('paused');
  store().syncLive();
}

/** the run on show is over and still matches the diagram: Step says so instead of starting again at 0 */
function finishedAndCurrent(): boolean {
  const state = store();
  return client !== null && client.isFinished && state.runStatus === 'done' && state.resultsDocVersion === state.docVersion;
}

export async function step(): Promise<void> {
  try {
    if (finishedAndCurrent()) {
      store().setStepLine(null);
      return;
    }
    if (!canContinue() && !(await loadFresh())) return;
    const sim = getClient();
    const description = await sim.step();
    store().setStepLine(description);
    store().setRunStatus(sim.isFinished ? 'done' : 'paused');
  } catch (error) {
    reportError(error);
  }
}

export async function runToEnd(): Promise<void> {
  try {
    if (!canContinue() && !(await loadFresh())) return;
    const sim = getClient();
    store().setRunStatus('running-to-end');
    const { cancelled } = await sim.runToEnd();
    store().setRunStatus(cancelled ? 'paused' : 'done');
    store().syncLive();
  } catch (error) {
    reportError(error);
  }
}

export function cancelRunToEnd(): void {
  client?.cancel();
}

export function reset(): void {
  client?.reset();
  ring.clear();
  recordsTotal = 0;
  live = null;
  store().resetRun();
}

export function setSpeed(speed: number): void {
  store().setSpeed(speed);
  client?.setSpeed(speed);
}

export function exportReport(): void {
  const { report } = store();
  if (!report) return;
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  downloadBlob(blob, `${safeFileName(report.scenario)}.report.json`);
}

function refuseBigCsv(rows: number | null): void {
  const name = safeFileName(store().runMeta?.scenarioName ?? store().scenario.name);
  store().notify({
    kind: 'alert',
    tone: 'error',
    title: t('run.results.csvTooBig'),
    lines: [
      rows === null ? t('run.results.csvTooBigMore', { limit: MAX_CSV_ROWS }) : t('run.results.csvTooBigRows', { rows, limit: MAX_CSV_ROWS }),
      t('run.results.csvTooBigCli', { command: `npm run sim -- "${name}.eventflow.json" --messages "${name}.messages.csv"` }),
    ],
  });
}

export async function exportMessagesCsv(): Promise<void> {
  try {
    const sent = store().report?.totals.sent;
    if (sent !== undefined && sent > MAX_CSV_ROWS && store().resultsDocVersion === store().docVersion) {
      refuseBigCsv(sent);
      return;
    }
    const sim = getClient();
    if (!sim.isLoaded && !(await loadFresh())) return;
    const { blob, rows } = await sim.exportCsv();
    downloadBlob(blob, `${safeFileName(store().runMeta?.scenarioName ?? 'scenario')}.messages.csv`);
    store().notify({ kind: 'toast', tone: 'success', title: t('run.results.exportCsvDone', { rows }) });
  } catch (error) {
    if (error instanceof CsvTooBigError) {
      refuseBigCsv(null);
      return;
    }
    reportError(error);
  }
}
