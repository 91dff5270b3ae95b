// The AsyncAPI code the app loads only when AsyncAPI is used (dynamic import from FileButtons and the
// drop zone): reading files in the worker, mapping, the import dialog's state, the zip export.
import { zipSync, strToU8 } from 'fflate';
import { create } from 'zustand';
import { fromScenario } from '../../asyncapi/fromScenario';
import type { ReadOutcome } from '../../asyncapi/importer';
import { toScenario, type Mapped } from '../../asyncapi/toScenario';
import type { SendMode } from '../../asyncapi/choices';
import type { Architecture, Finding, InputFile } from '../../asyncapi/types';
import { problem } from '../../asyncapi/findings';
import { MAX_ASYNCAPI_BYTES } from '../../asyncapi/readYaml';
import type { Scenario } from '../../model/types';
import { download } from '../files/documentIo';
import { fileBaseName } from '../files/serialize';

export interface ImportDialogState {
  /** files being read (the dialog shows a busy line) */
  reading: string[] | null;
  architecture: Architecture | null;
  /** findings from reading, when nothing could be mapped */
  readFailed: ReadOutcome | null;
  mapped: Mapped | null;
  modes: Map<string, SendMode>;
}

export const useAsyncApiDialog = create<ImportDialogState>()(() => ({ reading: null, architecture: null, readFailed: null, mapped: null, modes: new Map() }));

export const closeAsyncApiDialog = (): void => useAsyncApiDialog.setState({ reading: null, architecture: null, readFailed: null, mapped: null, modes: new Map() });

function readInWorker(files: InputFile[]): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./asyncapi.worker.ts', import.meta.url), { type: 'module' });
    const done = (outcome: ReadOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<ReadOutcome>) => done(event.data);
    worker.onerror = (event) => done({ findings: [problem('', '$', `the AsyncAPI reader failed (${event.message || 'worker error'})`)] });
    worker.postMessage({ files });
  });
}

/** Reads the files and opens the import dialog (the diagram is built only when the user confirms). */
export async function importAsyncApi(files: File[]): Promise<void> {
  useAsyncApiDialog.setState({ reading: files.map((f) => f.name), architecture: null, readFailed: null, mapped: null, modes: new Map() });
  const inputs: InputFile[] = [];
  const tooLarge: Finding[] = [];
  for (const file of files) {
    const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    const path = relative || file.name;
    // refused by its size before it is read: a 50 MB file never reaches the YAML reader
    if (file.size > MAX_ASYNCAPI_BYTES) tooLarge.push(problem(path, '$', `too large (${(file.size / 1048576).toFixed(1)} MB; an AsyncAPI file may have at most ${MAX_ASYNCAPI_BYTES / 1048576} MB)`));
    else inputs.push({ path, text: await file.text() });
  }
  const outcome = tooLarge.length > 0 ? { findings: tooLarge } : await readInWorker(inputs);
  if (useAsyncApiDialog.getState().reading === null) return; // cancelled meanwhile
  if (!outcome.architecture) return useAsyncApiDialog.setState({ reading: null, readFailed: outcome });
  const mapped = toScenario(outcome.architecture);
  useAsyncApiDialog.setState({ reading: null, architecture: outcome.architecture, mapped, modes: new Map(mapped.choices.map((c) => [c.key, c.mode])) });
}

/** The user flipped a send operation between spontaneous and reaction: map again. */
export function chooseMode(key: string, mode: SendMode): void {
  const { architecture, modes } = useAsyncApiDialog.getState();
  if (!architecture) return;
  const next = new Map(modes).set(key, mode);
  useAsyncApiDialog.setState({ modes: next, mapped: toScenario(architecture, next) });
}

/** Export → AsyncAPI 3 (zip): NAME-asyncapi.zip with one document per application and components.yaml. */
export function exportAsyncApiZip(scenario: Scenario): string {
  const entries = Object.fromEntries(fromScenario(scenario).map((file) => [file.path, strToU8(file.text)]));
  const name = `${fileBaseName(scenario.name)}-asyncapi.zip`;
  download(new Blob([zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
  return name;
}
