// Quality gate (issue 6): property-based fuzzing of the file loader beyond fuzz.test.ts — random JSON and
// exotic JS values, random JSON text, grafted/retyped/key-injected valid scenarios, input immutability,
// determinism, global prototypes untouched, bounded time, and "an accepted file always compiles and runs".
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Simulation } from '../engine/index';
import { makeScenarioArbitrary, scenarioArbitrary } from './arbitrary';
import { compile } from './compile';
import { MAX_LISTED_PROBLEMS, parseScenario, parseScenarioText } from './parse';
import type { ParseResult } from './types';
import { cpuMs } from '../testing/cpuClock';

type Segment = string | number;

/** Cases run per property (the total is printed once at the end and recorded in docs/reliability.md). */
const RUNS = { randomJson: 1500, exotic: 800, randomText: 1500, jsonText: 800, grafted: 1200, retyped: 1200, injected: 600, bytes: 800, runnable: 300 };
let casesRun = 0;

/** Longest a single parse may take (wall ms) before it counts as a hang; generous for a loaded 2-core CI box. */
const HANG_MS = 5000;

const fixture: unknown = JSON.parse(readFileSync(new URL('./fixtures/v1.eventflow.json', import.meta.url), 'utf8'));
const validDocument = fc.oneof({ arbitrary: scenarioArbitrary, weight: 4 }, { arbitrary: fc.constant(fixture), weight: 1 });

/** Own property descriptors of the built-in prototypes, to prove no input ever changes them. */
const PROTOTYPES: [string, object][] = [
  ['Object', Object.prototype], ['Array', Array.prototype], ['Function', Function.prototype],
  ['String', String.prototype], ['Number', Number.prototype], ['Boolean', Boolean.prototype],
];
const describeProto = (proto: object): string => Reflect.ownKeys(proto).map((key) => {
  const d = Object.getOwnPropertyDescriptor(proto, key)!;
  return `${String(key)}:${typeof d.value}:${String(d.writable)}:${String(d.enumerable)}`;
}).sort().join('|');
const protoBefore = PROTOTYPES.map(([name, proto]) => `${name}=${describeProto(proto)}`);

function expectPrototypesClean(): void {
  expect(PROTOTYPES.map(([name, proto]) => `${name}=${describeProto(proto)}`)).toEqual(protoBefore);
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'x', 'kind', 'format']) {
    expect(probe[key]).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[key]).toBeUndefined();
  }
}

/** Checks the contract of one result: ok (and re-readable), or 1..500 well-formed problems. */
function wellFormed(result: ParseResult): void {
  casesRun += 1;
  expect(result).toBeTypeOf('object');
  if (result.ok) {
    expect(result.scenario.format).toBe('eventflow-scenario');
    expect(parseScenario(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
    return;
  }
  expect(Array.isArray(result.problems)).toBe(true);
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim().length).toBeGreaterThan(0);
    expect(problem.text.endsWith(`: ${problem.message}`)).toBe(true);
    expect(problem.text).not.toMatch(/\n\s+at /); // never a stack trace
  }
}

/** Runs `read` on `input`, which must not throw, hang, or change the input. */
function checked(read: () => ParseResult, snapshot?: () => string): ParseResult {
  const before = snapshot?.();
  const started = cpuMs();
  const result = read();
  expect(cpuMs() - started).toBeLessThan(HANG_MS);
  if (snapshot) expect(snapshot()).toBe(before);
  wellFormed(result);
  return result;
}

const stringify = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return 'unserializable';
  }
};

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function setAt(doc: unknown, path: Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  let parent = doc as Record<Segment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  parent[path[path.length - 1]] = value;
  return doc;
}

/** Strings a hostile file puts where numbers belong, and numbers at the edges of doubles. */
const hostileScalar = fc.constantFrom<unknown>(
  'NaN', 'Infinity', '-Infinity', '1e308', '1e999', '0x10', ' 5 ', '', '5ms', '<img src=x onerror=alert(1)>', '__proto__',
  1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 32, 2 ** 53 + 2, -0, 0, -1, 0.1, 1e-320,
  true, false, null, [], {}, [[[]]], { kind: 'constant' }, { kind: 'constant', value: 1e308 },
);

