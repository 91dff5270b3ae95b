// Live per-node badge (depth, busy slots, throughput) shown on canvas nodes during a run. STUB (run work).
export function NodeLiveBadge(_props: { nodeId: string }) {
  return null;
}
