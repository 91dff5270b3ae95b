// Motion (issue 9 point 4): both article examples visibly move while running — dots cross their instant
// connections, stored copies show at the queue, the keyed queue shows a lane per partition — in English
// and 中文 at 1280×800 and 1920×1080. Conditions are polled; nothing waits for a fixed time.
import { expect, test, type Page } from '@playwright/test';
import { translate } from '../src/ui/i18n/translate';
import { openApp } from './qa.helpers';

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }];
const LANGUAGES = ['en', 'zh'] as const;

const tokenLayer = (page: Page) => page.locator('[data-testid=token-layer]');

/** a fingerprint of the token canvas: which pixels are painted (0 when nothing is) */
async function paintedPixels(page: Page): Promise<{ count: number; hash: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="token-layer"]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0) return { count: 0, hash: 0 };
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    let hash = 0;
    for (let i = 3; i < data.length; i += 16) {
      if (data[i] > 0) {
        count++;
        hash = (hash * 31 + i) | 0;
      }
    }
    return { count, hash };
  });
}

/** the token canvas shows dots and they change between two looks: something moves */
async function expectMotion(page: Page): Promise<void> {
  let previous = await paintedPixels(page);
  await expect.poll(async () => {
    const now = await paintedPixels(page);
    const moved = now.count > 0 && previous.count > 0 && now.hash !== previous.hash;
    previous = now;
    return moved;
  }, { timeout: 20_000 }).toBe(true);
}

async function openExample(page: Page, language: 'en' | 'zh', title: RegExp): Promise<void> {
  await openApp(page, undefined, language);
  await page.getByRole('button', { name: translate(language, 'files.examples') }).click();
  await page.getByRole('menuitem', { name: title }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

for (const viewport of VIEWPORTS) {
  for (const language of LANGUAGES) {
    test.describe(`${language} ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport });

      test('GreenPool: messages visibly travel the instant connections, the waiting third one shows at the handler', async ({ page }) => {
        await openExample(page, language, /GreenPool/);
        // Step through the run: each step's copies cross their connection
        const step = page.getByRole('button', { name: translate(language, 'run.step'), exact: true });
        await step.click();
        await step.click();
        await step.click();
        await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-flights'))).toBeGreaterThan(0);
        await page.getByRole('button', { name: translate(language, 'run.run'), exact: true }).click();
        await expectMotion(page);
        // the third event waits in the pool's list: one stored copy at event_handler
        await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-stored')), { timeout: 30_000 }).toBeGreaterThan(0);
        await page.screenshot({ path: `/tmp/seemotion/motion-greenpool-${language}-${viewport.width}.png` });
      });

      test('Kafka test_topic: dots flow, test_topic stores copies, the keyed queue shows three partition lanes', async ({ page }) => {
        await openExample(page, language, /Kafka/);
        await page.getByRole('button', { name: translate(language, 'run.run'), exact: true }).click();
        await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-lanes'))).toBe(3);
        await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-flights'))).toBeGreaterThan(0);
        await expectMotion(page);
        await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-stored')), { timeout: 30_000 }).toBeGreaterThan(0);
        await page.screenshot({ path: `/tmp/seemotion/motion-kafka-${language}-${viewport.width}.png` });
      });
    });
  }
}
