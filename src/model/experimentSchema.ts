// The scenario file's optional top-level `experiment` (experiments.md): a saved experiment a share link can
// carry: replications, confidence, a sweep (pointer and values) and the figure to chart. Older files stay valid.
import { z } from 'zod';

const pointer = z.string().min(1).max(500).regex(/^\//, 'must be a JSON Pointer starting with "/"');

export const experimentSchema = z.strictObject({
  replications: z.int().min(2).max(10_000).optional(),
  confidence: z.number().min(0.5).max(0.999).optional(),
  sweep: z.strictObject({ pointer, values: z.array(z.number().min(-1e15).max(1e15)).min(1).max(1000) }).optional(),
  metric: pointer.optional(),
});

export interface ScenarioExperiment {
  replications?: number;
  confidence?: number;
  sweep?: { pointer: string; values: number[] };
  /** the report figure to chart against the parameter, e.g. /latency/publishToDone/p99 */
  metric?: string;
}
