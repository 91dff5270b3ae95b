// Run journeys: play, pause, step, run to end; the Results table equals the command line's report;
// a message's path; CSV and report exports; invalid diagrams go to Problems; stale results; no-worker fallback.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STUCK_MS } from '../src/session/simClient';
import { afterFrames } from './qa.helpers';
import { cliReport, expectSimAnsweredAll, openWith, reportDifferences, signupScenario, simTraffic, watchSimWorkers } from './run.helpers';

const clock = (page: Page) => page.getByRole('status', { name: /^Virtual time/ });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const results = (page: Page) => page.getByRole('region', { name: 'Results' });

async function clockMs(page: Page): Promise<number> {
  const label = (await clock(page).getAttribute('aria-label')) ?? '';
  return Number(label.replace(/[^0-9.]/g, ''));
}

async function runToEnd(page: Page): Promise<void> {
  await button(page, 'Run to end').click();
  await expect(results(page).getByRole('heading', { name: 'Latency', exact: true })).toBeVisible();
}

test('Run, Pause, Step and Run to end; the Results equal the command line report', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await watchSimWorkers(page);
  await openWith(page, signupScenario);
  await expect(results(page)).toContainText('Run to see results');
  await expect(clock(page)).toHaveAttribute('aria-label', 'Virtual time 0 ms');

  await button(page, 'Run').click();
  await expect.poll(() => clockMs(page)).toBeGreaterThan(50);
  await expect(results(page).locator('[data-total="published"]')).not.toHaveText('0');
  await button(page, 'Pause').click();
  const paused = await clockMs(page);
  // paused, the clock holds: once the worker has answered the advance still in flight and the page has drawn
  // two more frames (where a flush of that answer, or a playback loop still running, would show), it is unchanged
  await expectSimAnsweredAll(page);
  await afterFrames(page, 2);
  expect(await clockMs(page)).toBe(paused);

  await button(page, 'Step').click();
  await expect(page.getByRole('log')).toContainText(/^t=[\d,.]+ ms: /);
  expect(await clockMs(page)).toBeGreaterThanOrEqual(paused);

  await runToEnd(page);
  await expect(clock(page)).toHaveAttribute('aria-label', 'Virtual time 5,000 ms');
  const expected = cliReport(signupScenario) as { totals: Record<string, number>; latency: Record<string, Record<string, number | null>> };
  for (const [key, value] of Object.entries(expected.totals)) {
    await expect(results(page).locator(`[data-total="${key}"]`)).toHaveAttribute('data-value', String(value));
  }
  for (const [kind, stats] of Object.entries(expected.latency)) {
    if (kind === 'endToEndBySink') continue; // per sink (architect.md): a map of stats, not a row of the table
    for (const stat of ['count', 'mean', 'p50', 'p95', 'p99', 'max']) {
      const shown = await results(page).locator(`[data-latency="${kind}"] [data-stat="${stat}"]`).getAttribute('data-value');
      expect(reportDifferences(shown === '' ? null : Number(shown), stats[stat]), `${kind}.${stat}`).toEqual([]);
    }
  }
  await expect(results(page).getByRole('row', { name: /publish → done/ })).toContainText(' ms');
  expect(errors).toEqual([]);
});

test('a message opens its path; the CSV and the report download', async ({ page }) => {
  await openWith(page, signupScenario);
  await runToEnd(page);
  const expected = cliReport(signupScenario) as { totals: { sent: number } };

  const reportDownload = page.waitForEvent('download');
  await button(page, 'Export report').click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe('Run journey.report.json');
  const reportJson = JSON.parse(readFileSync(await report.path(), 'utf8')) as Record<string, unknown>;
  const { perf: _p, ...got } = reportJson;
  const { perf: _q, ...want } = cliReport(signupScenario);
  expect(reportDifferences(got, want)).toEqual([]);

  const csvDownload = page.waitForEvent('download');
  await button(page, 'Export messages CSV').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('Run journey.messages.csv');
  const lines = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler');
  expect(lines.length - 1).toBe(expected.totals.sent);

  await page.getByRole('tab', { name: 'Messages (Q)' }).click();
  await page.getByLabel('Status').selectOption('completed'); // issue 9: the filter covers live states too
  const table = page.getByRole('table', { name: 'Message copies' });
  const firstRow = table.locator('tbody tr[aria-rowindex]').first();
  const id = (await firstRow.locator('td').first().textContent())!.trim();
  await firstRow.click();
  const timeline = page.getByRole('region', { name: new RegExp(`^Path of message #${id}`) });
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText(/published by signup at .* ms \(p\)/); // issue 9: by its publisher
  await expect(timeline).toContainText(/ended completed at/);
  // windowed: far fewer rows in the DOM than kept records
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(80);
});

