// Auto-layout with elkjs (layered, left to right): positions for every node of a scenario.
// layoutScenario() is also used by the files work for imported files without positions.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Position, Scenario } from '../../model/types';
import { layout } from '../../store/commands';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';

let elk: InstanceType<typeof ELK> | null = null;

const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
};

/** Computes positions for all nodes (top-left corners), keyed by node id. */
export async function computeLayout(scenario: Scenario, sizes?: Map<string, { width?: number; height?: number }>): Promise<Map<string, Position>> {
  elk ??= new ELK();
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions,
    children: scenario.nodes.map((n) => ({
      id: n.id,
      width: sizes?.get(n.id)?.width ?? NODE_WIDTH,
      height: sizes?.get(n.id)?.height ?? NODE_HEIGHT,
    })),
    edges: [
      ...scenario.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    ],
  };
  const result = await elk.layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0) + 40, y: Math.round(child.y ?? 0) + 40 });
  return positions;
}

/** The scenario with every node placed by the layered layout (a new object; the input is unchanged). */
export async function layoutScenario(scenario: Scenario): Promise<Scenario> {
  if (scenario.nodes.length === 0) return scenario;
  return layout(scenario, await computeLayout(scenario));
}
