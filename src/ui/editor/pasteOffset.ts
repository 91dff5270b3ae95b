// Where a paste lands beside its originals: one step down-right, and further steps while any pasted
// node would sit on a node already there (pasting the same copy twice must not stack the copies).
export interface Position { x: number; y: number }

/** how close two node corners may be before one hides the other, flow px */
const OVERLAP_PX = 12;

export function freePasteOffset(existing: readonly Position[], pasted: readonly Position[], step: Position, maxSteps = 50): Position {
  const covered = (dx: number, dy: number) =>
    pasted.some((p) => existing.some((e) => Math.abs(e.x - (p.x + dx)) < OVERLAP_PX && Math.abs(e.y - (p.y + dy)) < OVERLAP_PX));
  let n = 1;
  while (n < maxSteps && covered(step.x * n, step.y * n)) n++;
  return { x: step.x * n, y: step.y * n };
}
