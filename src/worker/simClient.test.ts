// The client against the real host (main-thread style, synchronous fake frames and timers): playback
// paced by the frame clock, pause stops it, step advances exactly one event, a stuck backend is replaced.
import { describe, expect, it } from 'vitest';
import { createSimHost, defaultHostDeps } from './host';
import type { Request, Response, SimBackend, Update } from './protocol';
import { RunReplacedError, SimClient, STUCK_MS, type ClientDeps } from './simClient';
import { mm1Scenario } from './testScenarios';

class InlineBackend implements SimBackend {
  readonly kind = 'main-thread';
  listener: (response: Response) => void = () => {};
  crash: (message: string) => void = () => {};
  silent = false;
  private readonly host = createSimHost((response) => queueMicrotask(() => this.listener(response)), defaultHostDeps(5));
  post(request: Request): void {
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

function fakeWorld() {
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
  /** advance the wall clock by one 16 ms frame, run the frame callbacks and let answers arrive */
  const frame = async (wallMs = 16) => {
    now += wallMs;
    for (const [id, timer] of [...timers]) if (timer.at <= now) { timers.delete(id); timer.callback(); }
    const callbacks = [...frames.values()];
    frames.clear();
    for (const callback of callbacks) callback();
    await settle();
  };
  return { deps, frame, settle, backends, advanceWall: (ms: number) => { now += ms; } };
}

function client() {
  const world = fakeWorld();
  const updates: Update[] = [];
  const failures: string[] = [];
  const sim = new SimClient(world.deps, { onUpdate: (u) => updates.push(u), onFailure: (m) => failures.push(m) });
  return { world, sim, updates, failures, lastTime: () => updates[updates.length - 1]?.snapshot.timeMs ?? 0 };
}

describe('SimClient playback', () => {
  it('plays at the chosen speed: virtual time follows the frame clock', async () => {
    const { world, sim, lastTime } = client();
    await sim.load(mm1Scenario(100_000));
    sim.setSpeed(1);
    sim.play();
    for (let i = 0; i < 40; i++) await world.frame(16);
    // 40 frames of 16 ms at 1 virtual ms per wall ms; the first frames are capped by the growing budget
    expect(lastTime()).toBeGreaterThan(400);
    expect(lastTime()).toBeLessThanOrEqual(640);
  });

  it('pause stops virtual time', async () => {
    const { world, sim, lastTime } = client();
    await sim.load(mm1Scenario(100_000));
    sim.play();
    for (let i = 0; i < 10; i++) await world.frame();
    sim.pause();
    await world.frame();
    const paused = lastTime();
    for (let i = 0; i < 10; i++) await world.frame();
    expect(lastTime()).toBe(paused);
  });

  it('step advances exactly one event', async () => {
    const { sim, updates } = client();
    await sim.load(mm1Scenario());
    const before = updates[updates.length - 1].snapshot.events;
    const step = await sim.step();
    expect(step).not.toBeNull();
    expect(updates[updates.length - 1].snapshot.events).toBe(before + 1);
    await sim.step();
    expect(updates[updates.length - 1].snapshot.events).toBe(before + 2);
  });

  it('runToEnd finishes with the report', async () => {
    const { sim, updates } = client();
    await sim.load(mm1Scenario(3000));
    const result = await sim.runToEnd();
    expect(result.cancelled).toBe(false);
    expect(updates[updates.length - 1].report?.endTime).toBe(3000);
    expect(sim.isFinished).toBe(true);
  });

  it('a backend that stops answering is reported, terminated and replaced', async () => {
    const { world, sim, failures } = client();
    await sim.load(mm1Scenario());
    world.backends[0].silent = true;
    const stepping = sim.step().catch((error: Error) => error.message);
    await world.frame(STUCK_MS + 1);
    expect(await stepping).toMatch(/did not answer/);
    expect(failures).toHaveLength(1);
    expect(world.backends).toHaveLength(2);
    await sim.load(mm1Scenario());
    expect(sim.isLoaded).toBe(true);
  });

  it('Reset during a long Run to end is not a failure: the wait is dropped, no stuck alarm follows', async () => {
    const { world, sim, failures } = client();
    await sim.load(mm1Scenario(5_000_000));
    const running = sim.runToEnd().catch((error: Error) => error);
    await world.settle();
    sim.reset();
    expect(await running).toBeInstanceOf(RunReplacedError);
    await world.frame(STUCK_MS + 1);
    await world.frame(STUCK_MS + 1);
    expect(failures).toEqual([]);
  });

  it('a crash event is reported the same way', async () => {
    const { world, sim, failures } = client();
    await sim.load(mm1Scenario());
    world.backends[0].crash('boom');
    expect(failures).toEqual(['boom']);
    expect(sim.isLoaded).toBe(false);
  });
});
