// Derived data: the model's own validation problems and sets, computed once per scenario object.
import { describe, expect, it } from 'vitest';
import { addNodeOfType, connect, setPublisherLimit, updateNode } from './commands';
import { emptyScenario } from './emptyScenario';
import { problemsOf, setsOf } from './selectors';

function drawn() {
  let s = emptyScenario('p');
  s = addNodeOfType(s, 'publisher', { x: 0, y: 0 }).scenario;
  s = addNodeOfType(s, 'queue', { x: 0, y: 0 }).scenario;
  s = addNodeOfType(s, 'handler', { x: 0, y: 0 }).scenario;
  for (const [a, b] of [['publisher1', 'queue1'], ['queue1', 'handler1']]) {
    const r = connect(s, a, b);
    if (r.ok) s = r.scenario;
  }
  return s;
}

describe('problemsOf', () => {
  it('a freshly drawn publisher -> queue -> handler is valid at once', () => {
    expect(problemsOf(drawn())).toEqual([]);
  });

  it('reports a publisher that never stops, naming it, and memoises per scenario object', () => {
    const s = drawn();
    const p = s.nodes[0];
    if (p.type !== 'publisher') throw new Error('expected a publisher');
    const endless = { ...updateNode(s, 'publisher1', { ...p, limit: undefined }) };
    delete endless.stopAt;
    const problems = problemsOf(endless);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].id).toBe('publisher1');
    expect(problems[0].text).toContain('publisher1');
    expect(problemsOf(endless)).toBe(problems);
    expect(problemsOf(setPublisherLimit(endless, 'publisher1', 10_000))).toEqual([]);
  });
});

describe('setsOf', () => {
  it('derives E, H and S of the drawing', () => {
    const sets = setsOf(drawn());
    expect(sets.H).toEqual(['handler1']);
    expect(sets.S).toEqual([['publisher1', 'handler1']]);
  });
});
