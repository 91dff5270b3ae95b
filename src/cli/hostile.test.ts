// Quality gate (issue 6): the command line on hostile files. Spawns the CLI (`node --import tsx src/cli/main.ts`,
// the entry `npm run sim` runs) on each; every one must end quickly with exit 2, a clear message and no stack trace.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Longest a refusal may take, wall ms (process start included, on a loaded 2-core machine). */
const REFUSE_WITHIN_MS = 20_000;

interface Result { code: number; stdout: string; stderr: string; wallMs: number }

function sim(...args: string[]): Promise<Result> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO, maxBuffer: 64 << 20, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}

const head = '"format":"eventflow-scenario","version":1';
const valid = (extra: string) => `{${head},"name":"hostile"${extra},"nodes":[{"id":"p","type":"publisher","arrival":{"kind":"schedule","times":[0,1]}},{"id":"h","type":"handler","service":{"kind":"constant","value":1}}],"edges":[{"id":"e1","source":"p","target":"h"}]}`;

/** Each hostile file, and what its refusal must say (on stderr, with the JSON path). */
const HOSTILE: { name: string; content: () => string | Buffer; says: RegExp }[] = [
  { name: 'huge-number.json', content: () => valid(',"stopAt":1e999'), says: /stopAt: must be a finite number/ },
  { name: 'nan-string.json', content: () => valid(',"seed":"NaN"'), says: /seed: /i },
  { name: 'infinity-string.json', content: () => valid(',"stopAt":"Infinity"'), says: /stopAt: / },
  { name: 'rate-1e308.json', content: () => `{${head},"name":"r","stopAt":1000,"nodes":[{"id":"p","type":"publisher","arrival":{"kind":"poisson","ratePerSecond":1e308}},{"id":"q","type":"queue"}],"edges":[{"id":"e","source":"p","target":"q"}]}`, says: /nodes\[0\] \(p\).*would publish/ },
  { name: '100k-nodes.json', content: () => JSON.stringify({ format: 'eventflow-scenario', version: 1, name: 'n', stopAt: 10, nodes: Array.from({ length: 100_000 }, (_, i) => ({ id: `q${i}`, type: 'queue' })), edges: [] }), says: /nodes/ },
  { name: 'deep-100k.json', content: () => `{${head},"name":"d","x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, says: /nested too deeply|not valid JSON/ },
  { name: 'garbage.bin', content: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), says: /not valid JSON/ },
  { name: 'empty.json', content: () => '', says: /empty/ },
  { name: 'truncated.json', content: () => valid('').slice(0, 120), says: /not valid JSON/ },
  { name: 'proto.json', content: () => valid(',"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}'), says: /unknown key "__proto__"/ },
  { name: 'report.json', content: () => '{"format":"eventflow-report","version":1}', says: /run report/ },
  { name: 'newer.json', content: () => `{"format":"eventflow-scenario","version":99,"name":"n","nodes":[],"edges":[]}`, says: /newer version/ },
  { name: 'fifty-mb.json', content: () => valid(`,"description":"${'a'.repeat(50 * 1024 * 1024)}"`), says: /description|too large/ },
];

beforeAll(() => {
  for (const file of HOSTILE) writeFileSync(join(dir, file.name), file.content());
  mkdirSync(join(dir, 'a-directory.json'));
});

function refusedCleanly(result: Result, says: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/\n\s+at |node:internal|TypeError|RangeError|SyntaxError: /);
  expect(result.stderr.length).toBeLessThan(200_000);
  expect(result.wallMs).toBeLessThan(REFUSE_WITHIN_MS);
}

describe('CLI on hostile files: exit 2, a clear message, no stack trace', () => {
  for (const file of HOSTILE) {
    it(file.name, async () => refusedCleanly(await sim(join(dir, file.name)), file.says));
  }
  it('a directory', async () => refusedCleanly(await sim(join(dir, 'a-directory.json')), /cannot read/));
  it('a missing file', async () => refusedCleanly(await sim(join(dir, 'nowhere.json')), /cannot read/));
});

describe('CLI on hostile files: size and text', () => {
  // Was DEFECT (bugs.md #CLI-1), fixed in src/cli/run.ts: the CLI now refuses over 5 MB like the browser.
  it('refuses a file over 5 MB like the browser does', async () => {
    const times = Array.from({ length: 600_000 }, (_, i) => i + 0.123456);
    const text = JSON.stringify({ format: 'eventflow-scenario', version: 1, name: 'six MB', nodes: [{ id: 'p', type: 'publisher', arrival: { kind: 'schedule', times } }, { id: 'q', type: 'queue' }], edges: [{ id: 'e', source: 'p', target: 'q' }] });
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    writeFileSync(join(dir, 'six-mb.json'), text);
    refusedCleanly(await sim(join(dir, 'six-mb.json')), /too large/);
  });

  // Was DEFECT (bugs.md #CLI-2), fixed in src/cli/summary.ts (terminalSafe): the summary escapes control characters.
  it('never prints control characters from the file to the terminal (refused, or escaped in the summary)', async () => {
    const hostile = valid('').replace('"name":"hostile"', '"name":"t\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m"').replace('"type":"handler"', '"type":"handler","label":"h\\u001b[31m"');
    writeFileSync(join(dir, 'escapes.json'), hostile);
    const result = await sim(join(dir, 'escapes.json'));
    // the validator may refuse such names (it does now); either way nothing raw reaches the terminal
    if (result.code === 2) return refusedCleanly(result, /control characters/);
    expect(result.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('labels with HTML are plain text to the CLI: the JSON report carries them unchanged', async () => {
    const label = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    writeFileSync(join(dir, 'html.json'), valid('').replace('"name":"hostile"', `"name":${JSON.stringify(label)}`));
    const result = await sim(join(dir, 'html.json'), '--json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { scenario: string }).scenario).toBe(label);
  });

  // MODEL-1 (bugs.md, fixed in 928c791): durations near 1e308 were accepted; sums overflowed, so the report had
  // "endTime": null and latency "mean"/"p50": null with count 2 (spec: null only when count is 0).
  it('a file with 1e308 ms durations is refused or gives a report of finite numbers', async () => {
    writeFileSync(join(dir, 'service-1e308.json'), valid('').replace('"value":1}', '"value":1e308}'));
    const result = await sim(join(dir, 'service-1e308.json'), '--json');
    if (result.code === 2) return refusedCleanly(result, /service/);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { endTime: number | null; latency: Record<string, Record<string, number | null>> };
    expect(report.endTime).not.toBeNull();
    for (const stats of Object.values(report.latency)) if ((stats.count ?? 0) > 0) for (const value of Object.values(stats)) expect(value).not.toBeNull();
  });
});

describe('CLI: text from the file in the messages CSV', () => {
  // CSV-1 (bugs.md, fixed by QA): a label such as =HYPERLINK(…) was written as is, so a spreadsheet opening the
  // messages CSV ran it as a formula. Fields starting with = + - @ tab CR now get a leading apostrophe.
  it('a label that looks like a spreadsheet formula is written so that it stays text', async () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const text = valid('').replace('"type":"handler"', `"type":"handler","label":${JSON.stringify(formula)}`).replace('"arrival":{"kind":"schedule","times":[0,1]}', '"arrival":{"kind":"schedule","times":[0,1]},"event":"+cmd"');
    writeFileSync(join(dir, 'formula.json'), text);
    const out = join(dir, 'formula.csv');
    const result = await sim(join(dir, 'formula.json'), '--messages', out);
    expect(result.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
