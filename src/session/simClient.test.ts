// The client against the real host (main-thread style, synchronous fake frames and timers): playback
// paced by the frame clock, pause stops it, step advances exactly one event, a stuck backend is replaced.
import { describe, expect, it } from 'vitest';
import { createSimHost, defaultHostDeps } from '../worker/host';
import type { Request, Response, SimBackend, Update } from '../worker/protocol';
import { RunReplacedError, SimClient, STUCK_MS, type ClientDeps } from './simClient';
import { mm1Scenario } from '../worker/testScenarios';

class InlineBackend implements SimBackend {
  readonly kind = 'main-thread';
  listener: (response: Response) => void = () => {};
  crash: (message: string) => void = () => {};
  silent = false;
  /** while true, answers wait in `deferred` until deliver() (a worker answering late) */
  deferring = false;
  readonly deferred: Response[] = [];
  readonly requests: Request[] = [];
  /** the host's wall clock: 0.01 ms per reading, never the real one, so the adaptive pacing (sized
   *  from the wall time each answer took) does not depend on how loaded the machine is */
  private hostNowMs = 0;
  private readonly host = createSimHost((response) => queueMicrotask(() => this.answer(response)), { ...defaultHostDeps(5), now: () => (this.hostNowMs += 0.01) });
  private answer(response: Response): void {
    if (this.deferring) this.deferred.push(response);
    else this.listener(response);
  }
  deliver(): void {
    for (const response of this.deferred.splice(0)) this.listener(response);
  }
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

  it('an advance in flight when Pause is pressed does not move the clock, and no further advance is asked', async () => {
    const { world, sim, updates, lastTime } = client();
    await sim.load(mm1Scenario(100_000));
    sim.play();
    for (let i = 0; i < 10; i++) await world.frame();
    const backend = world.backends[0];
    backend.deferring = true;
    await world.frame(); // the next frame asks for an advance; its answer waits in the fake worker
    const asked = backend.requests.length;
    expect(backend.requests[asked - 1]?.type).toBe('advance');
    expect(backend.deferred.length).toBe(1);
    const shown = lastTime();
    const shownUpdates = updates.length;
    sim.pause();
    backend.deliver(); // the late answer arrives after Pause
    for (let i = 0; i < 10; i++) await world.frame();
    expect(lastTime()).toBe(shown);
    expect(updates.length).toBe(shownUpdates);
    expect(backend.requests.length).toBe(asked);
    expect(sim.isFinished).toBe(false);

    // Run again: the held update goes out first (nothing lost), then time moves on from where the engine is
    backend.deferring = false;
    sim.play();
    expect(updates.length).toBe(shownUpdates + 1);
    const held = lastTime();
    expect(held).toBeGreaterThan(shown);
    for (let i = 0; i < 5; i++) await world.frame();
    expect(lastTime()).toBeGreaterThan(held);
  });

  it('a scheduled flush pending at Pause is held too; Step then shows it merged with the step', async () => {
    const { world, sim, updates, lastTime } = client();
    await sim.load(mm1Scenario(100_000));
    sim.play();
    for (let i = 0; i < 10; i++) await world.frame();
    // an answer arrived and waits for the next animation frame to be shown
    world.backends[0].deferring = true;
    await world.frame();
    world.backends[0].deliver();
    await world.settle();
    const shown = lastTime();
    const shownUpdates = updates.length;
    sim.pause();
    await world.frame();
    expect(lastTime()).toBe(shown);
    expect(updates.length).toBe(shownUpdates);
    world.backends[0].deferring = false;
    const step = await sim.step();
    expect(step).not.toBeNull();
    expect(updates.length).toBe(shownUpdates + 1);
    expect(lastTime()).toBe(step?.timeMs);
  });

  it('a run that ends in the answer held by Pause ends on the next Run (no fresh run, nothing lost)', async () => {
    const { world, sim, updates } = client();
    await sim.load(mm1Scenario(100));
    sim.setSpeed(Infinity);
    sim.play();
    // hold answers until the request in flight is the one that reaches the end (100 ms), however
    // the pacing sized the earlier ones
    const backend = world.backends[0];
    backend.deferring = true;
    for (let i = 0; i < 50; i++) {
      await world.frame();
      const last = backend.requests[backend.requests.length - 1];
      if (last?.type === 'advance' && last.untilMs >= 100) break;
      backend.deliver();
    }
    const asked = backend.requests[backend.requests.length - 1];
    expect(asked?.type === 'advance' && asked.untilMs).toBeGreaterThanOrEqual(100);
    expect(backend.deferred.length).toBe(1);
    const shownUpdates = updates.length;
    sim.pause();
    world.backends[0].deliver();
    await world.frame();
    expect(updates.length).toBe(shownUpdates);
    expect(sim.isFinished).toBe(false);
    sim.play();
    expect(updates[updates.length - 1].report?.endTime).toBe(100);
    expect(sim.isFinished).toBe(true);
    expect(sim.playing).toBe(false);
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
    expect(world.backends).toHaveLength(1); // replaced on the next request, not at once (RUN-1)
    await sim.load(mm1Scenario());
    expect(world.backends).toHaveLength(2);
    expect(sim.isLoaded).toBe(true);
  });

  it('a backend that crashes as soon as it starts is not restarted in a loop (RUN-1)', async () => {
    const { world, sim, failures } = client();
    await sim.load(mm1Scenario());
    world.backends[0].crash('cannot start');
    expect(failures).toEqual(['cannot start']);
    world.backends[0].crash('again'); // a late event from the dead backend is ignored
    expect(failures).toEqual(['cannot start']);
    expect(world.backends).toHaveLength(1);
    await sim.load(mm1Scenario());
    expect(world.backends).toHaveLength(2);
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
