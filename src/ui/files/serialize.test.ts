// serialize.ts: stable key order (spec order, x- keys last), integer positions, inline leaves,
// file names, and a round trip through parseScenario.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { parseScenario, parseScenarioText } from '../../model/parse';
import { fileBaseName, normalizeScenario, prettyJson, scenarioFileName, serializeCompact, serializeScenario } from './serialize';

/** A scenario written with its keys in a scrambled order and fractional positions. */
function scrambled(): Scenario {
  return {
    edges: [
      { target: 'q', latency: { mean: 2, kind: 'exponential' }, 'x-note': 'kept', id: 'e1', source: 'p' },
      { probability: 0.5, id: 'e3', source: 'h', target: 'out' },
      { id: 'e2', target: 'h', source: 'q' },
    ],
    nodes: [
      { arrival: { ratePerSecond: 5, kind: 'poisson' }, position: { y: 10.6, x: -0.4 }, type: 'publisher', id: 'p', limit: 10, 'x-color': 'red', label: '用户注册' },
      { overflow: 'drop-oldest', capacity: 3, type: 'queue', id: 'q', position: { x: 200.5, y: 0.49 } },
      { service: { sd: 1, mean: 5, kind: 'normal' }, retry: { backoff: { value: 10, kind: 'constant' }, maxAttempts: 3 }, type: 'handler', id: 'h', concurrency: 2, outages: [{ end: 20, start: 10 }], position: { x: 400, y: 0 } },
      { type: 'queue', id: 'out', position: { x: 600, y: 0 } },
    ],
    'x-gallery': { speed: 1 },
    stopAt: 1000,
    name: 'Order <b>&</b> 用户',
    version: 1,
    seed: 42,
    format: 'eventflow-scenario',
  } as Scenario;
}

describe('normalizeScenario', () => {
  it('puts keys in the spec order with x- keys last', () => {
    const normal = normalizeScenario(scrambled());
    expect(Object.keys(normal)).toEqual(['format', 'version', 'name', 'seed', 'stopAt', 'nodes', 'edges', 'x-gallery']);
    expect(Object.keys(normal.nodes[0])).toEqual(['id', 'type', 'label', 'position', 'arrival', 'limit', 'x-color']);
    expect(Object.keys(normal.nodes[1])).toEqual(['id', 'type', 'position', 'capacity', 'overflow']);
    expect(Object.keys(normal.nodes[2])).toEqual(['id', 'type', 'position', 'concurrency', 'service', 'retry', 'outages']);
    expect(Object.keys(normal.edges[0])).toEqual(['id', 'source', 'target', 'latency', 'x-note']);
    const handler = normal.nodes[2] as Extract<Scenario['nodes'][number], { type: 'handler' }>;
    expect(Object.keys(handler.service)).toEqual(['kind', 'mean', 'sd']);
    expect(Object.keys(handler.retry!)).toEqual(['maxAttempts', 'backoff']);
    expect(Object.keys(handler.retry!.backoff)).toEqual(['kind', 'value']);
    expect(Object.keys(handler.outages![0])).toEqual(['start', 'end']);
  });

  it('rounds positions to integers (and never writes -0)', () => {
    const normal = normalizeScenario(scrambled());
    expect(normal.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 11 }, { x: 201, y: 0 }, { x: 400, y: 0 }, { x: 600, y: 0 }]);
    expect(Object.is(normal.nodes[0].position!.x, 0)).toBe(true);
  });

  it('does not change the input', () => {
    const input = scrambled();
    const before = JSON.stringify(input);
    normalizeScenario(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('serializeScenario', () => {
  it('is stable: the same content in any key order gives the same text', () => {
    const a = serializeScenario(scrambled());
    const b = serializeScenario(JSON.parse(a) as Scenario);
    expect(b).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('indents with 2 spaces and keeps small leaf objects on one line', () => {
    const text = serializeScenario(scrambled());
    expect(text).toContain('\n  "nodes": [\n    {\n      "id": "p",');
    expect(text).toContain('"position": { "x": 0, "y": 11 }');
    expect(text).toContain('"service": { "kind": "normal", "mean": 5, "sd": 1 }');
    expect(text).not.toMatch(/\t/);
  });

  it('moving one node changes one line', () => {
    const before = serializeScenario(scrambled()).split('\n');
    const moved = scrambled();
    moved.nodes[1].position = { x: 260.2, y: 40 };
    const after = serializeScenario(moved).split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['      "position": { "x": 260, "y": 40 },']);
  });

  it('round-trips through parseScenario', () => {
    const text = serializeScenario(scrambled());
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario).toEqual(JSON.parse(text));
    expect(serializeScenario(parsed.scenario)).toBe(text);
    const compact = parseScenario(JSON.parse(serializeCompact(scrambled())));
    expect(compact.ok && serializeScenario(compact.scenario)).toBe(text);
  });

  it('compact form has no whitespace between tokens', () => {
    expect(serializeCompact(scrambled())).toMatch(/^\{"format":"eventflow-scenario","version":1,/);
  });
});

describe('prettyJson', () => {
  it('breaks long leaf arrays one value per line', () => {
    const times = Array.from({ length: 40 }, (_, i) => i * 1000);
    const text = prettyJson({ times });
    expect(text.split('\n').length).toBe(44); // {, "times": [, 40 values, ], }
    expect(JSON.parse(text)).toEqual({ times });
  });
  it('writes empty containers compactly', () => {
    expect(prettyJson({ nodes: [], x: {} })).toBe('{\n  "nodes": [],\n  "x": {}\n}');
  });
});

describe('file names', () => {
  it('keeps letters of every script and replaces what file systems refuse', () => {
    expect(fileBaseName('用户注册 / 登录')).toBe('用户注册-登录');
    expect(fileBaseName('a:b*c?"d"<e>|f\\g')).toBe('a-b-c-d-e-f-g');
    expect(fileBaseName('  ..hidden..  ')).toBe('hidden');
    expect(fileBaseName('***')).toBe('scenario');
    expect(fileBaseName('x'.repeat(300)).length).toBe(100);
    expect(scenarioFileName({ name: 'User sign-up' })).toBe('User-sign-up.eventflow.json');
  });

  it('drops invisible and direction-changing characters and avoids device names', () => {
    expect(fileBaseName('report\u202Egpj.exe')).toBe('report-gpj.exe');
    expect(fileBaseName('a\u200Bb\uFEFF')).toBe('a-b');
    expect(fileBaseName('CON')).toBe('CON-scenario');
    expect(fileBaseName('nul ')).toBe('nul-scenario');
    expect(fileBaseName('console')).toBe('console');
  });
});
