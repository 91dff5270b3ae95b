// Files journeys: export/import round trip, share links (copy, fallback, new page, damaged), the example
// gallery (every example loads and runs to end; the CLI gives the browser's report), refused files, images.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import LZString from 'lz-string';
import { expect, test, type Download, type Page } from '@playwright/test';
import { afterFrames } from './qa.helpers';

const { compressToEncodedURIComponent } = LZString;

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const EXAMPLES = (JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as { examples: string[] }).examples
  .map((file) => {
    const doc = JSON.parse(readFileSync(`public/examples/${file}`, 'utf8')) as { name: string; nodes: { id: string }[]; 'x-gallery': { name: { zh: string }; notice?: { en?: string; zh?: string } } };
    return {
      file, name: doc.name, zhName: doc['x-gallery'].name.zh, nodeCount: doc.nodes.length, nodeIds: doc.nodes.map((n) => n.id),
      notice: doc['x-gallery'].notice?.en ?? '', zhNotice: doc['x-gallery'].notice?.zh ?? '',
    };
  });
const [EVENTLET, KAFKA, , , , RETRY, , CHAIN] = EXAMPLES;

async function saved(page: Page, action: () => Promise<unknown>): Promise<{ download: Download; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  // keep our own copy: the artifacts folder is shared and may be cleaned by another test run
  const path = join(mkdtempSync(join(tmpdir(), 'eventflow-files-')), download.suggestedFilename());
  await download.saveAs(path);
  return { download, text: readFileSync(path, 'utf8'), path };
}

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/**
 * Waits until `example` is on the canvas and framed: its "what to notice" note is up (shown once the document has
 * been replaced), its nodes are rendered and measured, and the view fitted to them (two frames after the load)
 * has been drawn.
 */
async function expectExampleFramed(page: Page, example: (typeof EXAMPLES)[number], language: 'en' | 'zh' = 'en'): Promise<void> {
  const note = page.getByRole('complementary', { name: language === 'zh' ? '看点' : 'What to notice' });
  await expect(note).toContainText((language === 'zh' ? example.zhNotice : example.notice).slice(0, 30));
  await expect(page.locator('.react-flow__node')).toHaveCount(example.nodeCount);
  for (const id of example.nodeIds) await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible();
  await afterFrames(page, 3);
}

const exportFile = (page: Page) => saved(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => { throw error; });
  page.on('dialog', (dialog) => { throw new Error(`a native dialog opened: ${dialog.message()}`); });
});

test('Export then Import gives the same diagram, byte for byte', async ({ page }) => {
  await page.goto('/');
  await openExample(page, CHAIN.name);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  const first = await exportFile(page);
  expect(first.download.suggestedFilename()).toBe('Order-chain-placed-→-payment-→-shipping.eventflow.json');
  expect(first.text).toBe(readFileSync(`public/examples/${CHAIN.file}`, 'utf8'));

  await openExample(page, EVENTLET.name); // just exported: replaced without a question
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles(first.path);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByRole('status').getByText(`Opened “${CHAIN.name}”`)).toBeVisible();
  expect((await exportFile(page)).text).toBe(first.text);

  await page.getByRole('button', { name: 'Undo' }).click(); // the import is one undoable step
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
});

/** Paths where two reports differ: integers and strings must match exactly, other numbers within `relative`. */
function reportDifferences(a: unknown, b: unknown, relative: number, path = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return [];
    const close = !Number.isInteger(a) && !Number.isInteger(b) && Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
    return close ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => reportDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], relative, `${path}.${key}`));
}

