// Quality gate (issue 6): hostile files and share links in the browser. Each is refused with a clear alert;
// the diagram is untouched, nothing freezes the page (long tasks measured), and no page error is thrown.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import LZString from 'lz-string';
import { expect, test, type Page } from '@playwright/test';
import { canvasNodeIds, chainScenario, expectResponsive, guard, importText, openApp, underLoadMs } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

/** Longest a single main-thread task may block while a hostile input is refused (ms, on a quiet machine: see underLoadMs). */
const MAX_FREEZE_MS = 3000;
const head = '"format":"eventflow-scenario","version":1';
const valid = (extra: string) => JSON.stringify(chainScenario('hostile')).replace('"name":"hostile"', `"name":"hostile"${extra}`);

/** Hostile files: name, bytes, and what the alert must say. */
const FILES: { name: string; content: () => string | Buffer; says: RegExp }[] = [
  { name: 'huge-number.eventflow.json', content: () => valid(',"warmup":1e999'), says: /warmup: must be a finite number/ },
  { name: 'nan-string.eventflow.json', content: () => valid('').replace('"seed":7', '"seed":"NaN"'), says: /seed: / },
  { name: 'infinity-string.eventflow.json', content: () => valid('').replace('"stopAt":2000', '"stopAt":"Infinity"'), says: /stopAt: / },
  { name: 'rate-1e308.eventflow.json', content: () => valid('').replace('"ratePerSecond":200', '"ratePerSecond":1e308'), says: /nodes\[0\] \(p\).*would publish/ },
  { name: '100k-nodes.eventflow.json', content: () => JSON.stringify({ format: 'eventflow-scenario', version: 1, name: 'n', stopAt: 10, nodes: Array.from({ length: 100_000 }, (_, i) => ({ id: `q${i}`, type: 'queue' })), edges: [] }), says: /nodes/ },
  { name: 'deep.eventflow.json', content: () => `{${head},"name":"d","x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, says: /nested too deeply|not valid JSON/ },
  { name: 'garbage.eventflow.json', content: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), says: /not valid JSON/ },
  { name: 'empty.eventflow.json', content: () => '', says: /empty/ },
  { name: 'report.json', content: () => '{"format":"eventflow-report","version":1,"scenario":"x"}', says: /run report/ },
  { name: 'newer.eventflow.json', content: () => `{"format":"eventflow-scenario","version":2,"name":"n","nodes":[],"edges":[]}`, says: /newer version/ },
  { name: 'proto.eventflow.json', content: () => valid(',"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}'), says: /unknown key "__proto__"/ },
  { name: '<img src=x onerror=alert(1)>.json', content: () => `{${head},"name":"<img src=x onerror=window.__xss=1>","<img src=x onerror=window.__xss=3>":1,"nodes":[{"id":"a","type":"<script>window.__xss=2</script>"}],"edges":[]}`, says: /unknown key "<img src=x onerror=window.__xss=3>"/ },
];

/** Starts counting main-thread long tasks (PerformanceObserver 'longtask'). */
async function watchFreezes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longestTaskMs: number };
    w.__longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longestTaskMs = Math.max(w.__longestTaskMs, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longestTask = (page: Page) => page.evaluate(() => (window as unknown as { __longestTaskMs: number }).__longestTaskMs);
const resetLongest = (page: Page) => page.evaluate(() => { (window as unknown as { __longestTaskMs: number }).__longestTaskMs = 0; });

async function expectUntouched(page: Page): Promise<void> {
  expect(await canvasNodeIds(page)).toEqual(['p', 'q', 'h']);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('QA chain');
}

test('hostile files are refused with a clear alert; the diagram is untouched and the page stays responsive', async ({ page }) => {
  test.setTimeout(180_000);
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, chainScenario());
  const report: string[] = [];
  for (const file of FILES) {
    await resetLongest(page);
    await importText(page, file.name, file.content());
    const alert = page.getByRole('alertdialog');
    await expect(alert, file.name).toBeVisible({ timeout: 20_000 });
    await expect(alert, file.name).toContainText('Cannot open');
    await expect(alert, file.name).toContainText(file.says);
    await expect(alert.getByRole('button', { name: 'Close' })).toBeFocused();
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect(alert).toHaveCount(0);
    await expectUntouched(page);
    const longest = await longestTask(page);
    report.push(`${file.name}: longest task ${Math.round(longest)} ms`);
    expect(longest, file.name).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  }
  await expectResponsive(page);
  expect(g.pageErrors).toEqual([]);
  expect(await g.payloadRan()).toBe(false);
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  console.info(report.join('\n'));
});

test('a 50 MB file is refused by its size before it is read', async ({ page }) => {
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, chainScenario());
  const path = join(mkdtempSync(join(tmpdir(), 'eventflow-hostile-')), 'fifty.eventflow.json');
  writeFileSync(path, valid(`,"description":"${'a'.repeat(50 * 1024 * 1024)}"`));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  await chooser.setFiles(path);
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('fifty.eventflow.json');
  await expect(alert).toContainText(/5 MB/);
  await alert.getByRole('button', { name: 'Close' }).click();
  await expectUntouched(page);
  expect(await longestTask(page)).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  expect(g.pageErrors).toEqual([]);
});

const { compressToEncodedURIComponent } = LZString;
const damagedLinks: [string, string][] = [
  ['empty payload', '#s='],
  ['characters outside the alphabet', '#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['random letters', '#s=QWERTYqwerty0123456789abcdefABCDEF'],
  ['cut in half', (() => { const f = `#s=${compressToEncodedURIComponent(JSON.stringify(chainScenario('Linked')))}`; return f.slice(0, Math.floor(f.length / 2)); })()],
  ['cut by three characters', (() => { const f = `#s=${compressToEncodedURIComponent(JSON.stringify(chainScenario('Linked')))}`; return f.slice(0, -3); })()],
  ['not JSON inside', `#s=${compressToEncodedURIComponent('alert(1)')}`],
  ['a JSON array inside', `#s=${compressToEncodedURIComponent('[1,2,3]')}`],
];
const invalidLinks: [string, string, RegExp][] = [
  ['a scenario with a prototype key', `#s=${compressToEncodedURIComponent(valid(',"__proto__":{"polluted":1}'))}`, /unknown key "__proto__"/],
  ['a scenario with 1e999', `#s=${compressToEncodedURIComponent(valid(',"warmup":1e999'))}`, /warmup: must be a finite number/],
  ['a report, not a scenario', `#s=${compressToEncodedURIComponent('{"format":"eventflow-report","version":1}')}`, /run report/],
];

test('corrupt, truncated and invalid share links explain what is wrong and load nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, chainScenario());
  const alert = page.getByRole('alertdialog', { name: 'This link cannot be opened' });
  for (const [what, hash] of damagedLinks) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
    await expect(alert, what).toContainText('damaged or incomplete');
    await alert.getByRole('button', { name: 'Close' }).click();
    await expectUntouched(page);
    expect(page.url(), what).not.toContain('#s=');
  }
  for (const [what, hash, says] of invalidLinks) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
    await expect(alert, what).toContainText(says);
    await alert.getByRole('button', { name: 'Close' }).click();
    await expectUntouched(page);
  }
  // opening the page itself with a damaged link (not a hash change): same message, the autosave stays
  await page.goto(`/${damagedLinks[3][1]}`);
  await expect(alert).toContainText('damaged or incomplete');
  await alert.getByRole('button', { name: 'Close' }).click();
  await expectUntouched(page);
  expect(await longestTask(page)).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  expect(g.pageErrors).toEqual([]);
  expect(await g.payloadRan()).toBe(false);
});

