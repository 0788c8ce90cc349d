// A phone held in landscape (a touch screen under 500 CSS px tall, e.g. 844×390) draws the game at
// about half size, so its controls grow to 44 CSS px (layout.css) and the screens that a phone
// player meets first lay those larger controls out with room between them.
export const PHONE_QUERY = '(pointer: coarse) and (max-height: 500px)';

const query = typeof matchMedia === 'function' ? matchMedia(PHONE_QUERY) : null;

/** Whether the page is laid out for a phone in landscape now. */
export function isPhone(): boolean {
  return query?.matches ?? false;
}

const redraws = new Map<string, () => void>();
query?.addEventListener('change', () => {
  for (const redraw of redraws.values()) redraw();
});

/**
 * Calls `redraw` when the page turns into a phone layout or out of one (the phone is turned, the
 * window resized), in place of the last redraw given under the same `key`; `stop` forgets it.
 */
export function redrawOnPhoneChange(key: string, redraw: () => void): { stop(): void } {
  redraws.set(key, redraw);
  return {
    stop() {
      if (redraws.get(key) === redraw) redraws.delete(key);
    },
  };
}
