// Share-link codec: round trip, damaged and truncated links, invalid scenarios, the 8,000-character limit
// and the clipboard fallback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { decodeShareFragment, encodeShareFragment, MAX_LINK_CHARS, shareScenario, shareUrl, SHARE_PREFIX } from './shareCodec';
import { normalizeScenario } from './serialize';
import { cpuMs } from '../../testing/cpuClock';

const example = (file: string) => JSON.parse(readFileSync(join(process.cwd(), 'public', 'examples', file), 'utf8')) as Scenario;
const eventlet = example('01-eventlet-greenpool.eventflow.json');

/** A valid scenario with `count` publisher -> handler pairs (to make links long). */
function big(count: number): Scenario {
  const nodes: Scenario['nodes'] = [];
  const edges: Scenario['edges'] = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ id: `p${i}`, type: 'publisher', label: `publisher number ${i} 用户注册`, position: { x: 0, y: i * 120 }, arrival: { kind: 'poisson', ratePerSecond: i + 1 } });
    nodes.push({ id: `h${i}`, type: 'handler', label: `handler number ${i}`, position: { x: 250, y: i * 120 }, service: { kind: 'exponential', mean: i + 2 } });
    edges.push({ id: `e${i}`, source: `p${i}`, target: `h${i}` });
  }
  return { format: 'eventflow-scenario', version: 1, name: 'Big', seed: 1, stopAt: 1000, nodes, edges };
}

describe('share link codec', () => {
  it('round-trips a scenario, CJK labels and extension fields included', () => {
    const fragment = encodeShareFragment(eventlet);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    const decoded = decodeShareFragment(fragment);
    expect(decoded.kind).toBe('ok');
    if (decoded.kind === 'ok') expect(decoded.scenario).toEqual(normalizeScenario(eventlet));
  });

  it('every example fits in a link', () => {
    const files = (JSON.parse(readFileSync(join(process.cwd(), 'public', 'examples', 'index.json'), 'utf8')) as { examples: string[] }).examples;
    for (const file of files) expect(shareUrl(example(file), 'http://127.0.0.1:4173/').length, file).toBeLessThan(MAX_LINK_CHARS);
  });

  it('builds the link on the page address, replacing any fragment already there', () => {
    const url = shareUrl(eventlet, 'https://example.org/app/index.html?x=1#s=old');
    expect(url.startsWith('https://example.org/app/index.html?x=1#s=')).toBe(true);
    expect(url).not.toContain('old');
  });

  it('ignores addresses without a share fragment', () => {
    expect(decodeShareFragment('')).toEqual({ kind: 'none' });
    expect(decodeShareFragment('#section-2')).toEqual({ kind: 'none' });
  });

  it('calls a truncated or corrupt link damaged', () => {
    const fragment = encodeShareFragment(eventlet);
    for (const cut of [0.3, 0.6, 0.9, 0.98]) expect(decodeShareFragment(fragment.slice(0, Math.floor(fragment.length * cut))).kind, `cut ${cut}`).toBe('damaged');
    expect(decodeShareFragment('#s=').kind).toBe('damaged');
    expect(decodeShareFragment('#s=%%%not-base64').kind).toBe('damaged');
    expect(decodeShareFragment('#s=AAAAAAAAAAAAAAAA').kind).toBe('damaged');
  });

  it('lists every problem of a link whose scenario is invalid', () => {
    const bad = { ...eventlet, version: 1, nodes: [...eventlet.nodes, { id: 'q', type: 'queue', capacity: -1 }], edges: [...eventlet.edges, { id: 'e9', source: 'login', target: 'nowhere' }] };
    const decoded = decodeShareFragment(`${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify(bad))}`);
    expect(decoded.kind).toBe('invalid');
    if (decoded.kind === 'invalid') {
      const text = decoded.problems.map((p) => p.text).join('\n');
      expect(text).toContain('capacity');
      expect(text).toContain('nowhere');
    }
  });
});

describe('share link bombs', () => {
  it('does not unpack a link longer than any the app makes (the 20 MB bomb of the QA fixtures)', () => {
    const bomb = readFileSync(join(process.cwd(), 'e2e', 'fixtures', 'share-bomb-20mb.txt'), 'utf8').trim();
    const started = cpuMs();
    expect(decodeShareFragment(`${SHARE_PREFIX}${bomb}`)).toEqual({ kind: 'too-long', length: bomb.length });
    expect(cpuMs() - started).toBeLessThan(50);
  });

  it('refuses a link that unpacks to more than the limit (5 MB, here 3,000 characters) before parsing it', () => {
    const text = JSON.stringify({ ...eventlet, description: 'a'.repeat(2000) });
    const payload = compressToEncodedURIComponent(text);
    expect(text.length).toBeGreaterThan(3000);
    expect(decodeShareFragment(`${SHARE_PREFIX}${payload}`, 3000)).toEqual({ kind: 'too-big', unpackedChars: text.length });
    expect(decodeShareFragment(`${SHARE_PREFIX}${payload}`).kind).toBe('ok');
  });
});

describe('shareScenario', () => {
  it('copies the link when the clipboard works', async () => {
    let copied = '';
    const outcome = await shareScenario(eventlet, 'http://localhost/', { writeText: async (text: string) => { copied = text; } });
    expect(outcome.kind).toBe('copied');
    expect(copied).toBe(shareUrl(eventlet, 'http://localhost/'));
  });

  it('hands the link back to show when the clipboard is missing or refuses', async () => {
    expect((await shareScenario(eventlet, 'http://localhost/', undefined)).kind).toBe('show');
    const refusing = { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) };
    expect(await shareScenario(eventlet, 'http://localhost/', refusing)).toEqual({ kind: 'show', url: shareUrl(eventlet, 'http://localhost/') });
  });

  it('refuses links over 8,000 characters and says how long they would be', async () => {
    const scenario = big(150);
    const outcome = await shareScenario(scenario, 'http://localhost/', { writeText: async () => undefined });
    expect(outcome.kind).toBe('too-long');
    if (outcome.kind === 'too-long') expect(outcome.length).toBe(shareUrl(scenario, 'http://localhost/').length);
    expect((await shareScenario(big(3), 'http://localhost/', undefined)).kind).toBe('show');
  });
});
