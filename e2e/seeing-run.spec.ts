// Issue 9, seeing and explaining a run: the live Messages (Q) table and slot timeline (GreenPool), names
// instead of ids (Kafka), Step narration up to the end, and theory with its sampling uncertainty (M/M/2),
// in English and 中文 at 1280×800 and 1920×1080; axe on the new views. Screenshots go to /tmp/seeq.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './qa.helpers';

const example = (file: string): object => JSON.parse(readFileSync(`public/examples/${file}`, 'utf8')) as object;
const GREENPOOL = example('01-eventlet-greenpool.eventflow.json');
const KAFKA = example('02-kafka-test-topic.eventflow.json');
/** the article's GreenPool shape with Poisson publishers: two into one handler with 2 slots (M/M/2) */
const MM2 = {
  format: 'eventflow-scenario', version: 1, name: 'GreenPool M/M/2', seed: 3, stopAt: 60000, warmup: 1000,
  nodes: [
    { id: 'signup', type: 'publisher', label: 'sign-ups', arrival: { kind: 'poisson', ratePerSecond: 60 }, position: { x: 0, y: 0 } },
    { id: 'login', type: 'publisher', label: 'log-ins', arrival: { kind: 'poisson', ratePerSecond: 60 }, position: { x: 0, y: 160 } },
    { id: 'pool', type: 'handler', label: 'GreenPool', concurrency: 2, service: { kind: 'exponential', mean: 12 }, position: { x: 320, y: 80 } },
  ],
  edges: [{ id: 'e1', source: 'signup', target: 'pool' }, { id: 'e2', source: 'login', target: 'pool' }],
};

const WORDS = {
  en: { step: 'Step', runToEnd: 'Run to end', reset: 'Reset', messages: 'Messages (Q)', theory: 'Theory', results: 'Results', table: 'Message copies', inFlight: 'in flight', model: 'Model', waiting: 'waiting', handling: 'being handled', done: 'done' },
  zh: { step: '单步', runToEnd: '运行到结束', reset: '重置', messages: '消息 (Q)', theory: '理论', results: '结果', table: '消息副本', inFlight: '在途', model: '模型', waiting: '等待中', handling: '处理中', done: '完成' },
} as const;

/** English on a wide screen and 中文 on the narrow one: both languages and both sizes, without every pairing
 *  (the text of a step, a table or a note does not depend on the window beyond fitting in it) */
const PAIRS = [{ language: 'en', size: { width: 1920, height: 1080 } }, { language: 'zh', size: { width: 1280, height: 800 } }] as const;
type Language = keyof typeof WORDS;

async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const stepLine = (page: Page) => page.locator('.run-step-line');
const modelInFlight = async (page: Page, language: Language) =>
  Number((await page.getByRole('region', { name: WORDS[language].model }).locator('.ef-q-counts > div', { hasText: WORDS[language].inFlight }).locator('dd').innerText()).replace(/,/g, ''));

