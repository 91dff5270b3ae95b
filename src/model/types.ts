// The scenario file, version 1 (../shared/spec/scenario-format.md), as TypeScript types.
// The file is the document the editor edits, the share link carries and the CLI runs.
import type { Arrival, Distribution, OverflowPolicy } from '../engine/types';
import type { ScenarioExperiment } from './experimentSchema';

export type { Arrival, Distribution, OverflowPolicy };

export interface Position { x: number; y: number }

interface NodeCommon {
  id: string;
  label?: string;
  position?: Position;
  [extension: `x-${string}`]: unknown;
}

export interface PublisherNode extends NodeCommon {
  type: 'publisher';
  arrival: Arrival;
  limit?: number;
  start?: number;
  end?: number;
  event?: string;
  keys?: number;
}
export interface TopicNode extends NodeCommon { type: 'topic' }
export interface QueueNode extends NodeCommon {
  type: 'queue';
  capacity?: number;
  overflow?: OverflowPolicy;
  ttl?: number;
  deadLetter?: string;
  partitions?: number;
}
export interface HandlerNode extends NodeCommon {
  type: 'handler';
  concurrency?: number;
  service: Distribution;
  failureRate?: number;
  retry?: { maxAttempts: number; backoff: Distribution };
  outages?: { start: number; end: number }[];
  event?: string;
}
export type ScenarioNode = PublisherNode | TopicNode | QueueNode | HandlerNode;

export interface ScenarioEdge {
  id: string;
  source: string;
  target: string;
  latency?: Distribution;
  probability?: number;
  [extension: `x-${string}`]: unknown;
}

export interface Scenario {
  format: 'eventflow-scenario';
  version: 1;
  name: string;
  description?: string;
  seed?: number;
  stopAt?: number;
  warmup?: number;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
  /** a saved experiment (experiments.md) */
  experiment?: ScenarioExperiment;
  [extension: `x-${string}`]: unknown;
}

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
