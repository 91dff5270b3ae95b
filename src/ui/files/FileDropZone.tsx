// Wraps the canvas: dropping a .eventflow.json file on it imports the file (other drags, e.g. from the
// palette, pass through untouched). Above the canvas: the "what to notice" note of the example just loaded.
import { BulbIcon } from '../seeing/icons';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { importFile } from './documentIo';
import { useFilesUi } from './filesUi';
import { pick } from './gallery';
import { importFiles } from '../asyncapi/entry';
import './files.css';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

function ExampleNoteCard() {
  const t = useT();
  const note = useFilesUi((s) => s.exampleNote);
  const language = useAppStore((s) => s.language);
  const docVersion = useAppStore((s) => s.docVersion);
  if (!note || note.docVersion !== docVersion) return null;
  const text = pick(note.notice, language);
  if (!text) return null;
  return (
    <aside className="files-note" aria-labelledby="files-note-title">
      <span className="files-note-icon" aria-hidden="true"><BulbIcon className="ef-icon ef-icon-bulb" /></span>
      <div className="files-note-body">
        <h2 id="files-note-title">{t('files.examples.notice')}</h2>
        <p>{text}</p>
      </div>
      <button type="button" className="files-note-close" aria-label={t('files.note.close')} title={t('files.note.close')} onClick={() => useFilesUi.setState({ exampleNote: null })}>×</button>
    </aside>
  );
}

export function FileDropZone({ children }: { children: ReactNode }) {
  const t = useT();
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files), importFile);
  };

  return (
    <div className="files-dropzone" data-files-dropzone="" onDragOver={onDragOver} onDragEnter={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <ExampleNoteCard />
      <div className="files-canvas-slot">{children}</div>
      {dragging && (
        <div className="files-drop-overlay" aria-hidden="true">
          <div className="files-drop-card">{t('files.drop.hint')}</div>
        </div>
      )}
    </div>
  );
}
