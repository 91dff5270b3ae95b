// compile(scenario) -> the engine's input: node indices in file order, defaults filled in
// (the records' defaults: overflow reject, concurrency 1, failureRate 0, probability 1, seed 1, warmup 0;
// event = label else id), sets derived.
import type { EngineEdge, EngineInput, EngineNode } from '../engine/types';
import { EDGE_DEFAULTS, NODE_DEFAULTS, SCENARIO_DEFAULTS } from './record/defaults';
import type { Scenario, ScenarioNode } from './types';
import { deriveSets } from './sets';

function compileNode(node: ScenarioNode, index: number, indexOf: Map<string, number>): EngineNode {
  const compiled = compileKind(node, index, indexOf);
  // the name people gave the node: the report and the UI show it beside the id
  if (node.label !== undefined && node.label !== '') compiled.label = node.label;
  return compiled;
}

function compileKind(node: ScenarioNode, index: number, indexOf: Map<string, number>): EngineNode {
  const event = node.label ?? node.id;
  switch (node.type) {
    case 'publisher':
      return withDefined({ type: 'publisher', index, id: node.id, event: node.event ?? event, arrival: node.arrival,
        limit: node.limit, startMs: node.start, endMs: node.end, keys: node.keys, route: node.route === 'one' ? 'one' : undefined,
        priority: node.priority });
    case 'topic':
      return { type: 'topic', index, id: node.id, event };
    case 'queue': {
      const deadLetterIndex = node.deadLetter === undefined ? undefined : indexOf.get(node.deadLetter);
      if (node.deadLetter !== undefined && deadLetterIndex === undefined) throw new Error(`compile: nodes[${index}] (${node.id}).deadLetter: no node "${node.deadLetter}"`);
      return withDefined({ type: 'queue', index, id: node.id, capacity: node.capacity, overflow: node.overflow ?? NODE_DEFAULTS.queue.overflow,
        ttlMs: node.ttl, deadLetterIndex, partitions: node.partitions, order: node.order === 'priority' ? 'priority' : undefined,
        ...(node.assignment === 'owned' ? { assignment: 'owned' as const, sessionTimeoutMs: node.sessionTimeout ?? NODE_DEFAULTS.queue.sessionTimeout, rebalanceMs: node.rebalance ?? NODE_DEFAULTS.queue.rebalance } : {}) });
    }
    case 'handler':
      return withDefined({ type: 'handler', index, id: node.id, event: node.event ?? event, concurrency: node.concurrency ?? NODE_DEFAULTS.handler.concurrency,
        service: node.service, failureRate: node.failureRate ?? NODE_DEFAULTS.handler.failureRate, retry: node.retry,
        outages: (node.outages ?? []).map((w) => ({ start: w.start, end: w.end })), route: node.route === 'one' ? 'one' : undefined,
        priority: node.priority, order: node.order === 'priority' ? 'priority' : undefined, serviceProfile: node.serviceProfile, failureProfile: node.failureProfile });
  }
}

/** a copy without the keys whose value is undefined, so the input has no `key: undefined` entries (a copy, not
 *  `delete`: deleting keys turns an object into a slow dictionary, ~1 µs per node of a large diagram) */
function withDefined<T extends object>(value: T): T {
  const defined = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) defined[key] = value[key];
  return defined;
}

export function compile(scenario: Scenario): EngineInput {
  const indexOf = new Map<string, number>();
  scenario.nodes.forEach((node, index) => indexOf.set(node.id, index));
  const nodes = scenario.nodes.map((node, index) => compileNode(node, index, indexOf));
  const edges: EngineEdge[] = scenario.edges.map((edge, index) => {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined) throw new Error(`compile: edges[${index}] (${edge.id}): dangling edge`);
    const from = scenario.nodes[source];
    const routesOne = (from.type === 'publisher' || from.type === 'handler') && from.route === 'one';
    return withDefined({ index, id: edge.id, source, target, latency: edge.latency, probability: edge.probability ?? EDGE_DEFAULTS.probability,
      weight: routesOne ? edge.weight ?? EDGE_DEFAULTS.weight : undefined, failure: edge.when === 'failure' ? true as const : undefined });
  });
  const input: EngineInput = { name: scenario.name, seed: scenario.seed ?? SCENARIO_DEFAULTS.seed, warmupMs: scenario.warmup ?? SCENARIO_DEFAULTS.warmup, nodes, edges, sets: deriveSets(scenario) };
  if (scenario.stopAt !== undefined) input.stopAtMs = scenario.stopAt;
  return input;
}
