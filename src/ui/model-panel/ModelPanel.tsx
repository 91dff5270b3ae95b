// The Model region: sets E, H, S, Q of the drawing and run (editor work). STUB: replace wholesale.
export function ModelPanel() {
  return null;
}
