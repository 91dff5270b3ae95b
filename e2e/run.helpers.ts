// Helpers for the run journeys: a scenario seeded as the editor's autosave, and the CLI's report for it.
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const signupScenario = {
  format: 'eventflow-scenario',
  version: 1,
  name: 'Run journey',
  seed: 42,
  stopAt: 5000,
  nodes: [
    { id: 'signup', type: 'publisher', label: 'signup', arrival: { kind: 'poisson', ratePerSecond: 300 }, position: { x: 0, y: 80 } },
    { id: 'user.registered', type: 'topic', position: { x: 240, y: 80 } },
    { id: 'signups', type: 'queue', position: { x: 480, y: 0 }, ttl: 40, deadLetter: 'dlq' },
    { id: 'mailer', type: 'handler', concurrency: 1, service: { kind: 'exponential', mean: 3 }, failureRate: 0.05, retry: { maxAttempts: 2, backoff: { kind: 'constant', value: 5 } }, position: { x: 720, y: 0 } },
    { id: 'audit', type: 'queue', capacity: 5, position: { x: 480, y: 180 } },
    { id: 'auditor', type: 'handler', concurrency: 2, service: { kind: 'constant', value: 6 }, position: { x: 720, y: 180 } },
    { id: 'dlq', type: 'queue', position: { x: 960, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'signup', target: 'user.registered', latency: { kind: 'constant', value: 2 } },
    { id: 'e2', source: 'user.registered', target: 'signups', latency: { kind: 'uniform', min: 1, max: 4 } },
    { id: 'e3', source: 'signups', target: 'mailer' },
    { id: 'e4', source: 'user.registered', target: 'audit', latency: { kind: 'constant', value: 3 } },
    { id: 'e5', source: 'audit', target: 'auditor' },
  ],
};

/** opens the app with `scenario` as the autosaved document */
export async function openWith(page: Page, scenario: object): Promise<void> {
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('eventflow.autosave', JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario: value, viewport: null }));
      localStorage.setItem('eventflow.language', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  }, scenario);
  await page.goto('/');
}

/** What the page and its simulation workers said to each other (see watchSimWorkers). */
export interface SimTraffic {
  /** simulation workers the page started */
  workers: number;
  /** requests the page posted that expect an answer (all but cancel) */
  sent: number;
  /** answers the page received (progress reports are not answers) */
  answered: number;
  /** the types of those answers, in order */
  answers: string[];
}

/**
 * Records, from outside the app, what the page and its simulation workers say to each other: an init script
 * wraps the page's Worker (nothing in the app changes). Call before the page opens.
 */
export async function watchSimWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const traffic = { workers: 0, sent: 0, answered: 0, answers: [] as string[] };
    Object.defineProperty(window, '__simTraffic', { value: traffic });
    const NativeWorker = window.Worker;
    if (typeof NativeWorker !== 'function') return;
    class WatchedWorker extends NativeWorker {
      private readonly sim: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.sim = /sim\.worker/.test(String(url));
        if (!this.sim) return;
        traffic.workers += 1;
        this.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
          const type = String(event.data?.type);
          if (type === 'progress') return;
          traffic.answered += 1;
          traffic.answers.push(type);
        });
      }
      postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
        if (this.sim && (message as { type?: string } | null)?.type !== 'cancel') traffic.sent += 1;
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    }
    window.Worker = WatchedWorker;
  });
}

export function simTraffic(page: Page): Promise<SimTraffic> {
  return page.evaluate(() => {
    const traffic = (window as unknown as { __simTraffic: SimTraffic }).__simTraffic;
    return { ...traffic, answers: [...traffic.answers] };
  });
}

/** Waits until the worker has answered every request the page sent it: nothing the page asked for is still in flight. */
export async function expectSimAnsweredAll(page: Page): Promise<void> {
  await expect.poll(async () => {
    const traffic = await simTraffic(page);
    return traffic.sent - traffic.answered;
  }, { message: 'requests still waiting for the worker' }).toBe(0);
}

/** the command line's --json report for the scenario */
export function cliReport(scenario: object): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'eventflow-run-'));
  const file = join(dir, 'scenario.eventflow.json');
  writeFileSync(file, JSON.stringify(scenario));
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', file, '--json'], { encoding: 'utf8', cwd: process.cwd() });
  return JSON.parse(out) as Record<string, unknown>;
}

/**
 * Compares two reports: same shape, same integers (counts), and floats within 1e-9 relative. Not byte
 * equality: Chromium's V8 and Node 20's V8 round Math.log/exp/cos/pow differently in the last bit for a
 * few percent of inputs (checked in this repo's environment), so the browser and the CLI may differ
 * in the 15th significant digit. Returns the paths that differ.
 */
export function reportDifferences(got: unknown, want: unknown, path = '$'): string[] {
  if (typeof want === 'number' && typeof got === 'number') {
    if (Number.isInteger(want) && Number.isInteger(got)) return got === want ? [] : [`${path}: ${got} != ${want}`];
    const scale = Math.max(Math.abs(want), Math.abs(got), 1e-12);
    return Math.abs(got - want) / scale <= 1e-9 ? [] : [`${path}: ${got} != ${want}`];
  }
  if (want !== null && typeof want === 'object' && got !== null && typeof got === 'object') {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    return [...keys].flatMap((key) => reportDifferences((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return Object.is(got, want) ? [] : [`${path}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`];
}
