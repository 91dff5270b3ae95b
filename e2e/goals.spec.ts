// Goals journeys (architect.md "Service-level objectives"): the Goals tab lists the file's goals, shows
// live "so far" verdicts while playing and PASS / FAIL badges with measured values after Run to end; a goal
// added in the list editor with an unknown figure shows an inline error until fixed; the same in 中文.
// axe stays clean on the panel. Screenshots at 1280x800 go to /tmp/arc.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { autosavedScenario, chainScenario, openApp } from './qa.helpers';

const SHOTS = '/tmp/arc';

const scenario = {
  ...chainScenario('Goals journey'),
  slo: [
    { metric: '/latency/publishToDone/p99', max: 1000 },
    { metric: '/nodes/q/maxDepth', max: 1 },
  ],
};

const status = (page: Page, index: number) => page.locator(`[data-goal="${index}"] [data-goal-status]`);

test('goals: badges live and at the end, a goal added in the editor, inline error for an unknown figure', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, { ...scenario, stopAt: 60_000 });
  await page.getByRole('tab', { name: 'Goals' }).click();
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByRole('combobox', { name: 'Figure of goal 1' })).toHaveValue('/latency/publishToDone/p99');
  await expect(status(page, 0)).toHaveText('not run');

  // live: playing at 1 virtual ms per wall ms, the verdicts so far arrive with the series
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(goals.getByText(/^So far: \d of 2 pass$/)).toBeVisible({ timeout: 30_000 });
  await expect(status(page, 1)).toHaveClass(/is-live/);
  await page.getByRole('button', { name: 'Pause' }).click();

  // a new goal, first on a figure the report does not have
  await goals.getByRole('button', { name: 'Add goal' }).click();
  const metric = goals.getByRole('combobox', { name: 'Figure of goal 3' });
  await metric.fill('/nodes/nope/maxDepth');
  await expect(goals.getByRole('alert')).toHaveText(/The report has no such figure/);
  await expect(metric).toHaveAttribute('aria-invalid', 'true');
  await metric.fill('/totals/completed');
  await expect(goals.getByRole('alert')).toHaveCount(0);
  await goals.getByRole('textbox', { name: 'At most (goal 3)' }).fill('');
  await expect(goals.getByRole('alert')).toHaveText(/Give at least one limit/);
  await goals.getByRole('textbox', { name: 'At least (goal 3)' }).fill('100');
  await expect(goals.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(goals.getByText('1 of 3 goals fail')).toBeVisible({ timeout: 60_000 });
  await expect(status(page, 0)).toHaveText('PASS');
  await expect(status(page, 1)).toHaveText('FAIL');
  await expect(status(page, 2)).toHaveText('PASS');
  const completed = Number(await page.locator('[data-goal="2"] [data-goal-value]').getAttribute('data-goal-value'));
  expect(completed).toBeGreaterThan(100);
  const maxDepth = Number(await page.locator('[data-goal="1"] [data-goal-value]').getAttribute('data-goal-value'));
  expect(maxDepth).toBeGreaterThan(1);
  await page.screenshot({ path: `${SHOTS}/goals-en.png` });

  const axe = await new AxeBuilder({ page }).include('.dock-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // removing a goal takes it out of the file
  await goals.getByRole('button', { name: 'Remove goal 2' }).click();
  await expect(goals.getByRole('combobox', { name: /^Figure of goal/ })).toHaveCount(2);
  await expect.poll(async () => ((await autosavedScenario(page)) as { slo?: { metric: string }[] } | null)?.slo?.map((g) => g.metric))
    .toEqual(['/latency/publishToDone/p99', '/totals/completed']);
});

test('goals in 中文: tab, badges and an inline error', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, scenario, 'zh');
  await page.getByRole('tab', { name: '目标' }).click();
  const goals = page.getByRole('region', { name: '目标' });
  await page.getByRole('button', { name: '运行到结束' }).click();
  await expect(goals.getByText('2 个目标中 1 个未通过')).toBeVisible({ timeout: 60_000 });
  await expect(status(page, 0)).toHaveText('通过');
  await expect(status(page, 1)).toHaveText('未通过');
  await goals.getByRole('button', { name: '添加目标' }).click();
  await goals.getByRole('combobox', { name: '目标 3 的数值' }).fill('/nodes/无/maxDepth');
  await expect(goals.getByRole('alert')).toHaveText(/报告中没有这个数值/);
  await page.screenshot({ path: `${SHOTS}/goals-zh.png` });
});
