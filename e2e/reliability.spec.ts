// Reliability round 2 (docs/reliability.md) in Chromium: a 2,000-node chain imports and runs (no
// "Maximum call stack size exceeded"), and ids named like Object.prototype properties are data: a node
// `__proto__` is in the Nodes table, and the worker's report bytes equal the command line's (goals included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importText, openApp } from './qa.helpers';

const service = { kind: 'constant', value: 1 };

function chain(length: number): object {
  const nodes: object[] = [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 3, position: { x: 0, y: 0 } }];
  const edges: object[] = [];
  for (let i = 1; i < length; i++) {
    const position = { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 };
    nodes.push(i % 2 === 1 ? { id: `n${i}`, type: 'queue', position } : { id: `n${i}`, type: 'handler', service, position });
    edges.push({ id: `e${i}`, source: i === 1 ? 'p' : `n${i - 1}`, target: `n${i}` });
  }
  return { format: 'eventflow-scenario', version: 1, name: `Chain of ${length}`, nodes, edges };
}

const PROTO = {
  format: 'eventflow-scenario', version: 1, name: 'Prototype names', seed: 5,
  nodes: [
    { id: '__proto__', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 200 }, limit: 50, position: { x: 0, y: 0 } },
    { id: 'constructor', type: 'topic', position: { x: 250, y: 0 } },
    { id: 'valueOf', type: 'queue', position: { x: 500, y: 0 } },
    { id: 'hasOwnProperty', type: 'handler', service: { kind: 'exponential', mean: 2 }, position: { x: 750, y: 0 } },
  ],
  edges: [
    { id: 'toString', source: '__proto__', target: 'constructor' },
    { id: 'e2', source: 'constructor', target: 'valueOf' },
    { id: 'e3', source: 'valueOf', target: 'hasOwnProperty' },
  ],
  // goals (architect.md): the worker's report carries the same `slo` verdicts as the CLI's, one passing, one failing
  slo: [{ metric: '/nodes/valueOf/maxDepth', max: 1000 }, { metric: '/totals/completed', min: 51 }],
};

const completed = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Results' }).locator('[data-total="completed"]');

test('a 2,000-node chain imports and runs to the end in the browser', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  await importText(page, 'chain.eventflow.json', JSON.stringify(chain(2000)));
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Chain of 2000', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(completed(page)).toHaveAttribute('data-value', String(3 * 999), { timeout: 90_000 });
  expect(errors).toEqual([]);
});

test('ids named like Object.prototype properties: in the Nodes table, and the same report bytes as the CLI', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, PROTO);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(completed(page)).toHaveAttribute('data-value', '50', { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Nodes' });
  for (const id of ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty']) await expect(table.getByRole('rowheader', { name: id, exact: true })).toBeVisible();

  const worker = readdirSync('dist/assets').find((name) => /^sim\.worker-.*\.js$/.test(name));
  const browser = await page.evaluate(async ({ url, scenario }) => {
    const sim = new Worker(url, { type: 'module' });
    const report = await new Promise<unknown>((resolve, reject) => {
      sim.onmessage = (event: MessageEvent<{ type: string; message?: string; update?: { report?: unknown } }>) => {
        if (event.data.type === 'error') reject(new Error(event.data.message));
        else if (event.data.update?.report) resolve(event.data.update.report);
        else if (event.data.type === 'loaded') sim.postMessage({ type: 'runToEnd', requestId: 2, progressEveryMs: 1e9 });
      };
      sim.postMessage({ type: 'load', requestId: 1, scenario, options: { maxTransit: 500, keepRecords: 10_000 } });
    });
    sim.terminate();
    return JSON.stringify({ ...(report as Record<string, unknown>), perf: null });
  }, { url: `/assets/${worker}`, scenario: PROTO });
  const dir = mkdtempSync(join(tmpdir(), 'eventflow-proto-'));
  writeFileSync(join(dir, 'proto.json'), JSON.stringify(PROTO));
  const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', join(dir, 'proto.json'), '--json'], { encoding: 'utf8' });
  expect(run.status, 'a failed goal exits 3').toBe(3);
  const cli = JSON.stringify({ ...(JSON.parse(run.stdout) as Record<string, unknown>), perf: null });
  expect((JSON.parse(cli) as { slo: { pass: boolean }[] }).slo.map((v) => v.pass)).toEqual([true, false]);
  expect(Object.keys((JSON.parse(browser) as { nodes: object }).nodes)).toEqual(['__proto__', 'constructor', 'valueOf', 'hasOwnProperty']);
  expect(browser).toBe(cli);
});
