// Positions for files whose nodes lack them: the editor's auto-layout (elkjs, loaded on demand) when
// present, else a simple layered grid of our own (column = longest path from a source, left to right).
import type { Position, Scenario } from '../../model/types';

type LayoutModule = { layoutScenario: (scenario: Scenario) => Promise<Scenario> };
const editorLayout = import.meta.glob<LayoutModule>('../canvas/autoLayout.ts');

const COLUMN_PX = 250;
const ROW_PX = 150;
const MARGIN_PX = 40;

export const needsLayout = (scenario: Scenario): boolean => scenario.nodes.some((node) => !node.position);

/** Left-to-right layers: each node one column right of its furthest predecessor (cycles cut by visit
 *  order). Walks with an explicit stack: a 2,000-node chain needs no 2,000-deep recursion. */
export function gridPositions(scenario: Scenario): Map<string, Position> {
  const ids = scenario.nodes.map((node) => node.id);
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of scenario.edges) incoming.get(edge.target)?.push(edge.source);
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const sourcesOf = (id: string): string[] => (incoming.get(id) ?? []).filter((source) => incoming.has(source));
  const depth = (start: string): number => {
    const known = column.get(start);
    if (known !== undefined) return known;
    const stack = [{ id: start, sources: sourcesOf(start), next: 0, best: -1 }];
    visiting.add(start);
    let value = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.sources.length) {
        const source = top.sources[top.next++];
        const seen = column.get(source);
        if (seen !== undefined) top.best = Math.max(top.best, seen);
        else if (visiting.has(source)) top.best = Math.max(top.best, 0); // a cycle: cut here
        else {
          visiting.add(source);
          stack.push({ id: source, sources: sourcesOf(source), next: 0, best: -1 });
        }
        continue;
      }
      stack.pop();
      visiting.delete(top.id);
      value = top.sources.length === 0 ? 0 : top.best + 1;
      column.set(top.id, value);
      if (stack.length > 0) stack[stack.length - 1].best = Math.max(stack[stack.length - 1].best, value);
    }
    return value;
  };
  const rows = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const id of ids) {
    const col = depth(id);
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    positions.set(id, { x: MARGIN_PX + col * COLUMN_PX, y: MARGIN_PX + row * ROW_PX });
  }
  return positions;
}

export function gridLayout(scenario: Scenario): Scenario {
  const positions = gridPositions(scenario);
  return { ...scenario, nodes: scenario.nodes.map((node) => ({ ...node, position: positions.get(node.id) })) };
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
