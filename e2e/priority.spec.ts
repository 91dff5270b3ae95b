// Priority journeys (architect.md "Priorities"): two classes share one worker through their own queues;
// the Priority field set on the premium publisher in the inspector makes the premium queue's wait shorter
// in Results; the Order select on a queue in 中文; a profile arrival's points edited as lines. Screenshots
// at 1280x800 go to /tmp/arc2.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWith } from './run.helpers';

const SHOTS = '/tmp/arc2';

const twoClasses = {
  format: 'eventflow-scenario', version: 1, name: 'Premium and standard', seed: 11, stopAt: 20_000,
  nodes: [
    { id: 'premium', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 300 }, position: { x: 0, y: 0 } },
    { id: 'standard', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 500 }, position: { x: 0, y: 200 } },
    { id: 'vip', type: 'queue', position: { x: 260, y: 0 } },
    { id: 'std', type: 'queue', position: { x: 260, y: 200 } },
    { id: 'workers', type: 'handler', service: { kind: 'exponential', mean: 1 }, position: { x: 520, y: 100 } },
  ],
  edges: [
    { id: 'e1', source: 'premium', target: 'vip' },
    { id: 'e2', source: 'standard', target: 'std' },
    { id: 'e3', source: 'vip', target: 'workers' },
    { id: 'e4', source: 'std', target: 'workers' },
  ],
};

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const inspector = (page: Page) => page.getByRole('region', { name: /^(Inspector|检查器)$/ });
const results = (page: Page) => page.getByRole('region', { name: /^(Results|结果)$/ });

/** the mean wait (ms) a queue's row shows: "mean / p95" */
async function meanWaitMs(row: Locator): Promise<number> {
  const text = (await row.locator('td').nth(5).textContent()) ?? '';
  const match = /[\d.,]+/.exec(text);
  if (!match) throw new Error(`no wait in "${text}"`);
  return Number(match[0].replace(/,/g, ''));
}

async function runToEnd(page: Page, label: string, row = 'std'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await expect(results(page).locator('[data-total="published"]')).not.toHaveAttribute('data-value', '0');
  await expect(results(page).locator(`tr[data-node="${row}"]`)).toBeVisible();
}

test('Priority on the premium publisher: the premium queue waits less in Results (en), Order in 中文', async ({ page }) => {
  await openWith(page, twoClasses);
  await node(page, 'premium').click();
  const priority = inspector(page).getByLabel('Priority', { exact: true });
  await expect(priority).toHaveValue('');
  await priority.fill('9');
  await priority.press('Enter');
  await expect(priority).toHaveValue('9');
  await expect(inspector(page)).toContainText('9 is served first');
  await page.screenshot({ path: `${SHOTS}/priority-inspector-en.png` });

  await runToEnd(page, 'Run to end');
  const vip = await meanWaitMs(results(page).locator('tr[data-node="vip"]'));
  const std = await meanWaitMs(results(page).locator('tr[data-node="std"]'));
  // Cobham: about 1.1 ms against 5.7 ms at this load (FIFO across the two queues gives both about 4 ms)
  expect(vip).toBeLessThan(std / 2);
  await page.screenshot({ path: `${SHOTS}/priority-results-en.png` });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await node(page, 'std').click();
  const order = inspector(page).getByLabel('顺序');
  await expect(order).toHaveValue('fifo');
  await order.selectOption('priority');
  await expect(order).toHaveValue('priority');
  await expect(inspector(page)).toContainText('正在进行的尝试不会被打断');
  await node(page, 'premium').click();
  await expect(inspector(page).getByLabel('优先级', { exact: true })).toHaveValue('9');
  await page.screenshot({ path: `${SHOTS}/priority-inspector-zh.png` });
  await runToEnd(page, '运行到结束');
  const vipZh = await meanWaitMs(results(page).locator('tr[data-node="vip"]'));
  const stdZh = await meanWaitMs(results(page).locator('tr[data-node="std"]'));
  expect(vipZh).toBeLessThan(stdZh / 2);
  await page.screenshot({ path: `${SHOTS}/priority-results-zh.png` });
});

