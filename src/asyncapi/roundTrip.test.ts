// Export then import gives the same scenario (canonical JSON): every gallery example, with every exported
// document checked by the official parser (no errors), and a property over generated scenarios.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScenarioArbitrary } from '../model/arbitrary';
import { parseScenarioText } from '../model/parse';
import type { Scenario } from '../model/types';
import { readArchitecture, type ParsedFile } from './architecture';
import { fromScenario } from './fromScenario';
import { readAsyncApiFiles } from './importer';
import { readYaml } from './readYaml';
import { canonical, loadNodeParser } from './testSupport';
import { toScenario } from './toScenario';

const EXAMPLES = join(__dirname, '../../public/examples');
const gallery = (JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8')) as { examples: string[] }).examples;

/** The mapping without the parser (fast): YAML -> architecture -> scenario. */
function reimport(scenario: Scenario): Scenario | undefined {
  const parsed: ParsedFile[] = fromScenario(scenario).map((file) => {
    const read = readYaml(file.path, file.text);
    if (!read.ok) throw new Error(read.findings.map((f) => f.text).join('\n'));
    return { name: file.path, path: `/${file.path}`, value: read.value };
  });
  return toScenario(readArchitecture(parsed)).scenario;
}

describe('AsyncAPI export -> import round trip', () => {
  it.each(gallery)('%s: the same scenario back, every document valid for the official parser', async (name) => {
    const parsed = parseScenarioText(readFileSync(join(EXAMPLES, name), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
    const files = fromScenario(parsed.scenario);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.every((file) => file.text.startsWith('asyncapi: 3.0.0\n'))).toBe(true);
    const read = await readAsyncApiFiles(files, loadNodeParser);
    expect(read.findings.filter((f) => f.severity === 'problem').map((f) => f.text)).toEqual([]);
    const back = toScenario(read.architecture!);
    expect(back.findings.filter((f) => f.severity === 'problem').map((f) => f.text)).toEqual([]);
    expect(canonical(back.scenario)).toBe(canonical(parsed.scenario));
    // no default stopAt is added to a scenario that came with x-eventflow-scenario
    expect(back.scenario?.stopAt).toBe(parsed.scenario.stopAt);
  }, 300_000);

  it('holds for generated scenarios (property)', () => {
    fc.assert(fc.property(makeScenarioArbitrary(), (scenario) => {
      expect(canonical(reimport(scenario))).toBe(canonical(scenario));
    }), { numRuns: 60 });
  }, 120_000);
});
