// The canvas overlay that draws messages in transit as tokens moving along edges, one <canvas> for all
// of them (coloured by event type), and red flashes where drops, expiries, dead letters and failures
// happen. Drawn imperatively from store and React Flow subscriptions: no React render per frame or token.
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Snapshot } from '../../engine/types';
import { useAppStore } from '../../store/store';
import type { RunMeta } from '../../worker/protocol';
import { eventHue } from '../canvas/summary';
import { edgePoint, FLASH_MS, type Point } from './tokenGeometry';
import { badgeBox, BADGE_HEIGHT_PX, paintBadges, type Box } from './badgePainter';
import './run.css';

const SAMPLES = 24;
const TOKEN_RADIUS = 6;

interface Flash { node: number; x: number; y: number; startMs: number }

export function TokenLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const badgeCanvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    const badgeCanvas = badgeCanvasRef.current;
    const badgeContext = badgeCanvas?.getContext('2d');
    if (!canvas || !context || !badgeCanvas || !badgeContext) return;
    const container = canvas.parentElement;
    const edgeCache = new Map<string, Float64Array | null>();
    const badgeCache = new Map<string, Box>();
    let maxDepthSeen = new Float64Array(0);
    let maxDepthMeta: RunMeta | null = null;
    const colours = new Map<string, string>();
    const flashes: Flash[] = [];
    let frame: number | null = null;
    let lastSnapshot: Snapshot | null = null;

    const colourOf = (event: string): string => {
      let colour = colours.get(event);
      if (!colour) {
        colour = `hsl(${eventHue(event)} 72% 44%)`;
        colours.set(event, colour);
      }
      return colour;
    };

    const nodeBox = (id: string): { x: number; y: number; width: number; height: number } | null => {
      const internal = flowStore.getState().nodeLookup.get(id);
      if (!internal) return null;
      const { x, y } = internal.internals.positionAbsolute;
      return { x, y, width: internal.measured.width ?? 180, height: internal.measured.height ?? 60 };
    };

    /** where NodeLiveBadge reserved its space, in flow coordinates: its offset inside the node element, measured
     *  from the DOM once per layout (both rectangles from the same layout, so a viewport change in flight cannot skew it) */
    const badgeOf = (id: string): Box | null => {
      const card = nodeBox(id);
      if (!card) return null;
      let offset = badgeCache.get(id);
      if (offset === undefined) {
        const selector = CSS.escape(id);
        const element = container?.querySelector<HTMLElement>(`[data-live-node="${selector}"]`);
        const nodeElement = container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${selector}"]`);
        if (!element || !nodeElement || nodeElement.offsetWidth === 0) return badgeBox(card);
        const rect = element.getBoundingClientRect();
        const nodeRect = nodeElement.getBoundingClientRect();
        const scale = nodeRect.width / nodeElement.offsetWidth;
        offset = { x: (rect.left - nodeRect.left) / scale, y: (rect.top - nodeRect.top) / scale, width: rect.width / scale, height: BADGE_HEIGHT_PX };
        badgeCache.set(id, offset);
      }
      return { x: card.x + offset.x, y: card.y + offset.y, width: offset.width, height: offset.height };
    };

    /** the edge's drawn path sampled into SAMPLES+1 points (flow coordinates), or a straight line between the nodes */
    const edgePolyline = (meta: RunMeta, edgeIndex: number): Float64Array | null => {
      const edge = meta.edges[edgeIndex];
      if (!edge) return null;
      const cached = edgeCache.get(edge.id);
      if (cached !== undefined) return cached;
      let points: Float64Array | null = null;
      const path = container?.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edge.id)}"] path.react-flow__edge-path`);
      if (path) {
        const length = path.getTotalLength();
        points = new Float64Array((SAMPLES + 1) * 2);
        for (let i = 0; i <= SAMPLES; i++) {
          const p = path.getPointAtLength((length * i) / SAMPLES);
          points[2 * i] = p.x;
          points[2 * i + 1] = p.y;
        }
      } else {
        const source = nodeBox(meta.nodes[edge.source]?.id ?? '');
        const target = nodeBox(meta.nodes[edge.target]?.id ?? '');
        if (source && target) points = Float64Array.of(source.x + source.width, source.y + source.height / 2, target.x, target.y + target.height / 2);
      }
      edgeCache.set(edge.id, points);
      return points;
    };

    /** sizes a canvas to its box, clears it and applies the React Flow viewport; false when there is nothing to draw */
    const prepare = (target: HTMLCanvasElement, ctx: CanvasRenderingContext2D): boolean => {
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(target.clientWidth * dpr);
      const height = Math.round(target.clientHeight * dpr);
      if (target.width !== width || target.height !== height) {
        target.width = width;
        target.height = height;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, target.width, target.height);
      const { runMeta, snapshot, runStatus } = useAppStore.getState();
      if (!runMeta || !snapshot || runStatus === 'idle') return false;
      const [tx, ty, zoom] = flowStore.getState().transform;
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      return true;
    };

    /** the badges change a few times a second (liveSnapshot); drawn on their own canvas so tokens do not redraw text */
    const drawBadges = (): void => {
      if (!prepare(badgeCanvas, badgeContext)) return;
      const { runMeta, liveSnapshot, snapshot, language } = useAppStore.getState();
      if (!runMeta) return;
      if (maxDepthMeta !== runMeta) {
        maxDepthMeta = runMeta;
        maxDepthSeen = new Float64Array(runMeta.nodes.length);
      }
      paintBadges(badgeContext, language, runMeta, liveSnapshot ?? snapshot!, badgeOf, maxDepthSeen);
    };

    const drawTokens = (): void => {
      if (!prepare(canvas, context)) return;
      const { runMeta, tokens } = useAppStore.getState();
      if (!runMeta || !tokens) return;
      const zoom = flowStore.getState().transform[2];
      const radius = Math.max(TOKEN_RADIUS, 3 / zoom);
      // tokens, grouped by colour so each colour is one fill
      const byColour = new Map<string, Point[]>();
      for (let i = 0; i < tokens.count; i++) {
        const line = edgePolyline(runMeta, tokens.edge[i]);
        if (!line) continue;
        const point = edgePoint(line, tokens.progress[i]);
        const colour = colourOf(runMeta.tokenEvents[tokens.event[i]] ?? '');
        let list = byColour.get(colour);
        if (!list) byColour.set(colour, (list = []));
        list.push(point);
      }
      if (canvas.dataset.tokens !== String(tokens.count)) canvas.dataset.tokens = String(tokens.count); // read by bench/ui.bench.ts
      context.lineWidth = 1.5 / zoom;
      context.strokeStyle = '#ffffff';
      for (const [colour, points] of byColour) {
        context.beginPath();
        for (const p of points) {
          context.moveTo(p.x + radius, p.y);
          context.arc(p.x, p.y, radius, 0, Math.PI * 2);
        }
        context.fillStyle = colour;
        context.fill();
        context.stroke();
      }
      // loss flashes: a red ring growing and fading where the loss happened
      const now = performance.now();
      for (let i = flashes.length - 1; i >= 0; i--) if (now - flashes[i].startMs > FLASH_MS) flashes.splice(i, 1);
      for (const flash of flashes) {
        const age = (now - flash.startMs) / FLASH_MS;
        context.beginPath();
        context.arc(flash.x, flash.y, 14 + 26 * age, 0, Math.PI * 2);
        context.strokeStyle = `rgba(208, 52, 44, ${1 - age})`;
        context.lineWidth = 3 / zoom;
        context.stroke();
      }
      if (flashes.length > 0) requestDraw(true, false);
    };

    let tokensDirty = false;
    let badgesDirty = false;
    const paint = (): void => {
      frame = null;
      if (badgesDirty) drawBadges();
      if (tokensDirty) {
        tokensDirty = false;
        drawTokens();
      }
      badgesDirty = false;
    };
    const requestDraw = (tokensToo = true, badgesToo = true): void => {
      tokensDirty ||= tokensToo;
      badgesDirty ||= badgesToo;
      if (frame === null) frame = requestAnimationFrame(paint);
    };

    /** one flash per node at a time: a node losing messages every frame pulses instead of smearing rings */
    const addFlashes = (snapshot: Snapshot, meta: RunMeta): void => {
      const now = performance.now();
      for (const loss of snapshot.losses) {
        if (flashes.length > 64 || flashes.some((f) => f.node === loss.node && now - f.startMs < FLASH_MS / 2)) continue;
        const box = nodeBox(meta.nodes[loss.node]?.id ?? '');
        if (box) flashes.push({ node: loss.node, x: box.x + box.width / 2, y: box.y + box.height / 2, startMs: now });
      }
    };

    let lastLive: Snapshot | null = null;
    const unsubscribeRun = useAppStore.subscribe((state) => {
      if (state.snapshot !== lastSnapshot) {
        lastSnapshot = state.snapshot;
        if (state.snapshot && state.runMeta && state.snapshot.losses.length > 0) addFlashes(state.snapshot, state.runMeta);
        requestDraw(true, state.snapshot === null);
      }
      if (state.liveSnapshot !== lastLive) {
        lastLive = state.liveSnapshot;
        requestDraw(false, true);
      }
    });
    let lastTransform = flowStore.getState().transform;
    // React Flow mutates nodeLookup in place; the nodes and edges arrays change identity on every layout change
    let lastNodeLookup = flowStore.getState().nodeLookup;
    let lastNodes = flowStore.getState().nodes;
    let lastEdges = flowStore.getState().edges;
    const unsubscribeFlow = flowStore.subscribe((state) => {
      if (state.nodeLookup !== lastNodeLookup || state.nodes !== lastNodes || state.edges !== lastEdges) {
        lastNodeLookup = state.nodeLookup;
        lastNodes = state.nodes;
        lastEdges = state.edges;
        edgeCache.clear();
        badgeCache.clear();
        requestDraw();
      }
      if (state.transform !== lastTransform) {
        lastTransform = state.transform;
        requestDraw();
      }
    });
    const observer = new ResizeObserver(() => requestDraw());
    observer.observe(canvas);
    requestDraw();
    return () => {
      unsubscribeRun();
      unsubscribeFlow();
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [flowStore]);

  return (
    <>
      <canvas ref={badgeCanvasRef} className="token-layer" aria-hidden="true" data-testid="badge-layer" />
      <canvas ref={canvasRef} className="token-layer" aria-hidden="true" data-testid="token-layer" />
    </>
  );
}
