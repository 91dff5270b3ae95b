// Motion (issue 9 point 4): both article examples visibly move while running — dots cross their instant
// connections, stored copies show at the queue, the keyed queue shows a lane per partition — in English
// and 中文 at 1280×800 and 1920×1080. Conditions are polled; nothing waits for a fixed time.
import { expect, test, type Page } from '@playwright/test';
import { translate } from '../src/ui/i18n/translate';
import { openApp } from './qa.helpers';

/** English on a wide screen and 中文 on the narrow one: both languages and both sizes, without every pairing */
const PAIRS = [{ language: 'en', viewport: { width: 1920, height: 1080 } }, { language: 'zh', viewport: { width: 1280, height: 800 } }] as const;

const tokenLayer = (page: Page) => page.locator('[data-testid=token-layer]');

/**
 * Watches the token canvas frame by frame inside the page for up to `windowMs` (wall time of the page, so a
 * slow round trip to the test cannot miss a 400 ms flight): true once two consecutive frames both show dots,
 * with dots in flight, and differ in which pixels are painted — something moved.
 */
function watchForMotion(page: Page, windowMs: number): Promise<boolean> {
  return page.evaluate((limitMs) => new Promise<boolean>((resolve) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="token-layer"]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return resolve(false);
    const fingerprint = (): { count: number; hash: number } => {
      if (canvas.width === 0) return { count: 0, hash: 0 };
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
    };
    const untilMs = performance.now() + limitMs;
    let previous: { count: number; hash: number } | null = null;
    const frame = () => {
      const flying = Number(canvas.dataset.flights ?? 0) > 0;
      const now = fingerprint();
      if (flying && previous && previous.count > 0 && now.count > 0 && previous.hash !== now.hash) return resolve(true);
      previous = flying ? now : null;
      if (performance.now() > untilMs) return resolve(false);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }), windowMs);
}

/** something on the token canvas moves while `act` runs (the watch starts before it); retried until it does */
async function expectMotionWhile(page: Page, act: () => Promise<void>): Promise<void> {
  await expect(async () => {
    const watching = watchForMotion(page, 4000);
    await act();
    expect(await watching).toBe(true);
  }).toPass({ timeout: 40_000 });
}

async function openExample(page: Page, language: 'en' | 'zh', title: RegExp): Promise<void> {
  await openApp(page, undefined, language);
  await page.getByRole('button', { name: translate(language, 'files.examples') }).click();
  await page.getByRole('menuitem', { name: title }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

for (const { language, viewport } of PAIRS) {
  test.describe(`${language} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('GreenPool: messages visibly travel the instant connections, the waiting third one shows at the handler', async ({ page }) => {
      await openExample(page, language, /GreenPool/);
      // Step through the run: a step that publishes sends its copy across the instant connections as a dot
      const step = page.getByRole('button', { name: translate(language, 'run.step'), exact: true });
      const reset = page.getByRole('button', { name: translate(language, 'run.reset'), exact: true });
      const stepLine = page.locator('.run-step-line');
      // each try starts from 0: Reset when a run is under way, then one Step publishes message #0
      await expectMotionWhile(page, async () => {
        if (await reset.isEnabled()) await reset.click();
        await step.click();
      });
      // the third event waits in the pool's list: three steps from 0, then one stored copy shows at event_handler
      if (await reset.isEnabled()) await reset.click();
      await expect(stepLine).toHaveCount(0);
      for (let i = 0; i < 3; i++) {
        await step.click();
        await expect(stepLine).toContainText(`#${i}`);
      }
      await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-stored')), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: `/tmp/seemotion/motion-greenpool-${language}-${viewport.width}.png` });
    });

    test('Kafka test_topic: dots flow, test_topic stores copies, the keyed queue shows three partition lanes', async ({ page }) => {
      await openExample(page, language, /test_topic/);
      await page.getByRole('button', { name: translate(language, 'run.run'), exact: true }).click();
      await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-lanes'))).toBe(3);
      await expectMotionWhile(page, async () => {});
      await expect.poll(async () => Number(await tokenLayer(page).getAttribute('data-stored')), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: `/tmp/seemotion/motion-kafka-${language}-${viewport.width}.png` });
    });
  });
}
