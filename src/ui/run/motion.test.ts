// Motion on the canvas: dots crossing instant edges (FlightBoard) and stored copies drawn at queues.
import { describe, expect, it } from 'vitest';
import type { RunMeta } from '../../worker/protocol';
import { FLIGHT_MS, FlightBoard, MAX_FLIGHTS, NEW_PER_EDGE, PER_EDGE_MAX } from './flights';
import { paintRecorder } from './paintRecorder';
import { fitText, paintLanes, paintStack, STACK_DOTS_MAX, stackDots } from './queuePainter';

const meta: RunMeta = {
  nodes: [{ id: 'p', type: 'publisher' }, { id: 'q', type: 'queue' }, { id: 'h', type: 'handler' }],
  edges: [{ id: 'e1', source: 0, target: 1, instant: true, event: 0 }, { id: 'e2', source: 1, target: 2, instant: false, event: 0 }],
  events: ['p'], tokenEvents: ['p'], warmupMs: 0, scenarioName: 's', seed: 1,
};

describe('FlightBoard', () => {
  it('launches a dot per copy counted on an instant edge and moves it across in FLIGHT_MS', () => {
    const board = new FlightBoard();
    board.observe(meta, [0, 0], 0);
    board.observe(meta, [1, 5], 100);
    // the edge with latency has real transit; only the instant one flies
    const start = board.at(100);
    expect(start.count).toBe(1);
    expect(start.edge[0]).toBe(0);
    expect(start.progress[0]).toBe(0);
    const half = board.at(100 + FLIGHT_MS / 2);
    expect(half.progress[0]).toBeCloseTo(0.5);
    expect(board.at(100 + FLIGHT_MS).count).toBe(0);
    expect(board.count).toBe(0);
  });
  it('spreads several copies over the time since the last update and caps them per edge and overall', () => {
    const board = new FlightBoard();
    board.observe(meta, [0, 0], 0);
    board.observe(meta, [100, 0], 300);
    expect(board.count).toBe(NEW_PER_EDGE);
    const progress = Array.from(board.at(300).progress.slice(0, NEW_PER_EDGE)).sort();
    expect(progress[0]).toBe(0);
    expect(progress[NEW_PER_EDGE - 1]).toBeGreaterThan(0.4);
    for (let i = 1; i < 1000; i++) board.observe(meta, [100 + i * 10, 0], 300 + i / 10);
    expect(board.count).toBe(PER_EDGE_MAX);
    board.at(300 + FLIGHT_MS * 2);
    board.observe(meta, [200_000, 0], 300 + FLIGHT_MS * 2);
    expect(board.count).toBe(NEW_PER_EDGE);
    const wide: RunMeta = { ...meta, edges: Array.from({ length: 500 }, (_, i) => ({ id: `e${i}`, source: 0, target: 1, instant: true, event: 0 })) };
    const many = new FlightBoard();
    many.observe(wide, new Array<number>(500).fill(0), 0);
    many.observe(wide, new Array<number>(500).fill(9), 10);
    expect(many.count).toBe(MAX_FLIGHTS);
  });
  it('starts over for a new run and forgets everything on clear', () => {
    const board = new FlightBoard();
    board.observe(meta, [0, 0], 0);
    board.observe(meta, [4, 0], 10);
    board.observe({ ...meta }, [0, 0], 20);
    expect(board.count).toBe(0);
    board.observe(meta, [2, 0], 30);
    board.clear();
    expect(board.at(30).count).toBe(0);
  });
});

describe('queue painter', () => {
  const card = { x: 100, y: 100, width: 150, height: 60 };
  it('stacks one dot per stored copy up to a limit and writes the count', () => {
    expect(stackDots(3)).toBe(3);
    expect(stackDots(500)).toBe(STACK_DOTS_MAX);
    const context = paintRecorder();
    paintStack(context, card, 3, 'red', '3');
    expect(context.ops('arc')).toHaveLength(3);
    expect(context.ops('arc').every((c) => (c.args[1] as number) < card.y)).toBe(true);
    expect(context.ops('fillText').map((c) => c.args[0])).toEqual(['3']);
    const empty = paintRecorder();
    paintStack(empty, card, 0, 'red', '0');
    expect(empty.calls).toHaveLength(0);
  });
  it('draws a lane per partition under the card with its depth and owner', () => {
    const context = paintRecorder();
    paintLanes(context, card, [{ depth: 2, owner: 'group member 1' }, { depth: 0, owner: null }], 'red', {
      partition: (p) => `P${p}`, count: (n) => String(n), owner: (name) => name ?? 'not read yet',
    });
    const texts = context.ops('fillText').map((c) => c.args[0]);
    expect(texts.slice(0, 2)).toEqual(['P0', '2']);
    expect(texts[2]).toMatch(/^group m/);
    expect(texts.slice(3, 5)).toEqual(['P1', '0']);
    expect(context.ops('fillRect').every((c) => (c.args[1] as number) > card.y + card.height)).toBe(true);
    expect(context.ops('arc')).toHaveLength(2);
  });
  it('cuts text with an ellipsis to fit', () => {
    const context = paintRecorder();
    expect(fitText(context, 'abcdef', 36)).toBe('abcdef');
    expect(fitText(context, 'abcdef', 24)).toBe('abc…');
  });
});
