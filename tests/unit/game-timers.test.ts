// No chapter scene owns a timer: the chapter's clock is its machine's (invoked actors on the actor
// system's clock), and a display-only animation's clock belongs to the painter that draws it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCENES = join(import.meta.dirname, '../../src/game/scenes');
const TIMER = /\bsetTimeout\(|\bsetInterval\(|\btime\.addEvent\(|\bdelayedCall\(/;

describe('chapter scenes', () => {
  const files = readdirSync(SCENES).filter((f) => /^Ch\d.*Scene\.ts$/.test(f));

  it('hold no timer', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(TIMER.test(readFileSync(join(SCENES, f), 'utf8')), `${f} starts a timer`).toBe(false);
  });

  it('the check sees a timer where there is one', () => {
    expect(TIMER.test('this.time.delayedCall(300, () => {})')).toBe(true);
    expect(TIMER.test('window.setTimeout(f, 10)')).toBe(true);
  });
});
