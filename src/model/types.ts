// The scenario file, version 1, as TypeScript types: inferred from the zod schema that the records in
// ./record/ build, plus the `x-` extension keys a file may carry on any object of its own. The file is
// the document the editor edits, the share link carries and the CLI runs.
import type { z } from 'zod';
import type { Arrival as EngineArrival, Distribution as EngineDistribution, NodeType as EngineNodeType, OverflowPolicy as EngineOverflowPolicy } from '../engine/types';
import type { NodeKind } from './record/nodes';
import type { arrivalSchema, distributionSchema, edgeSchema, nodeSchema, scenarioSchema } from './schema';

/** Keys starting with `x-` are kept as they are and never read (spec: Extensions). */
export type Extensions = { [extension: `x-${string}`]: unknown };

export type Distribution = z.infer<typeof distributionSchema>;
export type Arrival = z.infer<typeof arrivalSchema>;

type BareNode = z.infer<typeof nodeSchema>;
export type ScenarioNode = BareNode extends infer N ? (N extends unknown ? N & Extensions : never) : never;
export type PublisherNode = Extract<ScenarioNode, { type: 'publisher' }>;
export type TopicNode = Extract<ScenarioNode, { type: 'topic' }>;
export type QueueNode = Extract<ScenarioNode, { type: 'queue' }>;
export type HandlerNode = Extract<ScenarioNode, { type: 'handler' }>;
export type OverflowPolicy = NonNullable<QueueNode['overflow']>;
export type Position = NonNullable<BareNode['position']>;

export type ScenarioEdge = z.infer<typeof edgeSchema> & Extensions;
export type ScenarioExperiment = NonNullable<z.infer<typeof scenarioSchema>['experiment']>;

export type Scenario = Omit<z.infer<typeof scenarioSchema>, 'nodes' | 'edges'> & {
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
} & Extensions;

/** The engine keeps its own input types (it imports nothing outside itself); these fail to compile
 *  when a record and the engine's types drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const RECORDS_MATCH_ENGINE: [
  Same<Distribution, EngineDistribution>,
  Same<Arrival, EngineArrival>,
  Same<OverflowPolicy, EngineOverflowPolicy>,
  Same<NodeKind, EngineNodeType>,
] = [true, true, true, true];

/** One validation problem. `text` is the line the CLI prints and the UI lists, e.g.
 *  `nodes[2] (h).service.mean: must be greater than 0`. */
export interface Problem {
  /** JSON path, e.g. `nodes[2].service.mean` */
  path: string;
  /** id of the node or edge the problem is in, when there is one */
  id?: string;
  message: string;
  text: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };
