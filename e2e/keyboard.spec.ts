// Quality gate (issue 6): the app without a mouse. Only page.keyboard is used after the page opens: Tab to a
// control by its accessible name, add nodes, edit them in the inspector, open an example from the menu,
// run to the end, read the results, undo/redo, delete, and (once it exists) connect two nodes.
import { expect, test, type Page } from '@playwright/test';
import { canvasNodeIds, openApp } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

/** The focused element's accessible name (aria-label, labelling element, or text) and role-ish tag. */
async function focused(page: Page): Promise<{ name: string; tag: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { name: '', tag: '', role: '' };
    const labelledBy = el.getAttribute('aria-labelledby');
    const byId = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const visible = el.cloneNode(true) as HTMLElement; // text without aria-hidden icons
    visible.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    const name = el.getAttribute('aria-label') ?? (byId || label || visible.textContent || '');
    return { name: name.replace(/\s+/g, ' ').trim(), tag: el.tagName.toLowerCase(), role: el.getAttribute('role') ?? '' };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, options: { max?: number; back?: boolean } = {}): Promise<void> {
  const { max = 120, back = false } = options;
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const current = await focused(page);
    if (matches(current.name)) return;
    seen.push(current.name.slice(0, 30));
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not Tab to ${String(name)}; passed: ${seen.join(' | ')}`);
}

test('keyboard only: add nodes, edit them, open an example, run to the end and read the results', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.keyboard.press('Tab');

  // add a publisher, a queue and a handler from the palette
  for (const type of ['publisher', 'queue', 'handler']) {
    await tabTo(page, `Add ${type}`);
    await page.keyboard.press('Enter');
  }
  expect(await canvasNodeIds(page)).toEqual(['publisher1', 'queue1', 'handler1']);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'handler1' })).toBeVisible();

  // edit the new handler's label and concurrency in the inspector
  await tabTo(page, 'Label');
  await page.keyboard.type('mailer');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="handler1"]')).toContainText('mailer');
  await tabTo(page, /^Concurrency/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="handler1"]')).toContainText('×3');

  // undo and redo from the keyboard (focus outside text fields)
  await tabTo(page, 'Add topic', { back: true });
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.react-flow__node[data-id="handler1"]')).not.toContainText('×3');
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.react-flow__node[data-id="handler1"]')).toContainText('×3');

  // select a node on the canvas with the keyboard and delete it
  await tabTo(page, /queue1/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect.poll(() => canvasNodeIds(page)).toEqual(['publisher1', 'handler1']);

  // open an example from the menu with the arrow keys (it asks before replacing the drawing)
  await tabTo(page, 'Examples');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  const items = await page.getByRole('menuitem').allTextContents();
  const index = items.findIndex((text) => text.includes('Order chain'));
  expect(index).toBeGreaterThan(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem').nth(index)).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Replace the current scenario?' });
  await expect(confirm).toBeVisible();
  await tabTo(page, 'Replace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(/Order chain/);

  // run to the end and read the results
  await tabTo(page, 'Run to end');
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('button', { name: 'Export report' })).toBeVisible({ timeout: 60_000 });
  await expect(results).toContainText('Published');
  await expect(results.locator('[data-total="published"]')).not.toHaveText('0');
  await expect(page.getByRole('status', { name: /Virtual time/ })).not.toHaveAttribute('aria-label', /Virtual time 0(\.0)? ms/);
  // the other dock tabs are reachable too
  await tabTo(page, 'Theory');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Theory' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/qa-keyboard.png' });
});

test('keyboard focus is always visible on the main controls', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  for (const name of ['Examples', 'Import', 'Add publisher', 'Run to end']) {
    await tabTo(page, name);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, shadow: style.boxShadow !== 'none' };
    });
    expect(outline.outline || outline.shadow, name).toBe(true);
  }
});

// EDIT-1 (bugs.md, fixed in 2b69cdd): a keyboard user connects nodes with the inspector's "Connect to" select.
test('keyboard only: connect publisher -> queue -> handler and run the drawing', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  for (const type of ['publisher', 'queue', 'handler']) {
    await tabTo(page, `Add ${type}`);
    await page.keyboard.press('Enter');
  }
  for (const [from, to] of [['publisher1', 'queue1'], ['queue1', 'handler1']]) {
    await tabTo(page, new RegExp(from));
    await page.keyboard.press('Enter');
    await tabTo(page, /^Connect to/);
    // a closed native select: ArrowDown picks the next option (the first node this one may feed) at once
    await expect(page.getByRole('combobox', { name: /^Connect to/ }).locator('option').nth(1)).toHaveAttribute('value', to);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.react-flow__edge')).toHaveCount(from === 'publisher1' ? 1 : 2);
  }
  await tabTo(page, 'Run to end');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Results' }).locator('[data-total="completed"]')).not.toHaveText('0', { timeout: 60_000 });
});

// NOTICE-1 (bugs.md, fixed in aab7acd): the modal alert (a refused file, a failed run) used not to close on
// Escape nor keep the keyboard inside it: Tab walked into the page behind the backdrop.
test('the alert dialog keeps focus inside and closes with Escape', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => { location.hash = '#s=damaged'; });
  const alert = page.getByRole('alertdialog');
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(alert).toHaveCount(0);
});
