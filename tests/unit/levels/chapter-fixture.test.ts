// A chapter is its folder plus one line: a fixture chapter that lives in tests/fixtures/chapter7
// is registered by one line, as its line in src/levels/chapters.ts would, and then goes the whole
// way an attempt goes: played, saved, reloaded, replayed, verified and compared. A version of the
// game without the chapter keeps its attempts aside and reads the rest of the save; a version
// with it gets them back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compareAttempts } from '../../../src/app/compare';
import { freshSave, type Attempt } from '../../../src/app/saveSchema';
import { addAttempt, loadSave, withStars, writeSave, type StorageLike } from '../../../src/app/saveStore';
import { attemptLinkHash, decodeAttemptLink, readHash } from '../../../src/app/share';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import { CHAPTERS, isKnownChapter, loadChapter, registerChapter } from '../../../src/levels/chapters';
import type { AnyChapter } from '../../../src/levels/contract';
import { replayChapter } from '../../../src/levels/shared/replay';

const register = () =>
  registerChapter({
    number: 7,
    titleKey: 'ch7.title',
    yearKey: 'map.year7',
    icon: 'map-ch1-dog',
    load: () => import('../../fixtures/chapter7'),
    events: () => import('../../fixtures/chapter7/events').then((m) => m.guessEvents),
  });

class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

const ROOT = join(import.meta.dirname, '../../..');
const older = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/save-v2-2026-12-01.json'), 'utf8')) as {
  attempts: Attempt[];
};

let unregister: () => void = () => {};
let chapter: AnyChapter;
let level: unknown;

/** Plays the fixture chapter: skips the intro, guesses, and records the attempt. */
function play(seed: number, guesses: number[], time: string): Attempt {
  const actor = createActor(chapter.machine, { input: chapter.input(level, seed, {}) }).start();
  actor.send({ type: 'dialogue.next' });
  actor.send({ type: 'dialogue.skip' });
  for (const value of guesses) actor.send({ type: 'guess.make', value });
  const snap = actor.getSnapshot();
  expect(snap.status).toBe('done');
  return {
    chapter: 7,
    levelVersion: chapter.levelVersion(level),
    seed,
    events: snap.context.events,
    result: snap.output,
    time,
  };
}

beforeAll(async () => {
  unregister = register();
  chapter = (await loadChapter(7)) as AnyChapter;
  level = chapter.loadLevel();
});
afterAll(() => unregister());

describe('a chapter registered by one line', () => {
  it('is on the list, in map order, after the six', () => {
    expect(CHAPTERS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => register()).toThrow(/taken/);
  });

  it('goes save → reload → replay → verify → compare', async () => {
    // Seed 4 hides 5 (1 + 4 % 20): found on the third guess; dialogue is not recorded.
    const mine = play(4, [10, 3, 5], '2026-12-07T10:00:00.000Z');
    expect(mine.events).toEqual([
      { type: 'guess.make', value: 10 },
      { type: 'guess.make', value: 3 },
      { type: 'guess.make', value: 5 },
    ]);
    expect(mine.result).toEqual({ passed: true, stars: 3, guesses: 3 });

    const storage = new MemoryStorage();
    let save = { ...freshSave('en'), attempts: older.attempts.slice(0, 2) };
    save = withStars(addAttempt(save, mine).save, 7, mine.result.stars);
    expect(writeSave(storage, save)).toBeNull();

    const loaded = loadSave(storage, 'zh-CN');
    expect(loaded.problem).toBeNull();
    expect(loaded.save.attempts).toEqual([...older.attempts.slice(0, 2), mine]);
    const again = loaded.save.attempts[2];

    expect(replayChapter(chapter, level, again.seed, again.events).result).toEqual(mine.result);
    const v = await verifyAttempt(again);
    expect(v.ok).toBe(true);
    expect(await verifyAttempt({ ...again, result: { ...again.result, stars: 1 } })).toMatchObject({
      ok: false,
      code: 'differs',
    });

    // The same seed, a worse run: the compare lines them up guess by guess.
    const theirs = play(4, [10, 3, 4, 6, 5], '2026-12-07T10:05:00.000Z');
    const report = await compareAttempts({ attempt: again }, { attempt: theirs });
    expect(report.a.verified && report.b.verified).toBe(true);
    expect(report.steps).toEqual([3, 5]);
    expect(report.facts).toEqual([{ key: 'ch7.compare.guesses', a: { n: 3 }, b: { n: 5 }, same: false }]);
    expect(report.series).toEqual([{ name: 'distance', a: [5, 2, 0], b: [5, 2, 1, 1, 0], firstDifference: 2 }]);
    expect(report.cases.map((c) => c.same)).toEqual([true, true, false, false, false]);

    // And as a shared link.
    const link = readHash(attemptLinkHash(again));
    expect(link && decodeAttemptLink(link.code)).toEqual({ ok: true, value: again });
  });

  it('a version without the chapter keeps its attempts aside and reads the rest; a version with it gets them back', () => {
    const mine = play(9, [10], '2026-12-07T11:00:00.000Z');
    const storage = new MemoryStorage();
    const save = withStars(addAttempt({ ...freshSave('en'), attempts: older.attempts }, mine).save, 7, 3);
    writeSave(storage, save);

    unregister();
    try {
      expect(isKnownChapter(7)).toBe(false);
      const without = loadSave(storage, 'en');
      expect(without.problem).toBeNull();
      expect(without.save.attempts).toEqual(older.attempts);
      expect(without.save.attemptsAside).toEqual([mine]);
      expect(without.save.progress.stars).toEqual(save.progress.stars);
      // The older version plays on and saves: the attempt aside is written back untouched.
      writeSave(storage, addAttempt(without.save, { ...older.attempts[0], time: '2026-12-07T12:00:00.000Z' }).save);
    } finally {
      unregister = register();
    }

    const back = loadSave(storage, 'en');
    expect(back.problem).toBeNull();
    expect(back.save.attemptsAside).toBeUndefined();
    expect(back.save.attempts.map((a) => a.time)).toEqual([
      ...older.attempts.map((a) => a.time),
      mine.time,
      '2026-12-07T12:00:00.000Z',
    ]);
  });
});
