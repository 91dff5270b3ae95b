// The only sink handler shares its endToEnd samples with the run-wide doneAtSinkAsRoot while it has completed
// root copies only (handler.ts): its report must equal the one a diagram with a second sink gives (no sharing),
// mid-run while shared, and after non-root copies (emitted by another handler) begin to reach it.
import { describe, expect, it } from 'vitest';
import { compile } from '../model/compile';
import type { ScenarioNode } from '../model/types';
import { Simulation } from './Simulation';
import { makeScenario } from './testScenario';

const exp = (mean: number) => ({ kind: 'exponential' as const, mean });

function scenario(secondSink: boolean) {
  const nodes: ScenarioNode[] = [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 600 }, limit: 3000 },
    { id: 'late', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 300 }, limit: 900, start: 2000 },
    { id: 'q', type: 'queue' },
    { id: 'front', type: 'queue' },
    { id: 'relay', type: 'handler', service: exp(0.5) },
    { id: 'sink', type: 'handler', service: exp(1) },
  ];
  const edges: [string, string][] = [['p', 'q'], ['late', 'front'], ['front', 'relay'], ['relay', 'q'], ['q', 'sink']];
  if (secondSink) {
    nodes.push({ id: 'p2', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 50 }, limit: 100 }, { id: 'other', type: 'handler', service: exp(1) });
    edges.push(['p2', 'other']);
  }
  return compile(makeScenario(nodes, edges, { warmup: 500 }));
}

/** the sink's endToEnd stats at 1,500 ms (root copies only so far) and at the end */
function sinkEndToEnd(secondSink: boolean) {
  const simulation = new Simulation(scenario(secondSink));
  simulation.runUntil(1500);
  const before = simulation.report().latency.endToEndBySink.sink;
  simulation.runToEnd();
  return { before, after: simulation.report().latency.endToEndBySink.sink };
}

describe('the sole sink endToEnd, shared with doneAtSinkAsRoot', () => {
  it('reports exactly what recording it on its own gives, before and after copies that are not roots arrive', () => {
    const shared = sinkEndToEnd(false);
    const own = sinkEndToEnd(true);
    expect(shared.before.count).toBeGreaterThan(400);
    expect(shared.after.count).toBeGreaterThan(shared.before.count + 2000);
    expect(shared).toEqual(own);
  });
});
