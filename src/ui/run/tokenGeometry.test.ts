// Token positions along a sampled edge path, and the badge words painted on nodes.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../engine/types';
import { edgePoint } from './tokenGeometry';
import { badgeBox, badgeTexts } from './badgePainter';

describe('edgePoint', () => {
  const line = Float64Array.of(0, 0, 10, 0, 10, 10);
  it('walks the polyline by equal samples and clamps to its ends', () => {
    expect(edgePoint(line, 0)).toEqual({ x: 0, y: 0 });
    expect(edgePoint(line, 0.25)).toEqual({ x: 5, y: 0 });
    expect(edgePoint(line, 0.75)).toEqual({ x: 10, y: 5 });
    expect(edgePoint(line, 1.5)).toEqual({ x: 10, y: 10 });
    expect(edgePoint(Float64Array.of(3, 4), 0.5)).toEqual({ x: 3, y: 4 });
  });
});

describe('badges', () => {
  const snapshot = { timeMs: 2000, depth: [0, 7, 2], busy: [0, 0, 3], count: [400, 390, 380] } as unknown as Snapshot;
  it('say what a queue, a handler and a publisher are doing', () => {
    expect(badgeTexts('en', { id: 'q', type: 'queue', capacity: 10 }, snapshot, 1)).toMatchObject({ left: '7 / 10', right: '390 in', fill: 7 });
    expect(badgeTexts('en', { id: 'h', type: 'handler', concurrency: 4 }, snapshot, 2)).toMatchObject({ left: 'busy 3/4 · depth 2', right: '190/s', busy: 3 });
    expect(badgeTexts('zh', { id: 'p', type: 'publisher' }, snapshot, 0)).toMatchObject({ left: '已发 400', right: '200/秒' });
  });
  it('sit inside the card above its bottom padding', () => {
    expect(badgeBox({ x: 100, y: 50, width: 200, height: 96 })).toEqual({ x: 112, y: 113, width: 176, height: 24 });
  });
});
