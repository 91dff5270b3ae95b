// Reading the gallery notes (`x-gallery`) leniently, and picking the text for a language.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { galleryMeta, pick } from './gallery';

const base: Scenario = { format: 'eventflow-scenario', version: 1, name: 'Plain', description: 'Only a description.', nodes: [], edges: [] };

describe('galleryMeta', () => {
  it('reads bilingual notes and the suggested speed', () => {
    const meta = galleryMeta({ ...base, 'x-gallery': { title: { en: 'T', zh: '标题' }, description: { en: 'D', zh: '描述' }, notice: { en: 'N', zh: '看' }, speed: 250 } });
    expect(meta).toEqual({ title: { en: 'T', zh: '标题' }, description: { en: 'D', zh: '描述' }, notice: { en: 'N', zh: '看' }, speed: 250 });
  });

  it('falls back to the scenario name and description, and ignores what it cannot read', () => {
    expect(galleryMeta(base)).toEqual({ title: { en: 'Plain', zh: 'Plain' }, description: { en: 'Only a description.', zh: 'Only a description.' }, notice: { en: '', zh: '' }, speed: undefined });
    const odd = galleryMeta({ ...base, 'x-gallery': { title: 42, notice: { en: 'English only' }, speed: -3 } });
    expect(odd.title).toEqual({ en: 'Plain', zh: 'Plain' });
    expect(odd.notice).toEqual({ en: 'English only', zh: 'English only' });
    expect(odd.speed).toBeUndefined();
  });
});

describe('pick', () => {
  it('uses the language asked for, else the other one', () => {
    expect(pick({ en: 'a', zh: '甲' }, 'zh')).toBe('甲');
    expect(pick({ en: 'a', zh: '' }, 'zh')).toBe('a');
    expect(pick({ en: '', zh: '甲' }, 'en')).toBe('甲');
  });
});
