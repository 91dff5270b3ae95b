// Diagram export as PNG and SVG: what the canvas shows, without the UI chrome. React Flow's recommended
// way: html-to-image on `.react-flow__viewport`, framed with getViewportForBounds around the nodes.
import { getViewportForBounds, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type ImageKind = 'png' | 'svg';

/** Space around the diagram in the image, px. */
const MARGIN_PX = 32;
/** The image is drawn at zoom 1 unless the diagram is wider or taller than this. */
const MAX_SIDE_PX = 4000;
const MIN_SIDE_PX = 160;
/** Elements drawn inside the viewport that are UI, not diagram (handles, selection boxes, toolbars). */
const CHROME = ['react-flow__handle', 'react-flow__nodesselection', 'react-flow__resize-control', 'react-flow__node-toolbar', 'react-flow__edgeupdater'];

/** Translation of an element from its CSS transform (React Flow places nodes with translate()). */
function translation(element: HTMLElement): { x: number; y: number } {
  const transform = getComputedStyle(element).transform;
  if (!transform || transform === 'none') return { x: 0, y: 0 };
  const matrix = new DOMMatrixReadOnly(transform);
  return { x: matrix.m41, y: matrix.m42 };
}

/** Bounds of every rendered node, in flow coordinates (unscaled sizes). */
export function diagramBounds(viewport: HTMLElement): Rect | null {
  const nodes = Array.from(viewport.querySelectorAll<HTMLElement>('.react-flow__node'));
  if (nodes.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { x, y } = translation(node);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + node.offsetWidth);
    maxY = Math.max(maxY, y + node.offsetHeight);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

const keep = (node: HTMLElement): boolean => !(node.classList && CHROME.some((name) => node.classList.contains(name)));

/** Renders the diagram under `root` (the canvas region) as a data URL; null when there is nothing to draw. */
export async function renderDiagram(root: ParentNode, kind: ImageKind): Promise<string | null> {
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  const bounds = viewport && diagramBounds(viewport);
  if (!viewport || !bounds) return null;
  const zoom = Math.min(1, MAX_SIDE_PX / Math.max(bounds.width, bounds.height));
  const width = Math.max(MIN_SIDE_PX, Math.round(bounds.width * zoom + 2 * MARGIN_PX));
  const height = Math.max(MIN_SIDE_PX, Math.round(bounds.height * zoom + 2 * MARGIN_PX));
  const frame = getViewportForBounds(bounds, width, height, zoom, zoom, `${MARGIN_PX}px`);
  const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  const options = {
    width,
    height,
    filter: keep,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${frame.x}px, ${frame.y}px) scale(${frame.zoom})` },
  };
  // PNG: the canvas colour behind the diagram. SVG: transparent (a background set on the transformed
  // viewport would move with it and leave a bare strip).
  return kind === 'png' ? toPng(viewport, { ...options, backgroundColor: background, pixelRatio: 2 }) : toSvg(viewport, options);
}

/** A data URL as a Blob (toSvg's URL is percent-encoded text, toPng's is base64). */
export async function dataUrlToBlob(dataUrl: string): Promise<Blob> {
  const response = await fetch(dataUrl);
  return response.blob();
}
