// The embedded player's addresses: ?embed links, the iframe snippet (attributes escaped) and Open in EventFlow.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { decodeShareFragment } from '../files/shareCodec';
import { embedSnippet, embedUrl, fullAppUrl, isEmbedded, isPresenting } from './embedCode';

const scenario: Scenario = { format: 'eventflow-scenario', version: 1, name: 'A "quoted" <name>', nodes: [], edges: [] };

describe('embed addresses', () => {
  it('puts ?embed before the share fragment and drops the old query and fragment', () => {
    const url = embedUrl(scenario, 'https://example.org/app/?x=1#s=old');
    expect(url.startsWith('https://example.org/app/?embed#s=')).toBe(true);
    const decoded = decodeShareFragment(new URL(url).hash);
    expect(decoded.kind === 'ok' && decoded.scenario.name).toBe(scenario.name);
    expect(embedUrl(scenario, 'https://example.org/app/', { present: true })).toMatch(/\?embed&present#s=/);
  });
  it('escapes the snippet attributes', () => {
    const snippet = embedSnippet(scenario, 'https://example.org/app/', 'EventFlow player: A "quoted" <name>');
    expect(snippet).toMatch(/^<iframe src="https:\/\/example\.org\/app\/\?embed#s=[^"]+" title="EventFlow player: A &quot;quoted&quot; &lt;name&gt;"/);
    expect(snippet.endsWith('</iframe>')).toBe(true);
  });
  it('Open in EventFlow keeps the fragment and other parameters, without embed and present', () => {
    expect(fullAppUrl('https://example.org/app/?embed&present#s=abc')).toBe('https://example.org/app/#s=abc');
    expect(fullAppUrl('https://example.org/app/?embed&lang=zh#s=abc')).toBe('https://example.org/app/?lang=zh#s=abc');
    expect(isEmbedded('?embed&present')).toBe(true);
    expect(isPresenting('?embed')).toBe(false);
  });
});
