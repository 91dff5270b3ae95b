// "Export series" (architect.md "Time series"): the Charts panel's export gives the same bytes as
// `npm run sim -- FILE --series OUT.csv` (and OUT.json) for the same scenario.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chainScenario, openApp } from './qa.helpers';

const scenario = chainScenario('Series export');

async function exported(page: Page, format: 'csv' | 'json'): Promise<string> {
  await page.getByRole('combobox', { name: 'Series format' }).selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export series' }).click()]);
  expect(download.suggestedFilename()).toBe(`Series export.series.${format}`);
  return readFileSync(await download.path(), 'utf8');
}

test('Export series gives the command line\'s --series bytes, CSV and JSON', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, scenario);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  const csv = await exported(page, 'csv');
  const json = await exported(page, 'json');

  const dir = mkdtempSync(join(tmpdir(), 'eventflow-series-'));
  writeFileSync(join(dir, 'chain.eventflow.json'), JSON.stringify(scenario));
  for (const out of ['out.csv', 'out.json']) {
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', join(dir, 'chain.eventflow.json'), '--series', join(dir, out)], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
  expect(csv.split('\n')[0]).toBe('t,node,metric,value');
  expect(csv.split('\n').length).toBeGreaterThan(200 * 13);
  expect(csv).toBe(readFileSync(join(dir, 'out.csv'), 'utf8'));
  expect(json).toBe(readFileSync(join(dir, 'out.json'), 'utf8'));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: '/tmp/arc/series-en.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('button', { name: '导出时间序列' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '时间序列格式' })).toBeVisible();
  await page.screenshot({ path: '/tmp/arc/series-zh.png' });
});
