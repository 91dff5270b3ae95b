// What the token layer reads from React Flow and its DOM: the viewport, node cards, drawn edge paths
// (sampled) and where each node's live badge sits inside its card.
import type { useStoreApi } from '@xyflow/react';
import type { FlowView } from './tokenLayerPainter';
import { samplePath, type Box } from './tokenGeometry';

type FlowStore = ReturnType<typeof useStoreApi>;

export function flowView(flowStore: FlowStore, container: HTMLElement | null): FlowView {
  const nodeBox = (id: string): Box | null => {
    const internal = flowStore.getState().nodeLookup.get(id);
    if (!internal) return null;
    const { x, y } = internal.internals.positionAbsolute;
    return { x, y, width: internal.measured.width ?? 180, height: internal.measured.height ?? 60 };
  };
  return {
    transform: () => flowStore.getState().transform,
    nodeBox,
    edgePath: (edgeId) => {
      const path = container?.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"] path.react-flow__edge-path`);
      if (!path) return null;
      return samplePath(path.getTotalLength(), (distance) => path.getPointAtLength(distance));
    },
    // both rectangles from the same layout, so a viewport change in flight cannot skew the offset
    badgeOffset: (id) => {
      const selector = CSS.escape(id);
      const element = container?.querySelector<HTMLElement>(`[data-live-node="${selector}"]`);
      const nodeElement = container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${selector}"]`);
      if (!element || !nodeElement || nodeElement.offsetWidth === 0) return null;
      const rect = element.getBoundingClientRect();
      const nodeRect = nodeElement.getBoundingClientRect();
      const scale = nodeRect.width / nodeElement.offsetWidth;
      return { x: (rect.left - nodeRect.left) / scale, y: (rect.top - nodeRect.top) / scale, width: rect.width / scale, height: rect.height / scale };
    },
  };
}
