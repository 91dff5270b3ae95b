// Short, translated one-line summaries of a node's key parameters and of distributions, arrivals and
// edge labels, e.g. `Poisson 900/s · limit 10,000` or `×2 · exp 5 ms · 1% fail`.
import type { Arrival, Distribution } from '../../engine/types';
import type { ScenarioEdge, ScenarioNode } from '../../model/types';
import type { TFunction } from '../i18n';

const compactFormats = new Map<number, Intl.NumberFormat>();

/** A number for a summary line: whole above 100, 2 decimals above 1, 3 below (en and zh-CN group alike). */
function n(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  let format = compactFormats.get(digits);
  if (!format) compactFormats.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return format.format(value);
}

export function distributionShort(t: TFunction, d: Distribution): string {
  switch (d.kind) {
    case 'constant': return t('editor.dist.short.constant', { value: n(d.value) });
    case 'exponential': return t('editor.dist.short.exponential', { mean: n(d.mean) });
    case 'uniform': return t('editor.dist.short.uniform', { min: n(d.min), max: n(d.max) });
    case 'normal': return t('editor.dist.short.normal', { mean: n(d.mean), sd: n(d.sd) });
    case 'lognormal': return t('editor.dist.short.lognormal', { mean: n(d.mean), sd: n(d.sd) });
    case 'erlang': return t('editor.dist.short.erlang', { k: d.k, mean: n(d.mean) });
    case 'empirical': return t('editor.dist.short.empirical', { count: d.values.length });
  }
}

export function arrivalShort(t: TFunction, a: Arrival): string {
  switch (a.kind) {
    case 'poisson': return t('editor.arrival.short.poisson', { rate: n(a.ratePerSecond) });
    case 'constant': return t('editor.arrival.short.constant', { rate: n(a.ratePerSecond) });
    case 'interval': return t('editor.arrival.short.interval', { gap: distributionShort(t, a.gap) });
    case 'burst': return t('editor.arrival.short.burst', { size: a.size, every: n(a.every) });
    case 'schedule': return t('editor.arrival.short.schedule', { count: a.times.length });
    case 'profile': return t('editor.arrival.short.profile', { count: a.points.length, peak: n(Math.max(...a.points.map((pt) => pt[1]))) });
  }
}

/** The key parameters of a node at a glance. */
export function nodeSummary(t: TFunction, node: ScenarioNode, outDegree = 0): string {
  const parts: string[] = [];
  switch (node.type) {
    case 'publisher':
      parts.push(arrivalShort(t, node.arrival));
      if (node.limit !== undefined) parts.push(t('editor.summary.limit', { limit: node.limit }));
      if (node.end !== undefined) parts.push(t('editor.summary.until', { end: n(node.end) }));
      if (node.keys !== undefined) parts.push(t('editor.summary.keys', { keys: node.keys }));
      break;
    case 'topic':
      parts.push(outDegree > 1 ? t('editor.summary.fanOut', { count: outDegree }) : t('editor.summary.eventType'));
      break;
    case 'queue':
      parts.push(node.capacity === undefined ? t('editor.summary.unbounded') : t('editor.summary.capacity', { capacity: node.capacity }));
      if (node.capacity !== undefined || node.overflow) parts.push(t(`editor.overflow.${node.overflow ?? 'reject'}`));
      if (node.partitions !== undefined) parts.push(t('editor.summary.partitions', { count: node.partitions }));
      if (node.ttl !== undefined) parts.push(t('editor.summary.ttl', { ttl: n(node.ttl) }));
      break;
    case 'handler':
      parts.push(t('editor.summary.concurrency', { count: node.concurrency ?? 1 }));
      parts.push(distributionShort(t, node.service));
      if (node.failureRate) parts.push(t('editor.summary.failure', { percent: n(round(node.failureRate * 100)) }));
      if (node.retry && node.retry.maxAttempts > 1) parts.push(t('editor.summary.retry', { count: node.retry.maxAttempts }));
      break;
  }
  return parts.join(' · ');
}

export function edgeLabel(t: TFunction, edge: ScenarioEdge): string {
  const parts: string[] = [];
  if (edge.latency) parts.push(distributionShort(t, edge.latency));
  if (edge.probability !== undefined && edge.probability !== 1) parts.push(t('editor.summary.probability', { percent: n(round(edge.probability * 100)) }));
  return parts.join(' · ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Name shown for a node: its label, else its id. */
export function displayName(node: ScenarioNode): string {
  return node.label && node.label.length > 0 ? node.label : node.id;
}

/** The event type of a topic or publisher (spec: label, else id; a publisher's `event` first). */
export function eventTypeOf(node: ScenarioNode): string | null {
  if (node.type === 'topic') return displayName(node);
  if (node.type === 'publisher' || node.type === 'handler') return node.event ?? displayName(node);
  return null;
}

/** One stable hue per event type name (0..359), for topics, tokens and legends. */
export function eventHue(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 360;
}

/** What a screen reader hears for a node on the canvas: its type, name and key parameters. */
export function nodeAriaLabel(t: TFunction, node: ScenarioNode, outDegree: number): string {
  return t('editor.canvas.nodeAria', { type: t(`editor.type.${node.type}`), name: displayName(node), summary: nodeSummary(t, node, outDegree) });
}
