// The diagram canvas (React Flow 12, controlled by the store). Positions during a drag live in local
// transient state; the drag's end is one `move` commit. Renders `overlay` inside <ReactFlow>.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import {
  Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type Edge, type EdgeChange, type FinalConnectionState, type NodeChange, type Viewport,
} from '@xyflow/react';
import type { NodeType } from '../../engine/types';
import type { Position, ScenarioEdge, ScenarioNode } from '../../model/types';
import { connectRefusal } from '../../store/commands';
import { useAppStore } from '../../store/store';
import { addNodeAction, connectAction, moveNodesAction } from '../editor/actions';
import { EditorErrorBoundary } from '../editor/EditorErrorBoundary';
import { useT } from '../i18n';
import { ConnectionHint, refusalText } from './ConnectionHint';
import { edgeTypes } from './edges';
import { buildFlowEdges, buildFlowNodes, NODE_HEIGHT, NODE_WIDTH, type FlowEdge, type FlowNode, type Measured } from './flowModel';
import { nodeTypes } from './nodes';
import { routeNodeChanges } from './nodeChanges';
import { setCanvasBridge } from './placement';
import { displayName, edgeLabel, nodeAriaLabel } from './summary';
import { useEditorShortcuts } from './useEditorShortcuts';
import './canvas.css';

export const PALETTE_DRAG_TYPE = 'application/x-eventflow-node';

// constant props: React Flow copies changed props into its store, so new objects each render cost work
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 132, height: 84 };
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

const minimapColor = (node: FlowNode) =>
  ({ publisher: '#7b8798', topic: '#2f6fde', queue: '#9aa5b4', handler: '#4d5a6c' })[node.type ?? 'queue'] ?? '#9aa5b4';

