// Which queues and handlers get a textbook comparison: merged Poisson publishers, a handler fed directly
// as a queue with c = its concurrency (the article's GreenPool shape: M/M/2), approximations labelled.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { mmc } from '../../model/theory';
import { modelName, stationFigures, theoryStations, withinUncertainty } from './theoryStations';

const publisher = (id: string, ratePerSecond: number, extra: object = {}) => ({ id, type: 'publisher', position: { x: 0, y: 0 }, arrival: { kind: 'poisson', ratePerSecond }, ...extra });
const handler = (id: string, concurrency: number, service: object, extra: object = {}) => ({ id, type: 'handler', position: { x: 0, y: 0 }, concurrency, service, ...extra });
const edge = (id: string, source: string, target: string, extra: object = {}) => ({ id, source, target, ...extra });
const scenario = (nodes: object[], edges: object[]): Scenario => ({ format: 'eventflow-scenario', version: 1, name: 't', nodes, edges } as unknown as Scenario);

describe('theoryStations', () => {
  it('two Poisson publishers into a handler with 2 slots: M/M/2 with the rates merged', () => {
    const s = scenario([publisher('a', 60), publisher('b', 40), handler('pool', 2, { kind: 'exponential', mean: 12 })], [edge('e1', 'a', 'pool'), edge('e2', 'b', 'pool')]);
    const [station] = theoryStations(s);
    expect(station).toMatchObject({ queue: 'pool', handler: 'pool', direct: true, model: 'mmc', servers: 2, publishers: 2, approximate: false });
    expect(station.lambdaPerMs).toBeCloseTo(0.1);
    expect(modelName(station)).toBe('M/M/2');
    expect(stationFigures(station).waitMs).toBeCloseTo(mmc(0.1, 1 / 12, 2).waitMs, 12);
  });

  it('merges publishers through topics into a queue, keeps the mean latency on the way in', () => {
    const s = scenario(
      [publisher('a', 10), publisher('b', 30), { id: 't', type: 'topic', position: { x: 0, y: 0 } }, { id: 'q', type: 'queue', position: { x: 0, y: 0 } }, handler('h', 1, { kind: 'constant', value: 5 })],
      [edge('e1', 'a', 't'), edge('e2', 'b', 'q', { latency: { kind: 'constant', value: 4 } }), edge('e3', 't', 'q'), edge('e4', 'q', 'h')],
    );
    const [station] = theoryStations(s);
    expect(station).toMatchObject({ queue: 'q', handler: 'h', direct: false, model: 'md1', publishers: 2 });
    expect(station.lambdaPerMs).toBeCloseTo(0.04);
    expect(station.latencyMs).toBeCloseTo(3); // 30 of 40 per second come with 4 ms
  });

  it('labels M/D/c and M/G/c as approximations; refuses non-Poisson, limited or duplicated inputs', () => {
    const mdc = theoryStations(scenario([publisher('a', 10), handler('h', 3, { kind: 'constant', value: 50 })], [edge('e1', 'a', 'h')]));
    expect(mdc[0]).toMatchObject({ model: 'mdc', approximate: true });
    expect(stationFigures(mdc[0]).waitMs).toBeCloseTo(mmc(0.01, 1 / 50, 3).waitMs / 2, 12);
    expect(theoryStations(scenario([publisher('a', 10, { limit: 5 }), handler('h', 1, { kind: 'exponential', mean: 5 })], [edge('e1', 'a', 'h')]))).toEqual([]);
    const twice = scenario(
      [publisher('a', 10), { id: 't1', type: 'topic', position: { x: 0, y: 0 } }, { id: 't2', type: 'topic', position: { x: 0, y: 0 } }, handler('h', 1, { kind: 'exponential', mean: 5 })],
      [edge('e1', 'a', 't1'), edge('e2', 'a', 't2'), edge('e3', 't1', 'h'), edge('e4', 't2', 'h')],
    );
    expect(theoryStations(twice)).toEqual([]);
    expect(theoryStations(scenario([publisher('a', 10), handler('h', 1, { kind: 'exponential', mean: 5 }, { failureRate: 0.1 })], [edge('e1', 'a', 'h')]))).toEqual([]);
  });

  it('judges the difference against the run’s interval', () => {
    expect(withinUncertainty(80.7, 111.8, 40)).toBe(true);
    expect(withinUncertainty(80.7, 111.8, 10)).toBe(false);
    expect(withinUncertainty(80.7, 111.8, null)).toBeNull();
  });
});
