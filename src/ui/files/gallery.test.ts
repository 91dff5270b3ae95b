// Reading the gallery notes (`x-gallery`) leniently, and picking the text for a language.
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../model/types';
import { galleryMeta, loadGallery, localizeExample, pick } from './gallery';

const base: Scenario = { format: 'eventflow-scenario', version: 1, name: 'Plain', description: 'Only a description.', nodes: [], edges: [] };

describe('galleryMeta', () => {
  it('reads bilingual notes and the suggested speed', () => {
    const meta = galleryMeta({ ...base, 'x-gallery': { title: { en: 'T', zh: '标题' }, description: { en: 'D', zh: '描述' }, notice: { en: 'N', zh: '看' }, speed: 250 } });
    expect(meta).toEqual({ name: { en: 'Plain', zh: 'Plain' }, title: { en: 'T', zh: '标题' }, description: { en: 'D', zh: '描述' }, notice: { en: 'N', zh: '看' }, speed: 250, zhLabels: {} });
  });

  it('falls back to the scenario name and description, and ignores what it cannot read', () => {
    expect(galleryMeta(base)).toEqual({ name: { en: 'Plain', zh: 'Plain' }, title: { en: 'Plain', zh: 'Plain' }, description: { en: 'Only a description.', zh: 'Only a description.' }, notice: { en: '', zh: '' }, speed: undefined, zhLabels: {} });
    const odd = galleryMeta({ ...base, 'x-gallery': { title: 42, notice: { en: 'English only' }, speed: -3 } });
    expect(odd.title).toEqual({ en: 'Plain', zh: 'Plain' });
    expect(odd.notice).toEqual({ en: 'English only', zh: 'English only' });
    expect(odd.speed).toBeUndefined();
  });
});

describe('localizeExample', () => {
  const scenario: Scenario = {
    ...base,
    nodes: [
      { id: 'p', type: 'publisher', label: 'orders', position: { x: 0, y: 0 }, arrival: { kind: 'schedule', times: [0] } },
      { id: 'h', type: 'handler', label: 'workers', position: { x: 200, y: 0 }, service: { kind: 'constant', value: 5 } },
    ],
    edges: [{ id: 'e1', source: 'p', target: 'h' }],
    'x-gallery': { name: { en: 'Plain', zh: '朴素' }, labels: { zh: { p: '订单', nope: 'x', h: 42 } } },
  } as Scenario;
  const meta = galleryMeta(scenario);

  it('in 中文 takes the name and the labels it has from x-gallery, keeping ids and values', () => {
    const zh = localizeExample(scenario, meta, 'zh');
    expect(zh.name).toBe('朴素');
    expect(zh.nodes.map((n) => [n.id, n.label])).toEqual([['p', '订单'], ['h', 'workers']]);
    expect({ ...zh, name: scenario.name, description: scenario.description, nodes: scenario.nodes }).toEqual(scenario);
    expect(zh.nodes[0]).toEqual({ ...scenario.nodes[0], label: '订单' });
  });

  it('in English returns the file unchanged (its report and CLI output stay the same)', () => {
    expect(localizeExample(scenario, meta, 'en')).toBe(scenario);
  });
});

describe('pick', () => {
  it('uses the language asked for, else the other one', () => {
    expect(pick({ en: 'a', zh: '甲' }, 'zh')).toBe('甲');
    expect(pick({ en: 'a', zh: '' }, 'zh')).toBe('a');
    expect(pick({ en: '', zh: '甲' }, 'en')).toBe('甲');
  });
});

describe('loadGallery with a damaged example (GALLERY-1)', () => {
  const good = { format: 'eventflow-scenario', version: 1, name: 'Good one', stopAt: 1000, nodes: [], edges: [] };
  const files: Record<string, unknown> = {
    'index.json': { examples: ['a.eventflow.json', 'broken.eventflow.json', 'b.eventflow.json'] },
    'a.eventflow.json': { ...good, name: 'A' },
    'broken.eventflow.json': { format: 'eventflow-scenario', version: 1, name: '' },
    'b.eventflow.json': { ...good, name: 'B' },
  };
  const fakeFetch = async (url: URL | string) => {
    const name = String(url).split('/examples/')[1];
    return name in files
      ? new Response(JSON.stringify(files[name]), { status: 200 })
      : new Response('missing', { status: 404 });
  };

  it('leaves the damaged file out and keeps the others, in order', async () => {
    vi.stubGlobal('fetch', fakeFetch);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const entries = await loadGallery('http://example.test/');
      expect(entries.map((e) => e.scenario.name)).toEqual(['A', 'B']);
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('is an error naming the file when no example loads', async () => {
    files['index.json'] = { examples: ['broken.eventflow.json'] };
    vi.stubGlobal('fetch', fakeFetch);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await expect(loadGallery('http://example.test/')).rejects.toThrow('examples/broken.eventflow.json');
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
