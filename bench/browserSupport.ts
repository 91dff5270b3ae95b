// Shared plumbing of the browser benchmarks: command-line flags, percentiles, a vite preview server
// of dist/, and Chromium launched the way the Playwright config does (Debian's when present).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** nearest-rank percentile of an ascending array */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no server at ${url}`);
}

/** serves the built app (dist/) on the port and waits until it answers */
export async function startPreview(port: number): Promise<{ base: string; server: ChildProcess }> {
  if (!existsSync('dist/index.html')) throw new Error('build first: npx vite build');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base, 30_000);
  return { base, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { message?: string } } }

/**
 * The page's main-thread tasks in a Chromium trace (categories devtools.timeline and its disabled-by-default
 * twin) from the `console.timeStamp(mark)` on: when each started (ms after the mark), its wall time and CPU time. On a shared
 * machine a task's wall time includes the time the OS gave the core to other processes; its CPU time does not.
 */
export function mainThreadTasksAfter(trace: Buffer, mark: string): { atMs: number; wallMs: number; cpuMs: number }[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const from = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === mark)?.ts;
  if (from === undefined) throw new Error(`no console.timeStamp('${mark}') in the trace`);
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= from && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ atMs: (e.ts - from) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}
