// Test support for the engine's semantic tests: tiny scenarios written as scenario files, compiled,
// run, with every copy's record kept (only tests keep records; the engine never does).
/* eslint-disable no-restricted-imports -- test support only (imported by *.test.ts, never by the engine) */
import { compile } from '../model/compile';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types';
import { Simulation, type SimulationOptions } from './Simulation';
import type { MessageRecord, NodeReport, Report } from './types';

export function makeScenario(nodes: ScenarioNode[], edges: [string, string, Partial<ScenarioEdge>?][], extra: Partial<Scenario> = {}): Scenario {
  return {
    format: 'eventflow-scenario', version: 1, name: 'test', seed: 1, nodes,
    edges: edges.map(([source, target, more], i) => ({ id: `e${i}`, source, target, ...more })),
    ...extra,
  };
}

export interface Run {
  report: Report;
  records: MessageRecord[];
  simulation: Simulation;
  node<T extends NodeReport['type']>(id: string, type: T): Extract<NodeReport, { type: T }>;
  /** records of copies sent to a node, in id order */
  at(nodeId: string): MessageRecord[];
}

export function run(scenario: Scenario, options: SimulationOptions = {}): Run {
  const records: MessageRecord[] = [];
  const simulation = new Simulation(compile(scenario), { ...options, onMessage: (r) => records.push(r) });
  simulation.runToEnd();
  const report = simulation.report();
  records.sort((a, b) => a.id - b.id);
  return {
    report, records, simulation,
    node<T extends NodeReport['type']>(id: string, type: T) {
      const node = report.nodes[id];
      if (node.type !== type) throw new Error(`${id} is a ${node.type}`);
      return node as Extract<NodeReport, { type: T }>;
    },
    at: (nodeId) => records.filter((r) => r.node === nodeId),
  };
}

export const constant = (value: number) => ({ kind: 'constant' as const, value });
export const schedule = (...times: number[]) => ({ kind: 'schedule' as const, times });
