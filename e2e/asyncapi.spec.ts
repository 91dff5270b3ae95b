// AsyncAPI 3 in the browser (issue 12): drop several documents (with a shared messages file), see the
// import dialog in English and 中文 (axe clean), confirm, run; Export → AsyncAPI 3 (zip) and its entries.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { guard, openApp } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const FIXTURES = join(process.cwd(), 'src/asyncapi/fixtures/user-registration');
const FILES = ['services/web.yaml', 'services/event-handler.yaml', 'services/mailer.yaml', 'common/messages.yaml'].map((path) => ({
  name: path.split('/').pop() as string,
  text: readFileSync(join(FIXTURES, path), 'utf8'),
}));

async function dropFiles(page: Page): Promise<void> {
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const file of files) data.items.add(new File([file.text], file.name, { type: 'application/yaml' }));
    return data;
  }, FILES);
  await page.dispatchEvent('[data-files-dropzone]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-files-dropzone]', 'drop', { dataTransfer: transfer });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).include('.asyncapi-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('drop four AsyncAPI files: the dialog shows the mapping and the choices; Build diagram, then Run to end', async ({ page }) => {
  test.setTimeout(120_000);
  const g = guard(page);
  // the parser runs in its worker: the page itself must raise no CSP violation
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openApp(page);
  await dropFiles(page);
  const dialog = page.getByRole('dialog', { name: 'Import AsyncAPI' });
  await expect(dialog.getByText('Mapped: 2 publishers, 3 topics, 1 queue, 2 handlers, 7 edges.')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('combobox', { name: 'event_handler: sendWelcome' })).toHaveValue('reaction');
  await expect(dialog.getByText('only sends: always spontaneous')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/asyncapi/dialog-en.png' });
  // a choice re-maps at once: the welcome e-mail becomes a publisher of its own
  await dialog.getByRole('combobox', { name: 'event_handler: sendWelcome' }).selectOption('spontaneous');
  await expect(dialog.getByText('Mapped: 3 publishers, 3 topics, 1 queue, 2 handlers, 7 edges.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'event_handler: sendWelcome' }).selectOption('reaction');
  await dialog.getByRole('button', { name: 'Build diagram' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Export report' })).toBeVisible({ timeout: 60_000 });
  expect(g.pageErrors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

test('Cancel leaves the diagram unchanged; the dialog in 中文 is axe clean; a refused file says why', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, undefined, 'zh');
  await page.getByRole('button', { name: '示例' }).click();
  await page.getByRole('menuitem').first().click();
  const before = await page.locator('.react-flow__node').count();
  expect(before).toBeGreaterThan(0);
  await dropFiles(page);
  const dialog = page.getByRole('dialog', { name: '导入 AsyncAPI' });
  await expect(dialog.getByText(/已映射：2 个发布者/)).toBeVisible({ timeout: 60_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/asyncapi/dialog-zh.png' });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
  // AsyncAPI 2.x: refused with what to do, nothing changed
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['asyncapi: 2.6.0\ninfo: { title: Old, version: 1.0.0 }\nchannels: {}\n'], 'old.yaml'));
    return data;
  });
  await page.dispatchEvent('[data-files-dropzone]', 'drop', { dataTransfer: transfer });
  await expect(dialog.getByText(/old\.yaml: asyncapi: this is AsyncAPI 2\.6\.0; EventFlow reads AsyncAPI 3/)).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
});

test('Export → AsyncAPI 3 (zip) downloads one document per application and components.yaml', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'Order chain: placed → payment → shipping' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'More export options' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'AsyncAPI 3 (zip)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-asyncapi\.zip$/);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(entries).sort();
  expect(names).toContain('components.yaml');
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const name of names) expect(strFromU8(entries[name])).toMatch(/^asyncapi: 3\.0\.0\n/);
});
