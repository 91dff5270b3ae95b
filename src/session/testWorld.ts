// Test helpers for the page's side of a run: a backend that runs the real host inline (answers come
// in a microtask, may be deferred or dropped) and a fake clock with frames and timers stepped by hand.
import { createSimHost, defaultHostDeps } from '../worker/host';
import type { Request, Response, SimBackend } from '../worker/protocol';
import type { ClientDeps } from './simClient';

export class InlineBackend implements SimBackend {
  readonly kind = 'main-thread';
  listener: (response: Response) => void = () => {};
  crash: (message: string) => void = () => {};
  /** while true, requests get no answer (a stuck worker) */
  silent = false;
  readonly requests: Request[] = [];
  private readonly host = createSimHost((response) => queueMicrotask(() => this.listener(response)), defaultHostDeps(5));
  post(request: Request): void {
    this.requests.push(request);
    if (!this.silent) this.host.handle(request);
  }
  onResponse(listener: (response: Response) => void): void {
    this.listener = listener;
  }
  onCrash(listener: (message: string) => void): void {
    this.crash = listener;
  }
  terminate(): void {}
}

export function fakeWorld() {
  let now = 0;
  const frames = new Map<number, () => void>();
  let nextFrame = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextTimer = 1;
  const backends: InlineBackend[] = [];
  const deps: ClientDeps = {
    createBackend: () => {
      const backend = new InlineBackend();
      backends.push(backend);
      return backend;
    },
    now: () => now,
    requestFrame: (callback) => {
      frames.set(nextFrame, callback);
      return nextFrame++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    setTimer: (callback, ms) => {
      timers.set(nextTimer, { at: now + ms, callback });
      return nextTimer++;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** advances the wall clock by one frame, runs due timers and the frame callbacks, lets answers arrive */
  const frame = async (wallMs = 16) => {
    now += wallMs;
    for (const [id, timer] of [...timers]) if (timer.at <= now) { timers.delete(id); timer.callback(); }
    const callbacks = [...frames.values()];
    frames.clear();
    for (const callback of callbacks) callback();
    await settle();
  };
  return { deps, frame, settle, backends };
}
