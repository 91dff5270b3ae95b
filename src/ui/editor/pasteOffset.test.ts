// Pasting beside the originals, and past earlier pastes of the same copy.
import { describe, expect, it } from 'vitest';
import { freePasteOffset } from './pasteOffset';

describe('freePasteOffset', () => {
  const step = { x: 40, y: 40 };
  it('moves one step when the place beside the original is free', () => {
    expect(freePasteOffset([{ x: 0, y: 0 }], [{ x: 0, y: 0 }], step)).toEqual({ x: 40, y: 40 });
  });
  it('moves past copies already pasted there', () => {
    expect(freePasteOffset([{ x: 0, y: 0 }, { x: 40, y: 40 }, { x: 85, y: 78 }], [{ x: 0, y: 0 }], step)).toEqual({ x: 120, y: 120 });
  });
});
