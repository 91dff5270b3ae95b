// Inspector: fields of the selected node/edge, scenario settings when nothing is selected (editor work). STUB: replace wholesale.
export function Inspector() {
  return null;
}
