// Import of documents that EventFlow exported: their x-eventflow-scenario (scenario fields, the nodes
// that are not applications, every edge, the node order) and each info's x-eventflow-node are
// authoritative, so export then import gives the same scenario.
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/types';
import { EXT } from './defaults';
import { problem, warning } from './findings';
import { isObject } from './refs';
import type { Architecture, Finding, Json, JsonObject } from './types';

/** The root x-eventflow-scenario that export writes (the same in every document). */
export interface ScenarioExtension {
  /** the scenario's own fields but nodes and edges (format, version, name, seed, stopAt, …) */
  scenario: JsonObject;
  /** nodes that are not applications (topics, queues) */
  nodes: Json[];
  edges: Json[];
  /** every node id in file order */
  order: string[];
}

export function restoreScenario(arch: Architecture): { scenario?: Scenario; findings: Finding[] } {
  const findings: Finding[] = [];
  const first = arch.documents.find((doc) => doc.scenario !== undefined);
  const ext = first?.scenario as Partial<Record<keyof ScenarioExtension, Json>> | undefined;
  if (!first || !ext || !isObject(ext.scenario as Json) || !Array.isArray(ext.nodes) || !Array.isArray(ext.edges) || !Array.isArray(ext.order)) {
    return { findings: [problem(first?.path ?? '', EXT.scenario, 'must hold { scenario, nodes, edges, order } as EventFlow exports it')] };
  }
  const text = JSON.stringify(ext);
  for (const doc of arch.documents) {
    if (doc.scenario !== undefined && JSON.stringify(doc.scenario) !== text) findings.push(warning(doc.path, EXT.scenario, `differs from the one in ${first.path}, which is used`));
  }
  const byId = new Map<string, Json>();
  for (const node of ext.nodes) if (isObject(node) && typeof node.id === 'string') byId.set(node.id, node);
  for (const doc of arch.documents) {
    const node = doc.info[EXT.node];
    if (node === undefined) {
      if (doc.scenario !== undefined || arch.operations.some((op) => arch.documents[op.document] === doc)) {
        if (arch.operations.some((op) => arch.documents[op.document] === doc)) findings.push(warning(doc.path, 'info', `has no ${EXT.node}; its operations are left out (the scenario comes from ${EXT.scenario})`));
      }
      continue;
    }
    if (!isObject(node) || typeof node.id !== 'string') {
      findings.push(problem(doc.path, `info.${EXT.node}`, 'must be a node object with an id'));
      continue;
    }
    if (byId.has(node.id)) findings.push(problem(doc.path, `info.${EXT.node}.id`, `duplicate node id ${JSON.stringify(node.id)}`));
    byId.set(node.id, node);
  }
  const nodes: Json[] = [];
  for (const id of ext.order) {
    const node = typeof id === 'string' ? byId.get(id) : undefined;
    if (node === undefined) findings.push(problem(first.path, `${EXT.scenario}.order`, `no node ${JSON.stringify(id)} in the given documents`));
    else nodes.push(node);
  }
  if (findings.some((f) => f.severity === 'problem')) return { findings };
  const draft = { ...(ext.scenario as JsonObject), nodes, edges: ext.edges };
  const parsed = parseScenario(draft);
  if (!parsed.ok) return { findings: [...findings, ...parsed.problems.map((p) => problem(first.path, `${EXT.scenario} → ${p.path}`, p.message))] };
  return { scenario: parsed.scenario, findings };
}

