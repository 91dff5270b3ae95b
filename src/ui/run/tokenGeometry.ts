// Geometry for the token layer: a point at a fraction of a sampled polyline (flow coordinates).
export interface Point { x: number; y: number }

/** how long a loss flash lasts on the canvas, wall ms */
export const FLASH_MS = 700;

/** the point at `progress` (0…1) along a polyline given as [x0, y0, x1, y1, …], by equal-length samples */
export function edgePoint(line: Float64Array, progress: number): Point {
  const segments = line.length / 2 - 1;
  if (segments <= 0) return { x: line[0] ?? 0, y: line[1] ?? 0 };
  const clamped = Math.min(1, Math.max(0, progress));
  const position = clamped * segments;
  const i = Math.min(segments - 1, Math.floor(position));
  const f = position - i;
  return { x: line[2 * i] + (line[2 * i + 2] - line[2 * i]) * f, y: line[2 * i + 1] + (line[2 * i + 3] - line[2 * i + 1]) * f };
}
