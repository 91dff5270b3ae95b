// UI benchmark of the run (headless Chromium on the built app): (1) `Run to end` of 1,000,000 messages must
// keep every main-thread task under 50 ms (no PerformanceObserver longtask entry); (2) playback of a 100-node
// scenario with 500 tokens in flight must keep the 95th-percentile frame under 33 ms; (3) 20 replications of
// 100,000 messages from the Experiments tab (Web Workers, one per core less one) with no main-thread task over 50 ms.
//   npm run bench:ui [-- --messages N] [--seconds S] [--replications R] [--replication-messages N] [--port P] [--base URL] [--json]
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { arg, launchChromium, mainThreadTasksAfter, percentile, startPreview } from './browserSupport';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../src/model/types';

const DEFAULT_PORT = 4187;
const LONG_TASK_LIMIT_MS = 50;
const FRAME_P95_LIMIT_MS = 33;

/** 1M messages (by default): Poisson 20,000/s into one queue read by a 4-slot handler at 75 % load. */
export function millionScenario(messages: number): Scenario {
  return {
    format: 'eventflow-scenario', version: 1, name: 'UI bench: run to end', seed: 1,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 20_000 }, limit: messages, position: { x: 0, y: 0 } },
      { id: 'q', type: 'queue', position: { x: 260, y: 0 } },
      { id: 'h', type: 'handler', concurrency: 4, service: { kind: 'exponential', mean: 0.15 }, position: { x: 520, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
  };
}

/** 20 chains publisher → topic → queue → handler → sink queue (100 nodes); 50 ms edge latencies keep ~800 copies in transit. */
export function playbackScenario(): Scenario {
  const nodes: ScenarioNode[] = [];
  const edges: ScenarioEdge[] = [];
  const latency = { kind: 'uniform' as const, min: 30, max: 70 };
  for (let i = 0; i < 20; i++) {
    const y = i * 90;
    nodes.push({ id: `p${i}`, type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 200 }, position: { x: 0, y } });
    nodes.push({ id: `t${i}`, type: 'topic', label: `event.${i % 6}`, position: { x: 260, y } });
    nodes.push({ id: `q${i}`, type: 'queue', position: { x: 520, y } });
    nodes.push({ id: `h${i}`, type: 'handler', concurrency: 2, service: { kind: 'exponential', mean: 4 }, position: { x: 780, y } });
    nodes.push({ id: `s${i}`, type: 'queue', label: `sink ${i}`, position: { x: 1040, y } });
    edges.push({ id: `a${i}`, source: `p${i}`, target: `t${i}`, latency });
    edges.push({ id: `b${i}`, source: `t${i}`, target: `q${i}`, latency });
    edges.push({ id: `c${i}`, source: `q${i}`, target: `h${i}`, latency });
    edges.push({ id: `d${i}`, source: `h${i}`, target: `s${i}`, latency });
  }
  return { format: 'eventflow-scenario', version: 1, name: 'UI bench: playback', seed: 1, stopAt: 600_000, nodes, edges };
}

async function open(page: Page, base: string, scenario: Scenario): Promise<void> {
  const record = JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario, viewport: null });
  // scripts are passed as text: tsx would wrap functions in helpers the page does not have
  await page.addInitScript(`
    localStorage.setItem('eventflow.autosave', ${JSON.stringify(record)});
    localStorage.setItem('eventflow.language', 'en');
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(base);
  await page.getByRole('button', { name: 'Run to end', exact: true }).waitFor();
  await page.waitForTimeout(500);
}

async function benchRunToEnd(page: Page, base: string, messages: number) {
  await open(page, base, millionScenario(messages));
  await page.evaluate('window.__longTasks = []');
  // timed inside the page, from the click to the first result drawn (a MutationObserver: no polling, which would
  // only see the end to within its period, and no accessibility queries, which would be long tasks themselves)
  await page.evaluate(`window.__resultsShown = new Promise((resolve) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run to end');
    button.addEventListener('click', () => {
      const clickedMs = performance.now();
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-latency]') === null) return;
        observer.disconnect();
        resolve(performance.now() - clickedMs);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    }, { once: true, capture: true });
  }); undefined`); // (undefined: evaluate would otherwise wait for the promise)
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  const wallMs = (await page.evaluate('window.__resultsShown')) as number;
  await page.waitForTimeout(300); // long tasks just after the results are drawn count too
  const longTasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  const published = await page.locator('[data-total="published"]').getAttribute('data-value');
  const sent = await page.locator('[data-total="sent"]').getAttribute('data-value');
  return { messages, published: Number(published), sent: Number(sent), wallMs, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)) };
}

/** the Experiments tab: R replications of the run-to-end scenario cut to N messages; long tasks while they run,
 *  and from a trace each main-thread task's CPU time (what the page itself costs, whatever else the machine runs) */
export async function benchExperiments(browser: Browser, page: Page, base: string, replications: number, messages: number) {
  await open(page, base, { ...millionScenario(messages), name: 'UI bench: experiments' });
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('spinbutton', { name: 'Replications' }).fill(String(replications));
  await page.waitForTimeout(300);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const clickedAt = (await page.evaluate("window.__longTasks = []; console.timeStamp('experiments-start'); performance.now()")) as number;
  const started = Date.now();
  await page.getByRole('button', { name: 'Run replications' }).click();
  // a cheap CSS poll, as above: the summary line appears with the results
  while ((await page.locator('.exp-results .exp-summary').count()) === 0) await page.waitForTimeout(250);
  const wallMs = Date.now() - started;
  await page.waitForTimeout(300);
  const longTasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  const tasks = mainThreadTasksAfter(await browser.stopTracing(), 'experiments-start');
  const workers = (await page.evaluate('Math.max(1, (navigator.hardwareConcurrency || 2) - 1)')) as number;
  const summary = (await page.locator('.exp-results .exp-summary').textContent()) ?? '';
  return {
    replications, messages, workers, wallMs, summary, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    /** when each long task started (ms after the click) and how long it took */
    longTaskList: longTasks.map((t) => ({ afterClickMs: Math.round(t.start - clickedAt), durationMs: Math.round(t.duration) })),
    mainThreadCpuMs: tasks.reduce((sum, t) => sum + t.cpuMs, 0),
    longestTaskCpuMs: Math.max(0, ...tasks.map((t) => t.cpuMs)),
    /** main-thread tasks over 20 ms of CPU: when (ms after the click) and how long */
    heavyTasks: tasks.filter((t) => t.cpuMs > 20).map((t) => ({ atMs: Math.round(t.atMs), cpuMs: Math.round(t.cpuMs), wallMs: Math.round(t.wallMs) })),
  };
}

async function benchPlayback(page: Page, base: string, seconds: number) {
  await open(page, base, playbackScenario());
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForTimeout(1500); // fill the pipes
  await page.evaluate(`(() => {
    window.__longTasks = [];
    window.__frames = [];
    window.__tokens = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      if (!window.__recording) return;
      window.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const busyBefore = await taskSeconds();
  const tokens: number[] = [];
  for (let s = 0; s < seconds * 4; s++) {
    await page.waitForTimeout(250);
    tokens.push(Number(await page.locator('[data-testid=token-layer]').getAttribute('data-tokens')));
  }
  await page.evaluate('window.__recording = false');
  const busyMs = ((await taskSeconds()) - busyBefore) * 1000;
  const frames = ((await page.evaluate('window.__frames')) as number[]).slice(1).sort((a, b) => a - b);
  const longTasks = (await page.evaluate('window.__longTasks')) as { duration: number }[];
  const nodes = await page.locator('.react-flow__node').count();
  return {
    nodes,
    tokensInFlight: Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length),
    frames: frames.length,
    p50FrameMs: percentile(frames, 50),
    p95FrameMs: percentile(frames, 95),
    maxFrameMs: frames[frames.length - 1],
    longTasks: longTasks.length,
    /** main-thread busy time (CDP TaskDuration) per drawn frame: what the page costs, less inflated by a busy machine */
    busyPerFrameMs: busyMs / Math.max(1, frames.length),
  };
}

