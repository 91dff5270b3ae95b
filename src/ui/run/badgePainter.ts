// Draws every node's live badge (a queue's depth and fill bar, a handler's busy slots, counts and rates)
// on the token layer's canvas, into the space NodeLiveBadge reserves at the bottom of each node card.
// Canvas instead of DOM text: 100 badges changing every frame would repaint the whole diagram each frame.
import type { Snapshot } from '../../engine/types';
import type { Language } from '../../store/uiSlice';
import type { RunMeta } from '../../worker/protocol';
import { formatNumber, translate } from '../i18n';
import type { Paint2D } from './paint2d';
import type { Box } from './tokenGeometry';

export type { Box };

/** the badge's box inside a node card: NodeLiveBadge's reserved block above the card's bottom padding */
export const BADGE_HEIGHT_PX = 24;
const CARD_PADDING_X = 12;
const CARD_PADDING_BOTTOM = 9;
const SLOT_DOTS_MAX = 8;
const MUTED = '#5d6675';
const TRACK = '#f0f2f5';
const ACCENT = '#2f6fde';
const LOSS = '#d0342c';

export function badgeBox(node: Box): Box {
  return { x: node.x + CARD_PADDING_X, y: node.y + node.height - CARD_PADDING_BOTTOM - BADGE_HEIGHT_PX, width: node.width - 2 * CARD_PADDING_X, height: BADGE_HEIGHT_PX };
}

/** the words of one node's badge (also the screen-reader text of NodeLiveBadge) */
export function badgeTexts(language: Language, meta: RunMeta['nodes'][number], snapshot: Snapshot, index: number): { left: string; right: string; fill?: number; busy?: number } {
  const n = (value: number, digits = 0) => formatNumber(language, value, digits);
  const count = snapshot.count[index] ?? 0;
  const depth = snapshot.depth[index] ?? 0;
  const rate = snapshot.timeMs > 0 ? (count * 1000) / snapshot.timeMs : 0;
  const rateText = translate(language, 'run.badge.rate', { rate: n(rate, 1) });
  switch (meta.type) {
    case 'publisher':
      return { left: translate(language, 'run.badge.published', { count: n(count) }), right: rateText };
    case 'topic':
      return { left: translate(language, 'run.badge.received', { count: n(count) }), right: rateText };
    case 'queue':
      return {
        left: meta.capacity !== undefined ? translate(language, 'run.badge.depthOf', { depth: n(depth), capacity: n(meta.capacity) }) : translate(language, 'run.badge.depth', { depth: n(depth) }),
        right: translate(language, 'run.badge.received', { count: n(count) }),
        fill: depth,
      };
    case 'handler': {
      const busy = snapshot.busy[index] ?? 0;
      const busyText = translate(language, 'run.badge.busy', { busy: n(busy), concurrency: n(meta.concurrency ?? 1) });
      const waiting = depth > 0 ? ` · ${translate(language, 'run.badge.depth', { depth: n(depth) })}` : '';
      return { left: busyText + waiting, right: rateText, busy };
    }
  }
}

/** paints all badges into the boxes `badgeOf` gives (flow coordinates); `maxDepthSeen` (per node) scales the fill bar of unbounded queues */
export function paintBadges(context: Paint2D, language: Language, meta: RunMeta, snapshot: Snapshot, badgeOf: (id: string) => Box | null, maxDepthSeen: Float64Array): void {
  context.font = '11px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif';
  context.textBaseline = 'middle';
  meta.nodes.forEach((node, index) => {
    const box = badgeOf(node.id);
    if (!box) return;
    const texts = badgeTexts(language, node, snapshot, index);
    const textY = box.y + 9;
    context.fillStyle = MUTED;
    context.textAlign = 'right';
    context.fillText(texts.right, box.x + box.width, textY);
    context.textAlign = 'left';
    if (node.type === 'handler' && (node.concurrency ?? 1) <= SLOT_DOTS_MAX) {
      const slots = node.concurrency ?? 1;
      for (let i = 0; i < slots; i++) {
        context.beginPath();
        context.arc(box.x + 4 + i * 11, textY, 4, 0, Math.PI * 2);
        context.fillStyle = i < (texts.busy ?? 0) ? ACCENT : '#ffffff';
        context.fill();
        context.strokeStyle = i < (texts.busy ?? 0) ? ACCENT : '#b8bfc9';
        context.lineWidth = 1;
        context.stroke();
      }
      const depth = snapshot.depth[index] ?? 0;
      if (depth > 0) {
        context.fillStyle = MUTED;
        context.fillText(translate(language, 'run.badge.depth', { depth: formatNumber(language, depth, 0) }), box.x + slots * 11 + 6, textY);
      }
    } else {
      context.fillText(texts.left, box.x, textY);
    }
    if (texts.fill !== undefined) {
      const depth = texts.fill;
      if (depth > maxDepthSeen[index]) maxDepthSeen[index] = depth;
      const scale = node.capacity !== undefined && node.capacity > 0 ? node.capacity : Math.max(maxDepthSeen[index], 10);
      const barY = box.y + 18;
      context.fillStyle = TRACK;
      context.fillRect(box.x, barY, box.width, 4);
      context.fillStyle = node.capacity !== undefined && depth >= node.capacity ? LOSS : ACCENT;
      context.fillRect(box.x, barY, box.width * Math.min(1, depth / scale), 4);
    }
  });
}