const BOMB = 'e2e/fixtures/share-bomb-20mb.txt';
test('a share link that unpacks to 20 MB ("zip bomb") is refused without freezing the page', async ({ page }) => {
  test.skip(!existsSync(BOMB), 'fixture not generated');
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, chainScenario());
  await resetLongest(page);
  await page.evaluate((h) => { window.location.hash = h; }, `#s=${readFileSync(BOMB, 'utf8').trim()}`);
  const alert = page.getByRole('alertdialog', { name: 'This link cannot be opened' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await alert.getByRole('button', { name: 'Close' }).click();
  await expectUntouched(page);
  expect(await longestTask(page)).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  expect(g.pageErrors).toEqual([]);
});

test('the largest allowed diagram (2,000 nodes, 1,500 edges) imports, runs and stays editable', async ({ page }) => {
  test.setTimeout(180_000);
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page);
  const nodes: object[] = [];
  const edges: object[] = [];
  for (let i = 0; i < 500; i++) {
    nodes.push({ id: `p${i}`, type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 1 }, position: { x: 0, y: i * 100 } },
      { id: `q${i}`, type: 'queue', position: { x: 250, y: i * 100 } },
      { id: `h${i}`, type: 'handler', service: { kind: 'constant', value: 1 }, position: { x: 500, y: i * 100 } },
      { id: `t${i}`, type: 'topic', position: { x: 750, y: i * 100 } });
    edges.push({ id: `a${i}`, source: `p${i}`, target: `q${i}` }, { id: `b${i}`, source: `q${i}`, target: `h${i}` }, { id: `c${i}`, source: `h${i}`, target: `t${i}` });
  }
  await importText(page, 'largest.eventflow.json', JSON.stringify({ format: 'eventflow-scenario', version: 1, name: 'Largest', stopAt: 10_000, nodes, edges }));
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Largest', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Export report' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Add topic' }).click();
  await expect(page.getByRole('tab', { name: /^Problems/ })).toBeVisible();
  // generous: a 2-core CI box under load; today about 2.5 s for the import (React Flow mounting 2,000 nodes)
  expect(await longestTask(page)).toBeLessThan(underLoadMs(8000));
  expect(g.pageErrors).toEqual([]);
});

