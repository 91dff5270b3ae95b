// Scenario -> React Flow nodes and edges. Unchanged nodes keep their object identity between
// renders (a per-id cache), so dragging one node re-renders only that node.
import type { Edge, Node } from '@xyflow/react';
import type { NodeType } from '../../engine/types';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';

export interface FlowNodeData extends Record<string, unknown> {
  node: ScenarioNode;
  highlighted: boolean;
  /** outgoing edge count (a topic shows its fan-out) */
  outDegree: number;
}
export type FlowNode = Node<FlowNodeData, NodeType>;

export interface FlowEdgeData extends Record<string, unknown> {
  edge: ScenarioEdge | null;
  highlighted: boolean;
}
export type FlowEdge = Edge<FlowEdgeData, 'flow' | 'deadLetter'>;

export interface Measured { width?: number; height?: number }

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 76;

export function buildFlowNodes(
  scenario: Scenario,
  selected: Set<string>,
  highlighted: Set<string>,
  measured: Map<string, Measured>,
  cache: Map<string, FlowNode>,
  describe: (node: ScenarioNode, outDegree: number) => string = () => '',
): FlowNode[] {
  const outDegree = new Map<string, number>();
  for (const e of scenario.edges) outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
  const seen = new Set<string>();
  const result = scenario.nodes.map((node, index) => {
    seen.add(node.id);
    const isSelected = selected.has(node.id);
    const isHighlighted = highlighted.has(node.id);
    const degree = outDegree.get(node.id) ?? 0;
    const size = measured.get(node.id);
    const previous = cache.get(node.id);
    const ariaLabel = describe(node, degree);
    if (
      previous && previous.data.node === node && previous.selected === isSelected && previous.data.highlighted === isHighlighted
      && previous.data.outDegree === degree && previous.measured === size && previous.ariaLabel === ariaLabel
    ) {
      return previous;
    }
    const flowNode: FlowNode = {
      id: node.id,
      type: node.type,
      position: node.position ?? { x: 40 + (index % 6) * 240, y: 40 + Math.floor(index / 6) * 120 },
      data: { node, highlighted: isHighlighted, outDegree: degree },
      selected: isSelected,
      measured: size,
      ariaLabel,
      className: isHighlighted ? 'is-highlighted' : undefined,
    };
    cache.set(node.id, flowNode);
    return flowNode;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return result;
}

export function buildFlowEdges(
  scenario: Scenario,
  selected: Set<string>,
  highlighted: Set<string>,
  cache: Map<string, FlowEdge>,
  describe: (edge: ScenarioEdge) => string = () => '',
): FlowEdge[] {
  const seen = new Set<string>();
  const result: FlowEdge[] = [];
  for (const edge of scenario.edges) {
    seen.add(edge.id);
    const isSelected = selected.has(edge.id);
    const isHighlighted = highlighted.has(edge.id);
    const previous = cache.get(edge.id);
    const ariaLabel = describe(edge);
    if (previous && previous.data?.edge === edge && previous.selected === isSelected && previous.data.highlighted === isHighlighted && previous.ariaLabel === ariaLabel) {
      result.push(previous);
      continue;
    }
    const flowEdge: FlowEdge = {
      id: edge.id,
      type: 'flow',
      source: edge.source,
      target: edge.target,
      selected: isSelected,
      data: { edge, highlighted: isHighlighted },
      ariaLabel,
      className: isHighlighted ? 'is-highlighted' : undefined,
    };
    cache.set(edge.id, flowEdge);
    result.push(flowEdge);
  }
  // dead-letter links: derived from queue.deadLetter, drawn dashed, not file edges
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  for (const node of scenario.nodes) {
    if (node.type !== 'queue' || !node.deadLetter || !nodeIds.has(node.deadLetter) || node.deadLetter === node.id) continue;
    const id = `deadLetter:${node.id}`;
    seen.add(id);
    const previous = cache.get(id);
    if (previous && previous.target === node.deadLetter) {
      result.push(previous);
      continue;
    }
    const flowEdge: FlowEdge = {
      id,
      type: 'deadLetter',
      source: node.id,
      target: node.deadLetter,
      selectable: false,
      deletable: false,
      focusable: false,
      data: { edge: null, highlighted: false },
    };
    cache.set(id, flowEdge);
    result.push(flowEdge);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return result;
}
