// Stored messages made visible: a queue's copies as a row of stacked dots above its card with the count,
// and for a partitioned queue one lane per partition under the card (depth dots, count, and the handler
// that reads it: the partition's owner). Pure painting into flow coordinates.
import type { Paint2D } from './paint2d';
import type { Box } from './tokenGeometry';

/** most dots a row shows; the number says the rest */
export const STACK_DOTS_MAX = 12;
/** most dots a partition lane shows (its owner needs the rest of the width) */
const LANE_DOTS_MAX = 5;
const DOT_RADIUS = 3.5;
const DOT_STEP = 8;
export const LANE_HEIGHT = 15;
const MUTED = '#5d6675';
const LANE_TRACK = '#eef1f5';
const FONT = '10.5px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export interface LaneView {
  depth: number;
  /** the owner's name, or null when no handler has read the partition yet */
  owner: string | null;
}

/** the dots a row shows for `count` stored copies */
export function stackDots(count: number): number {
  return Math.max(0, Math.min(STACK_DOTS_MAX, Math.floor(count)));
}

/** one row of dots from (x, y) rightwards and the count after them; returns where the row ends */
function row(context: Paint2D, x: number, y: number, count: number, colour: string, numberText: string, most = STACK_DOTS_MAX): number {
  const dots = Math.min(most, stackDots(count));
  if (dots > 0) {
    context.beginPath();
    for (let i = 0; i < dots; i++) {
      const cx = x + DOT_RADIUS + i * DOT_STEP;
      context.moveTo(cx + DOT_RADIUS, y);
      context.arc(cx, y, DOT_RADIUS, 0, Math.PI * 2);
    }
    context.fillStyle = colour;
    context.fill();
  }
  const start = x + dots * DOT_STEP + 3;
  context.fillStyle = MUTED;
  context.textAlign = 'left';
  context.fillText(numberText, start, y);
  return start + context.measureText(numberText).width;
}

/** `text` cut with an ellipsis to fit `width` */
export function fitText(context: Pick<Paint2D, 'measureText'>, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n)}…`;
    if (context.measureText(cut).width <= width) return cut;
  }
  return '';
}

/** a queue's stored copies as dots along the top of its card (nothing when empty) */
export function paintStack(context: Paint2D, card: Box, depth: number, colour: string, countText: string): void {
  if (depth <= 0) return;
  context.font = FONT;
  context.textBaseline = 'middle';
  row(context, card.x + 4, card.y - 7, depth, colour, countText);
}

/** one lane per partition under the card: "P0 ●●● 3 → owner" */
export function paintLanes(context: Paint2D, card: Box, lanes: readonly LaneView[], colour: string, texts: { partition: (p: number) => string; count: (n: number) => string; owner: (name: string | null) => string }): void {
  context.font = FONT;
  context.textBaseline = 'middle';
  lanes.forEach((lane, p) => {
    const top = card.y + card.height + 4 + p * LANE_HEIGHT;
    const y = top + LANE_HEIGHT / 2 - 1;
    context.fillStyle = LANE_TRACK;
    context.fillRect(card.x, top, card.width, LANE_HEIGHT - 2);
    context.fillStyle = MUTED;
    context.textAlign = 'left';
    const name = texts.partition(p);
    context.fillText(name, card.x + 3, y);
    const end = row(context, card.x + 8 + context.measureText(name).width, y, lane.depth, colour, texts.count(lane.depth), LANE_DOTS_MAX);
    context.textAlign = 'right';
    context.fillStyle = lane.owner === null ? '#8a93a1' : '#2a3140';
    const ownerText = fitText(context, texts.owner(lane.owner), card.x + card.width - 3 - (end + 6));
    if (ownerText) context.fillText(ownerText, card.x + card.width - 3, y);
  });
}
