// Quality gate (issue 6): the built app's Content-Security-Policy forbids inline script and eval. Checks the
// served index.html (meta CSP, no inline script or handler), that eval/new Function/inline script fail in the
// page, and that a normal session (example, run, charts, export) raises no CSP violation at all.
import { expect, test } from '@playwright/test';
import { guard, openApp } from './qa.helpers';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

/** Collects securitypolicyviolation events from the start of every page load. */
const recordViolations = () => {
  const w = window as unknown as { __cspViolations: string[] };
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
};

test('the built index.html carries a strict CSP and no inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta, 'meta CSP').not.toBeNull();
  const policy = Object.fromEntries(meta![1].split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'none'"]);
  expect(meta![1]).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  // every script has a src; no inline event handler attributes, no javascript: URLs
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
});

test('in the page, eval, new Function and injected inline script are blocked and reported', async ({ page }) => {
  await page.addInitScript(recordViolations);
  await openApp(page);
  // Code run by page.evaluate itself is exempt from CSP (DevTools), so the checks run in a click handler.
  await page.evaluate(() => {
    const probe = document.createElement('button');
    probe.id = 'qa-csp-probe';
    probe.textContent = 'probe';
    probe.addEventListener('click', () => {
      const w = window as unknown as { __inline?: number; __timer?: number; __outcome?: Record<string, boolean> };
      const result = { evalBlocked: false, functionBlocked: false, timerStringBlocked: true, inlineRan: false };
      try {
        eval('1');
      } catch (error) {
        result.evalBlocked = error instanceof EvalError;
      }
      try {
        new Function('return 1')();
      } catch (error) {
        result.functionBlocked = error instanceof EvalError;
      }
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = 1', 0);
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.appendChild(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__inline = 2');
      image.src = 'data:,broken';
      document.body.appendChild(image);
      setTimeout(() => {
        result.inlineRan = w.__inline !== undefined;
        result.timerStringBlocked = w.__timer === undefined;
        w.__outcome = result;
      }, 300);
    });
    document.body.appendChild(probe);
  });
  await page.locator('#qa-csp-probe').click();
  await page.waitForFunction(() => (window as unknown as { __outcome?: object }).__outcome !== undefined);
  const outcome = await page.evaluate(() => (window as unknown as { __outcome?: object }).__outcome);
  expect(outcome).toEqual({ evalBlocked: true, functionBlocked: true, timerStringBlocked: true, inlineRan: false });
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('a normal session raises no CSP violation: example, run to end, every tab, image export', async ({ page }) => {
  test.setTimeout(120_000);
  const g = guard(page);
  await page.addInitScript(recordViolations);
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'Order chain: placed → payment → shipping' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('button', { name: 'Export report' })).toBeVisible({ timeout: 60_000 });
  for (const tab of ['Charts', 'Messages (Q)', 'Theory', 'Results']) await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.getByRole('button', { name: 'More export options' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export PNG' }).click()]);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(g.pageErrors).toEqual([]);
  expect(await page.evaluate(() => document.querySelector('.run-badge')?.textContent ?? '')).not.toMatch(/main thread/i);
});
