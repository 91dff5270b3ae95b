// The token layer's painter without React or a browser: scheduling, flashes, token dots, caches.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../engine/types';
import type { PackedTransit, RunMeta } from '../../worker/protocol';
import { addFlashes, paintFlashes, type Flash } from './flashes';
import { createFrameScheduler } from './frameScheduler';
import { paintRecorder } from './paintRecorder';
import { samplePath, straightLine } from './tokenGeometry';
import { groupTokens, paintDots, TOKEN_RADIUS } from './tokenPainter';
import { TokenLayerPainter, type RunView, type Surface } from './tokenLayerPainter';

function fakeFrames() {
  const queued = new Map<number, () => void>();
  let next = 1;
  return {
    request: (callback: () => void) => { queued.set(next, callback); return next++; },
    cancel: (handle: number) => { queued.delete(handle); },
    flush: () => { const callbacks = [...queued.values()]; queued.clear(); callbacks.forEach((c) => c()); },
    get size() { return queued.size; },
  };
}

describe('frame scheduler', () => {
  it('coalesces requests into one frame and reports what was dirty', () => {
    const frames = fakeFrames();
    const painted: { tokens: boolean; badges: boolean }[] = [];
    const scheduler = createFrameScheduler(frames, (what) => painted.push(what));
    scheduler.request(true, false);
    scheduler.request(false, false);
    expect(frames.size).toBe(1);
    frames.flush();
    expect(painted).toEqual([{ tokens: true, badges: false }]);
    scheduler.request(false, true);
    frames.flush();
    expect(painted[1]).toEqual({ tokens: false, badges: true });
  });
  it('cancels its pending frame on dispose and ignores later requests', () => {
    const frames = fakeFrames();
    const scheduler = createFrameScheduler(frames, () => { throw new Error('painted after dispose'); });
    scheduler.request();
    scheduler.dispose();
    scheduler.request();
    expect(frames.size).toBe(0);
  });
});

describe('flashes', () => {
  const box = () => ({ x: 0, y: 0, width: 100, height: 40 });
  it('flash once per node until half a flash has passed, at the node centre', () => {
    const flashes: Flash[] = [];
    addFlashes(flashes, [3, 3], box, 1000);
    expect(flashes).toEqual([{ node: 3, x: 50, y: 20, startMs: 1000 }]);
    addFlashes(flashes, [3], box, 1100);
    expect(flashes).toHaveLength(1);
    addFlashes(flashes, [3], box, 1400);
    expect(flashes).toHaveLength(2);
  });
  it('fade and disappear after FLASH_MS', () => {
    const flashes: Flash[] = [{ node: 0, x: 1, y: 1, startMs: 0 }];
    const context = paintRecorder();
    expect(paintFlashes(context, flashes, 350, 1)).toBe(true);
    expect(context.ops('arc')[0].args.slice(0, 3)).toEqual([1, 1, 27]);
    expect(paintFlashes(context, flashes, 800, 1)).toBe(false);
    expect(flashes).toEqual([]);
  });
});

describe('token dots', () => {
  const transit: PackedTransit = { count: 3, edge: Int32Array.of(0, 0, 1), progress: Float32Array.of(0, 0.5, 1), event: Uint16Array.of(0, 1, 0) };
  it('group points by colour and skip edges that are not drawn', () => {
    const line = Float64Array.of(0, 0, 100, 0);
    const groups = groupTokens(transit, (edge) => (edge === 0 ? line : null), (event) => (event === 0 ? 'red' : 'blue'));
    expect([...groups.entries()]).toEqual([['red', [{ x: 0, y: 0 }]], ['blue', [{ x: 50, y: 0 }]]]);
  });
  it('fill each colour once', () => {
    const context = paintRecorder();
    paintDots(context, new Map([['red', [{ x: 0, y: 0 }, { x: 5, y: 5 }]], ['blue', [{ x: 9, y: 9 }]]]), 1);
    expect(context.ops('fill').map((c) => c.fillStyle)).toEqual(['red', 'blue']);
    expect(context.ops('arc')).toHaveLength(3);
  });
  it('sample a path and fall back to a straight line between cards', () => {
    expect(Array.from(samplePath(10, (d) => ({ x: d, y: 0 }), 2))).toEqual([0, 0, 5, 0, 10, 0]);
    expect(Array.from(straightLine({ x: 0, y: 0, width: 100, height: 40 }, { x: 200, y: 100, width: 100, height: 60 }))).toEqual([100, 20, 200, 130]);
  });
});

