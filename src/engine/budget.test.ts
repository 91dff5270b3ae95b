// The engine's safety net (budget.ts): runs the model would refuse are still stopped, with a reason,
// and the report stays consistent (totals invariant) and unchanged for runs within the budget.
import { describe, expect, it } from 'vitest';
import { makeScenario, run } from './testScenario';
import { MAX_COPIES_IN_FLIGHT, MAX_EVENTS } from './budget';
import { Simulation } from './Simulation';
import { compile } from '../model/compile';

const service = { kind: 'constant' as const, value: 1 };
/** t → q → h → t twice: copies double each round (the validator refuses it; the engine must still stop) */
const doubling = makeScenario(
  [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 1 }, { id: 't', type: 'topic' }, { id: 'q', type: 'queue' }, { id: 'h', type: 'handler', service, concurrency: 10_000 }],
  [['p', 't'], ['t', 'q'], ['q', 'h'], ['h', 't'], ['t', 'q']], { stopAt: 1e9 });
/** a ring that never ends without stopAt (refused by the validator) */
const ring = makeScenario(
  [{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 1 }, { id: 'q', type: 'queue' }, { id: 'h', type: 'handler', service }],
  [['p', 'q'], ['q', 'h'], ['h', 'q']]);

describe('engine budget', () => {
  it('documents limits that valid files stay far below', () => {
    expect(MAX_EVENTS).toBe(10_000_000_000);
    expect(MAX_COPIES_IN_FLIGHT).toBe(2 ** 21);
  });

  it('stops an endless ring after the event budget, with the reason in the report', () => {
    const { report } = run(ring, { budget: { maxEvents: 5000 } });
    expect(report.perf.events).toBe(5000);
    expect(report.stopped).toMatchObject({ budget: 'events', limit: 5000 });
    expect(report.stopped?.message).toMatch(/^stopped after 5,000 events, the engine's budget/);
    expect(report.endTime).toBe(report.stopped?.atMs);
    const t = report.totals;
    expect(t.sent).toBe(t.completed + t.dropped + t.expired + t.deadLettered + t.failed + t.inFlight);
  });

  it('stops a run whose copies in flight outgrow the budget, before memory runs away', () => {
    const simulation = new Simulation(compile(doubling), { budget: { maxCopiesInFlight: 4096 } });
    simulation.runToEnd();
    expect(simulation.done).toBe(true);
    const report = simulation.report();
    expect(report.stopped).toMatchObject({ budget: 'copiesInFlight', limit: 4096 });
    expect(report.totals.inFlight).toBeGreaterThan(4096);
    expect(report.totals.inFlight).toBeLessThan(3 * 4096); // the event under way finished, no more
  });

  it('stops the same way when run by time (the browser\'s paced mode) and by single steps', () => {
    const paced = new Simulation(compile(ring), { budget: { maxEvents: 300 } });
    for (let i = 0; i < 10 && !paced.done; i++) paced.runUntil(1e6 * (i + 1));
    expect(paced.done).toBe(true);
    expect(paced.report().stopped?.budget).toBe('events');
    const stepped = new Simulation(compile(ring), { budget: { maxEvents: 50 } });
    let steps = 0;
    while (stepped.step() !== null) steps++;
    expect(steps).toBe(50);
    expect(stepped.report().stopped?.budget).toBe('events');
  });

  it('adds no field to a report the budget did not stop', () => {
    const { report } = run(makeScenario([{ id: 'p', type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit: 10 }, { id: 'h', type: 'handler', service }], [['p', 'h']]));
    expect('stopped' in report).toBe(false);
    expect(Object.keys(report).at(-1)).toBe('perf');
  });
});
