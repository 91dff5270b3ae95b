// The zod 4 schema of a scenario file, version 1, as built from the records in ./record/ (one record
// per kind: distributions, arrivals, nodes, edges, the scenario). Types, ranges and unknown keys field
// by field; rules across fields (ids, edges, windows) live in validate.ts.
import { arrival } from './record/arrivals';
import { distribution } from './record/distributions';
import { node } from './record/nodes';
import { edge, scenario } from './record/scenario';

export { ID_PATTERN } from './record/common';

export const distributionSchema = distribution.schema;
export const arrivalSchema = arrival.schema;
export const nodeSchema = node.schema;
export const edgeSchema = edge.schema;
export const scenarioSchema = scenario.schema;
