// The only AsyncAPI code in the app's first load: which files are AsyncAPI, and the lazy hooks that load
// the reader, the import dialog and the zip export on first use (asyncapi.md: "the first load does not grow").
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store';
import { translate } from '../i18n';

const LazyDialog = lazy(() => import('./AsyncApiDialog'));

let used = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));
const markUsed = () => {
  if (used) return;
  used = true;
  listeners.forEach((listener) => listener());
};

/** .yaml/.yml files, and .json files with a top-level "asyncapi" field, are AsyncAPI documents. */
export async function isAsyncApiFile(file: File): Promise<boolean> {
  if (/\.ya?ml$/i.test(file.name)) return true;
  if (!/\.json$/i.test(file.name) || /\.eventflow\.json$/i.test(file.name) || file.size > 5 * 1024 * 1024) return false;
  try {
    return /^\s*\{\s*"asyncapi"\s*:|\n\s{0,2}"asyncapi"\s*:/.test(await file.text());
  } catch {
    return false;
  }
}

/** Opens the AsyncAPI import dialog for `files` (loads the AsyncAPI code on first use). */
export async function openAsyncApiImport(files: File[]): Promise<void> {
  markUsed();
  const module = await import('./loadAsyncApi');
  await module.importAsyncApi(files);
}

/** Import or drop: AsyncAPI documents (one or several) open the AsyncAPI dialog; one scenario file opens as before. */
export async function importFiles(files: File[], importScenario: (file: File) => Promise<boolean>): Promise<void> {
  if (files.length === 0) return;
  const asyncapi = await Promise.all(files.map(isAsyncApiFile));
  if (files.length > 1 || asyncapi[0]) await openAsyncApiImport(files);
  else await importScenario(files[0]);
}

/** Export → AsyncAPI 3 (zip). */
export async function exportAsyncApi(): Promise<void> {
  const module = await import('./loadAsyncApi');
  const store = useAppStore.getState();
  const name = module.exportAsyncApiZip(store.scenario);
  store.notify({ kind: 'toast', tone: 'success', title: translate(store.language, 'asyncapi.exported', { name }) });
}

/** The import dialog, rendered once AsyncAPI has been used. */
export function AsyncApiDialogSlot() {
  const isUsed = useSyncExternalStore(subscribe, () => used);
  if (!isUsed) return null;
  return (
    <Suspense fallback={null}>
      <LazyDialog />
    </Suspense>
  );
}