/** Exports the example's file from the browser, runs it to the end there and with `npm run sim -- FILE --json`. */
async function browserAndCli(page: Page, name: string): Promise<{ browser: Record<string, unknown>; cli: Record<string, unknown> }> {
  await openExample(page, name);
  const scenario = await exportFile(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  const exportReport = page.getByRole('button', { name: 'Export report' });
  await expect(exportReport).toBeEnabled({ timeout: 30_000 });
  const browser = JSON.parse((await saved(page, () => exportReport.click())).text) as Record<string, unknown>;
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', scenario.path, '--json'], { encoding: 'utf8' })) as Record<string, unknown>;
  return { browser: { ...browser, perf: null }, cli: { ...cli, perf: null } };
}

test('a browser-exported file runs with npm run sim and gives the report of Run to end in the browser', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  // constant and scheduled times only: byte-identical
  const eventlet = await browserAndCli(page, EVENTLET.name);
  expect(eventlet.cli).toEqual(eventlet.browser);
  // random distributions: every count, id and set identical; real numbers equal to 1e-12 (see the next test)
  for (const example of [KAFKA, RETRY]) {
    const { browser, cli } = await browserAndCli(page, example.name);
    expect(reportDifferences(cli, browser, 1e-12), example.name).toEqual([]);
  }
});

test('random examples are byte-identical in the browser and on the command line', async ({ page }) => {
  // Node 20 and Chromium 156 disagree in the last bit of Math.log/exp/cos; the engine uses src/engine/detmath
  test.setTimeout(120_000);
  await page.goto('/');
  const { browser, cli } = await browserAndCli(page, KAFKA.name);
  expect(cli).toEqual(browser);
});

test('every example loads from the gallery and runs to the end', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  for (const [index, example] of EXAMPLES.entries()) {
    await openExample(page, example.name);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'What to notice' })).toBeVisible();
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByRole('button', { name: 'Export report' }), `${index + 1} ${example.name}`).toBeEnabled({ timeout: 30_000 });
  }
});

test('the gallery menu works from the keyboard and shows each example’s notes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(EXAMPLES.length);
  expect(await items.allTextContents()).toEqual(EXAMPLES.map((e, i) => `${i + 1}${e.name}`));
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(page.locator('#files-gallery-detail')).toContainText('What to notice');
  await expect(page.locator('#files-gallery-detail')).toContainText('KafkaProducer');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Examples' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const last = EXAMPLES[EXAMPLES.length - 1];
  await expect(page.locator('.react-flow__node')).toHaveCount(last.nodeCount);
  await expect(page.getByRole('complementary', { name: 'What to notice' })).toContainText(last.notice.slice(0, 40));
});

test('loading over unsaved work asks first; Cancel keeps it, Replace loads and Undo brings it back', async ({ page }) => {
  await page.goto('/');
  await openExample(page, EVENTLET.name);
  await page.getByRole('button', { name: 'Add queue' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await openExample(page, KAFKA.name);
  const dialog = page.getByRole('dialog', { name: 'Replace the current scenario?' });
  await expect(dialog).toContainText(KAFKA.name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await nodeCount(page)).toBe(6);
  await openExample(page, KAFKA.name);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // focus stays in the dialog
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await nodeCount(page)).toBe(6);
  await openExample(page, KAFKA.name);
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
});

test('a share link round-trips in a new page', async ({ page, context, browser, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await openExample(page, RETRY.name);
  const original = await exportFile(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status').getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${baseURL}/#s=`)).toBe(true);
  expect(link.length).toBeLessThan(8000);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator('.react-flow__node')).toHaveCount(4);
  await expect(other.getByRole('status').getByText(`Opened “${RETRY.name}” from the link`)).toBeVisible();
  expect(other.url()).not.toContain('#s=');
  expect((await exportFile(other)).text).toBe(original.text);
  await fresh.close();
});

test('without a clipboard the link is shown in a dialog, selected', async ({ page, baseURL }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/');
  await openExample(page, EVENTLET.name);
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this link' });
  const field = dialog.getByRole('textbox', { name: 'Link to this scenario' });
  await expect(field).toBeFocused();
  expect((await field.inputValue()).startsWith(`${baseURL}/#s=`)).toBe(true);
  expect(await field.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)).toBe((await field.inputValue()).length);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a scenario too big for a link says so and offers the file instead', async ({ page }) => {
  await page.goto('/');
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let i = 0; i < 150; i++) {
    nodes.push({ id: `p${i}`, type: 'publisher', label: `publisher number ${i}`, position: { x: 0, y: i * 100 }, arrival: { kind: 'poisson', ratePerSecond: i + 1 } });
    nodes.push({ id: `h${i}`, type: 'handler', label: `handler number ${i}`, position: { x: 280, y: i * 100 }, service: { kind: 'exponential', mean: i + 2 } });
    edges.push({ id: `e${i}`, source: `p${i}`, target: `h${i}` });
  }
  const big = { format: 'eventflow-scenario', version: 1, name: 'Big one', stopAt: 1000, nodes, edges };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles({ name: 'big.eventflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByRole('status').getByText('Opened “Big one”')).toBeVisible();
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'This scenario is too big for a link' });
  await expect(dialog).toContainText('8,000');
  const file = await saved(page, () => dialog.getByRole('button', { name: 'Export file' }).click());
  expect(file.download.suggestedFilename()).toBe('Big-one.eventflow.json');
  expect((JSON.parse(file.text) as { nodes: unknown[] }).nodes).toHaveLength(300);
  await expect(dialog).toHaveCount(0);
});