describe('loader fuzz: random values', () => {
  it('random JSON values at the root: ok or problems, never throws', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      checked(() => parseScenario(value), () => stringify(value));
    }), { numRuns: RUNS.randomJson });
    expectPrototypesClean();
  });

  it('exotic JS values (Map, Set, Date, typed arrays, null prototypes, sparse arrays, symbols, bigint)', () => {
    const exotic = fc.anything({
      maxDepth: 4, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
      withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
    });
    const wrapped = fc.oneof(exotic, exotic.chain((inner) => validDocument.map((doc) => ({ ...(doc as object), description: inner }))),
      exotic.chain((inner) => validDocument.map((doc) => ({ ...(doc as object), nodes: [inner] }))));
    fc.assert(fc.property(wrapped, (value) => {
      checked(() => parseScenario(value));
    }), { numRuns: RUNS.exotic });
    expectPrototypesClean();
  });
});

describe('loader fuzz: random text', () => {
  it('arbitrary unicode text and JSON-ish fragments', () => {
    const fragment = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '"format"', '"eventflow-scenario"', '"version"', '1', 'null', '\\u0000', '\uFEFF', '"__proto__"', '1e400', '-', '.', 'NaN');
    const text = fc.oneof(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')));
    fc.assert(fc.property(text, (t) => {
      checked(() => parseScenarioText(t));
    }), { numRuns: RUNS.randomText });
  });

  it('random valid JSON text, including __proto__ keys that JSON.parse keeps as own properties', () => {
    const withProto = fc.tuple(fc.json({ maxDepth: 4 }), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([json, key]) =>
      json.startsWith('{') && json !== '{}' ? `{"${key}":{"polluted":true,"prototype":{"polluted":true}},${json.slice(1)}` : json);
    fc.assert(fc.property(fc.oneof(fc.json({ maxDepth: 5 }), withProto), (text) => {
      checked(() => parseScenarioText(text));
    }), { numRuns: RUNS.jsonText });
    expectPrototypesClean();
  });
});

describe('loader fuzz: mutated valid scenarios', () => {
  it('a random JSON subtree grafted anywhere: ok or problems, input unchanged', () => {
    fc.assert(fc.property(validDocument, fc.nat(), fc.jsonValue({ maxDepth: 3 }), (scenario, pick, graft) => {
      const doc = structuredClone(scenario) as unknown;
      const all = paths(doc);
      const mutated = setAt(doc, all[pick % all.length], graft);
      checked(() => parseScenario(mutated), () => stringify(mutated));
      checked(() => parseScenarioText(stringify(mutated)));
    }), { numRuns: RUNS.grafted });
    expectPrototypesClean();
  });

  it('numbers and strings retyped to hostile scalars ("NaN", "Infinity", 1e308, 2^53, -0 ...)', () => {
    fc.assert(fc.property(validDocument, fc.array(fc.tuple(fc.nat(), hostileScalar), { minLength: 1, maxLength: 5 }), (scenario, edits) => {
      let doc = structuredClone(scenario) as unknown;
      for (const [pick, value] of edits) {
        const leaves = paths(doc).filter((p) => p.length > 0);
        if (leaves.length === 0) break;
        doc = setAt(doc, leaves[pick % leaves.length], structuredClone(value));
      }
      const result = checked(() => parseScenario(doc), () => stringify(doc));
      const again = parseScenario(doc);
      expect(stringify(again)).toBe(stringify(result)); // deterministic
    }), { numRuns: RUNS.retyped });
  });

  it('prototype keys injected into the text of a valid file are refused, and pollute nothing', () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const payload = fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '{"isAdmin":true,"toString":1}', '[]', '1', 'null');
    fc.assert(fc.property(validDocument, fc.nat(), key, payload, (scenario, pick, k, p) => {
      const doc = structuredClone(scenario) as unknown;
      const objects = paths(doc).filter((path) => {
        let value = doc as Record<Segment, unknown>;
        for (const segment of path) value = value[segment] as Record<Segment, unknown>;
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      });
      let target = doc as Record<Segment, unknown>;
      for (const segment of objects[pick % objects.length]) target = target[segment] as Record<Segment, unknown>;
      target['x-inject-marker'] = 0;
      const injected = JSON.stringify(doc).replace('"x-inject-marker":0', `"${k}":${p}`);
      const result = checked(() => parseScenarioText(injected));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.some((problem) => problem.message === `unknown key "${k}"`)).toBe(true);
    }), { numRuns: RUNS.injected });
    expectPrototypesClean();
  });

  it('byte-level damage to a valid file (flip, cut, duplicate a slice)', () => {
    fc.assert(fc.property(validDocument, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 }), (scenario, at, len, kind) => {
      const text = JSON.stringify(scenario, null, kind === 0 ? 0 : 2);
      const i = at % text.length;
      const n = 1 + (len % 40);
      const damaged = kind === 0
        ? text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + 1 + (len % 90)) % 0xffff) + text.slice(i + 1)
        : kind === 1 ? text.slice(0, i) + text.slice(i + n) : text.slice(0, i) + text.slice(i, i + n) + text.slice(i);
      checked(() => parseScenarioText(damaged));
    }), { numRuns: RUNS.bytes });
  });
});

