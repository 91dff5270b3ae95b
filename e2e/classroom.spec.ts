// Issue 9, the teacher's journey in both languages at 1280×800: GreenPool(2) from the Examples menu,
// Step by Step with live Messages (Q) (p known, r empty), the in-flight filter agreeing with the Model
// panel, narration of a read and its wait, Step after the end; New clears results; a structural edit
// mid-run stops the run with a notice; the maximized dock shows more rows; Kafka labels in 中文.
import { expect, test, type Page } from '@playwright/test';
import { translate, type MessageKey } from '../src/ui/i18n/translate';
import { openApp } from './qa.helpers';

type Language = 'en' | 'zh';
const stepLine = (page: Page) => page.locator('.run-step-line');

async function openExample(page: Page, language: Language, name: RegExp): Promise<void> {
  const t = (key: MessageKey) => translate(language, key);
  await page.getByRole('button', { name: t('files.examples') }).click();
  await page.getByRole('menuitem', { name }).click();
  const confirm = page.getByRole('dialog', { name: t('files.confirm.title') });
  const canvasNodes = page.locator('.react-flow__node');
  await expect(confirm.or(canvasNodes.first())).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: t('files.confirm.replace') }).click();
}

/** table rows whose box lies fully inside the table's scrolling container */
const visibleRows = (page: Page) => page.evaluate(() => {
  const rows = Array.from(document.querySelectorAll<HTMLElement>('table tbody tr[data-id]'));
  if (rows.length === 0) return 0;
  let box: HTMLElement | null = rows[0].parentElement;
  while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
  const limit = (box ?? document.documentElement).getBoundingClientRect();
  return rows.filter((row) => { const r = row.getBoundingClientRect(); return r.top >= limit.top - 1 && r.bottom <= limit.bottom + 1; }).length;
});

for (const language of ['en', 'zh'] as const) {
  const t = (key: MessageKey) => translate(language, key);
  const ms = language === 'en' ? 'ms' : '毫秒';

  test(`${language}: GreenPool step by step — live Q, in-flight count, narration of a read, the end; New clears`, async ({ page }) => {
    await openApp(page, undefined, language);
    await openExample(page, language, /GreenPool/);
    // 中文: the example's name and labels come in Chinese
    if (language === 'zh') await expect(page.locator('.react-flow__node', { hasText: '发布 用户注册' })).toBeVisible();
    const step = page.getByRole('button', { name: t('run.step'), exact: true });
    for (let i = 1; i <= 3; i++) {
      await step.click();
      await expect(stepLine(page)).toContainText(`#${i - 1}`);
    }
    await page.getByRole('tab', { name: language === 'en' ? 'Messages (Q)' : '消息 (Q)' }).click();
    const table = page.getByRole('table', { name: language === 'en' ? 'Message copies' : '消息副本' });
    const rows = table.locator('tbody tr[data-id]');
    await expect(rows).toHaveCount(3);
    const third = table.locator('tbody tr[data-id="2"]');
    await expect(third.locator('td').nth(4)).toHaveText(`20 ${ms}`);
    await expect(third.locator('td').nth(5)).toHaveText('');
    // the in-flight filter agrees with the Model panel
    await page.getByRole('combobox', { name: language === 'en' ? 'Status' : '状态' }).selectOption('anyInFlight');
    const model = page.getByRole('region', { name: language === 'en' ? 'Model' : '模型' });
    const inFlight = Number((await model.locator('.ef-q-counts > div', { hasText: language === 'en' ? 'in flight' : '在途' }).locator('dd').innerText()).replace(/,/g, ''));
    await expect(rows).toHaveCount(inFlight);
    await page.screenshot({ path: `/tmp/classroom/greenpool-q-${language}.png` });

    // the fourth step reads the waiting copy: narration names the read and its wait
    await step.click();
    await expect(stepLine(page)).toContainText(language === 'en' ? 'read message #2 after it waited 180 ms' : '它等待了 180 毫秒');
    await expect(stepLine(page)).not.toContainText(language === 'en' ? '毫秒' : ' ms');
    for (let i = 0; i < 3; i++) await step.click();
    await expect(stepLine(page)).toContainText(language === 'en' ? 'The run has ended' : '运行已结束');
    await expect(page.locator('.run-clock-value')).toHaveText('400');
    await page.screenshot({ path: `/tmp/classroom/greenpool-end-${language}.png` });

    // New clears the results
    await page.getByRole('button', { name: t('editor.history.new'), exact: true }).click();
    await page.getByRole('dialog', { name: t('editor.newDialog.title') }).getByRole('button', { name: t('editor.newDialog.confirm') }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await expect(table).toHaveCount(0);
    await expect(model.getByText(/Q = ∅/)).toBeVisible();
    await page.getByRole('tab', { name: t('dock.results'), exact: true }).click();
    await expect(page.getByText(t('run.results.empty'))).toBeVisible();
    await expect(stepLine(page)).toHaveCount(0);
  });

  test(`${language}: Kafka — a structural edit mid-run stops it with a notice; the maximized dock shows more rows`, async ({ page }) => {
    await openApp(page, undefined, language);
    await openExample(page, language, /test_topic/);
    if (language === 'zh') await expect(page.locator('.react-flow__node', { hasText: '消费组成员 1' })).toBeVisible();
    await page.getByRole('button', { name: t('run.run'), exact: true }).click();
    await expect.poll(async () => Number(await page.locator('.run-clock-value').innerText().then((s) => s.replace(/[^\d.]/g, '')))).toBeGreaterThan(0);
    await page.getByRole('button', { name: t('editor.palette.add.handler'), exact: true }).click();
    await expect(page.getByText(t('seeing.runStopped'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('run.run'), exact: true })).toBeVisible();
    await page.screenshot({ path: `/tmp/classroom/kafka-stopped-${language}.png` });

    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: t('run.runToEnd'), exact: true }).click();
    await expect(page.getByRole('region', { name: t('region.results') }).getByRole('button', { name: language === 'en' ? 'Export report' : /导出报告/ })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('tab', { name: language === 'en' ? 'Messages (Q)' : '消息 (Q)' }).click();
    await expect.poll(() => visibleRows(page)).toBeGreaterThan(0);
    const before = await visibleRows(page);
    await page.getByRole('button', { name: t('seeing.dockMaximize') }).click();
    await expect.poll(() => visibleRows(page)).toBeGreaterThan(before * 2);
    await page.screenshot({ path: `/tmp/classroom/kafka-maximized-${language}.png` });
  });
}
