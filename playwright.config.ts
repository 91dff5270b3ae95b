// Playwright journeys in Chromium against the built app (vite preview). Uses Debian's Chromium when present.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const debianChromium = '/usr/bin/chromium';
/** PW_PORT lets a second checkout run its journeys beside another one (default 4173). */
const port = Number(process.env.PW_PORT ?? 4173);
const launchArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  // generous: CI runs on a 2-core machine that other work often loads; a passing test never waits for these
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'off',
    launchOptions: {
      args: launchArgs,
      ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
