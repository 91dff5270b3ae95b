// Autosave: debounced writes of scenario + viewport, restore at startup, and a corrupt autosave set
// aside under another key with a notice instead of a failure. Uses a fake localStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNodeOfType } from './commands';
import { emptyScenario } from './emptyScenario';
import { AUTOSAVE_KEY, CORRUPT_AUTOSAVE_KEY, onAutosaveProblem, readCorruptAutosave, restoreAutosave, startAutosave, type AutosaveProblem } from './persistence';
import { useAppStore } from './store';

class FakeStorage implements Storage {
  private data = new Map<string, string>();
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(key: string) { return this.data.has(key) ? this.data.get(key)! : null; }
  key(index: number) { return [...this.data.keys()][index] ?? null; }
  removeItem(key: string) { this.data.delete(key); }
  setItem(key: string, value: string) { this.data.set(key, String(value)); }
}

let storage: FakeStorage;
const store = () => useAppStore.getState();

beforeEach(() => {
  storage = new FakeStorage();
  vi.stubGlobal('localStorage', storage);
  store().resetDocument(emptyScenario('fresh'));
  useAppStore.setState({ notices: [], viewport: null });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('autosave', () => {
  it('writes the scenario and viewport once, ~300 ms after the last change', () => {
    vi.useFakeTimers();
    const stop = startAutosave();
    const { scenario } = addNodeOfType(store().scenario, 'publisher', { x: 1, y: 2 });
    store().commit(scenario, 'addNode');
    store().setViewport({ x: 5, y: 6, zoom: 0.75 });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(299);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(2);
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY)!);
    expect(saved.scenario.nodes[0]).toMatchObject({ id: 'publisher1', position: { x: 1, y: 2 } });
    expect(saved.viewport).toEqual({ x: 5, y: 6, zoom: 0.75 });
    stop();
  });

  it('restores the last scenario and view', () => {
    const { scenario } = addNodeOfType(emptyScenario('saved one'), 'queue', { x: 7, y: 8 });
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario, viewport: { x: 1, y: 2, zoom: 1.5 } }));
    expect(restoreAutosave()).toBe('restored');
    expect(store().scenario.name).toBe('saved one');
    expect(store().scenario.nodes[0]).toMatchObject({ id: 'queue1', position: { x: 7, y: 8 } });
    expect(store().viewport).toEqual({ x: 1, y: 2, zoom: 1.5 });
    expect(store().past).toHaveLength(0); // restoring is not an undo step
  });

  it('sets a corrupt autosave aside, starts clean and tells the user', () => {
    const problems: AutosaveProblem[] = [];
    onAutosaveProblem((problem) => problems.push(problem));
    storage.setItem(AUTOSAVE_KEY, '{"format":"eventflow-autosave","scenario":{"nodes":');
    expect(restoreAutosave()).toBe('corrupt');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(readCorruptAutosave()).toBe('{"format":"eventflow-autosave","scenario":{"nodes":');
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).not.toBeNull();
    expect(store().scenario.name).toBe('fresh');
    expect(problems).toEqual(['corrupt']); // the UI words it (src/ui/bootstrap.ts)
  });

  it('treats valid JSON with an unusable scenario as corrupt too', () => {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario: { format: 'eventflow-scenario', version: 1, name: 'x', nodes: [{ id: 'h', type: 'handler' }], edges: [] } }));
    expect(restoreAutosave()).toBe('corrupt');
    expect(store().scenario.nodes).toHaveLength(0);
  });

  it('sets aside autosaves whose fields have the wrong type (they would break drawing), keeping merely invalid ones', () => {
    const { scenario } = addNodeOfType(emptyScenario('half broken'), 'publisher', { x: 0, y: 0 });
    const p = scenario.nodes[0];
    const broken = [
      { ...scenario, nodes: [{ ...p, arrival: { kind: 'schedule', times: null } }] },
      { ...scenario, nodes: [{ ...p, label: { text: 'x' } }] },
      { ...scenario, stopAt: 'soon' },
      { ...scenario, edges: [{ id: 'e1', source: 'publisher1', target: 'x', latency: { kind: 'exponential' } }] },
    ];
    for (const bad of broken) {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario: bad }));
      expect(restoreAutosave(), JSON.stringify(bad)).toBe('corrupt');
    }
    // a publisher that never stops is a problem to fix, not a corrupt autosave
    const endless = { ...scenario, stopAt: undefined, nodes: [{ ...p, limit: undefined }] };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'eventflow-autosave', version: 1, scenario: endless }));
    expect(restoreAutosave()).toBe('restored');
  });

  it('does nothing without an autosave', () => {
    expect(restoreAutosave()).toBe('none');
    expect(store().notices).toHaveLength(0);
  });
});
