// The engine's integer codes, one code space per kind: event kinds on the event list, node types,
// overflow policies, arrival kinds, and outcomes (the same code for a record and for a loss in the
// snapshot: "failed" is 4 everywhere). Hot switches use the literals, checked against these by type.
import type { Outcome, StepDescription } from './types';

export const EventKind = Object.freeze({ publish: 0, arrive: 1, done: 2, backoff: 3, ttl: 4, outageEnd: 5, rebalance: 6, rebalanceEnd: 7 } as const);
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

export const NodeCode = Object.freeze({ publisher: 0, topic: 1, queue: 2, handler: 3 } as const);
export type NodeCode = (typeof NodeCode)[keyof typeof NodeCode];

export const OverflowCode = Object.freeze({ reject: 0, dropOldest: 1, block: 2 } as const);
export type OverflowCode = (typeof OverflowCode)[keyof typeof OverflowCode];

export const ArrivalCode = Object.freeze({ poisson: 0, constant: 1, interval: 2, burst: 3, schedule: 4, profile: 5 } as const);
export type ArrivalCode = (typeof ArrivalCode)[keyof typeof ArrivalCode];

export const OutcomeCode = Object.freeze({ completed: 0, dropped: 1, expired: 2, deadLettered: 3, failed: 4, inFlight: 5 } as const);
export type OutcomeCode = (typeof OutcomeCode)[keyof typeof OutcomeCode];
/** the outcomes a copy can be lost to (they appear in the snapshot's losses) */
export type LossCode = typeof OutcomeCode.dropped | typeof OutcomeCode.expired | typeof OutcomeCode.deadLettered | typeof OutcomeCode.failed;

/** outcome names by code */
export const OUTCOMES: readonly Outcome[] = ['completed', 'dropped', 'expired', 'deadLettered', 'failed', 'inFlight'];

/** what a Step can say it did (StepDescription.kind) */
export type StepKind = StepDescription['kind'];
