// Coalesces redraw requests into one animation frame: the token canvas and the badge canvas are
// marked dirty separately and painted together at most once per frame. No DOM: the frame source is injected.
export interface FrameSource {
  request: (callback: () => void) => number;
  cancel: (handle: number) => void;
}

export interface FrameScheduler {
  /** marks the tokens and/or badges dirty and asks for a frame if none is pending */
  request: (tokens?: boolean, badges?: boolean) => void;
  dispose: () => void;
  readonly pending: boolean;
}

export function createFrameScheduler(frames: FrameSource, paint: (what: { tokens: boolean; badges: boolean }) => void): FrameScheduler {
  let frame: number | null = null;
  let tokensDirty = false;
  let badgesDirty = false;
  let disposed = false;
  const run = (): void => {
    frame = null;
    const what = { tokens: tokensDirty, badges: badgesDirty };
    tokensDirty = false;
    badgesDirty = false;
    paint(what);
  };
  return {
    request: (tokens = true, badges = true) => {
      if (disposed) return;
      tokensDirty ||= tokens;
      badgesDirty ||= badges;
      if (frame === null) frame = frames.request(run);
    },
    dispose: () => {
      disposed = true;
      if (frame !== null) frames.cancel(frame);
      frame = null;
    },
    get pending() {
      return frame !== null;
    },
  };
}
