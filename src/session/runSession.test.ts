// The run session's state machine against the real host (inline backend, fake frames and timers):
// every transition of docs/architecture.md, what subscribers hear, and recovery after a failure.
import { describe, expect, it } from 'vitest';
import { mm1Scenario } from '../worker/testScenarios';
import { RunSession, type SessionState } from './runSession';
import { STUCK_MS } from './simClient';
import { fakeWorld } from './testWorld';

function session() {
  const world = fakeWorld();
  const run = new RunSession(world.deps);
  const states: SessionState[] = [];
  const failures: [string, string][] = [];
  const steps: unknown[] = [];
  let updates = 0;
  let loads = 0;
  run.subscribe({
    onState: (state) => states.push(state),
    onFailure: (message, kind) => failures.push([message, kind]),
    onStep: (step) => steps.push(step),
    onUpdate: () => updates++,
    onLoaded: () => loads++,
  });
  return { world, run, states, failures, steps, counts: () => ({ updates, loads }) };
}

const doc = (stopAt = 100_000, version = 1) => ({ scenario: mm1Scenario(stopAt), version });

describe('RunSession', () => {
  it('starts idle; Run loads, then plays; Pause pauses; Run goes on without a new load', async () => {
    const { world, run, states, counts } = session();
    expect(run.state).toBe('idle');
    await run.play(doc());
    expect(states).toEqual(['loading', 'loaded', 'playing']);
    for (let i = 0; i < 5; i++) await world.frame();
    expect(counts().updates).toBeGreaterThan(0);
    run.pause();
    expect(run.state).toBe('paused');
    await run.play(doc());
    expect(run.state).toBe('playing');
    expect(counts().loads).toBe(1);
  });

  it('a changed diagram version starts a fresh run', async () => {
    const { run, counts, states } = session();
    await run.play(doc(100_000, 1));
    run.pause();
    await run.play(doc(100_000, 2));
    expect(counts().loads).toBe(2);
    expect(states.slice(-3)).toEqual(['loading', 'loaded', 'playing']);
  });

  it('Step runs one event and pauses; the step is told', async () => {
    const { run, states, steps } = session();
    await run.step(doc());
    expect(states).toEqual(['loading', 'loaded', 'paused']);
    expect(steps).toHaveLength(1);
    expect(steps[0]).not.toBeNull();
  });

  it('Run to end finishes (with the report), keeps records, and the next Run loads afresh', async () => {
    const { run, states, counts } = session();
    await run.runToEnd(doc(200));
    expect(states).toEqual(['loading', 'loaded', 'running-to-end', 'finished']);
    expect(run.recordsSeen).toBeGreaterThan(0);
    expect(run.keptRecords.size).toBe(Math.min(run.recordsSeen, 10_000));
    await run.play(doc(200));
    expect(counts().loads).toBe(2);
  });

  it('playing to the end finishes by itself', async () => {
    const { world, run } = session();
    run.setSpeed(Infinity);
    await run.play(doc(50));
    for (let i = 0; i < 50 && run.state === 'playing'; i++) await world.frame();
    expect(run.state).toBe('finished');
  });

  it('an invalid diagram runs nothing and leaves the state alone', async () => {
    const { run, states } = session();
    const outcome = await run.play({ scenario: { ...mm1Scenario(), nodes: [] , edges: [{ id: 'e', source: 'a', target: 'b' }] }, version: 1 });
    expect(outcome).toBe('invalid');
    expect(states).toEqual([]);
    expect(run.state).toBe('idle');
  });

  it('Reset forgets the run: idle, no records', async () => {
    const { run } = session();
    await run.runToEnd(doc(200));
    run.reset();
    expect(run.state).toBe('idle');
    expect(run.recordsSeen).toBe(0);
    expect(run.keptRecords.size).toBe(0);
  });

  it('a stuck worker fails the run once; the next Run starts a fresh worker', async () => {
    const { world, run, failures } = session();
    await run.play(doc());
    world.backends[0].silent = true;
    for (let i = 0; i < 3; i++) await world.frame();
    await world.frame(STUCK_MS + 1);
    expect(run.state).toBe('failed');
    expect(failures).toHaveLength(1);
    expect(failures[0][1]).toBe('crashed');
    expect(run.failure).toMatch(/did not answer/);
    await run.play(doc());
    expect(world.backends).toHaveLength(2);
    expect(run.state).toBe('playing');
  });

  it('a crash while running to end is reported once (the rejected request adds no second failure)', async () => {
    const { world, run, failures } = session();
    await run.step(doc());
    world.backends[0].silent = true;
    const done = run.runToEnd(doc());
    await world.settle();
    world.backends[0].crash('boom');
    await done;
    expect(run.state).toBe('failed');
    expect(failures).toEqual([['boom', 'crashed']]);
  });
});
