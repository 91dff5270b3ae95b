// Live uPlot charts (run work). STUB: replace wholesale.
export function ChartsPanel() {
  return null;
}
