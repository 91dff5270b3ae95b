// Where new nodes go: the canvas registers a bridge (visible area in flow coordinates, fit view), and
// freeSpot() finds a place near the centre of the view that does not overlap an existing node.
import type { Position, Scenario } from '../../model/types';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';

export interface CanvasBridge {
  /** the visible rectangle of the canvas in flow coordinates */
  visibleRect: () => { x: number; y: number; width: number; height: number } | null;
  fitView: () => void;
  /** pans so that a node placed at this top-left position is in view */
  reveal: (position: Position) => void;
  /** node sizes as measured on screen */
  measuredSizes: () => Map<string, { width?: number; height?: number }>;
}

let bridge: CanvasBridge | null = null;

export function setCanvasBridge(next: CanvasBridge | null): void {
  bridge = next;
}

export function canvasBridge(): CanvasBridge | null {
  return bridge;
}

const GAP = 24;

function overlaps(p: Position, scenario: Scenario): boolean {
  return scenario.nodes.some((n) => {
    const q = n.position;
    if (!q) return false;
    return Math.abs(q.x - p.x) < NODE_WIDTH + GAP && Math.abs(q.y - p.y) < NODE_HEIGHT + GAP;
  });
}

/** Next to `anchorId` (to its right, then below/above), so that a chain drawn with the Add buttons lines up. */
export function spotBeside(scenario: Scenario, anchorId: string): Position | null {
  const anchor = scenario.nodes.find((n) => n.id === anchorId)?.position;
  if (!anchor) return null;
  const x = anchor.x + NODE_WIDTH + 80;
  for (const dy of [0, 1, -1, 2, -2, 3, -3]) {
    const p = { x, y: anchor.y + dy * (NODE_HEIGHT + GAP * 2) };
    if (!overlaps(p, scenario)) return p;
  }
  return null;
}

/** A free top-left position near the centre of the view (spiralling out over node-sized cells). */
export function freeSpot(scenario: Scenario, view = bridge?.visibleRect() ?? null): Position {
  const centre = view
    ? { x: view.x + view.width / 2 - NODE_WIDTH / 2, y: view.y + view.height / 2 - NODE_HEIGHT / 2 }
    : { x: 80, y: 80 };
  const snap = (v: number) => Math.round(v / 20) * 20;
  const start = { x: snap(centre.x), y: snap(centre.y) };
  if (!overlaps(start, scenario)) return start;
  // spiral over a grid of node-sized cells, nearest first
  const stepX = NODE_WIDTH + GAP * 2;
  const stepY = NODE_HEIGHT + GAP * 2;
  for (let ring = 1; ring < 30; ring++) {
    const candidates: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: start.x + dx * stepX, y: start.y + dy * stepY });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - start.x, (a.y - start.y) * 2) - Math.hypot(b.x - start.x, (b.y - start.y) * 2));
    const free = candidates.find((c) => !overlaps(c, scenario));
    if (free) return free;
  }
  return { x: start.x, y: start.y + 40 };
}
