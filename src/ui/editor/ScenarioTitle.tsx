// The scenario name in the top bar, editable (editor work). STUB: replace wholesale.
export function ScenarioTitle() {
  return null;
}
