// Captions and live announcements leave with their moment: each clears after its reading time,
// a new one replaces the old (and its timer), and the moment passing (a new step) clears at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { momentary, momentOf } from '../../../src/game/ui/moment';
import { captionMs } from '../../../src/game/ui/widgets';

describe('words that belong to a moment', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function board() {
    let text = '';
    const m = momentary(
      (t) => (text = t),
      () => (text = ''),
      () => 1000,
    );
    return { m, read: () => text };
  }

  it('clears by itself after its reading time', () => {
    const { m, read } = board();
    m.show('♪ uh-oh');
    vi.advanceTimersByTime(999);
    expect(read()).toBe('♪ uh-oh');
    vi.advanceTimersByTime(1);
    expect(read()).toBe('');
  });

  it('a newer text keeps its own full time', () => {
    const { m, read } = board();
    m.show('Scolded.');
    vi.advanceTimersByTime(800);
    m.show('Treat!');
    vi.advanceTimersByTime(800);
    expect(read()).toBe('Treat!');
    vi.advanceTimersByTime(200);
    expect(read()).toBe('');
  });

  it('clears at once when the moment passes, and a late timer clears nothing new', () => {
    const { m, read } = board();
    m.show('Scolded. After “Shake!”…');
    m.end();
    expect(read()).toBe('');
    m.show('Show time!');
    vi.advanceTimersByTime(500);
    expect(read()).toBe('Show time!');
  });

  it('a chapter view’s moment is its step', () => {
    expect(momentOf({ step: 'show', line: {} })).toBe('show');
    expect(momentOf({ line: {} })).toBeNull();
    expect(momentOf(null)).toBeNull();
  });

  it('captions last a readable time, never the whole show', () => {
    expect(captionMs('♪ uh-oh')).toBeGreaterThanOrEqual(3000);
    expect(captionMs('x'.repeat(500))).toBeLessThanOrEqual(6000);
  });
});

describe('momentary with the real timers', () => {
  it('calls them as plain functions (a browser refuses setTimeout with another this)', () => {
    const strict = {
      set(this: unknown, fn: () => void, ms?: number) {
        if (this !== undefined) throw new TypeError('Illegal invocation');
        return setTimeout(fn, ms);
      },
      clear(this: unknown, id?: ReturnType<typeof setTimeout>) {
        if (this !== undefined) throw new TypeError('Illegal invocation');
        clearTimeout(id);
      },
    };
    const m = momentary(
      () => {},
      () => {},
      () => 10,
      strict as unknown as { set: typeof setTimeout; clear: typeof clearTimeout },
    );
    expect(() => {
      m.show('a');
      m.end();
    }).not.toThrow();
  });
});
