// The canvas overlay over the diagram during a run: messages in transit as tokens moving along edges,
// loss flashes and the nodes' live badges. A thin component: the drawing lives in TokenLayerPainter
// (no React); this wires it to the store, React Flow and the two <canvas> elements.
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useAppStore } from '../../store/store';
import { flowView } from './flowView';
import { TokenLayerPainter, type Surface } from './tokenLayerPainter';
import './run.css';

function surfaceOf(canvas: HTMLCanvasElement): Surface | null {
  const context = canvas.getContext('2d');
  if (!context) return null;
  return {
    get clientWidth() { return canvas.clientWidth; },
    get clientHeight() { return canvas.clientHeight; },
    get width() { return canvas.width; },
    set width(value: number) { canvas.width = value; },
    get height() { return canvas.height; },
    set height(value: number) { canvas.height = value; },
    context,
    dataset: canvas.dataset,
  };
}

export function TokenLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const badgeCanvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const badgeCanvas = badgeCanvasRef.current;
    const tokens = canvas && surfaceOf(canvas);
    const badges = badgeCanvas && surfaceOf(badgeCanvas);
    if (!canvas || !tokens || !badges) return;
    const painter = new TokenLayerPainter({
      tokens,
      badges,
      flow: flowView(flowStore, canvas.parentElement),
      run: () => useAppStore.getState(),
      now: () => performance.now(),
      frames: { request: (callback) => requestAnimationFrame(callback), cancel: (handle) => cancelAnimationFrame(handle) },
      devicePixelRatio: () => window.devicePixelRatio || 1,
    });
    const unsubscribeRun = useAppStore.subscribe(() => painter.runChanged());
    // React Flow mutates nodeLookup in place; the nodes and edges arrays change identity on every layout change
    let { nodeLookup, nodes, edges, transform } = flowStore.getState();
    const unsubscribeFlow = flowStore.subscribe((state) => {
      if (state.nodeLookup !== nodeLookup || state.nodes !== nodes || state.edges !== edges) {
        ({ nodeLookup, nodes, edges } = state);
        painter.layoutChanged();
      }
      if (state.transform !== transform) {
        transform = state.transform;
        painter.viewChanged();
      }
    });
    const observer = new ResizeObserver(() => painter.viewChanged());
    observer.observe(canvas);
    return () => {
      unsubscribeRun();
      unsubscribeFlow();
      observer.disconnect();
      painter.dispose();
    };
  }, [flowStore]);

  return (
    <>
      <canvas ref={badgeCanvasRef} className="token-layer" aria-hidden="true" data-testid="badge-layer" />
      <canvas ref={canvasRef} className="token-layer" aria-hidden="true" data-testid="token-layer" />
    </>
  );
}
