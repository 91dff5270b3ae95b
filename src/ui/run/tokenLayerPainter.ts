// The token layer without React: owns the two canvases' drawing (tokens every frame, badges a few
// times a second), the edge and badge caches, loss flashes and the frame scheduler. The thin
// component (TokenLayer.tsx) feeds it the store and React Flow; tests feed it fakes.
import type { Snapshot } from '../../engine/types';
import type { Language } from '../../store/uiSlice';
import type { PackedTransit, RunMeta } from '../../worker/protocol';
import { eventHue } from '../canvas/summary';
import { badgeBox, BADGE_HEIGHT_PX, paintBadges } from './badgePainter';
import { addFlashes, paintFlashes, type Flash } from './flashes';
import { createFrameScheduler, type FrameScheduler, type FrameSource } from './frameScheduler';
import type { Paint2D } from './paint2d';
import { straightLine, type Box, type Point } from './tokenGeometry';
import { groupTokens, paintDots } from './tokenPainter';
import { FlightBoard } from './flights';
import { paintLanes, paintStack } from './queuePainter';
import { formatNumber, translate } from '../i18n';

/** what the painter reads from the run (the store's run slice, or a test's object) */
export interface RunView {
  runStatus: string;
  /** the diagram, for the names of partition owners */
  scenario: { nodes: readonly { id: string; label?: string }[] };
  runMeta: RunMeta | null;
  snapshot: Snapshot | null;
  liveSnapshot: Snapshot | null;
  tokens: PackedTransit | null;
  language: Language;
}

/** what the painter reads from the diagram on screen (React Flow and its DOM) */
export interface FlowView {
  /** [x, y, zoom] of the viewport */
  transform: () => readonly [number, number, number];
  nodeBox: (id: string) => Box | null;
  /** the drawn edge path sampled into a polyline (flow coordinates); null when it is not drawn */
  edgePath: (edgeId: string) => Float64Array | null;
  /** the badge's box relative to its node card, measured once per layout; null when not measurable */
  badgeOffset: (nodeId: string) => Box | null;
}

/** a canvas: its CSS size, its pixel size and its 2D context */
export interface Surface {
  readonly clientWidth: number;
  readonly clientHeight: number;
  width: number;
  height: number;
  readonly context: Paint2D;
  /** read by tests and the UI bench */
  readonly dataset: Record<string, string | undefined>;
}

export interface PainterDeps {
  tokens: Surface;
  badges: Surface;
  flow: FlowView;
  run: () => RunView;
  now: () => number;
  frames: FrameSource;
  devicePixelRatio: () => number;
}

export class TokenLayerPainter {
  private readonly edgeCache = new Map<string, Float64Array | null>();
  private readonly badgeCache = new Map<string, Box>();
  private readonly colours = new Map<string, string>();
  private readonly flashes: Flash[] = [];
  private readonly scheduler: FrameScheduler;
  private maxDepthSeen = new Float64Array(0);
  private maxDepthMeta: RunMeta | null = null;
  private lastSnapshot: Snapshot | null = null;
  private lastLive: Snapshot | null = null;
  private readonly flights = new FlightBoard();

  constructor(private readonly deps: PainterDeps) {
    this.scheduler = createFrameScheduler(deps.frames, ({ tokens, badges }) => {
      if (badges) this.drawBadges();
      if (tokens) this.drawTokens();
    });
    this.lastSnapshot = deps.run().snapshot;
    this.lastLive = deps.run().liveSnapshot;
    this.scheduler.request();
  }

  /** the run changed: a new snapshot redraws the tokens (and flashes its losses), a new live snapshot the badges */
  runChanged(): void {
    const state = this.deps.run();
    if (state.snapshot !== this.lastSnapshot) {
      this.lastSnapshot = state.snapshot;
      if (state.snapshot && state.runMeta) this.flights.observe(state.runMeta, state.snapshot.edgeCount, this.deps.now());
      else this.flights.clear();
      if (state.snapshot && state.runMeta && state.snapshot.losses.length > 0) this.flash(state.snapshot, state.runMeta);
      this.scheduler.request(true, state.snapshot === null);
    }
    if (state.liveSnapshot !== this.lastLive) {
      this.lastLive = state.liveSnapshot;
      this.scheduler.request(false, true);
    }
  }

  /** nodes or edges moved or changed: forget measured paths and badge boxes */
  layoutChanged(): void {
    this.edgeCache.clear();
    this.badgeCache.clear();
    this.scheduler.request();
  }

