// Scenario and report pointers: ids after /nodes and /edges, optional fields, refusals with the pointer named.
import { describe, expect, it } from 'vitest';
import { parsePointer, pointerOf, problemPathOf, resolveScenarioPointer, setAtPath } from './pointer';
import { mm1Scenario } from './testScenario';

const scenario = mm1Scenario();

describe('parsePointer and pointerOf', () => {
  it('unescapes ~1 and ~0 and escapes them back', () => {
    expect(parsePointer('/nodes/a~1b~0c/x')).toEqual({ ok: true, segments: ['nodes', 'a/b~c', 'x'] });
    expect(pointerOf(['nodes', 'a/b~c', 'x'])).toBe('/nodes/a~1b~0c/x');
  });
  it('refuses the empty pointer, a missing leading slash and a bad ~ escape', () => {
    expect(parsePointer('').ok).toBe(false);
    expect(parsePointer('nodes/h').ok).toBe(false);
    expect(parsePointer('/nodes/a~2').ok).toBe(false);
  });
});

describe('resolveScenarioPointer', () => {
  it('finds elements by id, not index', () => {
    expect(resolveScenarioPointer(scenario, '/nodes/h/service/mean')).toEqual({ ok: true, pointer: '/nodes/h/service/mean', path: ['nodes', 2, 'service', 'mean'], current: 10 });
    expect(resolveScenarioPointer(scenario, '/nodes/p/arrival/ratePerSecond')).toMatchObject({ ok: true, current: 50 });
    expect(resolveScenarioPointer(scenario, '/edges/e1/latency/value')).toMatchObject({ ok: true, path: ['edges', 0, 'latency', 'value'], current: 1 });
    expect(resolveScenarioPointer(scenario, '/warmup')).toMatchObject({ ok: true, path: ['warmup'], current: 1000 });
    const byIndex = resolveScenarioPointer(scenario, '/nodes/2/concurrency');
    expect(byIndex.ok).toBe(false);
    if (!byIndex.ok) expect(byIndex.message).toContain('no node with id "2"');
  });
  it('accepts an optional field the file leaves out (current undefined)', () => {
    expect(resolveScenarioPointer(scenario, '/nodes/q/capacity')).toEqual({ ok: true, pointer: '/nodes/q/capacity', path: ['nodes', 1, 'capacity'], current: undefined });
    expect(resolveScenarioPointer(scenario, '/nodes/h/concurrency')).toMatchObject({ ok: true, current: undefined });
  });
  it('refuses with the pointer named: unknown ids, non-numbers, missing parents, the seed', () => {
    const cases: [string, string][] = [
      ['/nodes/nope/concurrency', 'no node with id "nope"'],
      ['/edges/e9/latency/mean', 'no connection with id "e9"'],
      ['/nodes/h/service', 'not to a number'],
      ['/nodes/h/service/kind', 'a text, not to a number'],
      ['/edges/e2/latency/mean', 'the file has no /edges/e2/latency'],
      ['/nodes/h', 'whole node'],
      ['/seed', 'replications already vary it'],
      ['/name', 'not to a number'],
    ];
    for (const [pointer, words] of cases) {
      const found = resolveScenarioPointer(scenario, pointer);
      expect(found.ok, pointer).toBe(false);
      if (!found.ok) {
        expect(found.message).toContain(pointer);
        expect(found.message).toContain(words);
      }
    }
  });
});

describe('setAtPath', () => {
  it('copies only the path and leaves the original untouched', () => {
    const target = resolveScenarioPointer(scenario, '/nodes/h/service/mean');
    if (!target.ok) throw new Error(target.message);
    const changed = setAtPath(scenario, target.path, 7);
    expect((changed.nodes[2] as { service: { mean: number } }).service.mean).toBe(7);
    expect((scenario.nodes[2] as { service: { mean: number } }).service.mean).toBe(10);
    expect(changed.nodes[0]).toBe(scenario.nodes[0]);
  });
  it('adds an optional field that was left out', () => {
    const changed = setAtPath(scenario, ['nodes', 1, 'capacity'], 5);
    expect(changed.nodes[1]).toEqual({ id: 'q', type: 'queue', capacity: 5 });
  });
  it('problemPathOf writes validation paths', () => {
    expect(problemPathOf(['nodes', 2, 'service', 'mean'])).toBe('nodes[2].service.mean');
    expect(problemPathOf(['warmup'])).toBe('warmup');
  });
});
