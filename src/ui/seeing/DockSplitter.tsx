// The results dock's resize handle (drag, or arrows/Home/End when focused) and its Maximize toggle.
// Sets the --dock-h variable the app grid reads; the height lives only for this page.
import { useCallback, useEffect, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useT } from '../i18n';
import { clampDock, dockAfterKey, dockMaxPx, DOCK_MIN_PX } from './dockSize';
import './seeing.css';

function currentDockPx(): number {
  return document.querySelector<HTMLElement>('.dock')?.getBoundingClientRect().height ?? 260;
}

function applyDock(heightPx: number | null): void {
  const app = document.querySelector<HTMLElement>('.app');
  if (!app) return;
  if (heightPx === null) app.style.removeProperty('--dock-h');
  else app.style.setProperty('--dock-h', `${heightPx}px`);
}

export function useDockHeight() {
  const [heightPx, setHeightPx] = useState<number | null>(null);
  const [restorePx, setRestorePx] = useState<number | null>(null);
  useEffect(() => applyDock(heightPx), [heightPx]);
  const maximized = heightPx !== null && heightPx >= dockMaxPx(window.innerHeight);
  const toggleMaximized = useCallback(() => {
    if (maximized) setHeightPx(restorePx);
    else {
      setRestorePx(heightPx);
      setHeightPx(dockMaxPx(window.innerHeight));
    }
  }, [maximized, heightPx, restorePx]);
  return { heightPx, setHeightPx, maximized, toggleMaximized };
}

export function DockSplitter({ heightPx, setHeightPx }: { heightPx: number | null; setHeightPx: (px: number) => void }) {
  const t = useT();
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const startY = event.clientY;
    const startPx = currentDockPx();
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => setHeightPx(clampDock(startPx + (startY - e.clientY), window.innerHeight));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const now = Math.round(heightPx ?? currentDockPx());
  return (
    <div
      className="dock-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('seeing.dockResize')}
      aria-valuemin={DOCK_MIN_PX}
      aria-valuemax={dockMaxPx(typeof window === 'undefined' ? 800 : window.innerHeight)}
      aria-valuenow={now}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(event) => {
        const next = dockAfterKey(event.key, currentDockPx(), window.innerHeight);
        if (next === null) return;
        event.preventDefault();
        setHeightPx(next);
      }}
    />
  );
}

export function MaximizeButton({ maximized, onToggle }: { maximized: boolean; onToggle: () => void }) {
  const t = useT();
  return (
    <button type="button" className="dock-maximize" aria-pressed={maximized} onClick={onToggle} title={t(maximized ? 'seeing.dockRestore' : 'seeing.dockMaximize')}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        {maximized ? <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" /> : <path d="M3 10l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="1.8" />}
      </svg>
      {t('seeing.dockMaximize')}
    </button>
  );
}
