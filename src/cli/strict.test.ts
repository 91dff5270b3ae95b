// Round 2 of the command line's reliability (docs/reliability.md): numbers parsed strictly, the output
// never the input, write errors always reported, the size limit checked before reading.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, parseDecimalFlag } from './args';
import { runCli } from './run';
import { cpuMs } from '../testing/cpuClock';

const dir = mkdtempSync(join(tmpdir(), 'eventflow-strict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = JSON.stringify({
  format: 'eventflow-scenario', version: 1, name: 'strict', stopAt: 100,
  nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 100 } }, { id: 'h', type: 'handler', service: { kind: 'constant', value: 1 } }],
  edges: [{ id: 'e', source: 'p', target: 'h' }],
});
const file = join(dir, 's.eventflow.json');
writeFileSync(file, SCENARIO);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, now: () => 0 });
  return { code, stdout, stderr };
}

describe('parseDecimalFlag', () => {
  const range = { min: 0, max: 100, minExclusive: true };
  it.each(['0x10', '0b1', '0o7', ' 5', '5 ', '', 'Infinity', 'NaN', '1_000', '5ms', '--5', '1e'])('refuses %j, naming the flag', (text) => {
    expect(parseDecimalFlag('--stop-at', text, range)).toEqual({ error: expect.stringMatching(/^--stop-at must be a decimal number greater than 0 up to 100, got "/) as unknown });
  });
  it.each([['16', 16], ['2.5', 2.5], ['.5', 0.5], ['1e2', 100], ['+3', 3]])('accepts %j', (text, value) => {
    expect(parseDecimalFlag('--stop-at', text, range)).toBe(value);
  });
  it('checks the range and integers', () => {
    expect(parseDecimalFlag('--stop-at', '0', range)).toHaveProperty('error');
    expect(parseDecimalFlag('--stop-at', '100.5', range)).toHaveProperty('error');
    expect(parseDecimalFlag('--seed', '1.5', { min: 0, max: 9, integer: true })).toEqual({ error: '--seed must be an integer from 0 to 9, got "1.5"' });
    expect(parseDecimalFlag('--seed', '10', { min: 0, max: 9, integer: true })).toHaveProperty('error');
  });
});

describe('CLI flags, files and writes', () => {
  it('refuses --stop-at 0x10 as --seed 0x10 is refused, and an out-of-range --stop-at blames the flag (exit 1)', async () => {
    expect(parseArgs([file, '--stop-at', '0x10'])).toEqual({ kind: 'error', message: expect.stringContaining('--stop-at must be') as unknown });
    for (const flag of [['--stop-at', '0x10'], ['--seed', '0x10'], ['--stop-at', '1e13'], ['--stop-at=-1']]) {
      const result = await cli(file, ...flag);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: --(stop-at|seed) must be/);
    }
  });

  it('refuses --messages naming the scenario file (or a link to it), leaving the file unchanged', async () => {
    const link = join(dir, 'link.json');
    symlinkSync(file, link);
    for (const out of [file, join(dir, '.', 's.eventflow.json'), link]) {
      const result = await cli(file, '--messages', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/--messages names the scenario file itself/);
    }
    expect(readFileSync(file, 'utf8')).toBe(SCENARIO);
  });

  it('reports a write error of a small CSV (/dev/full): exit 1', async () => {
    const result = await cli(file, '--messages', '/dev/full');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ENOSPC/);
  });

  it('refuses /dev/zero by size without reading it all (exit 2)', async () => {
    const started = cpuMs();
    const result = await cli('/dev/zero');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/too large/);
    expect(cpuMs() - started).toBeLessThan(3000);
  });

  it('refuses a large regular file from its size alone', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(16 * 1024 * 1024, 0x20));
    const result = await cli(big);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/too large \(over 16\.0 MB; at most 5 MB\)/);
  });
});
