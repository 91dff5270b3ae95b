// The spec's promise, checked on every example: the built app's simulation worker in Chromium and the command
// line in Node give byte-identical reports (JSON text compared, the wall-clock `perf` figures set aside).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

if (process.env.PW_BASE_URL) test.use({ baseURL: process.env.PW_BASE_URL });

const FILES = (JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as { examples: string[] }).examples;

/** Node's reports: one tsx process runs the CLI's own runCli on every file (10 separate starts cost ~30 s). */
function cliReports(): string[] {
  const script = `
    import { runCli } from './src/cli/run.ts';
    const files = ${JSON.stringify(FILES)};
    const out = [];
    for (const file of files) {
      let text = '';
      const io = { stdout: { write: (t) => { text += t; } }, stderr: { write: (t) => process.stderr.write(t) }, now: () => performance.now() };
      const code = await runCli(['public/examples/' + file, '--json'], io);
      if (code !== 0 && code !== 3) throw new Error(file + ': exit ' + code); // 3: a goal (slo) failed; the report is whole
      out.push(JSON.stringify({ ...JSON.parse(text), perf: null }));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync('npx', ['tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as string[];
}

test('every example gives the same report bytes in Chromium’s worker and on the command line', async ({ page }) => {
  test.setTimeout(90_000);
  const worker = readdirSync('dist/assets').find((name) => /^sim\.worker-.*\.js$/.test(name));
  expect(worker, 'dist/assets/sim.worker-*.js (run npx vite build first)').toBeDefined();
  const scenarios = FILES.map((file) => JSON.parse(readFileSync(`public/examples/${file}`, 'utf8')) as unknown);
  await page.goto('/');
  const browser = await page.evaluate(async ({ url, scenarios }) => {
    const reports: string[] = [];
    for (const scenario of scenarios) {
      // the app's own worker bundle, driven through its protocol: load, then run to the end
      const sim = new Worker(url, { type: 'module' });
      const report = await new Promise<unknown>((resolve, reject) => {
        sim.onerror = (event) => reject(new Error(event.message));
        sim.onmessage = (event: MessageEvent<{ type: string; message?: string; update?: { report?: unknown } }>) => {
          const response = event.data;
          if (response.type === 'error') reject(new Error(response.message));
          else if (response.update?.report) resolve(response.update.report);
          else if (response.type === 'loaded') sim.postMessage({ type: 'runToEnd', requestId: 2, progressEveryMs: 1e9 });
        };
        sim.postMessage({ type: 'load', requestId: 1, scenario, options: { maxTransit: 500, keepRecords: 10_000 } });
      });
      sim.terminate();
      reports.push(JSON.stringify({ ...(report as Record<string, unknown>), perf: null }));
    }
    return reports;
  }, { url: `/assets/${worker}`, scenarios });
  const cli = cliReports();
  expect(browser).toHaveLength(FILES.length);
  const differing = FILES.filter((_, index) => browser[index] !== cli[index]);
  for (const [index, file] of FILES.entries()) {
    // parsed for a readable diff, then the text itself: byte-identical is the promise
    expect.soft(JSON.parse(browser[index]) as unknown, file).toEqual(JSON.parse(cli[index]) as unknown);
  }
  expect(differing, 'examples whose report text differs').toEqual([]);
});
