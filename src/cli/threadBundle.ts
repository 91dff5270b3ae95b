// The worker thread's code as one plain CommonJS script, bundled by esbuild from experimentWorker.ts (the
// engine and compile, ~85 kB, no zod), and cached in node_modules/.cache/eventflow keyed by the SHA-256 of
// every input file: a CLI run whose sources did not change reads the bundle instead of running esbuild.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

interface CacheEntry {
  key: string;
  /** input path (relative to the root) → SHA-256 of its content when the bundle was built */
  inputs: Record<string, string>;
  code: string;
}

export interface BundleRequest {
  /** the worker entry, absolute */
  entry: string;
  /** the directory input paths are relative to (the repository) */
  root: string;
  /** where the cached bundle lives; undefined: no cache */
  cacheFile: string | undefined;
}

const sha256 = (text: Buffer | string) => createHash('sha256').update(text).digest('hex');

/** the cached code when every input still has the content it was built from */
async function readCache(request: BundleRequest, key: string): Promise<string | undefined> {
  if (request.cacheFile === undefined) return undefined;
  try {
    const entry = JSON.parse(await readFile(request.cacheFile, 'utf8')) as CacheEntry;
    if (entry.key !== key || typeof entry.code !== 'string') return undefined;
    const checks = await Promise.all(Object.entries(entry.inputs).map(async ([path, hash]) => sha256(await readFile(resolve(request.root, path))) === hash));
    return checks.every(Boolean) ? entry.code : undefined;
  } catch {
    return undefined; // missing, unreadable or from another version: build afresh
  }
}

/** writes the cache atomically (temp file + rename); a read-only tree just goes without */
async function writeCache(cacheFile: string, entry: CacheEntry): Promise<void> {
  try {
    await mkdir(dirname(cacheFile), { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, cacheFile);
  } catch {
    // no cache this time
  }
}

/** the bundle's code and whether it came from the cache */
export async function bundleThread(request: BundleRequest): Promise<{ code: string; cached: boolean }> {
  const esbuild = await import('esbuild');
  const key = `esbuild ${esbuild.version} ${request.entry}`;
  const cachedCode = await readCache(request, key);
  if (cachedCode !== undefined) return { code: cachedCode, cached: true };
  const out = await esbuild.build({
    entryPoints: [request.entry], absWorkingDir: request.root, bundle: true, write: false, metafile: true,
    format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent', legalComments: 'none',
  });
  const file = out.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no worker bundle');
  if (request.cacheFile !== undefined) {
    const paths = Object.keys(out.metafile.inputs);
    const hashes = await Promise.all(paths.map(async (path) => sha256(await readFile(resolve(request.root, path)))));
    await writeCache(request.cacheFile, { key, inputs: Object.fromEntries(paths.map((path, i) => [path, hashes[i]])), code: file.text });
  }
  return { code: file.text, cached: false };
}

/** node_modules/.cache/eventflow/worker-thread.json under `root` */
export const defaultCacheFile = (root: string): string => join(root, 'node_modules', '.cache', 'eventflow', 'worker-thread.json');