describe('TokenLayerPainter', () => {
  const meta: RunMeta = {
    nodes: [{ id: 'p', type: 'publisher' }, { id: 'q', type: 'queue' }],
    edges: [{ id: 'e1', source: 0, target: 1 }],
    events: ['order'], tokenEvents: ['order'], warmupMs: 0, scenarioName: 's', seed: 1,
  };
  const snapshot = { timeMs: 10, depth: [0, 2], busy: [0, 0], count: [3, 3], losses: [], transit: [] } as unknown as Snapshot;
  const surface = (): Surface => ({ clientWidth: 400, clientHeight: 300, width: 0, height: 0, context: paintRecorder(), dataset: {} });

  function setup(state: RunView) {
    const frames = fakeFrames();
    let pathsMeasured = 0;
    const tokens = surface();
    const painter = new TokenLayerPainter({
      tokens,
      badges: surface(),
      flow: {
        transform: () => [0, 0, 1],
        nodeBox: (id) => (id === 'p' ? { x: 0, y: 0, width: 100, height: 40 } : { x: 200, y: 0, width: 100, height: 40 }),
        edgePath: () => { pathsMeasured++; return Float64Array.of(100, 20, 200, 20); },
        badgeOffset: () => null,
      },
      run: () => state,
      now: () => 0,
      frames,
      devicePixelRatio: () => 2,
    });
    return { frames, tokens, painter, measured: () => pathsMeasured };
  }

  it('draws each token at its progress along the edge, sized for the device pixels', () => {
    const state: RunView = { scenario: { nodes: [] }, runStatus: 'paused', runMeta: meta, snapshot, liveSnapshot: snapshot, language: 'en', tokens: { count: 1, edge: Int32Array.of(0), progress: Float32Array.of(0.5), event: Uint16Array.of(0) } };
    const { frames, tokens } = setup(state);
    frames.flush();
    expect(tokens.width).toBe(800);
    expect(tokens.dataset.tokens).toBe('1');
    const arcs = (tokens.context as ReturnType<typeof paintRecorder>).ops('arc');
    // the token on the edge, and the queue's two stored copies as dots above its card
    expect(arcs.filter((c) => c.args[2] === TOKEN_RADIUS).map((c) => c.args.slice(0, 2))).toEqual([[150, 20]]);
    expect(arcs.filter((c) => c.args[2] !== TOKEN_RADIUS && (c.args[1] as number) < 0)).toHaveLength(2);
  });

  it('draws nothing while idle and measures edge paths once per layout', () => {
    const state: RunView = { scenario: { nodes: [] }, runStatus: 'idle', runMeta: meta, snapshot, liveSnapshot: snapshot, language: 'en', tokens: { count: 1, edge: Int32Array.of(0), progress: Float32Array.of(0), event: Uint16Array.of(0) } };
    const { frames, tokens, painter, measured } = setup(state);
    frames.flush();
    expect((tokens.context as ReturnType<typeof paintRecorder>).ops('arc')).toHaveLength(0);
    state.runStatus = 'playing';
    state.snapshot = { ...snapshot };
    painter.runChanged();
    frames.flush();
    painter.viewChanged();
    frames.flush();
    expect(measured()).toBe(1);
    painter.layoutChanged();
    frames.flush();
    expect(measured()).toBe(2);
  });
});
