// Damaged lesson files (issue 11): a file that is not JSON is refused with a clear reason and the app is
// unchanged (中文); a damaged file among the shipped lessons is left out with a note, the others still open.
import { expect, test } from '@playwright/test';
import { chainScenario, openApp } from './qa.helpers';
import { lessonRegion, pick, shipped, startFromDialog, tr } from './lessons.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

test('a lesson file that is not JSON is refused with the reason, and the app is unchanged (中文)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, chainScenario('我的场景'), 'zh');
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(3);
  await page.getByRole('button', { name: tr('zh', 'lessons.button'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: tr('zh', 'lessons.dialog') });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: tr('zh', 'lessons.import') }).click()]);
  await chooser.setFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "eventflow-lesson", "steps": [') });
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText(tr('zh', 'lessons.import.refused', { name: 'damaged.json' }));
  await expect(alert).toContainText('not valid JSON');
  await page.screenshot({ path: '/tmp/lessons/lesson-file-damaged-zh.png' });
  await alert.getByRole('button').first().click();
  await expect(alert).toBeHidden();
  await expect(lessonRegion(page, 'zh')).toHaveCount(0);
  await expect(nodes).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a damaged shipped lesson file is left out with a note; the other lessons still open', async ({ page }) => {
  const broken = shipped[1];
  await page.route('**/lessons/02-kafka.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "eventflow-lesson", "id": ' }));
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons and challenges' });
  await expect(dialog.getByRole('listitem').filter({ hasText: pick(shipped[0].title, 'en') })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: pick(broken.title, 'en') })).toHaveCount(0);
  const note = dialog.getByRole('note');
  await expect(note).toContainText('Left out of the list: 1 lesson file(s)');
  await expect(note).toContainText('lessons/02-kafka.json');
  await page.keyboard.press('Escape');
  await startFromDialog(page, 'en', shipped[0]);
  await expect(lessonRegion(page, 'en')).toContainText(`Step 1 of ${shipped[0].kind === 'lesson' ? shipped[0].steps.length : 0}`);
});
