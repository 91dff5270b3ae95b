// The example gallery: public/examples/index.json lists the files in order; each file carries its
// bilingual name, description, "what to notice" note, node labels and suggested speed in the `x-gallery`
// extension (the file's own name/labels stay English, so its report and CLI output never change).
import type { Scenario } from '../../model/types';
import { parseScenario } from '../../model/parse';
import type { Language } from '../../store/uiSlice';

export interface GalleryText { en: string; zh: string }

export interface GalleryMeta {
  /** the menu name (the scenario name when the file gives none) */
  name: GalleryText;
  title: GalleryText;
  description: GalleryText;
  notice: GalleryText;
  /** suggested playback speed, virtual ms per wall second */
  speed?: number;
  /** node id -> label in 中文 (`x-gallery.labels.zh`); a node left out keeps its file label */
  zhLabels: Record<string, string>;
}

export interface GalleryEntry {
  file: string;
  scenario: Scenario;
  meta: GalleryMeta;
}

export interface GalleryIndex { format: 'eventflow-gallery'; version: 1; examples: string[] }

const EMPTY_TEXT: GalleryText = { en: '', zh: '' };

function text(value: unknown): GalleryText {
  if (typeof value === 'string') return { en: value, zh: value };
  if (typeof value !== 'object' || value === null) return EMPTY_TEXT;
  const record = value as Record<string, unknown>;
  const en = typeof record.en === 'string' ? record.en : '';
  const zh = typeof record.zh === 'string' ? record.zh : en;
  return { en, zh };
}

/** Reads `x-gallery` leniently: missing parts become empty text (the scenario name and description stand in). */
export function galleryMeta(scenario: Scenario): GalleryMeta {
  const raw = scenario['x-gallery'];
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const title = text(record.title);
  const description = text(record.description);
  const fallback = scenario.description ?? '';
  const filled = (value: GalleryText, instead: string) => (value.en || value.zh ? value : { en: instead, zh: instead });
  const labels = record.labels as { zh?: unknown } | undefined;
  const zhLabels: Record<string, string> = {};
  if (labels && typeof labels.zh === 'object' && labels.zh !== null) {
    for (const [id, label] of Object.entries(labels.zh as Record<string, unknown>)) if (typeof label === 'string' && label) zhLabels[id] = label;
  }
  return {
    name: filled(text(record.name), scenario.name),
    title: filled(title, scenario.name),
    description: filled(description, fallback),
    notice: text(record.notice),
    speed: typeof record.speed === 'number' && record.speed > 0 ? record.speed : undefined,
    zhLabels,
  };
}

/** The example as opened in `language`: in 中文 its name, description and node labels come from `x-gallery`
 *  (ids, values and the extension itself are untouched); in English it is the file as it is. */
export function localizeExample(scenario: Scenario, meta: GalleryMeta, language: Language): Scenario {
  if (language !== 'zh') return scenario;
  return {
    ...scenario,
    name: pick(meta.name, 'zh'),
    description: pick(meta.description, 'zh') || scenario.description,
    nodes: scenario.nodes.map((node) => (meta.zhLabels[node.id] ? { ...node, label: meta.zhLabels[node.id] } : node)),
  };
}

export const pick = (value: GalleryText, language: Language): string => (language === 'zh' ? value.zh || value.en : value.en || value.zh);

/** Fetches a file of the examples folder, relative to the page (the app is built with base './'). */
async function fetchExample(name: string, baseUrl: string): Promise<unknown> {
  const response = await fetch(new URL(`examples/${name}`, baseUrl));
  if (!response.ok) throw new Error(`examples/${name}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

/** Loads the index and every example, in order. A damaged example file is left out (and named in the
 *  console) so the others stay available; only when none loads is it an error naming the first. */
export async function loadGallery(baseUrl: string): Promise<GalleryEntry[]> {
  const index = (await fetchExample('index.json', baseUrl)) as Partial<GalleryIndex>;
  const files = Array.isArray(index.examples) ? index.examples.filter((f): f is string => typeof f === 'string') : [];
  const settled = await Promise.allSettled(files.map(async (file): Promise<GalleryEntry> => {
    const parsed = parseScenario(await fetchExample(file, baseUrl));
    if (!parsed.ok) throw new Error(`examples/${file}: ${parsed.problems.map((p) => p.text).join('; ')}`);
    return { file, scenario: parsed.scenario, meta: galleryMeta(parsed.scenario) };
  }));
  const entries: GalleryEntry[] = [];
  const failures: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') entries.push(outcome.value);
    else failures.push(outcome.reason);
  }
  for (const failure of failures) console.warn('EventFlow: example left out of the gallery:', failure);
  if (entries.length === 0 && failures.length > 0) throw failures[0];
  return entries;
}
