// Every user action on the document as a pure function Scenario -> Scenario (add, connect, move, delete,
// paste, duplicate, layout, settings, one-click fixes). The store applies them through documentSlice.commit.
import type { NodeType } from '../engine/types';
import { ID_PATTERN } from '../model/record/common';
import { FRESH_NODE, SENDS_TO } from '../model/record/nodes';
import type { Position, Scenario, ScenarioEdge, ScenarioNode } from '../model/types';
import { isEdgeShape, isNodeShape } from './shape';

/** Which node type may feed which (spec: Edges; the node record's SENDS_TO). */
export function allowedTargetTypes(type: NodeType): readonly NodeType[] {
  return SENDS_TO[type];
}

/** Why a connection is refused (a locale key suffix) or null when it is allowed. */
export type ConnectRefusal =
  | { reason: 'selfLoop' }
  | { reason: 'missing' }
  | { reason: 'duplicate' }
  | { reason: 'pair'; from: NodeType; to: NodeType };

export function connectRefusal(scenario: Scenario, source: string, target: string): ConnectRefusal | null {
  if (source === target) return { reason: 'selfLoop' };
  const from = scenario.nodes.find((n) => n.id === source);
  const to = scenario.nodes.find((n) => n.id === target);
  if (!from || !to) return { reason: 'missing' };
  if (!SENDS_TO[from.type].includes(to.type)) return { reason: 'pair', from: from.type, to: to.type };
  if (scenario.edges.some((e) => e.source === source && e.target === target)) return { reason: 'duplicate' };
  return null;
}

/** The smallest free id `${prefix}${n}` (n >= 1), given the ids in use. */
export function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

export function idsInUse(scenario: Scenario): Set<string> {
  return new Set([...scenario.nodes.map((n) => n.id), ...scenario.edges.map((e) => e.id)]);
}

/** A node as drawn from the palette: the node record's FRESH_NODE fields (a fresh copy each time). */
export function makeNode(type: NodeType, id: string, position: Position): ScenarioNode {
  switch (type) {
    case 'publisher':
      return { id, type, position, ...structuredClone(FRESH_NODE.publisher) };
    case 'topic':
      return { id, type, position };
    case 'queue':
      return { id, type, position };
    case 'handler':
      return { id, type, position, ...structuredClone(FRESH_NODE.handler) };
  }
}

export function addNode(scenario: Scenario, node: ScenarioNode): Scenario {
  if (!ID_PATTERN.test(node.id) || idsInUse(scenario).has(node.id)) throw new Error(`addNode: id "${node.id}" is invalid or taken`);
  return { ...scenario, nodes: [...scenario.nodes, node] };
}

/** Adds a node of `type` at `position` with a fresh id like `queue1`; returns the scenario and the new id. */
export function addNodeOfType(scenario: Scenario, type: NodeType, position: Position): { scenario: Scenario; id: string } {
  const id = freshId(type, idsInUse(scenario));
  return { scenario: addNode(scenario, makeNode(type, id, roundPosition(position))), id };
}

function roundPosition(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

export function moveNodes(scenario: Scenario, positions: ReadonlyMap<string, Position>): Scenario {
  let changed = false;
  const nodes = scenario.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const rounded = roundPosition(p);
    if (n.position && n.position.x === rounded.x && n.position.y === rounded.y) return n;
    changed = true;
    return { ...n, position: rounded };
  });
  return changed ? { ...scenario, nodes } : scenario;
}

/** Replaces one node by id (the inspector builds the whole new node; keys set to undefined are removed). */
export function updateNode(scenario: Scenario, id: string, next: ScenarioNode): Scenario {
  const index = scenario.nodes.findIndex((n) => n.id === id);
  if (index < 0) return scenario;
  const nodes = scenario.nodes.slice();
  nodes[index] = dropUndefined(next);
  return { ...scenario, nodes };
}

/** Why `newId` cannot name node `oldId` (a locale key suffix), or null when it can. */
export function renameRefusal(scenario: Scenario, oldId: string, newId: string): 'pattern' | 'taken' | null {
  if (!ID_PATTERN.test(newId)) return 'pattern';
  if (newId !== oldId && idsInUse(scenario).has(newId)) return 'taken';
  return null;
}

/** Renames a node and every reference to it (edge ends, dead-letter links). */
export function renameNode(scenario: Scenario, oldId: string, newId: string): Scenario {
  if (oldId === newId || renameRefusal(scenario, oldId, newId) !== null || !scenario.nodes.some((n) => n.id === oldId)) return scenario;
  const swap = (id: string) => (id === oldId ? newId : id);
  return {
    ...scenario,
    nodes: scenario.nodes.map((n) => {
      const renamed = n.id === oldId ? { ...n, id: newId } : n;
      return renamed.type === 'queue' && renamed.deadLetter === oldId ? { ...renamed, deadLetter: newId } : renamed;
    }),
    edges: scenario.edges.map((e) => (e.source === oldId || e.target === oldId ? { ...e, source: swap(e.source), target: swap(e.target) } : e)),
  };
}

