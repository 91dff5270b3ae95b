// Editor journeys: draw publisher -> queue -> handler (palette click, palette drag, handle drags), refuse an
// illegal connection, edit and validate inspector fields, fix a problem in one click, undo/redo, copy/paste,
// reload to a restored scenario, a corrupt autosave, and 中文. Screenshots at 1280x800 and 1920x1080.
import { expect, test, type Page } from '@playwright/test';
import { afterFrames } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const SHOTS = process.env.EDITOR_SHOTS ?? '/tmp';
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edges = (page: Page) => page.locator('.react-flow__edge');
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function openClean(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('editor-clean')) {
      localStorage.clear();
      localStorage.setItem('eventflow.language', 'en');
      sessionStorage.setItem('editor-clean', '1');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
}

/** Drags from the source handle of `from` to the target handle of `to`, like a person does. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  await afterFrames(page);
  const a = (await node(page, from).locator('.react-flow__handle.source').boundingBox())!;
  const b = (await node(page, to).locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x - 30, b.y + b.height / 2, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

async function drawChain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add publisher' }).click();
  await page.getByRole('button', { name: 'Add queue' }).click();
  await page.getByRole('button', { name: 'Add handler' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await afterFrames(page);
  await connect(page, 'publisher1', 'queue1');
  await connect(page, 'queue1', 'handler1');
  await expect(edges(page)).toHaveCount(2);
}

test('draw publisher -> queue -> handler with the palette and handle drags; an illegal link is refused with the reason', async ({ page }) => {
  await openClean(page);
  await expect(page.getByText('Add a publisher to start')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-01-empty.png` });
  await drawChain(page);
  // the new node is selected and shown in the inspector; key parameters at a glance
  await expect(node(page, 'publisher1')).toContainText('Poisson 10/s · limit 1,000');
  await expect(node(page, 'handler1')).toContainText('×1 · exp 50 ms');
  const model = page.getByRole('region', { name: 'Model' });
  await expect(model).toContainText('(publisher1, handler1)');
  await expect(page.getByRole('tab', { name: 'Problems (0)' })).toBeVisible();

  // drag a topic from the palette onto the canvas: it lands where released
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.getByRole('button', { name: 'Add topic' }).dragTo(pane, { targetPosition: { x: box.width / 2, y: box.height - 80 } });
  await expect(node(page, 'topic1')).toBeVisible();
  await afterFrames(page);
  const topicBox = (await node(page, 'topic1').boundingBox())!;
  expect(Math.abs(topicBox.y + topicBox.height / 2 - (box.y + box.height - 80))).toBeLessThan(20);

  // queue -> topic is not in the spec's table: refused while dragging, with the reason
  const a = (await node(page, 'queue1').locator('.react-flow__handle.source').boundingBox())!;
  const b = (await node(page, 'topic1').locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await expect(page.getByText('A queue cannot send to a topic. A queue can send to: handler.').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-02-refused.png` });
  await page.mouse.up();
  await expect(edges(page)).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/editor-03-chain.png` });
});

test('inspector edits fields with units, flags invalid values at the field and keeps them out of the model', async ({ page }) => {
  await openClean(page);
  await drawChain(page);
  await node(page, 'queue1').click();
  const capacity = inspector(page).getByLabel('Capacity (messages)');
  await capacity.fill('100');
  await inspector(page).getByLabel('Partitions').fill('2');
  await expect(node(page, 'queue1')).toContainText('cap 100 · reject · 2 partitions');
  await capacity.fill('-5');
  await expect(capacity).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByText('Must be at least 0')).toBeVisible();
  await expect(node(page, 'queue1')).toContainText('cap 100'); // the invalid value never reached the model

  // renaming the id renames every reference; an id in use is refused at the field
  const id = inspector(page).getByLabel('Id', { exact: true });
  await id.fill('handler1');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await id.fill('signups');
  await id.press('Enter');
  await expect(node(page, 'signups')).toBeVisible();
  await expect(edges(page)).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Model' })).toContainText('(publisher1, handler1)');

  await node(page, 'handler1').click();
  await inspector(page).getByLabel('Concurrency (slots)').fill('2');
  const service = inspector(page).getByRole('group', { name: 'Service time' });
  await service.getByLabel('Mean (ms)').fill('5');
  await inspector(page).getByLabel('Failure rate (%)').fill('1');
  await expect(node(page, 'handler1')).toContainText('×2 · exp 5 ms · 1% fail');
  await service.getByLabel('Distribution', { exact: true }).selectOption('uniform');
  await expect(service.getByLabel('Minimum (ms)')).toBeVisible();
  await expect(service.getByText(/mean 5 ms/)).toBeVisible();

  // a label typed by the user is text, never HTML
  await inspector(page).getByLabel('Label').fill('用户注册 <b>x</b>');
  await expect(node(page, 'handler1')).toContainText('用户注册 <b>x</b>');
  await expect(node(page, 'handler1').locator('b')).toHaveCount(0);

  // an edge: latency shows as a label on the canvas
  await page.locator('.react-flow__edge[data-id="e1"]').click({ force: true });
  await expect(inspector(page).getByRole('heading', { name: 'Connection' })).toBeVisible();
  await expect(inspector(page)).toContainText('publisher1 → signups');
  await inspector(page).getByRole('group', { name: 'Latency' }).getByLabel('Distribution', { exact: true }).selectOption('constant');
  await inspector(page).getByRole('group', { name: 'Latency' }).getByLabel('Value (ms)').fill('2');
  await expect(page.locator('.ef-edge-label', { hasText: '2 ms' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-04-inspector.png` });
});

test('a problem appears, is clickable, and the one-click fix removes it; undo brings it back', async ({ page }) => {
  await openClean(page);
  await drawChain(page);
  await node(page, 'publisher1').click();
  await inspector(page).getByLabel('Limit (messages)').fill('');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await inspector(page).getByLabel('Stop time (ms)').fill('');
  const tab = page.getByRole('tab', { name: 'Problems (1)' });
  await expect(tab).toBeVisible();
  await tab.click();
  const problem = page.getByRole('button', { name: /never stops/ });
  await expect(problem).toContainText('nodes[0] (publisher1)');
  await problem.click();
  await expect(inspector(page).getByRole('heading', { name: 'publisher1' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-05-problem.png` });
  await page.getByRole('button', { name: 'Set a limit of 10,000' }).click();
  await expect(page.getByRole('tab', { name: 'Problems (0)' })).toBeVisible();
  await expect(inspector(page).getByLabel('Limit (messages)')).toHaveValue('10000');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'Problems (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop at 60 s' }).click();
  await expect(page.getByRole('tab', { name: 'Problems (0)' })).toBeVisible();
});

test('undo/redo by buttons and keys, delete, duplicate, copy and paste, and New asks first', async ({ page }) => {
  await openClean(page);
  await drawChain(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edges(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(edges(page)).toHaveCount(2);

  // a drag is one undo step
  const before = (await node(page, 'handler1').boundingBox())!;
  await page.mouse.move(before.x + 60, before.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 60 + i * 8, before.y + 20 + i * 6);
  await page.mouse.up();
  const moved = (await node(page, 'handler1').boundingBox())!;
  expect(moved.x - before.x).toBeGreaterThan(40);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node(page, 'handler1').boundingBox())!.x)).toBe(Math.round(before.x));
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => Math.round((await node(page, 'handler1').boundingBox())!.x)).toBe(Math.round(moved.x));

  // arrow keys nudge the selection, each press one undo step
  const x0 = (await node(page, 'handler1').boundingBox())!.x;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node(page, 'handler1').boundingBox())!.x).toBeGreaterThan(x0 + 4);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node(page, 'handler1').boundingBox())!.x)).toBe(Math.round(x0));

  // delete removes the node with its edges; undo restores both
  await node(page, 'queue1').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'queue1')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(2);

  // duplicate and copy/paste give fresh ids
  await node(page, 'queue1').click();
  await page.keyboard.press('Control+d');
  await expect(node(page, 'queue2')).toBeVisible();
  await node(page, 'handler1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'handler2')).toBeVisible();

  // shift-click selects several; the inspector offers actions for all of them
  await node(page, 'queue2').click();
  await node(page, 'handler2').click({ modifiers: ['Shift'] });
  await expect(inspector(page).getByRole('heading', { name: 'Several selected' })).toBeVisible();
  await inspector(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  // New asks in an in-app dialog; cancel keeps the drawing
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new scenario?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start new' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
});

test('reload restores the scenario and its name; a corrupt autosave is set aside with a message', async ({ page }) => {
  await openClean(page);
  await drawChain(page);
  await page.getByRole('button', { name: /Rename scenario/ }).click();
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Sign-up flow');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Rename scenario: Sign-up flow/ })).toBeVisible();
  await page.waitForFunction(() => (localStorage.getItem('eventflow.autosave') ?? '').includes('Sign-up flow'));
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(edges(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Rename scenario: Sign-up flow/ })).toBeVisible();

  await page.evaluate(() => localStorage.setItem('eventflow.autosave', '{"format":"eventflow-autosave","scen'));
  await page.reload();
  await expect(page.getByRole('alertdialog')).toContainText('The autosaved scenario could not be opened');
  await page.screenshot({ path: `${SHOTS}/editor-06-corrupt.png` });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download set-aside autosave' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('eventflow.autosave.corrupt'))).toContain('"scen');
});

test('中文: the editor speaks Chinese', async ({ page }) => {
  await openClean(page);
  await drawChain(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('button', { name: '添加发布者' })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销' })).toBeVisible();
  await expect(node(page, 'publisher1')).toContainText('泊松 10/s · 上限 1,000');
  await node(page, 'queue1').click();
  await expect(page.getByRole('region', { name: '检查器' }).getByLabel('容量（消息）')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-07-zh.png` });
});

test('looks right at 1920x1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openClean(page);
  await drawChain(page);
  await node(page, 'handler1').click();
  const placed = () => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
  const before = await placed();
  await page.getByRole('button', { name: 'Auto layout' }).click();
  // the layout (a lazily loaded chunk, then elkjs) has moved the nodes; the view is fitted to them on the next frame
  await expect.poll(placed).not.toEqual(before);
  await afterFrames(page);
  await page.screenshot({ path: `${SHOTS}/editor-08-1920.png` });
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Service time');
});