function FlowCanvas({ overlay, readOnly = false }: { overlay?: ReactNode; readOnly?: boolean }) {
  const t = useT();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const scenario = useAppStore((s) => s.scenario);
  const selectedNodeIds = useAppStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useAppStore((s) => s.selectedEdgeIds);
  const highlightIds = useAppStore((s) => s.highlightIds);
  const [initialViewport] = useState(() => useAppStore.getState().viewport);
  const nodeCache = useRef(new Map<string, FlowNode>());
  const edgeCache = useRef(new Map<string, FlowEdge>());
  const measuredRef = useRef(new Map<string, Measured>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const [dragPositions, setDragPositions] = useState<Map<string, Position> | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  useEditorShortcuts(!readOnly);
  const ariaLabelConfig = useMemo(() => ({
    'node.a11yDescription.default': t('editor.rf.nodeDescription'),
    'node.a11yDescription.keyboardDisabled': t('editor.rf.nodeDescription'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('editor.rf.nodeMoved', { direction, x, y }),
    'edge.a11yDescription.default': t('editor.rf.edgeDescription'),
    'controls.ariaLabel': t('editor.canvas.controls'),
    'controls.zoomIn.ariaLabel': t('editor.rf.zoomIn'),
    'controls.zoomOut.ariaLabel': t('editor.rf.zoomOut'),
    'controls.fitView.ariaLabel': t('editor.rf.fitView'),
    'controls.interactive.ariaLabel': t('editor.rf.interactive'),
    'minimap.ariaLabel': t('editor.canvas.minimap'),
    'handle.ariaLabel': t('editor.rf.handle'),
  }), [t]);

  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const highlighted = useMemo(() => new Set(highlightIds), [highlightIds]);

  const describeNode = useCallback((node: ScenarioNode, outDegree: number) => nodeAriaLabel(t, node, outDegree), [t]);
  const describeEdge = useCallback((edge: ScenarioEdge) => {
    const name = (id: string) => {
      const n = useAppStore.getState().scenario.nodes.find((x) => x.id === id);
      return n ? displayName(n) : id;
    };
    const label = edgeLabel(t, edge);
    return t('editor.canvas.edgeAria', { source: name(edge.source), target: name(edge.target) }) + (label ? ` (${label})` : '');
  }, [t]);
  const baseNodes = useMemo(
    () => buildFlowNodes(scenario, selectedNodes, highlighted, measuredRef.current, nodeCache.current, describeNode),
    // measuredVersion: re-derive when a node's size was measured
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scenario, selectedNodes, highlighted, measuredVersion, describeNode],
  );
  const nodes = useMemo(() => {
    if (!dragPositions) return baseNodes;
    return baseNodes.map((n) => {
      const p = dragPositions.get(n.id);
      return p ? { ...n, position: p } : n;
    });
  }, [baseNodes, dragPositions]);
  const edges = useMemo(() => buildFlowEdges(scenario, selectedEdges, highlighted, edgeCache.current, describeEdge), [scenario, selectedEdges, highlighted, describeEdge]);

  useEffect(() => {
    setCanvasBridge({
      visibleRect: () => {
        const el = wrapperRef.current;
        if (!el) return null;
        const box = el.getBoundingClientRect();
        const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
        const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
        return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
      },
      fitView: () => void flow.fitView({ padding: 0.2, maxZoom: 1.2 }),
      reveal: (p) => {
        const el = wrapperRef.current;
        if (!el) return;
        const box = el.getBoundingClientRect();
        const a = flow.screenToFlowPosition({ x: box.left, y: box.top });
        const b = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
        const inside = p.x >= a.x && p.y >= a.y && p.x + NODE_WIDTH <= b.x && p.y + NODE_HEIGHT <= b.y;
        if (!inside) void flow.fitView({ padding: 0.15, maxZoom: flow.getZoom() });
      },
      measuredSizes: () => measuredRef.current,
    });
    return () => setCanvasBridge(null);
  }, [flow]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const store = useAppStore.getState();
    const routed = routeNodeChanges(changes, store.selectedNodeIds, measuredRef.current);
    if (routed.measuredChanged) setMeasuredVersion((v) => v + 1);
    if (routed.selection) store.select(routed.selection, store.selectedEdgeIds);
    if (routed.dragging.size > 0) {
      setDragPositions((prev) => {
        const next = new Map(prev ?? []);
        for (const [id, p] of routed.dragging) next.set(id, p);
        return next;
      });
    }
    if (routed.finished) {
      moveNodesAction(routed.finished);
      setDragPositions(null);
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const store = useAppStore.getState();
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select' || change.id.startsWith('deadLetter:')) continue;
      selection ??= new Set(store.selectedEdgeIds);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    }
    if (selection) store.select(store.selectedNodeIds, [...selection]);
  }, []);

  const isValidConnection = useCallback((c: Connection | Edge) => connectRefusal(useAppStore.getState().scenario, c.source, c.target ?? '') === null, []);

  const onConnect = useCallback((c: Connection) => {
    connectAction(c.source, c.target);
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (!state.fromNode || state.isValid === true) return;
    // dropped on a node with no dot to take it (a publisher has no input): the node under the pointer
    const toId = state.toNode?.id ?? nodeUnderPointer(event);
    // a click on a dot that ends on its own card is not a connection attempt
    if (!toId || (!state.toNode && toId === state.fromNode.id)) return;
    const fromIsSource = state.fromHandle?.type !== 'target';
    const source = fromIsSource ? state.fromNode.id : toId;
    const target = fromIsSource ? toId : state.fromNode.id;
    const refusal = connectRefusal(useAppStore.getState().scenario, source, target);
    if (refusal) {
      const store = useAppStore.getState();
      store.notify({ kind: 'toast', tone: 'info', title: refusalText((k, v) => t(k, v), refusal) });
    }
  }, [t]);

  const onMoveEnd = useCallback((_event: unknown, viewport: Viewport) => {
    useAppStore.getState().setViewport({ x: viewport.x, y: viewport.y, zoom: viewport.zoom });
  }, []);

  const onPaneClick = useCallback(() => useAppStore.getState().select([], []), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as NodeType;
    if (!['publisher', 'topic', 'queue', 'handler'].includes(type)) return;
    event.preventDefault();
    event.stopPropagation();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNodeAction(type, { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 });
  }, [flow]);

  return (
    <div className="ef-canvas" ref={wrapperRef} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        onConnectEnd={readOnly ? undefined : onConnectEnd}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!readOnly}
        isValidConnection={isValidConnection}
        onMoveEnd={onMoveEnd}
        onPaneClick={onPaneClick}
        defaultViewport={initialViewport ?? undefined}
        fitView={!initialViewport}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
        deleteKeyCode={null}
        panActivationKeyCode={readOnly ? null : undefined}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        connectionRadius={28}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ariaLabelConfig}
        elevateNodesOnSelect
        onlyRenderVisibleElements={scenario.nodes.length > 120}
      >
        <Background gap={20} size={1} color="#d5dae1" />
        <Controls position="bottom-left" showInteractive={false} />
        {!readOnly && <MiniMap position="bottom-right" style={MINIMAP_STYLE} pannable zoomable nodeColor={minimapColor} />}
        {!readOnly && <ConnectionHint />}
        {scenario.nodes.length === 0 && (
          <div className="ef-canvas-empty">
            <div className="ef-canvas-empty-card">
              <h2>{t('editor.canvas.emptyTitle')}</h2>
              <p>{t('editor.canvas.emptyBody')}</p>
            </div>
          </div>
        )}
        {overlay}
      </ReactFlow>
    </div>
  );
}

/** the id of the node card under a mouse or touch end point, if any */
function nodeUnderPointer(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
}

/** `readOnly`: the embedded player's canvas (pan and zoom only; nothing can be selected, moved or connected). */
export function Canvas({ overlay, readOnly }: { overlay?: ReactNode; readOnly?: boolean }) {
  return (
    <EditorErrorBoundary>
      <ReactFlowProvider>
        <FlowCanvas overlay={overlay} readOnly={readOnly} />
      </ReactFlowProvider>
    </EditorErrorBoundary>
  );
}