  /** the viewport panned or zoomed, or a canvas was resized */
  viewChanged(): void {
    this.scheduler.request();
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  private colourOf(event: string): string {
    let colour = this.colours.get(event);
    if (!colour) {
      colour = `hsl(${eventHue(event)} 72% 44%)`;
      this.colours.set(event, colour);
    }
    return colour;
  }

  private badgeOf(id: string): Box | null {
    const card = this.deps.flow.nodeBox(id);
    if (!card) return null;
    let offset = this.badgeCache.get(id);
    if (offset === undefined) {
      const measured = this.deps.flow.badgeOffset(id);
      if (!measured) return badgeBox(card);
      offset = { ...measured, height: BADGE_HEIGHT_PX };
      this.badgeCache.set(id, offset);
    }
    return { x: card.x + offset.x, y: card.y + offset.y, width: offset.width, height: offset.height };
  }

  /** the edge's drawn path, or a straight line between its nodes' cards */
  private lineOf(meta: RunMeta, edgeIndex: number): Float64Array | null {
    const edge = meta.edges[edgeIndex];
    if (!edge) return null;
    const cached = this.edgeCache.get(edge.id);
    if (cached !== undefined) return cached;
    let points = this.deps.flow.edgePath(edge.id);
    if (!points) {
      const source = this.deps.flow.nodeBox(meta.nodes[edge.source]?.id ?? '');
      const target = this.deps.flow.nodeBox(meta.nodes[edge.target]?.id ?? '');
      points = source && target ? straightLine(source, target) : null;
    }
    this.edgeCache.set(edge.id, points);
    return points;
  }

  private flash(snapshot: Snapshot, meta: RunMeta): void {
    const nodes = snapshot.losses.map((loss) => loss.node);
    addFlashes(this.flashes, nodes, (node) => this.deps.flow.nodeBox(meta.nodes[node]?.id ?? ''), this.deps.now());
  }

  /** sizes a canvas to its box, clears it and applies the viewport; false when there is nothing to draw */
  private prepare(surface: Surface): boolean {
    const dpr = this.deps.devicePixelRatio() || 1;
    const width = Math.round(surface.clientWidth * dpr);
    const height = Math.round(surface.clientHeight * dpr);
    if (surface.width !== width || surface.height !== height) {
      surface.width = width;
      surface.height = height;
    }
    const context = surface.context;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, surface.width, surface.height);
    const { runMeta, snapshot, runStatus } = this.deps.run();
    if (!runMeta || !snapshot || runStatus === 'idle') return false;
    const [tx, ty, zoom] = this.deps.flow.transform();
    context.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
    return true;
  }

  private drawBadges(): void {
    const surface = this.deps.badges;
    if (!this.prepare(surface)) return;
    const { runMeta, liveSnapshot, snapshot, language } = this.deps.run();
    if (!runMeta) return;
    if (this.maxDepthMeta !== runMeta) {
      this.maxDepthMeta = runMeta;
      this.maxDepthSeen = new Float64Array(runMeta.nodes.length);
    }
    const shown = liveSnapshot ?? snapshot;
    if (shown) paintBadges(surface.context, language, runMeta, shown, (id) => this.badgeOf(id), this.maxDepthSeen);
  }

  private drawTokens(): void {
    const surface = this.deps.tokens;
    if (!this.prepare(surface)) return;
    const state = this.deps.run();
    const { runMeta, tokens, snapshot } = state;
    if (!runMeta || !tokens || !snapshot) return;
    const zoom = this.deps.flow.transform()[2];
    const now = this.deps.now();
    this.paintQueues(surface.context, state, runMeta, snapshot);
    const lineOf = (edge: number) => this.lineOf(runMeta, edge);
    const colourOf = (event: number) => this.colourOf(runMeta.tokenEvents[event] ?? '');
    const byColour = groupTokens(tokens, lineOf, colourOf, new Map<string, Point[]>());
    const flying = this.flights.at(now);
    groupTokens(flying, lineOf, colourOf, byColour);
    if (surface.dataset.tokens !== String(tokens.count)) surface.dataset.tokens = String(tokens.count); // read by bench/ui.bench.ts
    if (surface.dataset.flights !== String(flying.count)) surface.dataset.flights = String(flying.count); // read by e2e/motion.spec.ts
    paintDots(surface.context, byColour, zoom);
    const fading = paintFlashes(surface.context, this.flashes, now, zoom);
    if (fading || this.flights.count > 0) this.scheduler.request(true, false);
  }

  /** stored copies: a row of dots above each queue's card; a lane per partition under a partitioned one */
  private paintQueues(context: Paint2D, state: RunView, meta: RunMeta, snapshot: Snapshot): void {
    const { language } = state;
    const number = (value: number) => formatNumber(language, value, 0);
    const laneOf = new Map((snapshot.lanes ?? []).map((lane) => [lane.node, lane]));
    let stored = 0;
    let lanes = 0;
    meta.nodes.forEach((node, index) => {
      if (node.type !== 'queue' && !(node.type === 'handler' && (snapshot.depth[index] ?? 0) > 0)) return;
      const card = this.deps.flow.nodeBox(node.id);
      if (!card) return;
      const feeder = meta.edges.find((edge) => edge.target === index);
      const colour = this.colourOf(meta.tokenEvents[feeder?.event ?? -1] ?? '');
      const lane = laneOf.get(index);
      if (!lane) {
        stored += snapshot.depth[index] ?? 0;
        paintStack(context, card, snapshot.depth[index] ?? 0, colour, number(snapshot.depth[index] ?? 0));
        return;
      }
      const nameOf = (owner: number): string | null => {
        const id = meta.nodes[owner]?.id;
        if (id === undefined) return null;
        return state.scenario.nodes.find((n) => n.id === id)?.label || id;
      };
      paintLanes(context, card, lane.depth.map((depth, p) => ({ depth, owner: nameOf(lane.owner[p]) })), colour, {
        partition: (p) => translate(language, 'seeing.partition', { p }),
        count: (n) => translate(language, 'seeing.stored', { count: number(n) }),
        owner: (name) => (name === null ? translate(language, 'seeing.noOwner') : translate(language, 'seeing.owner', { owner: name })),
      });
      stored += lane.depth.reduce((sum, depth) => sum + depth, 0);
      lanes += lane.depth.length;
    });
    // read by e2e/motion.spec.ts: partition lanes drawn, stored copies shown
    const dataset = this.deps.tokens.dataset;
    if (dataset.lanes !== String(lanes)) dataset.lanes = String(lanes);
    if (dataset.stored !== String(stored)) dataset.stored = String(stored);
  }
}
