// Palette: Add publisher/topic/queue/handler buttons (click adds at a free spot and selects it; drag
// drops where released), plus Auto layout and Fit view.
import type { DragEvent } from 'react';
import type { NodeType } from '../../engine/types';
import { useAppStore } from '../../store/store';
import { NodeIcon } from '../canvas/icons';
import { useT } from '../i18n';
import { addNodeAction, autoLayoutAction } from './actions';
import './editor.css';

const TYPES: NodeType[] = ['publisher', 'topic', 'queue', 'handler'];
const DRAG_TYPE = 'application/x-eventflow-node';

export function Palette() {
  const t = useT();
  const hasNodes = useAppStore((s) => s.scenario.nodes.length > 0);
  const onDragStart = (type: NodeType) => (event: DragEvent) => {
    event.dataTransfer.setData(DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <div className="ef-palette">
      <h2 className="ef-panel-title">{t('editor.palette.title')}</h2>
      <div className="ef-palette-list">
        {TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className={`ef-palette-item ef-palette-${type}`}
            aria-label={t(`editor.palette.add.${type}`)}
            title={t(`editor.palette.hint.${type}`)}
            draggable
            onDragStart={onDragStart(type)}
            onClick={() => addNodeAction(type)}
          >
            <NodeIcon type={type} size={18} />
            <span>{t(`editor.palette.short.${type}`)}</span>
          </button>
        ))}
      </div>
      <p className="ef-palette-hint">{t('editor.palette.dragHint')}</p>
      <div className="ef-palette-tools">
        <button type="button" onClick={() => void autoLayoutAction()} disabled={!hasNodes}>{t('editor.palette.autoLayout')}</button>
      </div>
    </div>
  );
}
