// Routing journeys (architect.md "Routing"): a handler switched to "one of" in the inspector shows the
// mark on the canvas and weights as edge labels, a weight edited changes the label and the share hint,
// a failure edge is labelled "on failure"; the same in 中文. Screenshots at 1280x800 go to /tmp/arc.
import { expect, test, type Page } from '@playwright/test';
import { openWith } from './run.helpers';

const SHOTS = '/tmp/arc';

const orders = {
  format: 'eventflow-scenario', version: 1, name: 'Orders with review', seed: 7, stopAt: 5000,
  nodes: [
    { id: 'orders', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 50 }, position: { x: 0, y: 120 } },
    { id: 'incoming', type: 'queue', position: { x: 230, y: 120 } },
    { id: 'checker', type: 'handler', service: { kind: 'exponential', mean: 10 }, failureRate: 0.05, position: { x: 460, y: 120 } },
    { id: 'fulfil', type: 'queue', position: { x: 720, y: 0 } },
    { id: 'review', type: 'queue', position: { x: 720, y: 150 } },
    { id: 'alerts', type: 'queue', position: { x: 720, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'orders', target: 'incoming' },
    { id: 'e2', source: 'incoming', target: 'checker' },
    { id: 'e3', source: 'checker', target: 'fulfil', probability: 0.7 },
    { id: 'e4', source: 'checker', target: 'review' },
    { id: 'e5', source: 'checker', target: 'alerts', when: 'failure' },
  ],
};

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const inspector = (page: Page) => page.getByRole('region', { name: /^(Inspector|检查器)$/ });
const edgeLabels = (page: Page) => page.locator('.ef-edge-label');

test('a handler routes "one of": mark, weights on the edges, share hint; failure edge labelled', async ({ page }) => {
  await openWith(page, orders);
  await expect(edgeLabels(page).filter({ hasText: 'on failure' })).toHaveCount(1);
  await expect(node(page, 'checker').locator('.ef-node-oneof')).toHaveCount(0);
  await node(page, 'checker').click();
  await inspector(page).getByLabel('Route').selectOption('one');
  await expect(node(page, 'checker').locator('.ef-node-oneof')).toHaveText('one of');
  // the probability went (weights say it), every routed edge shows its weight
  await expect(edgeLabels(page).filter({ hasText: 'weight 1' })).toHaveCount(3);
  await expect(edgeLabels(page).filter({ hasText: '70 %' })).toHaveCount(0);
  await inspector(page).getByRole('button', { name: /fulfil/ }).click();
  const weight = inspector(page).getByLabel('Weight');
  await weight.fill('3');
  await weight.press('Enter');
  await expect(edgeLabels(page).filter({ hasText: 'weight 3' })).toHaveCount(1);
  await expect(inspector(page)).toContainText('75 % now');
  await expect(inspector(page).getByLabel('Sends when')).toHaveValue('success');
  await page.screenshot({ path: `${SHOTS}/routing-en.png` });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(node(page, 'checker').locator('.ef-node-oneof')).toHaveText('择一');
  await expect(edgeLabels(page).filter({ hasText: '失败时' })).toHaveCount(1);
  await expect(inspector(page).getByLabel('权重')).toHaveValue('3');
  await page.screenshot({ path: `${SHOTS}/routing-zh.png` });

  // back to "all": weights go, the run works as before
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await node(page, 'checker').click();
  await inspector(page).getByLabel('Route').selectOption('all');
  await expect(edgeLabels(page).filter({ hasText: /weight/ })).toHaveCount(0);
  await expect(node(page, 'checker').locator('.ef-node-oneof')).toHaveCount(0);
});
