// Experiments tab journeys: replications with intervals, a sweep with its chart, a baseline comparison, in
// English and 中文, and axe on the tab.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chainScenario, openApp } from './qa.helpers';

test('replications, a sweep with its chart and a comparison (English), axe clean', async ({ page }) => {
  await openApp(page, chainScenario());
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('spinbutton', { name: 'Replications' }).fill('4');
  await page.getByRole('button', { name: 'Run replications' }).click();
  await expect(page.getByRole('table', { name: 'Figure' })).toContainText('/latency/publishToDone/mean', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Figure' })).toContainText('±');
  await page.getByRole('button', { name: 'Keep as baseline' }).click();
  await page.getByRole('button', { name: 'Run replications' }).click();
  await expect(page.getByRole('button', { name: 'Compare with baseline' })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Compare with baseline' }).click();
  await expect(page.getByText('yes: could be noise').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Parameter' }).selectOption('/nodes/h/concurrency');
  await page.getByRole('textbox', { name: 'Values' }).fill('1,0');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '/nodes/h/concurrency = 0' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Values' }).fill('1,2,3');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('img', { name: /against \/nodes\/h\/concurrency/ })).toBeVisible({ timeout: 60_000 });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('中文: replications in the Experiments tab', async ({ page }) => {
  await openApp(page, chainScenario('中文 实验'), 'zh');
  await page.getByRole('tab', { name: '实验' }).click();
  await page.getByRole('spinbutton', { name: '重复次数' }).fill('3');
  await page.getByRole('button', { name: '运行重复实验' }).click();
  await expect(page.getByRole('table', { name: '指标' })).toContainText('±', { timeout: 60_000 });
});