test('a run at the message bound (10^8 messages) keeps the page responsive and can be cancelled', async ({ page }) => {
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, { format: 'eventflow-scenario', version: 1, name: 'Heavy', stopAt: 100_000, nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 999_000 }, position: { x: 0, y: 0 } },
    { id: 'q', type: 'queue', position: { x: 250, y: 0 } },
    { id: 'h', type: 'handler', concurrency: 10_000, service: { kind: 'exponential', mean: 5 }, position: { x: 500, y: 0 } },
  ], edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }] });
  await resetLongest(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByRole('progressbar', { name: 'Running to the end' })).toBeVisible();
  // the page has taken the run's progress for a while: eight different progress reports (the worker sends one
  // every 250 ms of its work, about 2 s in all) have reached the page and been drawn
  const progressText = page.locator('.run-progress-text');
  const shown = new Set<string>();
  await expect.poll(async () => shown.add(await progressText.innerText()).size, { intervals: [50] }).toBeGreaterThanOrEqual(8);
  await expectResponsive(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run to end' })).toBeEnabled();
  expect(await longestTask(page)).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  expect(g.pageErrors).toEqual([]);
});

// MODEL-1 (bugs.md, fixed in 928c791): durations near 1e308 were accepted. In the browser Run to end then never
// finished (the worker walked virtual time in slices towards 1e308 ms) and the clock's digits pushed the
// page wider than the window; the CLI gave null means. Such a file is now refused with a clear bound.
test('a file with a 1e308 ms service time is refused with the bound; the diagram is unchanged', async ({ page }) => {
  await openApp(page, chainScenario());
  const text = valid('').replace('"stopAt":2000,', '').replace('{"kind":"poisson","ratePerSecond":200}', '{"kind":"schedule","times":[0,1]}').replace('"mean":6', '"mean":1e308');
  await importText(page, 'slow.eventflow.json', text);
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('service.mean: must be at most 1000000000000');
  await expect(page.getByRole('dialog', { name: 'Replace the current scenario?' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

// PASTE-2 (bugs.md, fixed by QA): pasted clipboard text bypassed the file bounds (2,000 nodes). Pasting 20,000
// well-formed queue nodes froze the page for 74 s, then every click took 11 s. A paste that would take the
// diagram past the bounds is now refused with a message, like a file.
test('pasting more nodes than a file may hold is refused quickly; the diagram is untouched', async ({ page }) => {
  const g = guard(page);
  await watchFreezes(page);
  await openApp(page, chainScenario());
  const payload = JSON.stringify({ format: 'eventflow-clipboard', edges: [],
    nodes: Array.from({ length: 5000 }, (_, i) => ({ id: `q${i}`, type: 'queue', position: { x: (i % 100) * 200, y: Math.floor(i / 100) * 100 } })) });
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await resetLongest(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, payload);
  await expect(page.getByText(/2,000|too many/i).first()).toBeVisible();
  await expectUntouched(page);
  expect(await longestTask(page)).toBeLessThan(underLoadMs(MAX_FREEZE_MS));
  expect(g.pageErrors).toEqual([]);
});

test('a drag from another page carrying the palette type with a hostile value adds nothing', async ({ page }) => {
  const g = guard(page);
  await openApp(page, chainScenario());
  for (const value of ['bogus', '__proto__', 'constructor', '<img src=x onerror=window.__xss=1>']) {
    const data = await page.evaluateHandle((v) => {
      const transfer = new DataTransfer();
      transfer.setData('application/x-eventflow-node', v);
      return transfer;
    }, value);
    await page.dispatchEvent('.react-flow__pane', 'dragover', { dataTransfer: data, clientX: 500, clientY: 300 });
    await page.dispatchEvent('.react-flow__pane', 'drop', { dataTransfer: data, clientX: 500, clientY: 300 });
  }
  await expectUntouched(page);
  expect(g.pageErrors).toEqual([]);
  expect(await g.payloadRan()).toBe(false);
});