describe('loader fuzz: what is accepted can run', () => {
  it('every accepted (possibly mutated) scenario compiles and runs 20,000 events without throwing', () => {
    const small = makeScenarioArbitrary({ maxLimit: 50 });
    fc.assert(fc.property(small, fc.array(fc.tuple(fc.nat(), hostileScalar), { maxLength: 2 }), (scenario, edits) => {
      let doc = structuredClone(scenario) as unknown;
      for (const [pick, value] of edits) {
        const leaves = paths(doc).filter((p) => p.length > 0);
        doc = setAt(doc, leaves[pick % leaves.length], structuredClone(value));
      }
      const result = checked(() => parseScenario(doc));
      if (!result.ok) return;
      const simulation = new Simulation(compile(result.scenario));
      simulation.runEvents(20_000);
      const report = simulation.report();
      const t = report.totals;
      if (simulation.done) expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
    }), { numRuns: RUNS.runnable });
  });
});

describe('loader: hostile sizes are refused or bounded in time', () => {
  const base = { format: 'eventflow-scenario', version: 1, name: 'big', stopAt: 1000 };
  const timed = (read: () => ParseResult, maxMs: number): ParseResult => {
    const started = cpuMs();
    const result = read();
    expect(cpuMs() - started).toBeLessThan(maxMs);
    wellFormed(result);
    return result;
  };

  it('100,000 nodes: refused by the node bound, quickly', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ id: `q${i}`, type: 'queue' }));
    const result = timed(() => parseScenarioText(JSON.stringify({ ...base, nodes, edges: [] })), 4000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.text).join('\n')).toMatch(/nodes/);
  });

  it('the largest allowed graph (2,000 nodes, 5,000 edges) is checked in bounded time', () => {
    const nodes = [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1 } },
      ...Array.from({ length: 1999 }, (_, i) => ({ id: `n${i}`, type: i % 2 === 0 ? 'queue' : 'handler', ...(i % 2 === 1 ? { service: { kind: 'constant', value: 1 } } : {}) }))];
    const edges = Array.from({ length: 5000 }, (_, i) => {
      const q = 2 * (i % 999);
      return i < 999 ? { id: `e${i}`, source: 'p', target: `n${q}` } : { id: `e${i}`, source: `n${q}`, target: `n${q + 1}` };
    });
    const result = timed(() => parseScenario({ ...base, nodes, edges }), 8000);
    expect(result.ok || result.problems.length > 0).toBe(true);
  });

  it('nesting 100,000 levels deep, 1e308 and 1e999, NaN and Infinity as strings: one clear problem each', () => {
    const deep = `{"format":"eventflow-scenario","version":1,"name":"d","x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const nested = timed(() => parseScenarioText(deep), 4000);
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.problems[0].message).toMatch(/nested too deeply|not valid JSON/);
    for (const [field, value, expected] of [['stopAt', '1e999', /finite/], ['seed', '"NaN"', /number|integer/], ['stopAt', '"Infinity"', /number/], ['seed', '1e308', /./]] as const) {
      const text = `{"format":"eventflow-scenario","version":1,"name":"n","${field}":${value},"nodes":[],"edges":[]}`;
      const result = timed(() => parseScenarioText(text), 2000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.find((p) => p.path === field)?.message).toMatch(expected);
    }
  });

  it('a 50 MB text is refused by size before JSON.parse', () => {
    const big = `{"format":"eventflow-scenario","version":1,"name":"b","description":"${'a'.repeat(50 * 1024 * 1024)}"}`;
    const result = timed(() => parseScenarioText(big), 2000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/too large/);
  });
});

afterAll(() => {
  // The count is part of the reliability record (docs/reliability.md).
  console.info(`loader fuzz: ${casesRun} parse results checked in ${Object.values(RUNS).reduce((a, b) => a + b, 0)} generated cases`);
});
