// Retry backoff growth (architect.md "Traffic that changes over time", backoff): after attempt k (1-based)
// fails the copy waits min(maxBackoff, draw × multiplier^(k−1)), multiplied step by step and stopped once
// past maxBackoff, so no product overflows. Without multiplier and maxBackoff the draw is the wait (v1).

/** the maxBackoff a file means when it gives a multiplier but no maxBackoff: one hour */
export const DEFAULT_MAX_BACKOFF_MS = 3_600_000;

export function backoffWaitMs(drawMs: number, multiplier: number, maxMs: number, attempt: number): number {
  let wait = drawMs;
  if (multiplier > 1) for (let k = 1; k < attempt && wait <= maxMs; k++) wait *= multiplier;
  return wait < maxMs ? wait : maxMs;
}
