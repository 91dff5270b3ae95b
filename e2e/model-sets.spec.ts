// The Model panel follows the spec's sets: a handler's emitted event type that reaches a queue is in E,
// and S pairs it with the handler that reads it (issue 16), in the order chain shop -> pay -> ship.
import { expect, test } from '@playwright/test';
import { openApp } from './qa.helpers';

const service = { kind: 'constant', value: 5 };
const orderChain = {
  format: 'eventflow-scenario', version: 1, name: 'Order chain (sets)', stopAt: 1000,
  nodes: [
    { id: 'shop', type: 'publisher', event: 'order.placed', arrival: { kind: 'poisson', ratePerSecond: 10 }, position: { x: 0, y: 0 } },
    { id: 'orders', type: 'queue', position: { x: 220, y: 0 } },
    { id: 'pay', type: 'handler', event: 'order.paid', service, position: { x: 440, y: 0 } },
    { id: 'paid', type: 'queue', position: { x: 660, y: 0 } },
    { id: 'ship', type: 'handler', service, position: { x: 880, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'shop', target: 'orders' },
    { id: 'e2', source: 'orders', target: 'pay' },
    { id: 'e3', source: 'pay', target: 'paid' },
    { id: 'e4', source: 'paid', target: 'ship' },
  ],
};

test("the Model panel lists a handler's emitted event type in E and its reader in S", async ({ page }) => {
  await openApp(page, orderChain);
  const model = page.getByRole('region', { name: 'Model' });
  await expect(model).toContainText('order.placed');
  await expect(model).toContainText('order.paid');
  await expect(model).toContainText('(order.paid, ship)');
  await expect(model).toContainText('(order.placed, pay)');
  // hovering the subscription lights up the way order.paid travels: pay -> paid -> ship
  await model.getByText('(order.paid, ship)').hover();
  await expect(page.locator('.react-flow__node[data-id="paid"] .ef-node')).toHaveClass(/is-highlighted/);
  await expect(page.locator('.react-flow__node[data-id="orders"] .ef-node')).not.toHaveClass(/is-highlighted/);
});
