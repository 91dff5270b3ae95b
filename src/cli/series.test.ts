// The command line's --series (architect.md "Time series"), in process: the file holds exactly what the
// shared series code writes (CSV, or JSON by extension), the 100,000-bucket limit exits 2 before the run,
// and --bucket needs --series.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import { parseScenario } from '../model/parse';
import { recordSeries, seriesCsv, seriesJson } from '../series/series';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'eventflow-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = {
  format: 'eventflow-scenario', version: 1, name: 'series CLI', seed: 3, stopAt: 2000,
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 80 } },
    { id: 'q', type: 'queue', partitions: 2 },
    { id: 'h', type: 'handler', concurrency: 2, service: { kind: 'exponential', mean: 10 } },
  ],
  edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'h' }],
};
const file = join(dir, 'series.eventflow.json');
writeFileSync(file, JSON.stringify(SCENARIO));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: () => performance.now() });
  return { code, stdout, stderr };
}

function table(bucketMs?: number) {
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error('invalid');
  const result = recordSeries(compile(parsed.scenario), bucketMs);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

describe('--series', () => {
  it('writes the CSV the shared code makes (default bucket 10 ms for 2,000 ms) and says so in the summary', async () => {
    const out = join(dir, 'out.csv');
    const { code, stdout } = await cli(file, '--series', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote the time series (200 buckets of 10 ms) to ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(seriesCsv(table()));
    expect(text).toContain('\n0,q,depth.p1,');
  });
  it('writes JSON for a .json name, with --bucket', async () => {
    const out = join(dir, 'out.json');
    const { code, stdout } = await cli(file, '--series', out, '--bucket', '500', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('format', 'eventflow-report'); // stdout stays the report alone
    expect(readFileSync(out, 'utf8')).toBe(seriesJson(table(500)));
    const json = JSON.parse(readFileSync(out, 'utf8')) as { bucketMs: number; series: Record<string, Record<string, unknown[]>> };
    expect(json.bucketMs).toBe(500);
    expect(json.series.q['depth.p0']).toHaveLength(4);
  });
  it('exits 2 asking for a larger --bucket past 100,000 buckets, before anything is written', async () => {
    const out = join(dir, 'never.csv');
    const { code, stdout, stderr } = await cli(file, '--series', out, '--bucket', '0.01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('more than 100,000 buckets of 0.01 ms: give a larger --bucket');
    expect(() => readFileSync(out)).toThrow();
  });
  it('--bucket needs --series; a bucket must be a positive number', async () => {
    expect((await cli(file, '--bucket', '5')).stderr).toContain('--bucket sets the width of --series buckets');
    expect((await cli(file, '--series', join(dir, 'x.csv'), '--bucket', '0')).code).toBe(1);
  });
});