for (const { language, size } of PAIRS) {
  const tag = `${language}-${size.width}`;
  const w = WORDS[language];

  test.describe(`${language} ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('Q is live: three GreenPool steps show three copies with p, the third without r; the slot timeline shows its 180 ms wait', async ({ page }) => {
      await openApp(page, GREENPOOL, language);
      const step = page.getByRole('button', { name: w.step, exact: true });
      for (let i = 1; i <= 3; i++) {
        await step.click();
        await expect(stepLine(page)).toContainText(language === 'en' ? `#${i - 1}` : `#${i - 1}`);
      }
      await expect(stepLine(page)).toContainText(language === 'en' ? 'message #2 waits at event_handler: every slot is busy' : '消息 #2 在 event_handler 等待：所有槽位都忙');
      await page.getByRole('tab', { name: w.messages }).click();
      const table = page.getByRole('table', { name: w.table });
      const rows = table.locator('tbody tr[data-id]');
      await expect(rows).toHaveCount(3);
      const third = table.locator('tbody tr[data-id="2"]');
      await expect(third).toHaveAttribute('data-status', 'waiting');
      await expect(third).toHaveClass(/is-step/);
      await expect(third.locator('td').nth(4)).toHaveText(language === 'en' ? '20 ms' : '20 毫秒');
      await expect(third.locator('td').nth(5)).toHaveText('');
      // the "in flight" filter agrees with the Model panel
      await page.getByRole('combobox', { name: language === 'en' ? 'Status' : '状态' }).selectOption('anyInFlight');
      await expect(rows).toHaveCount(await modelInFlight(page, language));
      await expect(rows).toHaveCount(3);
      await page.screenshot({ path: `/tmp/seeq/q-live-3-steps-${tag}.png` });

      await step.click();
      await expect(stepLine(page)).toContainText(language === 'en' ? 'event_handler read message #2 after it waited 180 ms (p = 20 ms, r = 200 ms)' : '它等待了 180 毫秒（p = 20 毫秒，r = 200 毫秒）');
      const slots = page.locator('.slots');
      await expect(slots.locator('.slots-lane[data-lane="1"] .slots-item[data-id="2"] .slots-wait-text')).toHaveText('180');
      await expect(slots.locator('.slots-lane[data-lane="2"] .slots-item[data-id="1"]')).toBeVisible();
      await expect(table.locator('tbody tr[data-id="2"]')).toHaveAttribute('data-status', 'service');
      await page.screenshot({ path: `/tmp/seeq/q-slots-${tag}.png` });
      expect(await serious(page)).toEqual([]);

      // sortable: wait descending puts #2 first
      await page.getByRole('button', { name: language === 'en' ? 'wait (r − p)' : '等待 (r − p)' }).click();
      await expect(rows.first()).toHaveAttribute('data-id', '2');
    });

    test('narration to the end; Step after the end says so and does not restart at 0', async ({ page }) => {
      await openApp(page, GREENPOOL, language);
      const step = page.getByRole('button', { name: w.step, exact: true });
      for (let i = 0; i < 6; i++) {
        await step.click();
        await expect(page.locator('.run-step-line')).toBeVisible();
      }
      await expect(stepLine(page)).toContainText(language === 'en' ? 'this was the last event: the run has ended' : '这是最后一个事件：运行已结束');
      await step.click();
      await expect(stepLine(page)).toContainText(language === 'en' ? 'The run has ended (t=400 ms)' : '运行已结束（t=400 毫秒）');
      await expect(page.locator('.run-clock-value')).toHaveText('400');
      await page.screenshot({ path: `/tmp/seeq/narration-end-${tag}.png` });
    });

    test('names everywhere: Kafka labels in the Model sets, Results, step line and message path', async ({ page }) => {
      await openApp(page, KAFKA, language);
      const model = page.getByRole('region', { name: w.model });
      await expect(model.getByText('KafkaConsumer', { exact: true })).toHaveAttribute('title', 'KafkaConsumer (consumer)');
      await expect(model.getByText('group member 1', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: w.step, exact: true }).click();
      await expect(stepLine(page)).toContainText(/keyed producer|KafkaProducer/);
      await page.getByRole('tab', { name: w.messages }).click();
      await page.getByRole('table', { name: w.table }).locator('tbody tr[data-id="0"]').click();
      await expect(page.locator('.timeline-words').first()).toContainText(language === 'en' ? /published by (KafkaProducer|keyed producer) at 0?[\d.]+ ms \(p\), sent to test_topic/ : /由 (KafkaProducer|keyed producer) 在/);
      await page.getByRole('button', { name: w.runToEnd }).click();
      await page.getByRole('tab', { name: w.results }).click();
      const nodes = page.getByRole('region', { name: w.results }).locator('tr[data-node="test_topic-3p"] th');
      await expect(nodes).toContainText('test_topic (keyed)', { timeout: 30_000 });
      await expect(nodes).toHaveAttribute('title', 'test_topic (keyed) (test_topic-3p)');
      await page.screenshot({ path: `/tmp/seeq/names-${tag}.png` });
    });

    test('theory you can trust: two Poisson publishers into a 2-slot handler get M/M/2 with the sampling uncertainty in words', async ({ page }) => {
      await openApp(page, MM2, language);
      await page.getByRole('button', { name: w.runToEnd }).click();
      await expect(page.getByRole('region', { name: w.results }).getByRole('button', { name: language === 'en' ? 'Export report' : /导出报告/ })).toBeEnabled({ timeout: 30_000 });
      await page.getByRole('tab', { name: w.theory }).click();
      const card = page.locator('.theory-card').first();
      await expect(card.locator('.theory-model')).toHaveText('M/M/2');
      await expect(card).toContainText(language === 'en' ? '2 Poisson publishers merged' : '合并 2 个泊松发布者');
      await expect(card.locator('.theory-uncertainty')).toContainText(language === 'en' ? /sampling uncertainty: the simulated mean wait is [\d.]+ ± [\d.]+ ms/ : /抽样不确定性.*模拟的平均等待为 [\d.]+ ± [\d.]+ 毫秒/);
      await expect(card.locator('.theory-uncertainty')).toContainText(language === 'en' ? /longer run|more replications/ : /运行更久|重复运行/);
      await expect(card.locator('[data-slot="replications"]')).toHaveCount(1);
      await page.screenshot({ path: `/tmp/seeq/theory-mm2-${tag}.png` });
      expect(await serious(page)).toEqual([]);
    });
  });
}
