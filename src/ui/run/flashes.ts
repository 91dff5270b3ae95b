// Loss flashes: a red ring growing and fading where a drop, expiry, dead letter or failure happened.
// Pure bookkeeping (wall time passed in) plus the painter; at most one young flash per node.
import type { Paint2D } from './paint2d';
import { centre, FLASH_MS, type Box } from './tokenGeometry';

export interface Flash { node: number; x: number; y: number; startMs: number }

const MAX_FLASHES = 64;

/** adds a flash per lost node unless that node flashed less than half a flash ago (it pulses instead of smearing) */
export function addFlashes(flashes: Flash[], lossNodes: readonly number[], boxOf: (node: number) => Box | null, nowMs: number): void {
  for (const node of lossNodes) {
    if (flashes.length > MAX_FLASHES || flashes.some((f) => f.node === node && nowMs - f.startMs < FLASH_MS / 2)) continue;
    const box = boxOf(node);
    if (box) flashes.push({ node, ...centre(box), startMs: nowMs });
  }
}

/** drops finished flashes and paints the rest; true while some are still fading */
export function paintFlashes(context: Paint2D, flashes: Flash[], nowMs: number, zoom: number): boolean {
  for (let i = flashes.length - 1; i >= 0; i--) if (nowMs - flashes[i].startMs > FLASH_MS) flashes.splice(i, 1);
  for (const flash of flashes) {
    const age = Math.max(0, (nowMs - flash.startMs) / FLASH_MS);
    context.beginPath();
    context.arc(flash.x, flash.y, 14 + 26 * age, 0, Math.PI * 2);
    context.strokeStyle = `rgba(208, 52, 44, ${1 - age})`;
    context.lineWidth = 3 / zoom;
    context.stroke();
  }
  return flashes.length > 0;
}
