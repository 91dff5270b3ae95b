// Live validation problems, clickable, with one-click fixes (editor work). STUB: replace wholesale.
export function ProblemsPanel() {
  return null;
}
