// Profile values (step, linear, hold, repeat with the linear wrap) and the thinning gap's end when the
// rate stays 0 after the last point.
import { describe, expect, it } from 'vitest';
import { compileProfile, profileGap, profileValue } from './profile';
import { streamFor } from './random';

describe('profileValue', () => {
  const points: [number, number][] = [[0, 10], [100, 30], [200, 0]];

  it('step: each value holds until the next point, the last one for ever', () => {
    const p = compileProfile({ points });
    expect([0, 99.9, 100, 150, 200, 1e9].map((t) => profileValue(p, t))).toEqual([10, 10, 30, 30, 0, 0]);
  });

  it('linear: interpolated between points, held after the last', () => {
    const p = compileProfile({ shape: 'linear', points });
    expect([0, 50, 100, 150, 200, 500].map((t) => profileValue(p, t))).toEqual([10, 20, 30, 15, 0, 0]);
  });

  it('repeat: starts again every repeat ms; linear wraps from the last point to the first value at repeat', () => {
    const step = compileProfile({ repeat: 400, points });
    expect([300, 400, 450, 520].map((t) => profileValue(step, t))).toEqual([0, 10, 10, 30]);
    const linear = compileProfile({ shape: 'linear', repeat: 400, points });
    expect([300, 399, 400, 450].map((t) => profileValue(linear, t))).toEqual([5, 9.95, 10, 20].map((v) => expect.closeTo(v, 9)));
  });
});

describe('profileGap', () => {
  it('gives -1 once the rate is 0 for ever (no repeat), and before the window ends', () => {
    const p = compileProfile({ points: [[0, 1000], [50, 0]] });
    const rng = streamFor(1, 'test');
    let t = 0;
    let count = 0;
    for (;;) {
      const gap = profileGap(p, rng, t, Infinity);
      if (gap < 0) break;
      t += gap;
      count++;
      expect(t).toBeLessThan(50);
    }
    expect(count).toBeGreaterThan(20);
    expect(profileGap(compileProfile({ points: [[0, 1000]] }), rng, 0, 0.000001)).toBe(-1);
  });
});
