// Undo / Redo buttons and shortcuts (editor work). STUB: replace wholesale.
export function HistoryButtons() {
  return null;
}
