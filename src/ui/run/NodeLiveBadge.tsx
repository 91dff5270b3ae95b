// A node's live badge during a run: reserves the space at the bottom of the node card that the token
// layer paints the live numbers into (see badgePainter.ts), and carries the same words for screen readers,
// refreshed whenever the run is not moving (paused, stepped, finished). Renders nothing without a run.
import { useRef } from 'react';
import type { Snapshot } from '../../engine/types';
import { useAppStore } from '../../store/store';
import type { RunMeta } from '../../worker/protocol';
import { useT } from '../i18n';
import { badgeTexts } from './badgePainter';
import './run.css';

const indexCache = new WeakMap<RunMeta, Map<string, number>>();

function nodeIndex(meta: RunMeta | null, nodeId: string): number {
  if (!meta) return -1;
  let map = indexCache.get(meta);
  if (!map) indexCache.set(meta, (map = new Map(meta.nodes.map((n, i) => [n.id, i]))));
  return map.get(nodeId) ?? -1;
}

export function NodeLiveBadge({ nodeId }: { nodeId: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const index = useAppStore((s) => nodeIndex(s.runMeta, nodeId));
  const meta = useAppStore((s) => (index >= 0 ? s.runMeta?.nodes[index] : undefined));
  const shown = useRef<Snapshot | null>(null);
  // while playing the canvas shows the numbers; the words follow once the run stands still
  const snapshot = useAppStore((s) => {
    const moving = s.runStatus === 'playing' || s.runStatus === 'running-to-end';
    if (!moving || shown.current === null) shown.current = s.snapshot;
    return shown.current;
  });
  if (!meta || !snapshot) return null;
  const texts = badgeTexts(language, meta, snapshot, index);
  return (
    <div className="node-live" data-live-node={nodeId}>
      <span className="visually-hidden">{t('run.badge.title', { node: nodeId, text: `${texts.left} · ${texts.right}` })}</span>
    </div>
  );
}
