// The results dock's height: kept between a floor that still shows the tabs and a ceiling that leaves a
// strip of canvas; "maximized" is the ceiling. Pure (the viewport height is passed in).
export const DOCK_MIN_PX = 160;
/** canvas left visible above a maximized dock, plus the top bar and run bar */
const RESERVED_PX = 48 + 48 + 90;
export const DOCK_STEP_PX = 40;

export function dockMaxPx(viewportPx: number): number {
  return Math.max(DOCK_MIN_PX, viewportPx - RESERVED_PX);
}

export function clampDock(heightPx: number, viewportPx: number): number {
  return Math.round(Math.min(dockMaxPx(viewportPx), Math.max(DOCK_MIN_PX, heightPx)));
}

/** the height after a key on the splitter (null: not a splitter key) */
export function dockAfterKey(key: string, heightPx: number, viewportPx: number): number | null {
  switch (key) {
    case 'ArrowUp': return clampDock(heightPx + DOCK_STEP_PX, viewportPx);
    case 'ArrowDown': return clampDock(heightPx - DOCK_STEP_PX, viewportPx);
    case 'Home': return DOCK_MIN_PX;
    case 'End': return dockMaxPx(viewportPx);
    default: return null;
  }
}
