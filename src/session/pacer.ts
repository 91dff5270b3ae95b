// The playback clock, pure: virtual time advances at `speed` virtual ms per wall ms while playing,
// stops when paused, and gives way when the engine is slower than the clock (syncTo).
// Plus the per-frame budget that keeps one advance request to a few ms of engine work.

/** Speed limits of the slider, virtual ms per wall ms; FASTEST plays as fast as the engine can. */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 10_000;
export const FASTEST = Infinity;

export class Pacer {
  private virtualMs = 0;
  private lastWallMs = 0;
  private playingNow = false;

  constructor(private speedNow = 1) {}

  get playing(): boolean {
    return this.playingNow;
  }
  get speed(): number {
    return this.speedNow;
  }
  get timeMs(): number {
    return this.virtualMs;
  }

  play(nowWallMs: number): void {
    if (this.playingNow) return;
    this.playingNow = true;
    this.lastWallMs = nowWallMs;
  }

  pause(nowWallMs: number): void {
    if (!this.playingNow) return;
    this.tick(nowWallMs);
    this.playingNow = false;
  }

  setSpeed(speed: number, nowWallMs: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    if (this.playingNow) this.tick(nowWallMs);
    this.speedNow = speed;
  }

  /** where virtual time should be at this wall time (Infinity at FASTEST while playing) */
  tick(nowWallMs: number): number {
    if (this.playingNow) {
      const wallMs = Math.max(0, nowWallMs - this.lastWallMs);
      this.lastWallMs = nowWallMs;
      this.virtualMs += wallMs * this.speedNow;
    }
    return this.virtualMs;
  }

  /** the engine reached `reachedMs` (behind the clock, or moved by a step): the clock continues from there */
  syncTo(reachedMs: number): void {
    this.virtualMs = reachedMs;
  }

  reset(): void {
    this.virtualMs = 0;
    this.playingNow = false;
  }
}

/**
 * How far one animation frame may move the engine: about `frameWorkMs` of engine work, from the measured
 * events per wall ms and events per virtual ms. Starts small and grows at most ×4 a frame until measured.
 */
export class FrameBudget {
  private eventsPerWallMs = 0;
  private eventsPerVirtualMs = 0;
  private capMs = 10;

  constructor(private readonly frameWorkMs = 12) {}

  /** the largest virtual step the next request should take, ms */
  get maxVirtualStepMs(): number {
    return this.capMs;
  }

  /** learn from one answered request: `events` run in `wallMs` of engine time over `virtualMs` */
  observe(events: number, wallMs: number, virtualMs: number, askedMs: number): void {
    if (events > 0 && wallMs > 0.05) this.eventsPerWallMs = this.eventsPerWallMs === 0 ? events / wallMs : 0.7 * this.eventsPerWallMs + 0.3 * (events / wallMs);
    if (events > 0 && virtualMs > 0) this.eventsPerVirtualMs = this.eventsPerVirtualMs === 0 ? events / virtualMs : 0.7 * this.eventsPerVirtualMs + 0.3 * (events / virtualMs);
    const grown = Math.max(this.capMs, askedMs) * 4;
    if (this.eventsPerWallMs > 0 && this.eventsPerVirtualMs > 0) {
      const fitting = (this.eventsPerWallMs * this.frameWorkMs) / this.eventsPerVirtualMs;
      this.capMs = Math.max(0.001, Math.min(grown, fitting));
    } else {
      this.capMs = grown;
    }
  }

  reset(): void {
    this.eventsPerWallMs = 0;
    this.eventsPerVirtualMs = 0;
    this.capMs = 10;
  }
}

/** Slider position ↔ speed: positions 0…SPEED_STEPS-1 are log-spaced from MIN_SPEED to MAX_SPEED, the last is FASTEST. */
export const SPEED_STEPS_PER_DECADE = 10;
const DECADES = Math.log10(MAX_SPEED / MIN_SPEED);
export const SPEED_POSITIONS = DECADES * SPEED_STEPS_PER_DECADE + 2;

export function speedAtPosition(position: number): number {
  if (position >= SPEED_POSITIONS - 1) return FASTEST;
  const clamped = Math.max(0, Math.min(SPEED_POSITIONS - 2, Math.round(position)));
  const value = MIN_SPEED * 10 ** (clamped / SPEED_STEPS_PER_DECADE);
  return Number(value.toPrecision(2));
}

export function positionOfSpeed(speed: number): number {
  if (speed === FASTEST) return SPEED_POSITIONS - 1;
  const position = Math.log10(speed / MIN_SPEED) * SPEED_STEPS_PER_DECADE;
  return Math.max(0, Math.min(SPEED_POSITIONS - 2, Math.round(position)));
}
