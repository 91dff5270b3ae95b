// Migrations and released-version fixtures: each fixture parses and round-trips; old drafts migrate.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate } from './migrate';
import { parseScenario, parseScenarioText } from './parse';

const fixtures = new URL('./fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');

describe('released fixtures', () => {
  it('has a fixture for every released version up to the current one', () => {
    const versions = readdirSync(fixtures).map((name) => /^v(\d+)\.eventflow\.json$/.exec(name)?.[1]).filter(Boolean).map(Number);
    expect(versions).toContain(CURRENT_VERSION);
  });

  it('v1 parses, keeps every field (extensions too) and round-trips', () => {
    const text = read('v1.eventflow.json');
    const result = parseScenarioText(text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.text).join('\n'));
    expect(result.scenario).toEqual(JSON.parse(text));
    const again = parseScenarioText(JSON.stringify(result.scenario));
    expect(again.ok && again.scenario).toEqual(result.scenario);
  });

  it('v1 uses every field of the spec, every distribution and every arrival kind', () => {
    const doc = JSON.parse(read('v1.eventflow.json')) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>;
    const keys = (list: Record<string, unknown>[]) => new Set(list.flatMap((item) => Object.keys(item)));
    const text = JSON.stringify(doc);
    for (const key of ['description', 'seed', 'stopAt', 'warmup']) expect(doc).toHaveProperty(key);
    const nodeKeys = keys(doc.nodes);
    for (const key of ['label', 'position', 'arrival', 'limit', 'start', 'end', 'event', 'keys', 'capacity', 'overflow', 'ttl', 'deadLetter', 'partitions', 'concurrency', 'service', 'failureRate', 'retry', 'outages']) {
      expect(nodeKeys).toContain(key);
    }
    expect(keys(doc.edges)).toEqual(new Set(['id', 'source', 'target', 'latency', 'probability', 'x-color']));
    for (const kind of ['constant', 'exponential', 'uniform', 'normal', 'lognormal', 'erlang', 'empirical', 'poisson', 'interval', 'burst', 'schedule']) {
      expect(text).toContain(`"kind":"${kind}"`);
    }
    for (const overflow of ['reject', 'drop-oldest', 'block']) expect(text).toContain(`"overflow":"${overflow}"`);
  });
});

describe('migrations', () => {
  it('is an ordered chain of named steps ending at the current version', () => {
    MIGRATIONS.forEach((step, i) => {
      expect(step.name.length).toBeGreaterThan(0);
      expect(step.to).toBe(step.from + 1);
      if (i > 0) expect(step.from).toBe(MIGRATIONS[i - 1].to);
    });
    expect(MIGRATIONS[MIGRATIONS.length - 1].to).toBe(CURRENT_VERSION);
  });

  const draft = {
    format: 'eventflow-scenario',
    name: 'draft',
    stopAt: 1000,
    'x-kept': true,
    nodes: [
      { id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 10 } },
      { id: 'c', type: 'consumer', workers: 3, service: { kind: 'constant', value: 1 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'c' }],
  };

  it('reads a version 0 draft (no version): consumer becomes handler, workers becomes concurrency', () => {
    const result = parseScenario(draft);
    if (!result.ok) throw new Error(result.problems.map((p) => p.text).join('\n'));
    expect(result.scenario.version).toBe(1);
    expect(result.scenario.nodes[1]).toEqual({ id: 'c', type: 'handler', concurrency: 3, service: { kind: 'constant', value: 1 } });
    expect(result.scenario['x-kept']).toBe(true);
    expect(parseScenario({ ...draft, version: 0 }).ok).toBe(true);
  });

  it('does not change its input, and leaves malformed parts for the validator', () => {
    const before = JSON.stringify(draft);
    migrate(JSON.parse(before), 0);
    expect(JSON.stringify(draft)).toBe(before);
    expect(migrate({ nodes: 5 }, 0)).toEqual({ ok: true, doc: { nodes: 5, version: 1 }, applied: [MIGRATIONS[0].name] });
    const bad = parseScenario({ ...draft, nodes: [{ id: 'c', type: 'consumer', workers: 0, service: { kind: 'constant', value: 1 } }], edges: [] });
    expect(bad.ok ? [] : bad.problems.map((p) => p.text)).toEqual(['nodes[0] (c).concurrency: must be at least 1']);
  });

  it('refuses versions it cannot read', () => {
    expect(migrate({}, -1)).toEqual({ ok: false, message: 'version -1 is not one EventFlow ever wrote; this one reads version 1' });
    const newer = parseScenario({ ...draft, version: 3 });
    expect(newer.ok ? [] : newer.problems.map((p) => p.text)).toEqual(['version: made by a newer version of EventFlow (version 3); this one reads version 1']);
  });
});
