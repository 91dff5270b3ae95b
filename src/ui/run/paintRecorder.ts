// A Paint2D that records what was drawn, for the token layer's unit tests (no canvas in jsdom).
import type { Paint2D } from './paint2d';

export interface Recorded { op: string; args: unknown[]; fillStyle: unknown; strokeStyle: unknown }

export function paintRecorder(): Paint2D & { calls: Recorded[]; ops: (name: string) => Recorded[] } {
  const calls: Recorded[] = [];
  const state = { fillStyle: '#000' as unknown, strokeStyle: '#000' as unknown };
  const record = (op: string) => (...args: unknown[]) => {
    calls.push({ op, args, fillStyle: state.fillStyle, strokeStyle: state.strokeStyle });
  };
  const recorder = {
    calls,
    ops: (name: string) => calls.filter((c) => c.op === name),
    beginPath: record('beginPath'), moveTo: record('moveTo'), lineTo: record('lineTo'), arc: record('arc'),
    fill: record('fill'), stroke: record('stroke'), fillRect: record('fillRect'), strokeRect: record('strokeRect'),
    fillText: record('fillText'), setTransform: record('setTransform'), clearRect: record('clearRect'), roundRect: record('roundRect'),
    measureText: (text: string) => ({ width: text.length * 6 }),
    lineWidth: 1, font: '', textAlign: 'left' as CanvasTextAlign, textBaseline: 'alphabetic' as CanvasTextBaseline,
    get fillStyle() { return state.fillStyle as string; },
    set fillStyle(value: string) { state.fillStyle = value; },
    get strokeStyle() { return state.strokeStyle as string; },
    set strokeStyle(value: string) { state.strokeStyle = value; },
  };
  return recorder as unknown as Paint2D & { calls: Recorded[]; ops: (name: string) => Recorded[] };
}