test('editing after a run marks the results stale; running again starts from 0', async ({ page }) => {
  await openWith(page, signupScenario);
  await runToEnd(page);
  await expect(page.getByText('results are stale — run again').first()).toBeHidden();
  const seed = page.getByRole('region', { name: 'Inspector' }).getByLabel('Random seed');
  await seed.fill('7');
  await seed.blur();
  await expect(page.getByText('results are stale — run again').first()).toBeVisible();
  await button(page, 'Step').click();
  await expect.poll(() => clockMs(page)).toBeLessThan(100);
  await expect(page.getByText('results are stale — run again')).toHaveCount(0);
});

test('an invalid diagram shows its problems instead of running', async ({ page }) => {
  const { stopAt: _s, ...endless } = signupScenario;
  await openWith(page, endless);
  await button(page, 'Run').click();
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
  await expect(clock(page)).toHaveAttribute('aria-label', 'Virtual time 0 ms');
});

test('speed slider and the clock in 中文; Reset goes back to 0', async ({ page }) => {
  await openWith(page, signupScenario);
  const speed = page.getByRole('slider', { name: 'Speed' });
  await expect(speed).toHaveAttribute('aria-valuetext', '1 virtual ms per wall ms');
  await speed.press('End');
  await expect(speed).toHaveAttribute('aria-valuetext', 'as fast as possible');
  await button(page, 'Run').click();
  await expect.poll(() => clockMs(page)).toBe(5000);
  await button(page, 'Reset').click();
  await expect(clock(page)).toHaveAttribute('aria-label', 'Virtual time 0 ms');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('status', { name: /^虚拟时间/ })).toHaveAttribute('aria-label', '虚拟时间 0 毫秒');
  await expect(page.getByRole('button', { name: '运行到结束' })).toBeVisible();
});

test('without a Web Worker the run still works, on the page in short slices', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await openWith(page, signupScenario);
  await runToEnd(page);
  await expect(page.getByText('running without a worker')).toBeVisible();
  const expected = cliReport(signupScenario) as { totals: { completed: number } };
  await expect(results(page).locator('[data-total="completed"]')).toHaveAttribute('data-value', String(expected.totals.completed));
});

test('a long Run to end shows its progress and can be cancelled; the editor keeps working', async ({ page }) => {
  await openWith(page, { ...signupScenario, stopAt: 50_000_000 });
  await button(page, 'Run to end').click();
  const progress = page.getByRole('progressbar', { name: 'Running to the end' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/of 50,000,000 ms/)).toBeVisible();
  await expect.poll(() => clockMs(page)).toBeGreaterThan(0);
  await button(page, 'Cancel').click();
  await expect(progress).toBeHidden();
  const stoppedAt = await clockMs(page);
  expect(stoppedAt).toBeLessThan(50_000_000);
  await expect(button(page, 'Run')).toBeEnabled();
  await expect(results(page)).toContainText('paused');
  await page.getByRole('button', { name: 'Add queue' }).click();
  await expect(page.getByText('results are stale — run again').first()).toBeVisible();
});

test('Reset during a long Run to end goes back to 0 without any failure', async ({ page }) => {
  // the page's timers run on Playwright's clock (real time until told otherwise), so the stuck-worker watchdog's
  // period can be passed without waiting for it
  await page.clock.install();
  await watchSimWorkers(page);
  await openWith(page, { ...signupScenario, stopAt: 50_000_000 });
  await button(page, 'Run to end').click();
  await expect(page.getByRole('progressbar', { name: 'Running to the end' })).toBeVisible();
  await button(page, 'Reset').click();
  await expect(clock(page)).toHaveAttribute('aria-label', 'Virtual time 0 ms');
  await expect(results(page)).toContainText('Run to see results');
  // the worker has acknowledged the Reset (its answer to dispose): a watchdog still armed now could only be one
  // the Reset forgot; run the page's timers past the watchdog's period, and let the page draw what they did
  await expect.poll(async () => (await simTraffic(page)).answers).toContain('disposed');
  await page.clock.runFor(STUCK_MS + 1000);
  await afterFrames(page, 2);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await button(page, 'Run to end').click();
  await expect(page.getByRole('progressbar', { name: 'Running to the end' })).toBeVisible();
  await button(page, 'Cancel').click();
  await expect(button(page, 'Run')).toBeEnabled();
});

test('the messages CSV of a run too big for the browser is refused with the command line to use', async ({ page }) => {
  test.setTimeout(120_000);
  await openWith(page, {
    format: 'eventflow-scenario', version: 1, name: 'Big CSV', stopAt: 3_000,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 999_000 }, position: { x: 0, y: 0 } },
      { id: 'h', type: 'handler', concurrency: 100, service: { kind: 'constant', value: 0.01 }, position: { x: 400, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'h' }],
  });
  await button(page, 'Run to end').click();
  await expect(results(page).locator('[data-latency]').first()).toBeVisible({ timeout: 90_000 });
  await button(page, 'Export messages CSV').click();
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('Too many messages to save in the browser');
  await expect(alert).toContainText('npm run sim -- "Big CSV.eventflow.json" --messages "Big CSV.messages.csv"');
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(button(page, 'Run')).toBeEnabled();
});