async function main(): Promise<void> {
  const messages = Number(arg('--messages') ?? 1_000_000);
  const seconds = Number(arg('--seconds') ?? 8);
  const replications = Number(arg('--replications') ?? 20);
  const replicationMessages = Number(arg('--replication-messages') ?? 100_000);
  let server: ChildProcess | undefined;
  let base = arg('--base');
  if (!base) ({ base, server } = await startPreview(Number(arg('--port') ?? DEFAULT_PORT)));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // each row on a fresh page, the previous one closed (a playback left running would load the next row)
    const alone = async <T>(row: (page: Page) => Promise<T>): Promise<T> => {
      const page = await context.newPage();
      try {
        return await row(page);
      } finally {
        await page.close();
      }
    };
    const runToEnd = await alone((page) => benchRunToEnd(page, base, messages));
    const playback = await alone((page) => benchPlayback(page, base, seconds));
    const experiments = await alone((page) => benchExperiments(browser, page, base, replications, replicationMessages));
    const ok = runToEnd.longTasks === 0 && playback.p95FrameMs < FRAME_P95_LIMIT_MS && experiments.longTasks === 0;
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify({ runToEnd, playback, experiments, ok }, null, 2));
    } else {
      console.log(`Run to end: ${runToEnd.published.toLocaleString('en-US')} messages (${runToEnd.sent.toLocaleString('en-US')} copies) in ${(runToEnd.wallMs / 1000).toFixed(2)} s; ` +
        `main-thread tasks over ${LONG_TASK_LIMIT_MS} ms: ${runToEnd.longTasks} (longest ${runToEnd.longestTaskMs.toFixed(0)} ms)`);
      console.log(`Playback: ${playback.nodes} nodes, ~${playback.tokensInFlight} tokens drawn, ${playback.frames} frames: p50 ${playback.p50FrameMs.toFixed(1)} ms, ` +
        `p95 ${playback.p95FrameMs.toFixed(1)} ms (limit ${FRAME_P95_LIMIT_MS}), max ${playback.maxFrameMs.toFixed(1)} ms; long tasks ${playback.longTasks}; main thread busy ${playback.busyPerFrameMs.toFixed(1)} ms per frame`);
      console.log(`Experiments: ${experiments.replications} replications of ${experiments.messages.toLocaleString('en-US')} messages on ${experiments.workers} Web Worker(s) in ${(experiments.wallMs / 1000).toFixed(1)} s; ` +
        `main-thread tasks over ${LONG_TASK_LIMIT_MS} ms: ${experiments.longTasks} (longest ${experiments.longestTaskMs.toFixed(0)} ms wall; ` +
        `by CPU time the longest task ${experiments.longestTaskCpuMs.toFixed(0)} ms, ${experiments.mainThreadCpuMs.toFixed(0)} ms in all)`);
      for (const task of experiments.heavyTasks) console.log(`  main-thread task at ${task.atMs} ms after the click: ${task.cpuMs} ms CPU, ${task.wallMs} ms wall`);
      console.log(ok ? 'UI benchmark: PASS' : 'UI benchmark: FAIL');
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

if (process.argv[1]?.endsWith('ui.bench.ts')) void main();
