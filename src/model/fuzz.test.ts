// Property tests: valid generated scenarios parse and round-trip; random mutations of them (and
// random text) always give ok or a non-empty list of well-formed problems, and never throw.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './arbitrary';
import { parseScenario, parseScenarioText } from './parse';
import { deriveSets } from './sets';
import type { ParseResult } from './types';

type Segment = string | number;

/** Valid documents to mutate: generated ones, and the v1 fixture that uses every field. */
const fixture: unknown = JSON.parse(readFileSync(new URL('./fixtures/v1.eventflow.json', import.meta.url), 'utf8'));
const validDocument = fc.oneof({ arbitrary: scenarioArbitrary, weight: 4 }, { arbitrary: fc.constant(fixture), weight: 1 });

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

const nasty = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, 2 ** 53, 0.5, 1e-300, '', 'nowhere', 'x'.repeat(300), null, true, [], {}, undefined),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'x-ext', 'kind', 'type', 'id', 'limit'), fc.string({ maxLength: 6 }));

type Mutation = { pick: number; action: 'set' | 'delete' | 'add' | 'duplicate'; value: unknown; key: string };
const mutation = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('set' as const, 'delete' as const, 'add' as const, 'duplicate' as const),
  value: nasty,
  key: nastyKey,
});

function mutate(doc: unknown, m: Mutation): unknown {
  const all = paths(doc);
  const path = all[m.pick % all.length];
  if (path.length === 0) return m.action === 'set' ? m.value : doc;
  let parent = doc as Record<Segment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  const last = path[path.length - 1];
  const target = parent[last];
  if (m.action === 'set') parent[last] = m.value;
  else if (m.action === 'delete') {
    if (Array.isArray(parent)) {
      // not splice: an earlier 'add' may have given this array an own `constructor`, and splice looks up
      // constructor[Symbol.species] (TypeError in the harness, seed 113260491) — shift the tail by hand
      const items = parent as unknown[];
      for (let i = last as number; i < items.length - 1; i += 1) items[i] = items[i + 1];
      items.length -= 1;
    }
    else delete parent[last];
  } else if (m.action === 'add' && target !== null && typeof target === 'object') {
    // an array's own `length` cannot be redefined, and no JSON text gives an array another one (seed 35706128)
    if (Array.isArray(target) && m.key === 'length') return doc;
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (m.action === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target));
  return doc;
}

function wellFormed(result: ParseResult): void {
  if (result.ok) {
    const again = parseScenario(JSON.parse(JSON.stringify(result.scenario)));
    expect(again.ok).toBe(true);
    expect(() => deriveSets(result.scenario)).not.toThrow();
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.text.endsWith(`: ${problem.message}`)).toBe(true);
  }
}

describe('fuzz: parseScenario', () => {
  it('accepts every generated scenario, and it round-trips through JSON', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const result = parseScenario(scenario);
        if (!result.ok) throw new Error(result.problems.map((p) => p.text).join('\n'));
        expect(result.scenario).toEqual(scenario);
        const text = JSON.stringify(scenario);
        const again = parseScenarioText(text);
        expect(again.ok && again.scenario).toEqual(scenario);
        deriveSets(result.scenario);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated scenarios: ok, or a non-empty list of problems', () => {
    fc.assert(
      fc.property(validDocument, fc.array(mutation, { minLength: 1, maxLength: 4 }), (scenario, mutations) => {
        let doc: unknown = structuredClone(scenario);
        for (const m of mutations) doc = mutate(doc, m);
        wellFormed(parseScenario(doc));
        let text: string | undefined;
        try {
          text = JSON.stringify(doc);
        } catch {
          text = undefined;
        }
        if (text !== undefined) wellFormed(parseScenarioText(text));
      }),
      { numRuns: 600 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on random wiring, loops included', () => {
    const wiring = fc.array(fc.record({ from: fc.nat(), to: fc.nat(), probability: fc.option(fc.constantFrom(0.3, 0.5, 1), { nil: undefined }) }), { maxLength: 15 });
    fc.assert(
      fc.property(scenarioArbitrary, wiring, fc.boolean(), (scenario, picks, timed) => {
        const ids = scenario.nodes.map((node) => node.id);
        const edges = picks.map((pick, i) => ({ id: `r${i}`, source: ids[pick.from % ids.length], target: ids[pick.to % ids.length], ...(pick.probability === undefined ? {} : { probability: pick.probability }) }));
        const doc = { ...scenario, edges, ...(timed ? {} : { stopAt: undefined }) };
        wellFormed(parseScenario(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on damaged text', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), (scenario, at, cut, insert) => {
        const text = JSON.stringify(scenario, null, 1);
        const position = at % (text.length + 1);
        const damaged = text.slice(0, position) + insert + text.slice(position + (cut % 4));
        wellFormed(parseScenarioText(damaged));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => wellFormed(parseScenarioText(text))), { numRuns: 500 });
  });
});
