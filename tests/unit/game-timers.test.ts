// No chapter scene owns a timer: the chapter's clock is its machine's (invoked actors on the actor
// system's clock), and a display-only animation's clock belongs to the painter that draws it.
// Scenes named in STILL_OWN keep timers that their own work moves out; the list only shrinks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCENES = join(import.meta.dirname, '../../src/game/scenes');
const STILL_OWN = new Set(['Ch2RulebookScene.ts', 'Ch6DigitDemonScene.ts']);
const TIMER = /\bsetTimeout\(|\bsetInterval\(|\btime\.addEvent\(|\bdelayedCall\(/;

describe('chapter scenes', () => {
  const files = readdirSync(SCENES).filter((f) => /^Ch\d.*Scene\.ts$/.test(f));

  it('hold no timer', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files.filter((x) => !STILL_OWN.has(x)))
      expect(TIMER.test(readFileSync(join(SCENES, f), 'utf8')), `${f} starts a timer`).toBe(false);
  });

  it('the check sees a timer where there is one', () => {
    expect(TIMER.test('this.time.delayedCall(300, () => {})')).toBe(true);
    expect(TIMER.test('window.setTimeout(f, 10)')).toBe(true);
  });
});
