// Words that belong to a moment (a sound's caption, a live announcement) leave with it: each
// shows for a reading time and is cleared sooner when the moment passes (the chapter moves on to
// another step, or the screen changes), so an "uh-oh" or "Scolded…" never stays through a show.
export interface Moment {
  /** Shows the text; it clears by itself after `lifeMs(text)`. */
  show(text: string): void;
  /** The moment passed: clear now. */
  end(): void;
}

export function momentary(
  set: (text: string) => void,
  clear: () => void,
  lifeMs: (text: string) => number,
  timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout },
): Moment {
  // Called as plain functions: a browser's setTimeout refuses another `this` (Illegal invocation).
  const { set: later, clear: cancel } = timers;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) cancel(timer);
    timer = undefined;
  };
  return {
    show(text) {
      stop();
      set(text);
      timer = later(() => {
        timer = undefined;
        clear();
      }, lifeMs(text));
    },
    end() {
      stop();
      clear();
    },
  };
}

/**
 * Which moment a chapter's view-model is in: its step (every chapter's view has one). A new value
 * means the moment passed.
 */
export function momentOf(view: unknown): string | null {
  if (typeof view !== 'object' || view === null) return null;
  const step = (view as { step?: unknown }).step;
  return typeof step === 'string' ? step : null;
}
