// Run controls: Run, Pause, Step, Run to end, Reset, Speed, Virtual time (run work). STUB: replace wholesale.
export function RunBar() {
  return null;
}
