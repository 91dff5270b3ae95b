// Palette: Add publisher/topic/queue/handler buttons, draggable onto the canvas (editor work). STUB: replace wholesale.
export function Palette() {
  return null;
}
