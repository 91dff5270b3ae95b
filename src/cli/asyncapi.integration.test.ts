// `npm run asyncapi` end to end: import the article-shaped fixtures to a file that `npm run sim` runs
// without edits; export a gallery example to a folder and import it back; exit codes and no stack traces.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-asyncapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result { code: number; stdout: string; stderr: string }
const run = (script: string, ...args: string[]): Promise<Result> =>
  new Promise((done) => {
    execFile('npx', ['tsx', script, ...args], { cwd: REPO, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
const fixtures = 'src/asyncapi/fixtures/user-registration';

describe('npm run asyncapi', () => {
  it('imports several documents with a shared file; npm run sim runs the result without edits', async () => {
    const out = join(dir, 'users.eventflow.json');
    const imported = await run('src/cli/asyncapiMain.ts', 'import', `${fixtures}/services/web.yaml`, `${fixtures}/services/event-handler.yaml`, `${fixtures}/services/mailer.yaml`, `${fixtures}/common/messages.yaml`, '-o', out);
    expect(imported.stderr).toMatch(/wrote .*users\.eventflow\.json: 2 publishers, 3 topics, 1 queue, 2 handlers/);
    expect(imported.code).toBe(0);
    const sim = await run('src/cli/main.ts', out, '--json');
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.stdout).totals.published).toBe(3);
  }, 180_000);

  it('exports a gallery example and imports it back to stdout; bad input exits 2 without a stack trace', async () => {
    const folder = join(dir, 'export');
    const exported = await run('src/cli/asyncapiMain.ts', 'export', 'public/examples/08-order-chain.eventflow.json', '-o', folder);
    expect(exported.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toContain('components.yaml');
    const back = await run('src/cli/asyncapiMain.ts', 'import', ...files.map((f) => join(folder, f)));
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).name).toBe('Order chain: placed → payment → shipping');
    const bad = await run('src/cli/asyncapiMain.ts', 'import', 'src/asyncapi/fixtures/bad/asyncapi-2.yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/asyncapi-2\.yaml: asyncapi: this is AsyncAPI 2\.6\.0/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = await run('src/cli/asyncapiMain.ts', 'export', 'x.json');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/export needs -o DIR/);
  }, 240_000);
});
