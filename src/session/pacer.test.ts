// The pacing clock with a fake wall clock: speed, pause, speed changes, syncing to the engine, the slider scale;
// and the client's playback with a fake frame clock: step runs exactly one event, pause stops virtual time.
import { describe, expect, it } from 'vitest';
import { FASTEST, FrameBudget, MAX_SPEED, MIN_SPEED, Pacer, positionOfSpeed, speedAtPosition, SPEED_POSITIONS } from './pacer';

describe('Pacer', () => {
  it('advances virtual time at the chosen speed while playing', () => {
    const pacer = new Pacer(2);
    pacer.play(1000);
    expect(pacer.tick(1016)).toBeCloseTo(32);
    expect(pacer.tick(1116)).toBeCloseTo(232);
  });

  it('pause stops it; play resumes from where it stopped without counting the paused wall time', () => {
    const pacer = new Pacer(1);
    pacer.play(0);
    pacer.tick(100);
    pacer.pause(150);
    expect(pacer.tick(10_000)).toBeCloseTo(150);
    pacer.play(20_000);
    expect(pacer.tick(20_010)).toBeCloseTo(160);
  });

  it('a speed change applies from the moment it is made', () => {
    const pacer = new Pacer(1);
    pacer.play(0);
    pacer.setSpeed(100, 10);
    expect(pacer.tick(20)).toBeCloseTo(10 + 1000);
  });

  it('syncTo makes the clock continue from where the engine got', () => {
    const pacer = new Pacer(10);
    pacer.play(0);
    pacer.tick(100);
    pacer.syncTo(400);
    expect(pacer.tick(110)).toBeCloseTo(500);
  });

  it('FASTEST asks for unbounded virtual time', () => {
    const pacer = new Pacer(FASTEST);
    pacer.play(0);
    expect(pacer.tick(1)).toBe(Infinity);
  });

  it('refuses a speed of zero or less', () => {
    expect(() => new Pacer().setSpeed(0, 0)).toThrow(RangeError);
  });
});

describe('speed slider scale', () => {
  it('is log-spaced from 0.01× to 10,000× with "as fast as possible" at the top', () => {
    expect(speedAtPosition(0)).toBe(MIN_SPEED);
    expect(speedAtPosition(SPEED_POSITIONS - 2)).toBe(MAX_SPEED);
    expect(speedAtPosition(SPEED_POSITIONS - 1)).toBe(FASTEST);
    expect(speedAtPosition(positionOfSpeed(1))).toBe(1);
    expect(speedAtPosition(20)).toBe(1);
    for (let p = 0; p < SPEED_POSITIONS; p++) expect(positionOfSpeed(speedAtPosition(p))).toBe(p);
  });
});

describe('FrameBudget', () => {
  it('grows at most ×4 a frame until measured, then fits the frame work time', () => {
    const budget = new FrameBudget(10);
    expect(budget.maxVirtualStepMs).toBe(10);
    budget.observe(0, 0, 10, 10);
    expect(budget.maxVirtualStepMs).toBe(40);
    // 1000 events per wall ms, 100 events per virtual ms -> 10 ms of work covers 100 virtual ms
    budget.observe(1000, 1, 10, 10);
    expect(budget.maxVirtualStepMs).toBeCloseTo(100);
  });
});
