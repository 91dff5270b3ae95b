// The record of the scenario's optional top-level `experiment` (experiments.md): a saved experiment a
// share link can carry: replications, confidence, a sweep (pointer and values) and the figure to chart.
import { z } from 'zod';
import { list, number, object, optional, text } from './fields';

const pointer = text(z.string().min(1).max(500).regex(/^\//, 'must be a JSON Pointer starting with "/"'));

export const experiment = object({
  replications: optional(number(z.int().min(2).max(10_000))),
  confidence: optional(number(z.number().min(0.5).max(0.999))),
  sweep: optional(object({ pointer, values: list(number(z.number().min(-1e15).max(1e15)), { min: 1, max: 1000 }) })),
  /** the report figure to chart against the parameter, e.g. /latency/publishToDone/p99 */
  metric: optional(pointer),
});
