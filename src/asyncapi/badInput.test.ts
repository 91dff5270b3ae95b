// Bad input (issue 12): each is refused with a problem naming the document and JSON path; nothing hangs.
import { describe, expect, it } from 'vitest';
import { readAsyncApiFiles } from './importer';
import { fixtureFiles, loadNodeParser } from './testSupport';
import { toScenario } from './toScenario';
import type { InputFile } from './types';

async function problemsOf(files: InputFile[]): Promise<string[]> {
  const read = await readAsyncApiFiles(files, loadNodeParser);
  const findings = read.architecture ? toScenario(read.architecture).findings : read.findings;
  return findings.filter((f) => f.severity === 'problem').map((f) => f.text);
}
const bad = (name: string) => fixtureFiles('bad').filter((f) => f.path === name);

describe('AsyncAPI import refuses bad input with every problem', () => {
  it('not AsyncAPI', async () => {
    expect(await problemsOf(bad('not-asyncapi.yaml'))).toEqual(['not-asyncapi.yaml: $: not an AsyncAPI document (no "asyncapi" field)']);
  }, 60_000);
  it('AsyncAPI 2.x says so and what to do', async () => {
    const [line] = await problemsOf(bad('asyncapi-2.yaml'));
    expect(line).toMatch(/^asyncapi-2\.yaml: asyncapi: this is AsyncAPI 2\.6\.0; EventFlow reads AsyncAPI 3\. Convert it first.*asyncapi convert/);
  }, 60_000);
  it('an invalid document: every parser diagnostic with its document and path', async () => {
    const lines = await problemsOf(bad('invalid.yaml'));
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^invalid\.yaml: info: .*title/),
      expect.stringMatching(/^invalid\.yaml: channels\.c\.address: /),
    ]));
  }, 60_000);
  it('an operation naming a missing channel', async () => {
    const lines = await problemsOf(bad('missing-channel.yaml'));
    expect(lines.join('\n')).toMatch(/missing-channel\.yaml: operations\.sendToNowhere\.channel.*absent/);
  }, 60_000);
  it('unresolvable refs: http is never fetched, a file not given is named', async () => {
    expect(await problemsOf(bad('http-ref.yaml'))).toEqual(['http-ref.yaml: channels.remote: "https://example.com/asyncapi/channels.yaml#/remote" is not fetched (EventFlow never reads the network); give the file it names instead']);
    expect(await problemsOf(bad('missing-file.yaml'))).toEqual(['missing-file.yaml: channels.c.messages.M: $ref "./not-given.yaml#/components/messages/M": the file "./not-given.yaml" was not given']);
  }, 60_000);
  it('channels with no operations: nothing to simulate', async () => {
    expect(await problemsOf(bad('no-operations.yaml'))).toEqual(['$: no send or receive operation in any given document: nothing to simulate']);
  }, 60_000);
  it('duplicate keys', async () => {
    const lines = await problemsOf(bad('duplicate-keys.yaml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^duplicate-keys\.yaml: \$: not valid YAML or JSON: duplicate key .*line 5/);
  }, 60_000);
  it('a YAML bomb (aliases) is refused without being expanded', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i += 1) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const lines = await problemsOf([{ path: 'bomb.yaml', text: `asyncapi: 3.0.0\n${levels.join('\n')}\n` }]);
    expect(lines).toEqual(['bomb.yaml: $: refused: too many YAML aliases (more than 100, as in a "billion laughs" bomb)']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it('a 50 MB YAML file is refused by its size before it is parsed', async () => {
    const text = `asyncapi: 3.0.0\ninfo: { title: Big, version: 1.0.0 }\nx-padding: "${'x'.repeat(50 * 1024 * 1024)}"\n`;
    const started = performance.now();
    const lines = await problemsOf([{ path: 'big.yaml', text }]);
    expect(lines).toEqual(['big.yaml: $: too large (50.0 MB; an AsyncAPI file may have at most 5 MB)']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it('not YAML at all, an empty file, a file given twice', async () => {
    expect(await problemsOf([{ path: 'x.yaml', text: 'a: [1, 2' }])).toEqual([expect.stringMatching(/^x\.yaml: \$: not valid YAML or JSON/)]);
    expect(await problemsOf([{ path: 'e.yaml', text: '  \n' }])).toEqual(['e.yaml: $: the file is empty']);
    const one = bad('no-operations.yaml')[0];
    expect(await problemsOf([one, one])).toEqual(['no-operations.yaml: $: given twice']);
  }, 60_000);
});
