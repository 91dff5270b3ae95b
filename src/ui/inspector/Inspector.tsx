// Inspector: fields of the selected node or edge; a summary with actions for a multi-selection;
// scenario settings when nothing is selected.
import { useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../../store/store';
import { useSelectedEdge, useSelectedNode } from '../../store/selectors';
import { useT } from '../i18n';
import { EditorErrorBoundary } from '../editor/EditorErrorBoundary';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { ScenarioSettings } from './ScenarioSettings';
import { SelectionActions } from './SelectionActions';
import './inspector.css';

export function Inspector() {
  return (
    <EditorErrorBoundary>
      <InspectorContent />
    </EditorErrorBoundary>
  );
}

/** a new selection starts at the top of the inspector (its title), not where the last one was scrolled */
function useScrollTopOnSelection(): void {
  const key = useAppStore((s) => `${s.selectedNodeIds.join('\u0000')}|${s.selectedEdgeIds.join('\u0000')}`);
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector('.inspector')?.scrollTo({ top: 0 });
  }, [key]);
}

function InspectorContent() {
  useScrollTopOnSelection();
  const node = useSelectedNode();
  const edge = useSelectedEdge();
  const nodeCount = useAppStore((s) => s.selectedNodeIds.length);
  const edgeCount = useAppStore((s) => s.selectedEdgeIds.length);
  if (node) return <NodeInspector node={node} />;
  if (edge) return <EdgeInspector edge={edge} />;
  if (nodeCount + edgeCount > 0) return <MultiSelection nodes={nodeCount} edges={edgeCount} />;
  return <ScenarioSettings />;
}

function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  const t = useT();
  return (
    <div className="ef-inspector-body">
      <header className="ef-inspector-head">
        <div className="ef-inspector-titles">
          <h2 className="ef-inspector-title">{t('editor.inspector.multiTitle')}</h2>
          <div className="ef-inspector-sub">{t('editor.inspector.multiCounts', { nodes, edges })}</div>
        </div>
      </header>
      <SelectionActions edge={nodes === 0} />
      <p className="ef-muted-note">{t('editor.inspector.multiHint')}</p>
    </div>
  );
}
