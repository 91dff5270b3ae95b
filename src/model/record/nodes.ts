// The record of node kinds (spec: Nodes): each kind's fields in file order, the defaults the engine
// uses for a field a file leaves out, what a freshly drawn node starts with, and which kinds it may
// send to. Adding a node field means adding it here (and teaching the engine and the inspector).
import { z } from 'zod';
import * as B from '../bounds';
import { arrival } from './arrivals';
import { aboveZero, atLeastZero, coordinate, id, integer, label, ownId } from './common';
import { distribution } from './distributions';
import { list, number, object, oneOf, optional, tagged } from './fields';
import { profile } from './profiles';

export const position = object({ x: coordinate, y: coordinate });
const outage = object({ start: atLeastZero, end: aboveZero });
const event = optional(label(B.MAX_EVENT_CHARS));

const NODE_COMMON = {
  id: ownId,
  label: optional(label(B.MAX_LABEL_CHARS)),
  position: optional(position),
};

export const OVERFLOW_POLICIES = ['reject', 'drop-oldest', 'block'] as const;
/** architect.md "Routing": every outgoing edge sends, or exactly one chosen by weight */
export const ROUTES = ['all', 'one'] as const;
const route = optional(oneOf(ROUTES));
/** architect.md "Priorities": 0 … 9, 9 the highest; how a queue or a handler's buffer orders what it stores */
export const ORDERS = ['fifo', 'priority'] as const;
export const ASSIGNMENTS = ['shared', 'owned'] as const;
const priority = optional(integer(0, 9));
const order = optional(oneOf(ORDERS));

export const NODE_KINDS = {
  publisher: {
    arrival,
    limit: optional(integer(0, B.MAX_PUBLISHED_PER_PUBLISHER)),
    start: optional(atLeastZero),
    end: optional(aboveZero),
    event,
    keys: optional(integer(1, B.MAX_KEYS)),
    route,
    priority,
  },
  topic: {},
  queue: {
    capacity: optional(number(z.int().min(0))),
    overflow: optional(oneOf(OVERFLOW_POLICIES)),
    ttl: optional(aboveZero),
    deadLetter: optional(id),
    partitions: optional(integer(1, B.MAX_PARTITIONS)),
    order,
    /** architect.md "Consumer groups": any free slot takes any free partition, or Kafka's owned partitions */
    assignment: optional(oneOf(ASSIGNMENTS)),
    /** owned: how long a handler's outage lasts before it leaves the group (default 10,000 ms) */
    sessionTimeout: optional(atLeastZero),
    /** owned: how long every change of the group pauses all reading (default 3,000 ms) */
    rebalance: optional(atLeastZero),
  },
  handler: {
    concurrency: optional(integer(1, B.MAX_CONCURRENCY)),
    service: distribution,
    failureRate: optional(number(z.number().min(0).lt(1))),
    retry: optional(object({
      maxAttempts: integer(1, B.MAX_ATTEMPTS),
      backoff: distribution,
      /** architect.md: after attempt k fails the wait is min(maxBackoff, draw × multiplier^(k−1)) */
      multiplier: optional(number(z.number().min(1).max(100))),
      maxBackoff: optional(aboveZero),
    })),
    outages: optional(list(outage, { max: B.MAX_OUTAGES })),
    /** architect.md: multiplies each drawn service time by its value at the attempt's start */
    serviceProfile: optional(profile),
    /** architect.md: replaces failureRate by its value at the attempt's start */
    failureProfile: optional(profile),
    event,
    route,
    priority,
    order,
  },
} as const;

/** A file lists a node's keys as: id, type, label, position, then the kind's own fields. */
export const node = tagged('type', NODE_KINDS, NODE_COMMON, (keys) => ['id', 'type', 'label', 'position', ...keys]);

export type NodeKind = keyof typeof NODE_KINDS;
export const NODE_TYPES = Object.keys(NODE_KINDS) as NodeKind[];

/** Which node kinds each kind may send to (spec: Edges). */
export const SENDS_TO: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  publisher: ['topic', 'queue', 'handler'],
  topic: ['queue', 'handler'],
  queue: ['handler'],
  handler: ['topic', 'queue'],
};

/** What the engine uses for a field a file leaves out (compile.ts fills these in; kept zod-free in defaults.ts). */
export { NODE_DEFAULTS } from './defaults';

/** What a node drawn from the palette starts with, chosen so publisher -> queue -> handler runs at once. */
export const FRESH_NODE = {
  publisher: { arrival: { kind: 'poisson', ratePerSecond: 10 }, limit: 1000 },
  topic: {},
  queue: {},
  handler: { service: { kind: 'exponential', mean: 50 } },
} as const;
