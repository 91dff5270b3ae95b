// The embeddable player (issue 11): "Copy embed code" in the Share menu gives an <iframe> of `?embed`;
// the player shows the scenario read-only (no palette, no inspector, no editing) with Run, Pause, Step,
// Reset, Speed, key results and "Open in EventFlow"; presenter mode runs from the keyboard; axe clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chainScenario, openApp } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const SHOTS = '/tmp/lessons';

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The player's address, taken from the embed code the Share menu copies. */
async function copiedPlayerUrl(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'More share options' }).click();
  await page.getByRole('menuitem', { name: 'Copy embed code' }).click();
  await expect(page.getByText('Embed code copied')).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(/^<iframe src="[^"]+\?embed#s=[^"]+" title="EventFlow player: Embedded chain" width="\d+" height="\d+"[^>]*><\/iframe>$/);
  return /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
}

test('Copy embed code opens a read-only player with run controls, key results and Open in EventFlow', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, chainScenario('Embedded chain'));
  const url = await copiedPlayerUrl(page);

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Embedded chain');
  // read after the app page has gone (it saves its last state as it unloads), so only the player could change it
  const autosaveBefore = await page.evaluate(() => localStorage.getItem('eventflow.autosave'));
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  // no palette, no inspector, no editing
  await expect(page.getByRole('button', { name: 'Add publisher' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
  // dragging a node pans the view (nodes ignore the pointer): the diagram itself is unchanged
  const node = canvas.locator('.react-flow__node').first();
  const other = canvas.locator('.react-flow__node').nth(1);
  const offset = async () => {
    const [a, b] = [await node.boundingBox(), await other.boundingBox()];
    return { dx: Math.round(b!.x - a!.x), dy: Math.round(b!.y - a!.y) };
  };
  const before = await node.boundingBox();
  const offsetBefore = await offset();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  await page.mouse.move(before!.x + 150, before!.y + 120, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())!.x).not.toBe(before!.x);
  expect(await offset()).toEqual(offsetBefore);
  await expect(node).not.toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  // Open in EventFlow: the same scenario in the full app
  const open = page.getByRole('link', { name: 'Open in EventFlow' });
  const href = await open.getAttribute('href');
  expect(href).not.toContain('embed');
  expect(href).toContain(new URL(url).hash);
  // the run controls
  for (const name of ['Run', 'Pause', 'Step', 'Reset']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Speed' })).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('log')).toContainText(/published|publish/i);
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  const results = page.getByRole('region', { name: 'Key results' });
  await expect(results).toContainText(/p99 publish → done\s*[\d,.]+ ms/);
  await page.screenshot({ path: `${SHOTS}/embed-en.png` });
  expect(await axeSerious(page)).toEqual([]);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(results).toContainText('Press Run or Step to start.');
  // the player never wrote the app's autosave
  expect(await page.evaluate(() => localStorage.getItem('eventflow.autosave'))).toBe(autosaveBefore);
  // and the full app opens on the scenario
  await page.goto(href!);
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('presenter mode: larger type, Space runs and pauses, → steps (中文)', async ({ page }) => {
  await openApp(page, chainScenario('Embedded chain'));
  const url = await copiedPlayerUrl(page);
  await page.goto(url.replace('?embed', '?embed&present&lang=zh'));
  await expect(page.getByText('演示模式：空格键运行或暂停，→ 键单步。')).toBeVisible();
  await expect(page.getByRole('link', { name: '在 EventFlow 中打开' })).toBeVisible();
  const fontSize = await page.locator('.embed-app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(20);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('log')).toBeVisible();
  const clock = page.getByRole('status', { name: /虚拟时间|Virtual time/ });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeEnabled();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeDisabled();
  const paused = await clock.getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  await expect(clock).not.toHaveAttribute('aria-label', paused!);
  await page.screenshot({ path: `${SHOTS}/embed-present-zh.png` });
  expect(await axeSerious(page)).toEqual([]);
});

test('a player address without a scenario says so', async ({ page }) => {
  await page.goto('/?embed');
  await expect(page.getByRole('alert')).toContainText('This player shows a scenario from a share link');
  await expect(page.getByRole('link', { name: 'Open in EventFlow' })).toBeVisible();
});
