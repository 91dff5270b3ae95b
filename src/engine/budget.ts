// The engine's safety net: every run stops, even one the model's finiteness rules could not foresee.
// A budget of events and of message copies in flight at once; past either, the run stops with a reason.

/** Most events one run may take (about half an hour at 5 M events/s); the model's own bounds keep
 *  valid files far below it (at most 10^9 copies, each a few events). */
export const MAX_EVENTS = 10_000_000_000;
/** Most message copies in flight at once (the message pool then holds at most twice as many slots,
 *  about 470 MB); a run past it would grow without bound. */
export const MAX_COPIES_IN_FLIGHT = 2_097_152;

export interface BudgetLimits {
  maxEvents: number;
  maxCopiesInFlight: number;
}

/** Why a run was stopped early; the report carries it as `stopped` (only then). */
export interface BudgetStop {
  budget: 'events' | 'copiesInFlight';
  limit: number;
  /** virtual time it stopped at, ms */
  atMs: number;
  message: string;
}

const count = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export class RunBudget {
  /** the event loop runs while the kernel's event counter is below this (its one compare per event) */
  eventEnd = 0;
  stop: BudgetStop | null = null;
  readonly maxEvents: number;
  readonly maxCopiesInFlight: number;

  constructor(limits: Partial<BudgetLimits> = {}) {
    this.maxEvents = limits.maxEvents ?? MAX_EVENTS;
    this.maxCopiesInFlight = limits.maxCopiesInFlight ?? MAX_COPIES_IN_FLIGHT;
  }

  /** opens a slice of at most `slice` events after `events` run so far; returns its end */
  open(events: number, slice: number): number {
    this.eventEnd = this.stop !== null ? events : Math.min(events + slice, this.maxEvents);
    return this.eventEnd;
  }

  /** after a slice: stops the run when the event budget is spent */
  close(events: number, nowMs: number): void {
    if (this.stop === null && events >= this.maxEvents) {
      this.stop = { budget: 'events', limit: this.maxEvents, atMs: nowMs, message: `stopped after ${count(this.maxEvents)} events, the engine's budget: the run would go on too long; lower the rates or the stop time, or look for a loop` };
    }
  }

  /** the message pool outgrew the budget: the event under way finishes, then the run stops */
  copiesFull(nowMs: number): void {
    if (this.stop !== null) return;
    this.eventEnd = 0;
    this.stop = { budget: 'copiesInFlight', limit: this.maxCopiesInFlight, atMs: nowMs, message: `stopped at ${nowMs} ms: more than ${count(this.maxCopiesInFlight)} message copies were in flight at once, the engine's budget; the run would grow without bound — look for a loop that multiplies copies, or a queue that is never read` };
  }
}
