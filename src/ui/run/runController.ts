// The run's user actions (Run / Pause / Step / Run to end / Reset / Speed / exports) as the UI calls
// them: each asks the page's run session (src/store/run.ts) and turns its outcome into what the user
// sees (the Problems tab, toasts, alerts). No run state lives here; the session owns it.
import type { RecordRing } from '../../worker/recordRing';
import type { SessionOutcome } from '../../session/runSession';
import { CsvTooBigError, MAX_CSV_ROWS } from '../../session/simClient';
import { currentDoc, runSession } from '../../store/run';
import { useAppStore } from '../../store/store';
import { tNow } from '../i18n';
import { downloadBlob, safeFileName } from './download';

const store = () => useAppStore.getState();
const t = tNow;

export const keptRecords = (): RecordRing => runSession.keptRecords;
export const recordsSeen = (): number => runSession.recordsSeen;
export const keptLive = () => runSession.keptLive;

/** The failure alert, once per failure (the session reports each failure once). */
runSession.subscribe({
  onFailure: (message, kind) => {
    const lines = kind === 'crashed' ? [t('run.failedStuck'), message] : message.split('\n');
    store().notify({ kind: 'alert', tone: 'error', title: t('run.failed'), lines });
  },
});

/** an invalid diagram runs nothing: the Problems tab says why */
function showInvalid(outcome: SessionOutcome | { blob: Blob; rows: number } | { text: string }): boolean {
  if (outcome !== 'invalid') return false;
  store().setDockTab('problems');
  store().notify({ kind: 'toast', tone: 'error', title: t('run.invalid') });
  return true;
}

export async function run(): Promise<void> {
  showInvalid(await runSession.play(currentDoc()));
}

export function pause(): void {
  runSession.pause();
}

export async function step(): Promise<void> {
  showInvalid(await runSession.step(currentDoc()));
}

export async function runToEnd(): Promise<void> {
  showInvalid(await runSession.runToEnd(currentDoc()));
}

export function cancelRunToEnd(): void {
  runSession.cancel();
}

export function reset(): void {
  runSession.reset();
}

export function setSpeed(speed: number): void {
  store().setSpeed(speed);
  runSession.setSpeed(speed);
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

/** "Export series": the run's time series, the same bytes as the command line's --series */
export async function exportSeries(format: 'csv' | 'json'): Promise<void> {
  try {
    const result = await runSession.exportSeries(currentDoc(), format);
    if (showInvalid(result) || result === 'invalid') return;
    const type = format === 'json' ? 'application/json' : 'text/csv';
    downloadBlob(new Blob([result.text], { type }), `${safeFileName(store().runMeta?.scenarioName ?? 'scenario')}.series.${format}`);
    store().notify({ kind: 'toast', tone: 'success', title: t('goals.exportSeries.done', { buckets: result.buckets, bucketMs: String(result.bucketMs) }) });
  } catch (error) {
    runSession.reportError(error);
  }
}

export async function exportMessagesCsv(): Promise<void> {
  try {
    const sent = store().report?.totals.sent;
    if (sent !== undefined && sent > MAX_CSV_ROWS && store().resultsDocVersion === store().docVersion) {
      refuseBigCsv(sent);
      return;
    }
    const result = await runSession.exportCsv(currentDoc());
    if (showInvalid(result) || result === 'invalid') return;
    downloadBlob(result.blob, `${safeFileName(store().runMeta?.scenarioName ?? 'scenario')}.messages.csv`);
    store().notify({ kind: 'toast', tone: 'success', title: t('run.results.exportCsvDone', { rows: result.rows }) });
  } catch (error) {
    if (error instanceof CsvTooBigError) {
      refuseBigCsv(null);
      return;
    }
    runSession.reportError(error);
  }
}
