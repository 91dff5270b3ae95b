// The committed JSON Schema is the one `npm run schema` generates from the app's zod schema; it accepts
// every gallery example (each names it in "$schema") and generated scenarios, and refuses what the app refuses.
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './arbitrary';
import { EXAMPLE_SCHEMA_REF, SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from './jsonSchema';
import { parseScenarioText } from './parse';

const ROOT = join(__dirname, '../..');
const examples = (JSON.parse(readFileSync(join(ROOT, 'public/examples/index.json'), 'utf8')) as { examples: string[] }).examples;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(scenarioJsonSchema());

describe('scenario JSON Schema', () => {
  it('the committed file is current (run `npm run schema` after changing src/model/schema.ts)', () => {
    expect(readFileSync(join(ROOT, SCHEMA_FILE), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it.each(examples)('%s names the schema, and both the schema and the app accept it', (name) => {
    const text = readFileSync(join(ROOT, 'public/examples', name), 'utf8');
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(value.$schema).toBe(EXAMPLE_SCHEMA_REF);
    expect(parseScenarioText(text).ok).toBe(true);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts generated scenarios, with x- extensions', () => {
    fc.assert(fc.property(scenarioArbitrary, (scenario) => {
      expect(validate({ $schema: 'x', ...scenario, 'x-tool': { a: 1 } }), JSON.stringify(validate.errors)).toBe(true);
    }), { numRuns: 100 });
  });

  it('refuses an unknown key, a wrong type and a bad id, as the app does', () => {
    const base = { format: 'eventflow-scenario', version: 1, name: 'n', nodes: [], edges: [] };
    expect(validate(base)).toBe(true);
    for (const bad of [{ ...base, colour: 'red' }, { ...base, seed: 1.5 }, { ...base, $schema: 3 }, { ...base, nodes: [{ id: 'a b', type: 'topic' }] }]) {
      expect(validate(bad)).toBe(false);
      expect(parseScenarioText(JSON.stringify(bad)).ok).toBe(false);
    }
  });
});
