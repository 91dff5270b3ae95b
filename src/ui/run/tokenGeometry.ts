// Geometry for the token layer (flow coordinates, no DOM): a point at a fraction of a sampled
// polyline, an edge path sampled into a polyline, the straight fallback between two node boxes.
export interface Point { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number }

/** how long a loss flash lasts on the canvas, wall ms */
export const FLASH_MS = 700;
/** points an edge path is sampled into (plus one) */
export const EDGE_SAMPLES = 24;

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

/** a path of `length` sampled into `samples`+1 points by `pointAt` (an SVG path's getPointAtLength) */
export function samplePath(length: number, pointAt: (distance: number) => Point, samples = EDGE_SAMPLES): Float64Array {
  const points = new Float64Array((samples + 1) * 2);
  for (let i = 0; i <= samples; i++) {
    const p = pointAt((length * i) / samples);
    points[2 * i] = p.x;
    points[2 * i + 1] = p.y;
  }
  return points;
}

/** the straight line from the source card's right middle to the target card's left middle */
export function straightLine(source: Box, target: Box): Float64Array {
  return Float64Array.of(source.x + source.width, source.y + source.height / 2, target.x, target.y + target.height / 2);
}

/** the centre of a box */
export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
