// Quality gate (issue 6): labels, names and descriptions carrying HTML or script are shown as text everywhere
// (canvas, inspector, results, model panel, messages, step line, exported SVG/PNG, dialogs) and never run:
// each payload would set window.__xss or open a dialog, and no payload element may appear in the DOM.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { afterFrames, guard, openApp } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const PAYLOAD = {
  name: '<img src=x onerror="window.__xss=1">',
  description: '<script>window.__xss=2</script>',
  publisher: '<img src=x onerror=window.__xss=3>',
  topic: '<svg onload=window.__xss=4>',
  queue: '"><iframe src="javascript:parent.__xss=5"></iframe>',
  handler: '<script>window.__xss=6</script>',
  event: '<b onmouseover=window.__xss=7>bold</b>',
};

const SCENARIO = {
  format: 'eventflow-scenario', version: 1, name: PAYLOAD.name, description: PAYLOAD.description, seed: 3, stopAt: 1000,
  nodes: [
    { id: 'p', type: 'publisher', label: PAYLOAD.publisher, arrival: { kind: 'poisson', ratePerSecond: 100 }, position: { x: 0, y: 40 } },
    { id: 't', type: 'topic', label: PAYLOAD.topic, position: { x: 240, y: 40 } },
    { id: 'q', type: 'queue', label: PAYLOAD.queue, position: { x: 480, y: 40 } },
    { id: 'h', type: 'handler', label: PAYLOAD.handler, event: PAYLOAD.event, service: { kind: 'constant', value: 3 }, position: { x: 720, y: 40 } },
    { id: 'sink', type: 'queue', position: { x: 960, y: 40 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 't' }, { id: 'e2', source: 't', target: 'q' }, { id: 'e3', source: 'q', target: 'h' }, { id: 'e4', source: 'h', target: 'sink' }],
};

/** Elements a payload would create if it were parsed as HTML. */
const PAYLOAD_ELEMENTS = 'img[src="x"], iframe, svg[onload], b[onmouseover], script:not([src])';

async function expectNoPayloadElements(page: Page): Promise<void> {
  expect(await page.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
}

test('HTML and script in labels, names and descriptions are text everywhere and never run', async ({ page }) => {
  test.setTimeout(120_000);
  const g = guard(page);
  await openApp(page, SCENARIO);

  // canvas nodes show the labels as text
  for (const [id, text] of [['p', PAYLOAD.publisher], ['t', PAYLOAD.topic], ['q', PAYLOAD.queue], ['h', PAYLOAD.handler]]) {
    await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toContainText(text.slice(0, 12));
  }
  // title and scenario settings
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(PAYLOAD.name);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(PAYLOAD.description);
  await expect(page.locator('header, .topbar').first()).toContainText(PAYLOAD.name.slice(0, 10));
  // the Model panel: E = { <svg onload…>, … }, S pairs
  const model = page.getByRole('region', { name: 'Model' });
  await expect(model).toContainText(PAYLOAD.topic);
  // inspector of each node, hovering the canvas text too
  for (const id of ['p', 't', 'q', 'h']) {
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    await node.click();
    await node.hover();
    const label = SCENARIO.nodes.find((n) => n.id === id)!.label!;
    await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: label })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: /Label|Event type name/ }).first()).toHaveValue(label);
  }
  await expectNoPayloadElements(page);

  // run it: step line, results, messages, theory, charts
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Export report' })).toBeVisible({ timeout: 30_000 });
  for (const tab of ['Charts', 'Messages (Q)', 'Theory', 'Problems (0)', 'Results']) {
    const opened = page.getByRole('tab', { name: tab });
    await opened.click();
    await expect(opened).toHaveAttribute('aria-selected', 'true'); // the panel is rendered: check it
    await expect(page.locator(`#${await opened.getAttribute('aria-controls')}`)).not.toBeEmpty();
    await expectNoPayloadElements(page);
  }
  await page.getByRole('tab', { name: 'Messages (Q)' }).click();
  const firstRow = page.getByRole('region', { name: /./ }).locator('tbody tr').first();
  if (await firstRow.count()) await firstRow.click();
  await expectNoPayloadElements(page);
  await page.screenshot({ path: '/tmp/qa-xss-results.png' });

  expect(g.dialogs).toEqual([]);
  expect(g.pageErrors).toEqual([]);
  expect(await g.payloadRan()).toBe(false);
});

test('the exported SVG carries the payloads as escaped text; opened on its own, nothing runs', async ({ page, browser }) => {
  const g = guard(page);
  await openApp(page, SCENARIO);
  await page.getByRole('button', { name: 'More export options' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export SVG' }).click()]);
  // saved under a .svg name: opened on its own, the browser renders it as an SVG document (not as plain text)
  const path = join(mkdtempSync(join(tmpdir(), 'eventflow-xss-')), download.suggestedFilename());
  expect(path.endsWith('.svg')).toBe(true);
  await download.saveAs(path);
  const svg = readFileSync(path, 'utf8');
  expect(svg).toContain('&lt;img src=x onerror=window.__xss=3&gt;');
  expect(svg).not.toMatch(/<img src=x|<iframe|<svg onload|<b onmouseover|<script>window/i);

  const context = await browser.newContext();
  const viewer = await context.newPage();
  const viewerGuard = guard(viewer);
  // goto waits for the load event: the SVG is parsed and everything it names has loaded or failed; the payloads
  // are in the rendered document as text, and the viewer has drawn two more frames for anything they could have scheduled
  await viewer.goto(pathToFileURL(path).href);
  expect(await viewer.evaluate(() => document.documentElement.localName)).toBe('svg');
  expect(await viewer.evaluate(() => document.documentElement.textContent)).toContain('<img src=x onerror=window.__xss=3>');
  await afterFrames(viewer, 2);
  expect(await viewerGuard.payloadRan()).toBe(false);
  await context.close();
  expect(await g.payloadRan()).toBe(false);
});

test('a payload pasted into the inspector and the title stays text', async ({ page }) => {
  const g = guard(page);
  await openApp(page, { ...SCENARIO, name: 'plain', description: undefined, nodes: SCENARIO.nodes.map((n) => ({ ...n, label: undefined, event: undefined })) });
  await page.locator('.react-flow__node[data-id="h"]').click();
  const label = page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: 'Label' });
  await label.fill('<img src=x onerror=window.__xss=8>');
  await label.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="h"]')).toContainText('<img src=x');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByRole('textbox', { name: 'Name' }).fill('<script>window.__xss=9</script>');
  await page.getByRole('textbox', { name: 'Name' }).press('Tab');
  await page.reload(); // through the autosave and back
  await expect(page.locator('.react-flow__node[data-id="h"]')).toContainText('<img src=x');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('<script>window.__xss=9</script>');
  await expectNoPayloadElements(page);
  expect(await g.payloadRan()).toBe(false);
});
