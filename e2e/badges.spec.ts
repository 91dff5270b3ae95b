// Live badges: the numbers painted on the badge canvas sit inside the space NodeLiveBadge reserves, never
// over the node's summary line (1- or 2-line summaries), at the fitted zoom, zoomed in, and in 中文.
import { expect, test, type Page } from '@playwright/test';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

interface Rect { left: number; top: number; right: number; bottom: number }
interface BadgeCheck {
  nodes: { id: string; live: Rect; summary: Rect; summaryLines: number; painted: number; onScreen: boolean }[];
  /** painted pixels outside every reserved box, and inside some summary line */
  outside: number;
  overSummary: number;
}

/** reads the reserved boxes, the summary lines and the badge canvas's painted pixels (in page pixels) */
function checkBadges(page: Page): Promise<BadgeCheck> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="badge-layer"]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no badge canvas');
    const rectOf = (element: Element): Rect => {
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const nodes = [...document.querySelectorAll<HTMLElement>('[data-live-node]')].map((live) => {
      const summary = live.closest('.react-flow__node')?.querySelector('.ef-node-summary');
      if (!summary) throw new Error(`no summary for ${live.dataset.liveNode}`);
      const lineHeight = parseFloat(getComputedStyle(summary).lineHeight);
      return { id: live.dataset.liveNode ?? '', live: rectOf(live), summary: rectOf(summary), summaryLines: Math.round((summary as HTMLElement).offsetHeight / lineHeight), painted: 0 };
    });
    const box = canvas.getBoundingClientRect();
    const sx = canvas.width / box.width;
    const sy = canvas.height / box.height;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const slack = 1.5; // antialiasing
    let outside = 0;
    let overSummary = 0;
    for (let py = 0; py < canvas.height; py++) {
      for (let px = 0; px < canvas.width; px++) {
        if (pixels[(py * canvas.width + px) * 4 + 3] < 24) continue;
        const x = box.left + (px + 0.5) / sx;
        const y = box.top + (py + 0.5) / sy;
        const inside = (r: Rect) => x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack;
        const owner = nodes.find((n) => inside(n.live));
        if (owner) owner.painted++;
        else outside++;
        if (nodes.some((n) => x >= n.summary.left && x <= n.summary.right && y >= n.summary.top && y <= n.summary.bottom)) overSummary++;
      }
    }
    const within = (r: Rect) => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    return { nodes: nodes.map((n) => ({ ...n, onScreen: within(n.live) })), outside, overSummary };
  });
}

const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function expectBadgesInPlace(page: Page, label: string): Promise<void> {
  // the badge canvas repaints on the next animation frame after a layout or viewport change
  await expect.poll(async () => {
    const check = await checkBadges(page);
    return { outside: check.outside, overSummary: check.overSummary, unpainted: check.nodes.filter((n) => n.onScreen && n.painted === 0).map((n) => n.id) };
  }, { message: label }).toEqual({ outside: 0, overSummary: 0, unpainted: [] });
  const check = await checkBadges(page);
  expect(check.nodes.length, label).toBeGreaterThan(0);
  for (const node of check.nodes) expect(intersects(node.live, node.summary), `${label}: ${node.id} reserved box over its summary`).toBe(false);
  // the example has both kinds of cards: one-line and two-line summaries
  expect(new Set(check.nodes.map((n) => n.summaryLines)), label).toEqual(new Set([1, 2]));
}

test('live badge numbers are painted inside the reserved space, not over the summary line', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.clear();
      localStorage.setItem('eventflow.language', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await button(page, 'Examples').click();
  await page.getByRole('menuitem', { name: 'Retry storm and dead letters' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  await button(page, 'Run').click();
  await expect(page.locator('[data-live-node]')).toHaveCount(4);
  // let the run get going (half a second of virtual time at the example's 1×) so the badges carry real numbers
  const clock = page.getByRole('status', { name: /^Virtual time/ });
  await expect.poll(async () => Number((await clock.getAttribute('aria-label'))?.replace(/[^0-9.]/g, ''))).toBeGreaterThan(500);
  await button(page, 'Pause').click();
  await expectBadgesInPlace(page, 'fitted zoom');

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expectBadgesInPlace(page, 'zoomed in');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(button(page, '运行')).toBeVisible();
  await expectBadgesInPlace(page, '中文');
  expect(errors).toEqual([]);
});
