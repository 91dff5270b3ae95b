// Results: totals, latency table, per-node table (run work). STUB: replace wholesale.
export function ResultsPanel() {
  return null;
}