test('opening a link over unsaved work asks; damaged, oversized and invalid links explain and load nothing', async ({ page }) => {
  await page.goto('/');
  await openExample(page, EVENTLET.name);
  await page.getByRole('button', { name: 'Add topic' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const chain = readFileSync(`public/examples/${CHAIN.file}`, 'utf8');
  const fragment = `#s=${compressToEncodedURIComponent(JSON.stringify(JSON.parse(chain)))}`;

  await page.goto(`/${fragment.slice(0, Math.floor(fragment.length / 2))}`); // cut off: damaged
  const alert = page.getByRole('alertdialog', { name: 'This link cannot be opened' });
  await expect(alert).toContainText('damaged or incomplete');
  await alert.getByRole('button', { name: 'Close' }).click();
  expect(await nodeCount(page)).toBe(6);

  const bomb = readFileSync('e2e/fixtures/share-bomb-20mb.txt', 'utf8').trim(); // unpacks to 20 MB
  await page.evaluate((hash) => { window.location.hash = hash; }, `#s=${bomb}`);
  await expect(alert).toContainText('links made by EventFlow have at most 8,000');
  await alert.getByRole('button', { name: 'Close' }).click();
  expect(await nodeCount(page)).toBe(6);

  const invalid = { ...JSON.parse(chain), nodes: [{ id: 'h', type: 'handler', service: { kind: 'exponential', mean: -1 } }], edges: [{ id: 'e1', source: 'h', target: 'gone' }] };
  await page.evaluate((hash) => { window.location.hash = hash; }, `#s=${compressToEncodedURIComponent(JSON.stringify(invalid))}`);
  await expect(alert).toContainText('nodes[0] (h).service.mean');
  await expect(alert).toContainText('edges[0] (e1)');
  await alert.getByRole('button', { name: 'Close' }).click();
  expect(await nodeCount(page)).toBe(6);

  await page.evaluate((hash) => { window.location.hash = hash; }, fragment); // a good link: asks first
  await page.getByRole('dialog', { name: 'Replace the current scenario?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
});

test('a refused file lists every problem by JSON path and changes nothing; big files are refused', async ({ page }) => {
  await page.goto('/');
  await openExample(page, EVENTLET.name);
  const before = await exportFile(page);
  const bad = { format: 'eventflow-scenario', version: 1, name: 'Bad', nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 5 } }, { id: 'q', type: 'queue', capacity: -2 }], edges: [{ id: 'e9', source: 'p', target: 'nowhere' }] };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles({ name: 'bad.eventflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const alert = page.getByRole('alertdialog', { name: 'Cannot open “bad.eventflow.json”' });
  await expect(alert).toContainText('nodes[1] (q).capacity');
  await expect(alert).toContainText('edges[0] (e9).target');
  await expect(alert).toContainText('nodes[0] (p)');
  await page.screenshot({ path: '/tmp/files-refused.png' });
  await alert.getByRole('button', { name: 'Close' }).click();
  expect((await exportFile(page)).text).toBe(before.text);

  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser2.setFiles({ name: 'huge.eventflow.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 32) });
  await expect(page.getByRole('alertdialog')).toContainText('files over 5 MB are refused');
});

test('dropping a file without positions on the canvas imports it, laid out', async ({ page }) => {
  await page.goto('/');
  const plain = { format: 'eventflow-scenario', version: 1, name: 'Dropped 用户注册', stopAt: 1000, nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 10 } },
    { id: 'q', type: 'queue' },
    { id: 'h', type: 'handler', service: { kind: 'constant', value: 5 } },
  ], edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }] };
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.eventflow.json', { type: 'application/json' }));
    return data;
  }, JSON.stringify(plain));
  await page.dispatchEvent('[data-files-dropzone]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-files-dropzone]', 'drop', { dataTransfer: transfer });
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  const exported = JSON.parse((await exportFile(page)).text) as { nodes: { id: string; position: { x: number; y: number } }[] };
  const x = Object.fromEntries(exported.nodes.map((n) => [n.id, n.position.x]));
  expect(x.p).toBeLessThan(x.q);
  expect(x.q).toBeLessThan(x.h);
});

