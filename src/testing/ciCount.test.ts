// .ci/count.sh, the closing line of .ci/run ("N passed, N failed"), read from a long `npm test` log: the type
// check and lint gates near its top must be counted every time (CI-1: `grep -q` under pipefail let sed die of
// SIGPIPE, and a found gate counted as not found at random).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const COUNT = resolve(__dirname, '../../.ci/count.sh');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-ci-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logWith(lines: string[]): string {
  const file = join(dir, `log-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const count = (file: string, status = 0) => execFileSync('bash', [COUNT, file, String(status)], { encoding: 'utf8' }).trim();

describe('.ci/count.sh', () => {
  const journeys = Array.from({ length: 10_000 }, (_, i) => `  \u001b[32m✓\u001b[39m ${i} [chromium] › e2e/x.spec.ts:1:1 › a journey`);
  const long = logWith([
    '> tsc -p tsconfig.json --noEmit && echo EVENTFLOW-GATE typecheck ok', 'EVENTFLOW-GATE typecheck ok',
    '> eslint . --max-warnings=0 && echo EVENTFLOW-GATE lint ok', 'EVENTFLOW-GATE lint ok',
    '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m959 passed\u001b[39m\u001b[22m\u001b[90m (959)\u001b[39m',
    ...journeys,
    '  130 passed (9.0m)',
  ]);

  it('counts vitest, playwright and both gates in a long log, every time', () => {
    const lines = Array.from({ length: 4 }, () => count(long));
    expect(new Set(lines)).toEqual(new Set(['1091 passed, 0 failed']));
  });

  it('counts failures, flaky journeys and a failed exit with nothing counted', () => {
    const failing = logWith(['      Tests  10 passed | 2 failed (12)', '  5 passed (1.0m)', '  1 failed', '  1 flaky']);
    expect(count(failing, 1)).toBe('16 passed, 3 failed');
    expect(count(logWith(['npm ERR! something broke']), 1)).toBe('0 passed, 1 failed');
  });
});
