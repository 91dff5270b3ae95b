// Queueing theory predictions beside simulated values (run work). STUB: replace wholesale.
export function TheoryPanel() {
  return null;
}
