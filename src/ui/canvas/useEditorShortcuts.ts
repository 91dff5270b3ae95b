// Keyboard shortcuts of the editor (Delete, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z / Ctrl+Y, Ctrl/Cmd+C/X/V/D, arrows)
// and the system clipboard through copy/cut/paste events (works across tabs without a permission prompt).
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { copySelectionText, deleteSelectionAction, duplicateAction, nudgeSelectionAction, pasteAction } from '../editor/actions';

const NUDGE_PX = 10;

/** True when typing in this element must not trigger editor shortcuts. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file'].includes(type);
}

function insideDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('[role="dialog"],[role="alertdialog"]') !== null;
}

/** `enabled` false (the read-only embedded player): no shortcut edits the diagram. */
export function useEditorShortcuts(enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let pasteHandled = false;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextTarget(event.target) || insideDialog(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const store = useAppStore.getState();
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'd') {
        event.preventDefault();
        duplicateAction();
      } else if (mod && key === 'a') {
        event.preventDefault();
        store.select(store.scenario.nodes.map((n) => n.id), store.scenario.edges.map((e) => e.id));
      } else if (mod && key === 'c') {
        copySelectionText(); // the copy event below also puts it on the system clipboard
      } else if (mod && key === 'v') {
        // the paste event normally follows; if the browser gives none, fall back to the in-memory copy
        pasteHandled = false;
        setTimeout(() => {
          if (!pasteHandled) pasteAction(null);
        }, 60);
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        if (store.selectedNodeIds.length || store.selectedEdgeIds.length) {
          event.preventDefault();
          deleteSelectionAction();
        }
      } else if (!mod && event.key === 'Escape') {
        store.select([], []);
      } else if (!mod && event.key.startsWith('Arrow')) {
        // React Flow moves selected nodes itself when a node has focus
        const target = event.target as HTMLElement | null;
        if (target?.closest?.('.react-flow__node, .react-flow__nodesselection')) return;
        if (store.selectedNodeIds.length === 0) return;
        const step = event.shiftKey ? NUDGE_PX * 4 : NUDGE_PX;
        const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
        const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
        if (dx || dy) {
          event.preventDefault();
          nudgeSelectionAction(dx, dy);
        }
      }
    };

    const onCopyOrCut = (event: ClipboardEvent) => {
      if (isTextTarget(event.target) || insideDialog(event.target) || hasTextSelection()) return;
      const text = copySelectionText();
      if (!text) return;
      event.preventDefault();
      event.clipboardData?.setData('text/plain', text);
      if (event.type === 'cut') deleteSelectionAction();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTextTarget(event.target) || insideDialog(event.target)) return;
      pasteHandled = true;
      event.preventDefault();
      pasteAction(event.clipboardData?.getData('text/plain') ?? null);
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [enabled]);
}

function hasTextSelection(): boolean {
  const selection = typeof window !== 'undefined' ? window.getSelection() : null;
  return !!selection && !selection.isCollapsed && selection.toString().length > 0;
}
