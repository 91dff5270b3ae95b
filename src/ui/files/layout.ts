// Positions for files whose nodes lack them: the editor's auto-layout (elkjs, loaded on demand) when
// present, else a simple layered grid of our own (column = longest path from a source, left to right).
import type { Position, Scenario } from '../../model/types';

type LayoutModule = { layoutScenario: (scenario: Scenario) => Promise<Scenario> };
const editorLayout = import.meta.glob<LayoutModule>('../canvas/autoLayout.ts');

const COLUMN_PX = 250;
const ROW_PX = 150;
const MARGIN_PX = 40;

export const needsLayout = (scenario: Scenario): boolean => scenario.nodes.some((node) => !node.position);

/** Left-to-right layers: each node one column right of its furthest predecessor (cycles cut by visit order). */
export function gridPositions(scenario: Scenario): Record<string, Position> {
  const ids = scenario.nodes.map((node) => node.id);
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of scenario.edges) incoming.get(edge.target)?.push(edge.source);
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const sources = (incoming.get(id) ?? []).filter((source) => incoming.has(source));
    const value = sources.length === 0 ? 0 : Math.max(...sources.map(depth)) + 1;
    visiting.delete(id);
    column.set(id, value);
    return value;
  };
  const rows = new Map<number, number>();
  const positions: Record<string, Position> = {};
  for (const id of ids) {
    const col = depth(id);
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    positions[id] = { x: MARGIN_PX + col * COLUMN_PX, y: MARGIN_PX + row * ROW_PX };
  }
  return positions;
}

export function gridLayout(scenario: Scenario): Scenario {
  const positions = gridPositions(scenario);
  return { ...scenario, nodes: scenario.nodes.map((node) => ({ ...node, position: positions[node.id] })) };
}

/** The scenario with every node placed when any node lacks a position; unchanged otherwise. */
export async function layoutIfNeeded(scenario: Scenario): Promise<Scenario> {
  if (!needsLayout(scenario)) return scenario;
  const load = Object.values(editorLayout)[0];
  if (load) {
    try {
      return await (await load()).layoutScenario(scenario);
    } catch {
      // the editor's layout failed (e.g. a worker-less test environment): fall back to the grid
    }
  }
  return gridLayout(scenario);
}