test('a profile arrival: choose it, edit its points as lines, a bad line is flagged', async ({ page }) => {
  await openWith(page, twoClasses);
  await node(page, 'standard').click();
  await inspector(page).getByLabel('Arrival pattern').selectOption('profile');
  const points = inspector(page).getByLabel('Points (time ms, rate per second)');
  await expect(points).toBeVisible();
  await points.fill('0, 100\n5000, 900\n12000, 200');
  await inspector(page).getByLabel('Shape').selectOption('linear');
  await expect(node(page, 'standard')).toContainText('peak 900/s');
  await points.fill('0, 100\nfive, 900');
  await expect(inspector(page)).toContainText('Line 2: write "time, value" with two numbers');
  await points.fill('0, 100\n5000, 900');
  await page.screenshot({ path: `${SHOTS}/profile-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(inspector(page).getByLabel('点（时间 毫秒, 每秒速率）')).toHaveValue('0, 100\n5000, 900');
  await page.screenshot({ path: `${SHOTS}/profile-zh.png` });
  await runToEnd(page, '运行到结束');
});

test('the Theory panel shows Cobham waits per priority for a priority queue', async ({ page }) => {
  const oneQueue = {
    ...twoClasses,
    nodes: [
      { ...twoClasses.nodes[0], priority: 9 },
      twoClasses.nodes[1],
      { id: 'orders', type: 'queue', order: 'priority', position: { x: 260, y: 100 } },
      twoClasses.nodes[4],
    ],
    edges: [
      { id: 'e1', source: 'premium', target: 'orders' },
      { id: 'e2', source: 'standard', target: 'orders' },
      { id: 'e3', source: 'orders', target: 'workers' },
    ],
  };
  await openWith(page, oneQueue);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(results(page).locator('[data-total="published"]')).not.toHaveAttribute('data-value', '0');
  await page.getByRole('tab', { name: 'Theory' }).click();
  const table = page.getByRole('table', { name: /Cobham/ });
  await expect(table.getByRole('row', { name: /priority 9/ })).toContainText('1.14 ms');
  await expect(table.getByRole('row', { name: /priority 0/ })).toContainText('5.71 ms');
  await page.screenshot({ path: `${SHOTS}/priority-theory-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('table', { name: /Cobham/ }).getByRole('row', { name: /优先级 9/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/priority-theory-zh.png` });
});

test('a partitioned queue becomes a consumer group with owned partitions (en, 中文)', async ({ page }) => {
  const group = {
    ...twoClasses,
    nodes: [{ ...twoClasses.nodes[0], keys: 8 }, { id: 'clicks', type: 'queue', partitions: 4, position: { x: 260, y: 0 } }, twoClasses.nodes[4],
      { id: 'loader', type: 'handler', service: { kind: 'exponential', mean: 1 }, outages: [{ start: 2000, end: 15_000 }], position: { x: 520, y: 250 } }],
    edges: [{ id: 'e1', source: 'premium', target: 'clicks' }, { id: 'e2', source: 'clicks', target: 'workers' }, { id: 'e3', source: 'clicks', target: 'loader' }],
  };
  await openWith(page, group);
  await node(page, 'clicks').click();
  await expect(inspector(page).getByLabel('Order', { exact: true })).toHaveCount(0);
  await inspector(page).getByLabel('Consumer group').selectOption('owned');
  const timeout = inspector(page).getByLabel('Session timeout (ms)');
  await timeout.fill('5000');
  await timeout.press('Enter');
  await expect(inspector(page).getByLabel('Rebalance pause (ms)')).toHaveValue('');
  await page.screenshot({ path: `${SHOTS}/owned-en.png` });
  await runToEnd(page, 'Run to end', 'clicks');
  await expect(results(page).locator('[data-total="completed"]')).not.toHaveAttribute('data-value', '0');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(inspector(page).getByLabel('会话超时（毫秒）')).toHaveValue('5000');
  await page.screenshot({ path: `${SHOTS}/owned-zh.png` });
  await inspector(page).getByLabel('消费者组').selectOption('shared');
  await expect(inspector(page).getByLabel('会话超时（毫秒）')).toHaveCount(0);
});