test('PNG and SVG exports are images of the diagram; labels with HTML stay text', async ({ page }) => {
  await page.goto('/');
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const scenario = { format: 'eventflow-scenario', version: 1, name: 'Labels', stopAt: 1000, nodes: [
    { id: 'p', type: 'publisher', label: hostile, position: { x: 0, y: 0 }, arrival: { kind: 'constant', ratePerSecond: 10 } },
    { id: 'h', type: 'handler', label: 'event_handler', position: { x: 250, y: 0 }, service: { kind: 'constant', value: 5 } },
  ], edges: [{ id: 'e1', source: 'p', target: 'h' }] };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles({ name: 'labels.eventflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await page.getByRole('button', { name: 'More export options' }).click();
  const png = await saved(page, () => page.getByRole('menuitem', { name: 'Export PNG' }).click());
  expect(png.download.suggestedFilename()).toBe('Labels.png');
  const bytes = readFileSync(png.path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(300);
  expect(height).toBeGreaterThan(100);
  expect(bytes.length).toBeGreaterThan(5000);

  await page.getByRole('button', { name: 'More export options' }).click();
  const svg = await saved(page, () => page.getByRole('menuitem', { name: 'Export SVG' }).click());
  expect(svg.download.suggestedFilename()).toBe('Labels.svg');
  expect(svg.text.startsWith('<svg')).toBe(true);
  expect(svg.text).toContain('event_handler');
  expect(svg.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(svg.text).not.toMatch(/<script|<img/i);
  expect(svg.text).not.toContain('react-flow__controls');
  expect(svg.text).not.toContain('react-flow__minimap');
});

test('screenshots: the gallery and a loaded example (1280×800, 1920×1080), PNG export', async ({ page }) => {
  for (const [width, height] of [[1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: EXAMPLES[2].name }).hover();
    await page.screenshot({ path: `/tmp/files-gallery-${width}.png` });
    await page.getByRole('menuitem', { name: EXAMPLES[2].name }).click();
    await expectExampleFramed(page, EXAMPLES[2]);
    await page.screenshot({ path: `/tmp/files-example-${width}.png` });
  }
  await openExample(page, CHAIN.name);
  await expectExampleFramed(page, CHAIN);
  await page.getByRole('button', { name: 'More export options' }).click();
  const png = await saved(page, () => page.getByRole('menuitem', { name: 'Export PNG' }).click());
  writeFileSync('/tmp/files-diagram.png', readFileSync(png.path));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Add handler' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await page.getByRole('button', { name: '示例' }).click();
  await page.getByRole('menuitem', { name: EXAMPLES[5].zhName }).hover();
  await page.screenshot({ path: '/tmp/files-gallery-zh.png' });
  await page.getByRole('menuitem', { name: EXAMPLES[5].zhName }).click();
  await expect(page.getByRole('dialog', { name: '替换当前场景？' })).toBeVisible();
  await page.screenshot({ path: '/tmp/files-confirm-zh.png' });
  await page.getByRole('button', { name: '替换' }).click();
  await expect(page.getByRole('complementary', { name: '看点' })).toBeVisible();
  await expectExampleFramed(page, EXAMPLES[5], 'zh');
  await page.screenshot({ path: '/tmp/files-example-zh.png' });
});
