// The record of a connection (spec: Edges) and of the whole file (spec: Top level): fields in file
// order and the defaults the engine uses for a field left out.
import { z } from 'zod';
import * as B from '../bounds';
import { aboveZero, atLeastZero, description, id, integer, label } from './common';
import { distribution } from './distributions';
import { list, literal, number, object, oneOf, optional, text } from './fields';
import { experiment } from './experiment';
import { node } from './nodes';

export const SCENARIO_FORMAT = 'eventflow-scenario';
export const EDGE_WHEN = ['success', 'failure'] as const;

export const edge = object({
  id,
  source: id,
  target: id,
  latency: optional(distribution),
  probability: optional(number(z.number().gt(0).max(1))),
  /** architect.md "Routing": the share of a `route: "one"` choice (edges leaving a publisher or handler) */
  weight: optional(number(z.number().gt(0).max(1e9))),
  /** edges leaving a handler: sent on success (default) or when a copy's last attempt fails */
  when: optional(oneOf(EDGE_WHEN)),
});

export { EDGE_DEFAULTS, SCENARIO_DEFAULTS } from './defaults';

export const sloGoal = object({
  metric: text(z.string().min(1).max(1000)),
  max: optional(number(z.number())),
  min: optional(number(z.number())),
});

/** `$schema`: the URL or path of this file's JSON Schema, for editors (ignored by the engine) */
export const scenario = object({
  $schema: optional(text(z.string().max(2000))),
  format: literal(SCENARIO_FORMAT),
  version: literal(1),
  name: label(B.MAX_NAME_CHARS),
  description: optional(description),
  seed: optional(integer(0, B.MAX_SEED)),
  stopAt: optional(aboveZero),
  warmup: optional(atLeastZero),
  nodes: list(node, { max: B.MAX_NODES }),
  edges: list(edge, { max: B.MAX_EDGES }),
  /** a saved experiment (experiments.md) */
  experiment: optional(experiment),
  /** service-level objectives (architect.md): JSON Pointers into the report with max and/or min */
  slo: optional(list(sloGoal, { max: 100 })),
});
