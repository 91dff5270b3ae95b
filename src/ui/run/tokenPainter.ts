// Paints messages in transit as dots along their edges, one fill per event colour. Pure: the caller
// hands the sampled edge polylines and the packed transit list; no DOM, no store.
import type { PackedTransit } from '../../worker/protocol';
import type { Paint2D } from './paint2d';
import { edgePoint, type Point } from './tokenGeometry';

export const TOKEN_RADIUS = 6;

/** the dot radius at a zoom (never under 3 screen pixels) */
export function tokenRadius(zoom: number): number {
  return Math.max(TOKEN_RADIUS, 3 / zoom);
}

/** token points grouped by colour, so each colour is one path and one fill */
export function groupTokens(
  tokens: PackedTransit,
  lineOf: (edge: number) => Float64Array | null,
  colourOf: (event: number) => string,
  into = new Map<string, Point[]>(),
): Map<string, Point[]> {
  for (let i = 0; i < tokens.count; i++) {
    const line = lineOf(tokens.edge[i]);
    if (!line) continue;
    const colour = colourOf(tokens.event[i]);
    let list = into.get(colour);
    if (!list) into.set(colour, (list = []));
    list.push(edgePoint(line, tokens.progress[i]));
  }
  return into;
}

/** one path per colour: white-ringed dots */
export function paintDots(context: Paint2D, byColour: Map<string, Point[]>, zoom: number): void {
  const radius = tokenRadius(zoom);
  context.lineWidth = 1.5 / zoom;
  context.strokeStyle = '#ffffff';
  for (const [colour, points] of byColour) {
    if (points.length === 0) continue;
    context.beginPath();
    for (const p of points) {
      context.moveTo(p.x + radius, p.y);
      context.arc(p.x, p.y, radius, 0, Math.PI * 2);
    }
    context.fillStyle = colour;
    context.fill();
    context.stroke();
  }
}
