// The CLI's worker threads: the bundled thread answers a pair exactly as the engine does in this thread, the
// bundle is built once per process and holds no zod, its disk cache is used only while every input is unchanged,
// requests posted before the thread is up are not lost, and the TypeScript loader's flags are not passed on.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPair } from '../experiment/pair';
import type { PairResponse } from '../experiment/pool';
import { mm1Scenario } from '../experiment/testScenario';
import { bundleThread } from './threadBundle';
import { createThreadWorker, threadExecArgv, threadSource } from './threads';

describe('threadExecArgv', () => {
  it("drops tsx's --require/--import, in both spellings, and keeps every other flag", () => {
    expect(threadExecArgv(['--require', '/r/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///r/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(threadExecArgv(['--import', 'tsx'])).toEqual([]);
    expect(threadExecArgv(['--import=tsx', '--stack-size=2000'])).toEqual(['--stack-size=2000']);
    expect(threadExecArgv(['--import', './tracing.mjs', '-r', 'dotenv/config'])).toEqual(['--import', './tracing.mjs', '-r', 'dotenv/config']);
  });
});

describe('createThreadWorker', () => {
  it('is built once per process, as plain JS without zod', async () => {
    const first = threadSource();
    expect(threadSource()).toBe(first);
    const source = await first;
    expect(source).toContain('parentPort');
    expect(source).not.toMatch(/node_modules[/\\]zod/);
  }, 60_000);

  it('answers the pairs posted before it started with the same results as the engine in this thread', async () => {
    const scenarios = [mm1Scenario({ stopAt: 2000, warmup: 200 }), mm1Scenario({ stopAt: 1000, warmup: 0, ratePerSecond: 80 })];
    const worker = createThreadWorker();
    const replies: PairResponse[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.onFailure = (message) => reject(new Error(message));
      worker.onResponse = (response) => {
        replies.push(response);
        if (replies.length === 3) resolve();
      };
    });
    worker.post({ type: 'init', scenarios });
    worker.post({ type: 'run', id: 0, point: 0, seed: 3 });
    worker.post({ type: 'run', id: 1, point: 1, seed: 3984711379 });
    worker.post({ type: 'run', id: 2, point: 7, seed: 3 });
    try {
      await done;
    } finally {
      worker.terminate();
    }
    expect(replies[0]).toEqual({ type: 'result', id: 0, result: runPair(scenarios[0], 3) });
    expect(replies[1]).toEqual({ type: 'result', id: 1, result: runPair(scenarios[1], 3984711379) });
    expect(replies[2]).toEqual({ type: 'error', id: 2, message: 'no point 7' });
  }, 60_000);
});

describe('bundleThread', () => {
  it('reads the cached bundle while every input is unchanged, and builds afresh when one changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventflow-thread-'));
    try {
      const root = join(dir, 'repo');
      const entry = join(root, 'entry.ts');
      const cacheFile = join(dir, 'cache', 'bundle.json');
      mkdirSync(root);
      writeFileSync(join(root, 'answer.ts'), 'export const answer: number = 41;\n');
      writeFileSync(entry, "import { answer } from './answer';\nconsole.log(answer + 1);\n");
      const first = await bundleThread({ entry, root, cacheFile });
      expect(first.cached).toBe(false);
      expect(first.code).toContain('41');
      expect(await bundleThread({ entry, root, cacheFile })).toEqual({ code: first.code, cached: true });
      writeFileSync(join(root, 'answer.ts'), 'export const answer: number = 99;\n');
      const changed = await bundleThread({ entry, root, cacheFile });
      expect(changed.cached).toBe(false);
      expect(changed.code).toContain('99');
      writeFileSync(cacheFile, '{ not json');
      expect((await bundleThread({ entry, root, cacheFile })).cached).toBe(false);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ inputs: { 'entry.ts': expect.any(String), 'answer.ts': expect.any(String) } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('bundles the real worker entry with paths relative to the repository, whatever the working directory', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const entry = fileURLToPath(new URL('./experimentWorker.ts', import.meta.url));
    const bundle = await bundleThread({ entry, root, cacheFile: undefined });
    expect(bundle.code).toContain('src/engine/kernel.ts');
    expect(bundle.code).toBe(await threadSource());
  }, 60_000);
});
