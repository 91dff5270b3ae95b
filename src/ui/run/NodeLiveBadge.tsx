// Live per-node badge on canvas nodes during a run: a queue's depth (filling bar), a handler's busy
// slots of its concurrency and throughput, a publisher's or topic's count. Renders nothing when idle.
import { useRef } from 'react';
import { useAppStore } from '../../store/store';
import type { RunMeta } from '../../worker/protocol';
import { useFormatNumber, useT } from '../i18n';
import './run.css';

const SLOT_DOTS_MAX = 8;
const indexCache = new WeakMap<RunMeta, Map<string, number>>();

function nodeIndex(meta: RunMeta | null, nodeId: string): number {
  if (!meta) return -1;
  let map = indexCache.get(meta);
  if (!map) indexCache.set(meta, (map = new Map(meta.nodes.map((n, i) => [n.id, i]))));
  return map.get(nodeId) ?? -1;
}

export function NodeLiveBadge({ nodeId }: { nodeId: string }) {
  const t = useT();
  const format = useFormatNumber();
  const index = useAppStore((s) => nodeIndex(s.runMeta, nodeId));
  const meta = useAppStore((s) => (index >= 0 ? s.runMeta?.nodes[index] : undefined));
  const depth = useAppStore((s) => (index >= 0 ? (s.liveSnapshot?.depth[index] ?? 0) : 0));
  const busy = useAppStore((s) => (index >= 0 ? (s.liveSnapshot?.busy[index] ?? 0) : 0));
  const count = useAppStore((s) => (index >= 0 ? (s.liveSnapshot?.count[index] ?? 0) : 0));
  const timeMs = useAppStore((s) => s.liveSnapshot?.timeMs ?? 0);
  const maxDepthSeen = useRef(1);
  if (!meta) return null;
  if (depth > maxDepthSeen.current) maxDepthSeen.current = depth;

  const rate = timeMs > 0 ? (count * 1000) / timeMs : 0;
  const describe = (text: string) => t('run.badge.title', { node: nodeId, text });

  if (meta.type === 'publisher' || meta.type === 'topic') {
    const text = meta.type === 'publisher' ? t('run.badge.published', { count: format(count, 0) }) : t('run.badge.received', { count: format(count, 0) });
    return (
      <div className="node-live" title={describe(text)}>
        <div className="node-live-row">
          <span>{text}</span>
          <span>{t('run.badge.rate', { rate: format(rate, 1) })}</span>
        </div>
      </div>
    );
  }

  if (meta.type === 'queue') {
    const capacity = meta.capacity;
    const scale = capacity !== undefined && capacity > 0 ? capacity : Math.max(maxDepthSeen.current, 10);
    const fill = Math.min(1, depth / scale);
    const text = capacity !== undefined ? t('run.badge.depthOf', { depth: format(depth, 0), capacity: format(capacity, 0) }) : t('run.badge.depth', { depth: format(depth, 0) });
    return (
      <div className="node-live" title={describe(text)}>
        <div className="node-live-row">
          <span>{text}</span>
          <span>{t('run.badge.received', { count: format(count, 0) })}</span>
        </div>
        <div className="node-live-bar">
          <div className={`node-live-fill${capacity !== undefined && depth >= capacity ? ' full' : ''}`} style={{ width: `${fill * 100}%` }} />
        </div>
      </div>
    );
  }

  const concurrency = meta.concurrency ?? 1;
  const busyText = t('run.badge.busy', { busy: format(busy, 0), concurrency: format(concurrency, 0) });
  return (
    <div className="node-live" title={describe(busyText)}>
      <div className="node-live-row">
        {concurrency <= SLOT_DOTS_MAX ? (
          <span className="node-live-slots" aria-label={busyText}>
            {Array.from({ length: concurrency }, (_, i) => (
              <span key={i} className={`node-live-slot${i < busy ? ' busy' : ''}`} />
            ))}
          </span>
        ) : (
          <span>{busyText}</span>
        )}
        {depth > 0 && <span>{t('run.badge.depth', { depth: format(depth, 0) })}</span>}
        <span>{t('run.badge.rate', { rate: format(rate, 1) })}</span>
      </div>
    </div>
  );
}
