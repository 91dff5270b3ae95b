// Helpers for the quality-gate journeys (a11y, keyboard, hostile input, XSS, CSP, recovery): opening the app
// clean or with a scenario, importing text as a file, and guards that catch page errors and script payloads.
import { cpus, loadavg } from 'node:os';
import { expect, type Page } from '@playwright/test';

export const AUTOSAVE_KEY = 'eventflow.autosave';
export const CORRUPT_AUTOSAVE_KEY = 'eventflow.autosave.corrupt';

/** A small valid scenario that runs to the end quickly (publisher -> queue -> handler). */
export function chainScenario(name = 'QA chain', labels: { p?: string; q?: string; h?: string } = {}): Record<string, unknown> {
  const label = (text: string | undefined) => (text === undefined ? {} : { label: text });
  return {
    format: 'eventflow-scenario', version: 1, name, seed: 7, stopAt: 2000,
    nodes: [
      { id: 'p', type: 'publisher', ...label(labels.p), arrival: { kind: 'poisson', ratePerSecond: 200 }, position: { x: 0, y: 40 } },
      { id: 'q', type: 'queue', ...label(labels.q), capacity: 20, position: { x: 260, y: 40 } },
      { id: 'h', type: 'handler', ...label(labels.h), concurrency: 2, service: { kind: 'exponential', mean: 6 }, position: { x: 520, y: 40 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
  };
}

/** Opens the app once with empty storage (English), or with `scenario` as the autosave. Reloads keep storage. */
export async function openApp(page: Page, scenario?: object, language: 'en' | 'zh' = 'en'): Promise<void> {
  await page.addInitScript(([value, lang]) => {
    if (sessionStorage.getItem('qa-seeded')) return;
    localStorage.clear();
    localStorage.setItem('eventflow.language', lang as string);
    if (value) localStorage.setItem('eventflow.autosave', JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario: value, viewport: null }));
    sessionStorage.setItem('qa-seeded', '1');
  }, [scenario ?? null, language] as const);
  await page.goto('/');
  await expect(page.getByRole('region', { name: language === 'zh' ? '画布' : 'Canvas' })).toBeVisible();
}

export interface Guard {
  pageErrors: string[];
  dialogs: string[];
  /** true when a script payload ran (it sets window.__xss, or calls alert/confirm/prompt) */
  payloadRan: () => Promise<boolean>;
}

/** Records uncaught page errors and any alert/confirm/prompt (a payload calling alert(1)). */
export function guard(page: Page): Guard {
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    pageErrors,
    dialogs,
    payloadRan: async () => dialogs.length > 0 || (await page.evaluate(() => (window as unknown as { __xss?: number }).__xss !== undefined)),
  };
}

/** Picks a file with Import like a user does (the file chooser), with `content` as its bytes. */
export async function importText(page: Page, name: string, content: string | Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: typeof content === 'string' ? Buffer.from(content) : content });
}

/** The ids of the nodes on the canvas, in DOM order. */
export async function canvasNodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
}

/**
 * Waits until the page has run `count` more animation frames: whatever it scheduled for its next frames (a
 * flush of held updates, a fit of the view, a repaint) has run and been drawn, however busy the machine is.
 */
export async function afterFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate((frames) => new Promise<void>((done) => {
    const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
    next(frames);
  }), count);
}

/**
 * A wall-time bound for a freeze or hang check, stretched by how loaded this machine is right now (the 1-minute
 * load average per core, at least 1): the check catches a page that hangs, not a busy CI box. How fast things
 * are is measured in the benchmarks, never here.
 */
export function underLoadMs(quietMs: number): number {
  return Math.round(quietMs * Math.max(1, loadavg()[0] / Math.max(1, cpus().length)));
}

/** The page still answers: the main thread runs a task and the UI reacts to a click. */
export async function expectResponsive(page: Page): Promise<void> {
  const started = Date.now();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(underLoadMs(5000));
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByRole('tab', { name: /^Problems/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Results' }).click();
}

/** The stored autosave record's scenario (what a reload would open). */
export async function autosavedScenario(page: Page): Promise<{ name: string; nodes: { id: string }[] } | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { scenario: { name: string; nodes: { id: string }[] } }).scenario : null;
  }, AUTOSAVE_KEY);
}
