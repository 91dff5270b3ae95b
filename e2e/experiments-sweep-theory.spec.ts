// Experiments journeys beyond the tab itself: "Sweep this field" from the inspector opens a sweep over that field
// (chart with its confidence band), and the Theory panel's note uses the replications' interval, in both languages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './qa.helpers';

/** M/M/1 at ρ = 0.5: Poisson 50/s into an unbounded queue, one slot with exponential 10 ms service (Wq = 10 ms) */
function mm1(name = 'M/M/1 check'): Record<string, unknown> {
  return {
    format: 'eventflow-scenario', version: 1, name, seed: 3, stopAt: 4000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 50 }, position: { x: 0, y: 40 } },
      { id: 'q', type: 'queue', position: { x: 260, y: 40 } },
      { id: 'h', type: 'handler', concurrency: 1, service: { kind: 'exponential', mean: 10 }, position: { x: 520, y: 40 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
  };
}

const words = {
  en: { sweep: 'Sweep this field', experiments: 'Experiments', parameter: 'Parameter', values: 'Values', runSweep: 'Run sweep', band: 'interval', runToEnd: 'Run to end',
    theory: 'Theory', replications: 'Replications', runReplications: 'Run replications', suggest: /run replications \(Experiments tab\)/, note: /With 10 replications the formula lies (inside|outside) the 95 % interval \[/ },
  zh: { sweep: '扫描此字段', experiments: '实验', parameter: '参数', values: '取值', runSweep: '运行扫描', band: '置信区间', runToEnd: '运行到结束',
    theory: '理论', replications: '重复次数', runReplications: '运行重复实验', suggest: /运行重复实验/, note: /10 次重复运行后，公式值落在 95 % 置信区间 \[/ },
} as const;

async function sweepFromInspector(page: Page, w: (typeof words)['en' | 'zh']) {
  await page.locator('.react-flow__node[data-id="h"]').click();
  const button = page.getByRole('button', { name: w.sweep }).and(page.getByTitle(/\/nodes\/h\/concurrency$/));
  await button.click();
  await expect(page.getByRole('tab', { name: w.experiments })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: w.parameter })).toHaveValue('/nodes/h/concurrency');
  await expect(page.getByRole('textbox', { name: w.values })).toHaveValue('1:4:1');
  await page.getByRole('spinbutton', { name: w.replications }).fill('4');
  await page.getByRole('button', { name: w.runSweep }).click();
  const chart = page.getByRole('img', { name: /\/nodes\/h\/concurrency/ });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAttribute('data-band', 'filled');
  await expect(chart.locator('.u-legend')).toContainText(w.band);
  await expect(page.getByRole('table', { name: '/latency/publishToDone/mean' }).getByRole('row')).toHaveCount(5);
}

async function theoryNote(page: Page, w: (typeof words)['en' | 'zh']) {
  await page.getByRole('button', { name: w.runToEnd }).click();
  await page.getByRole('tab', { name: w.theory }).click();
  const slot = page.locator('[data-slot="replications"]').first();
  await expect(slot).toContainText(w.suggest, { timeout: 60_000 });
  await page.getByRole('tab', { name: w.experiments }).click();
  await page.getByRole('spinbutton', { name: w.replications }).fill('10');
  await page.getByRole('button', { name: w.runReplications }).click();
  await expect(page.getByRole('table').filter({ hasText: '±' }).first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: w.theory }).click();
  await expect(slot).toContainText(w.note);
  await expect(slot.locator('[data-replications]')).toHaveAttribute('data-replications', /^(inside|outside)$/);
}

test('Sweep this field opens a sweep over the field, charted with its band; the Theory panel uses the replications (English)', async ({ page }) => {
  await openApp(page, mm1());
  await sweepFromInspector(page, words.en);
  await theoryNote(page, words.en);
  // axe on the Theory panel with the note (before the edit below, which dims the stale results)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // an edit makes the replications stale: the note goes back to suggesting them
  await page.getByRole('tab', { name: words.en.experiments }).click();
  await page.locator('.react-flow__node[data-id="h"]').click();
  await page.getByLabel('Concurrency (slots)').fill('2');
  await page.getByRole('tab', { name: words.en.theory }).click();
  await expect(page.locator('[data-slot="replications"]').first()).not.toContainText(words.en.note);
});

test('中文: 扫描此字段 and the Theory note', async ({ page }) => {
  await openApp(page, mm1('M/M/1 中文'), 'zh');
  await sweepFromInspector(page, words.zh);
  await theoryNote(page, words.zh);
});
