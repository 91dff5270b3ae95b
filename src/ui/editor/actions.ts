// User actions that touch the store: each applies one pure command from store/commands through
// documentSlice.commit (one undo step) and sets the selection that follows from it.
import { freePasteOffset } from './pasteOffset';
import type { NodeType } from '../../engine/types';
import type { Position, Scenario } from '../../model/types';
import { MAX_EDGES, MAX_NODES } from '../../model/bounds';
import * as commands from '../../store/commands';
import { emptyScenario } from '../../store/emptyScenario';
import { useAppStore } from '../../store/store';
import { tNow } from '../i18n';
import { canvasBridge, freeSpot, spotBeside } from '../canvas/placement';

const state = () => useAppStore.getState();
const tr = tNow;

/** Adds a node at `position` (top-left), or at a free spot in view, and selects it. */
export function addNodeAction(type: NodeType, position?: Position): string {
  const { scenario, commit, selectedNodeIds } = state();
  const beside = selectedNodeIds.length === 1 ? spotBeside(scenario, selectedNodeIds[0]) : null;
  const { scenario: next, id } = commands.addNodeOfType(scenario, type, position ?? beside ?? freeSpot(scenario));
  commit(next, 'addNode', { select: { nodeIds: [id] } });
  const placed = next.nodes.find((n) => n.id === id)?.position;
  if (placed && !position) canvasBridge()?.reveal(placed);
  return id;
}

export function connectAction(source: string, target: string): commands.ConnectResult {
  const { scenario, commit } = state();
  const result = commands.connect(scenario, source, target);
  if (result.ok) commit(result.scenario, 'connect');
  return result;
}

export function deleteSelectionAction(): void {
  const { scenario, commit, selectedNodeIds, selectedEdgeIds } = state();
  const next = commands.deleteSelection(scenario, selectedNodeIds, selectedEdgeIds);
  if (next !== scenario) commit(next, 'delete', { select: { nodeIds: [] } });
}

export function moveNodesAction(positions: ReadonlyMap<string, Position>): void {
  const { scenario, commit } = state();
  commit(commands.moveNodes(scenario, positions), 'move');
}

export function nudgeSelectionAction(dx: number, dy: number): void {
  const { scenario, selectedNodeIds } = state();
  if (selectedNodeIds.length === 0) return;
  const chosen = new Set(selectedNodeIds);
  const positions = new Map<string, Position>();
  for (const n of scenario.nodes) if (chosen.has(n.id)) positions.set(n.id, { x: (n.position?.x ?? 0) + dx, y: (n.position?.y ?? 0) + dy });
  moveNodesAction(positions);
}

let memoryClipboard: commands.ClipboardPayload | null = null;

/** The selection as clipboard text; also kept in memory for when the system clipboard is unavailable. */
export function copySelectionText(): string | null {
  const { scenario, selectedNodeIds } = state();
  if (selectedNodeIds.length === 0) return null;
  memoryClipboard = commands.copySelection(scenario, selectedNodeIds);
  return JSON.stringify(memoryClipboard);
}

/** Pastes clipboard text (from this or another tab); falls back to the in-memory copy. */
export function pasteAction(text: string | null): boolean {
  const payload = (text ? commands.parseClipboard(text) : null) ?? memoryClipboard;
  if (!payload || payload.nodes.length === 0) {
    state().notify({ kind: 'toast', tone: 'info', title: tr('editor.clipboard.nothing') });
    return false;
  }
  const { scenario, commit } = state();
  // the bounds of a file hold for pastes too: a huge payload would freeze the page (QA PASTE-2)
  if (scenario.nodes.length + payload.nodes.length > MAX_NODES || scenario.edges.length + payload.edges.length > MAX_EDGES) {
    state().notify({ kind: 'toast', tone: 'error', title: tr('editor.clipboard.tooMany', { nodes: MAX_NODES, edges: MAX_EDGES }) });
    return false;
  }
  const offset = pasteOffset(scenario, payload);
  const result = commands.paste(scenario, payload, offset);
  commit(result.scenario, 'paste', { select: { nodeIds: result.nodeIds, edgeIds: [] } });
  memoryClipboard = { ...payload, nodes: payload.nodes.map((n) => ({ ...n, position: shift(n.position, commands.PASTE_OFFSET) })) };
  return true;
}

function shift(p: Position | undefined, by: Position): Position {
  return { x: (p?.x ?? 0) + by.x, y: (p?.y ?? 0) + by.y };
}

/** Paste beside the originals when they are in this drawing; otherwise into the middle of the view. */
function pasteOffset(scenario: Scenario, payload: commands.ClipboardPayload): Position {
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const view = canvasBridge()?.visibleRect();
  const sameDocument = payload.nodes.some((n) => ids.has(n.id));
  if (sameDocument || !view) {
    const existing = scenario.nodes.map((n) => n.position ?? { x: 0, y: 0 });
    return freePasteOffset(existing, payload.nodes.map((n) => n.position ?? { x: 0, y: 0 }), commands.PASTE_OFFSET);
  }
  const xs = payload.nodes.map((n) => n.position?.x ?? 0);
  const ys = payload.nodes.map((n) => n.position?.y ?? 0);
  const spot = freeSpot(scenario, view);
  return { x: spot.x - Math.min(...xs), y: spot.y - Math.min(...ys) };
}

export function duplicateAction(): void {
  const { scenario, commit, selectedNodeIds } = state();
  if (selectedNodeIds.length === 0) return;
  const result = commands.duplicate(scenario, selectedNodeIds);
  commit(result.scenario, 'duplicate', { select: { nodeIds: result.nodeIds } });
}

export async function autoLayoutAction(): Promise<void> {
  const before = state().scenario;
  if (before.nodes.length === 0) return;
  try {
    const { computeLayout } = await import('../canvas/autoLayout');
    const positions = await computeLayout(before, canvasBridge()?.measuredSizes());
    const { scenario, commit } = state();
    commit(commands.layout(scenario, positions), 'layout');
    requestAnimationFrame(() => canvasBridge()?.fitView());
  } catch (error) {
    state().notify({ kind: 'toast', tone: 'error', title: tr('editor.layout.failed', { message: (error as Error).message }) });
  }
}

export function newScenarioAction(): void {
  state().commit(emptyScenario(tr('editor.newScenarioName')), 'newScenario', { select: { nodeIds: [] } });
}

export function updateSettingsAction(patch: Partial<commands.ScenarioSettings>, coalesce?: string): void {
  const { scenario, commit } = state();
  commit(commands.updateSettings(scenario, patch), 'settings', { coalesce });
}
