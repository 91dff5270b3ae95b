// The dock's height bounds and the splitter's keys.
import { describe, expect, it } from 'vitest';
import { clampDock, dockAfterKey, dockMaxPx, DOCK_MIN_PX, DOCK_STEP_PX } from './dockSize';

describe('dock size', () => {
  it('stays between the floor and a ceiling that leaves some canvas', () => {
    expect(clampDock(10, 800)).toBe(DOCK_MIN_PX);
    expect(clampDock(5000, 800)).toBe(dockMaxPx(800));
    expect(dockMaxPx(800)).toBeLessThan(800);
    expect(clampDock(300.4, 800)).toBe(300);
  });
  it('moves by a step with the arrows, to the ends with Home and End', () => {
    expect(dockAfterKey('ArrowUp', 300, 800)).toBe(300 + DOCK_STEP_PX);
    expect(dockAfterKey('ArrowDown', 300, 800)).toBe(300 - DOCK_STEP_PX);
    expect(dockAfterKey('End', 300, 800)).toBe(dockMaxPx(800));
    expect(dockAfterKey('Home', 300, 800)).toBe(DOCK_MIN_PX);
    expect(dockAfterKey('a', 300, 800)).toBeNull();
  });
});