export function updateEdge(scenario: Scenario, id: string, next: ScenarioEdge): Scenario {
  const index = scenario.edges.findIndex((e) => e.id === id);
  if (index < 0) return scenario;
  const edges = scenario.edges.slice();
  edges[index] = dropUndefined(next);
  return { ...scenario, edges };
}

export type ScenarioSettings = Pick<Scenario, 'name' | 'description' | 'seed' | 'stopAt' | 'warmup'>;

export function updateSettings(scenario: Scenario, patch: Partial<ScenarioSettings>): Scenario {
  return dropUndefined({ ...scenario, ...patch });
}

function dropUndefined<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}

export type ConnectResult = { ok: true; scenario: Scenario; edgeId: string } | { ok: false; refusal: ConnectRefusal };

export function connect(scenario: Scenario, source: string, target: string): ConnectResult {
  const refusal = connectRefusal(scenario, source, target);
  if (refusal) return { ok: false, refusal };
  const edgeId = freshId('e', idsInUse(scenario));
  return { ok: true, edgeId, scenario: { ...scenario, edges: [...scenario.edges, { id: edgeId, source, target }] } };
}

/** Removes the nodes, the edges attached to them, the given edges, and dead-letter links to removed queues. */
export function deleteSelection(scenario: Scenario, nodeIds: string[], edgeIds: string[]): Scenario {
  if (nodeIds.length === 0 && edgeIds.length === 0) return scenario;
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const nodes = scenario.nodes
    .filter((n) => !goneNodes.has(n.id))
    .map((n) => (n.type === 'queue' && n.deadLetter && goneNodes.has(n.deadLetter) ? dropUndefined({ ...n, deadLetter: undefined }) : n));
  const edges = scenario.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
  if (nodes.length === scenario.nodes.length && edges.length === scenario.edges.length) return scenario;
  return { ...scenario, nodes, edges };
}

/** What copy puts on the clipboard: the chosen nodes and the edges between them. */
export interface ClipboardPayload {
  format: 'eventflow-clipboard';
  version: 1;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
}

export function copySelection(scenario: Scenario, nodeIds: string[]): ClipboardPayload {
  const chosen = new Set(nodeIds);
  return {
    format: 'eventflow-clipboard',
    version: 1,
    nodes: scenario.nodes.filter((n) => chosen.has(n.id)),
    edges: scenario.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
  };
}

/** Reads a clipboard payload from text; null when it is not one of ours (or unusable). */
export function parseClipboard(text: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<ClipboardPayload>;
  if (v.format !== 'eventflow-clipboard' || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return null;
  // text from another page or person: every field must have its type, or nothing is pasted
  return v.nodes.every(isNodeShape) && v.edges.every(isEdgeShape) ? (v as ClipboardPayload) : null;
}

export interface PasteResult {
  scenario: Scenario;
  nodeIds: string[];
  edgeIds: string[];
}

/** Inserts a payload with fresh ids, shifted by `offset`; internal edges and dead-letter links are remapped. */
export function paste(scenario: Scenario, payload: ClipboardPayload, offset: Position): PasteResult {
  const taken = idsInUse(scenario);
  const idMap = new Map<string, string>();
  for (const node of payload.nodes) {
    const base = node.id.replace(/-?\d+$/, '') || node.type;
    const id = freshId(ID_PATTERN.test(`${base}1`) ? base : node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const existing = new Set(scenario.nodes.map((n) => n.id));
  const nodes = payload.nodes.map((node): ScenarioNode => {
    const position = node.position ?? { x: 0, y: 0 };
    const copy = { ...node, id: idMap.get(node.id)!, position: roundPosition({ x: position.x + offset.x, y: position.y + offset.y }) };
    if (copy.type === 'queue' && copy.deadLetter) {
      const target = idMap.get(copy.deadLetter) ?? (existing.has(copy.deadLetter) ? copy.deadLetter : undefined);
      return dropUndefined({ ...copy, deadLetter: target });
    }
    return copy;
  });
  const edges: ScenarioEdge[] = [];
  for (const edge of payload.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = freshId('e', taken);
    taken.add(id);
    edges.push({ ...edge, id, source, target });
  }
  return {
    scenario: { ...scenario, nodes: [...scenario.nodes, ...nodes], edges: [...scenario.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
  };
}

export const PASTE_OFFSET: Position = { x: 40, y: 40 };

export function duplicate(scenario: Scenario, nodeIds: string[]): PasteResult {
  return paste(scenario, copySelection(scenario, nodeIds), PASTE_OFFSET);
}

/** Applies positions computed by the auto-layout; a node missing from `positions` keeps its place. */
export function layout(scenario: Scenario, positions: ReadonlyMap<string, Position>): Scenario {
  return moveNodes(scenario, positions);
}

/** One-click fixes offered by the Problems panel. */
export function setPublisherLimit(scenario: Scenario, id: string, limit: number): Scenario {
  const node = scenario.nodes.find((n) => n.id === id);
  if (!node || node.type !== 'publisher') return scenario;
  return updateNode(scenario, id, { ...node, limit });
}

export function setStopAt(scenario: Scenario, stopAtMs: number): Scenario {
  return updateSettings(scenario, { stopAt: stopAtMs });
}
