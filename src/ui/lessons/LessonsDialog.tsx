// The "Lessons" top-bar button and its dialog "Lessons and challenges": every lesson and challenge a
// listitem with its progress and a button that starts it, plus opening a teacher's lesson file.
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../../store/store';
import { useFormatNumber, useT } from '../i18n';
import { importLessonFile, loadCatalogue, openLesson } from './lessonActions';
import { useLessons, type CatalogueEntry } from './lessonStore';
import { pickText } from './verdictText';
import './lessons.css';

const FOCUSABLE = 'button:not([disabled]), input:not([tabindex="-1"]), [tabindex]:not([tabindex="-1"])';

function Item({ entry }: { entry: CatalogueEntry }) {
  const t = useT();
  const format = useFormatNumber();
  const language = useAppStore((s) => s.language);
  const progress = useLessons((s) => s.progress[entry.lesson.id]);
  const { lesson } = entry;
  const title = pickText(lesson.title, language);
  const total = lesson.kind === 'lesson' ? lesson.steps.length : 0;
  let status = t('lessons.status.new');
  let action = t('lessons.start');
  if (lesson.kind === 'challenge' && progress?.bestCost !== undefined) {
    status = t('lessons.status.passed', { cost: format(progress.bestCost, 2) });
    action = t('lessons.again');
  } else if (progress?.done) {
    status = t('lessons.status.done');
    action = t('lessons.again');
  } else if (progress && progress.step > 0 && lesson.kind === 'lesson') {
    status = t('lessons.status.step', { step: progress.step + 1, total });
    action = t('lessons.continue');
  }
  const done = progress?.done || progress?.bestCost !== undefined;
  return (
    <li className={`lesson-item${lesson.kind === 'challenge' ? ' is-challenge' : ''}`}>
      <div className="lesson-item-text">
        <div className="lesson-item-head">
          {lesson.kind === 'challenge' && <span className="lesson-badge">{t('lessons.challenge')}</span>}
          <span className="lesson-item-title">{title}</span>
        </div>
        <p className="lesson-item-summary">{pickText(lesson.summary, language)}</p>
        <p className="lesson-item-meta">
          <span className={done ? 'lesson-status is-done' : 'lesson-status'}>{done ? '✓ ' : ''}{status}</span>
          {lesson.minutes !== undefined && <span> · {t('lessons.minutes', { minutes: lesson.minutes })}</span>}
        </p>
      </div>
      <button type="button" className="lesson-start" aria-label={`${action}: ${title}`} onClick={() => void openLesson(entry)}>{action}</button>
    </li>
  );
}

function Dialog() {
  const t = useT();
  const catalogue = useLessons((s) => s.catalogue);
  const error = useLessons((s) => s.catalogueError);
  const skipped = useLessons((s) => s.catalogueSkipped);
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const close = () => useLessons.setState({ dialogOpen: false });
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    void loadCatalogue();
    boxRef.current?.querySelector<HTMLElement>('h2')?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(boxRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importLessonFile(file);
  };
  const lessons = catalogue?.filter((e) => e.lesson.kind === 'lesson') ?? [];
  const challenges = catalogue?.filter((e) => e.lesson.kind === 'challenge') ?? [];
  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div ref={boxRef} className="alert-dialog lessons-dialog" role="dialog" aria-modal="true" aria-labelledby="lessons-dialog-title" onKeyDown={onKeyDown}>
        <h2 id="lessons-dialog-title" tabIndex={-1}>{t('lessons.dialog')}</h2>
        <p className="lessons-intro">{t('lessons.dialog.intro')}</p>
        <div className="lessons-lists">
          {!catalogue && !error && <p role="status">{t('lessons.loading')}</p>}
          {error && <p role="alert" className="lessons-error">{t('lessons.failed', { reason: error })}</p>}
          {catalogue && (
            <>
              <h3 id="lessons-list-lessons">{t('lessons.section.lessons')}</h3>
              <ul className="lesson-list" aria-labelledby="lessons-list-lessons">
                {lessons.map((entry) => <Item key={`${entry.file}:${entry.lesson.id}`} entry={entry} />)}
              </ul>
              <h3 id="lessons-list-challenges">{t('lessons.section.challenges')}</h3>
              <ul className="lesson-list" aria-labelledby="lessons-list-challenges">
                {challenges.map((entry) => <Item key={`${entry.file}:${entry.lesson.id}`} entry={entry} />)}
              </ul>
              {skipped.length > 0 && (
                <div className="lessons-skipped" role="note">
                  <p>{t('lessons.skipped', { count: skipped.length })}</p>
                  <ul>{skipped.map((line) => <li key={line}>{line.length > 300 ? `${line.slice(0, 300)}…` : line}</li>)}</ul>
                </div>
              )}
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" title={t('lessons.import.title')} onClick={() => inputRef.current?.click()}>{t('lessons.import')}</button>
          <input ref={inputRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" data-lesson-file onChange={onFile} />
          <button type="button" onClick={close}>{t('lessons.close')}</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

export function LessonsButton() {
  const t = useT();
  const open = useLessons((s) => s.dialogOpen);
  return (
    <>
      <button type="button" className="lessons-button" title={t('lessons.button.title')} aria-haspopup="dialog" onClick={() => useLessons.setState({ dialogOpen: true })}>
        {t('lessons.button')}
      </button>
      {open && <Dialog />}
    </>
  );
}
