// A level that only adds to a chapter lists the older versions it still replays exactly
// (`replaysVersions`); attempts of those versions verify, any other version is refused, and a level
// file cannot list its own version or a newer one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw3 from '../../../levels/03-apple-lamp.json';
import fruits from '../../../levels/fruits.json';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import type { Attempt } from '../../../src/attempts/attempt';
import chapter3 from '../../../src/levels/ch3';
import { loadAppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';
import { replaysVersion } from '../../../src/levels/contract';
import { problemsOf } from './ch3-player';

const save = JSON.parse(readFileSync(new URL('../../fixtures/save-v2-2026-12-01.json', import.meta.url), 'utf8')) as {
  attempts: Attempt[];
};
const ch3v1 = save.attempts.find((a) => a.chapter === 3) as Attempt;

describe('older level versions a level still replays', () => {
  it('verifies an attempt of a listed version and refuses one of another', async () => {
    const level = loadAppleLampLevel();
    expect(level.version).toBe(2);
    expect(ch3v1.levelVersion).toBe(1);
    expect(await verifyAttempt(ch3v1)).toMatchObject({ ok: true });
    const other = await verifyAttempt({ ...ch3v1, levelVersion: 3 });
    expect(other).toMatchObject({ ok: false, code: 'otherLevel' });
    expect(other.message).toContain('version 3');
  });

  it('takes only the level’s own version when it lists none', () => {
    const level = loadAppleLampLevel();
    const unlisted = loadAppleLampLevel({ ...raw3, replaysVersions: undefined }, fruits);
    expect(replaysVersion(chapter3, level, 1)).toBe(true);
    expect(replaysVersion(chapter3, unlisted, 1)).toBe(false);
    expect(replaysVersion(chapter3, unlisted, 2)).toBe(true);
  });

  it('refuses a level file listing its own version, a newer one or one twice', () => {
    expect(problemsOf({ ...raw3, replaysVersions: [2] })).toMatch(
      /replaysVersions\[0\].*older than the level's version 2/,
    );
    expect(problemsOf({ ...raw3, replaysVersions: [5] })).toMatch(/replaysVersions\[0\]/);
    expect(problemsOf({ ...raw3, replaysVersions: [1, 1] })).toMatch(/replaysVersions.*twice/);
    expect(problemsOf({ ...raw3, replaysVersions: ['1'] })).toMatch(/replaysVersions/);
  });
});
