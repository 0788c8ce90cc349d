// The replay pool on its own: several attempts handed to one worker at once all come back with
// their own verdicts; fresh attempts go before ones played a while ago (unless those have waited
// too long); a replay past the time limit is refused while the attempts queued behind it in the
// same worker are still replayed; and a worker's levels stay loaded and frozen between replays.
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/app/saveSchema';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import ch5 from '../../../src/levels/ch5';
import { priorityOf } from '../../../src/server/app';
import { defaultWorkerCount } from '../../../src/server/classroom';
import { keepLevelLoaded } from '../../../src/server/levelCache';
import { VerifyPool } from '../../../src/server/verifyPool';
import { playAll } from '../levels/ch5/ch5-player';
import { attempts } from './helpers';

let pool: VerifyPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('replay pool', () => {
  it('sizes itself by the cores the process may use', () => {
    expect(defaultWorkerCount()).toBeGreaterThanOrEqual(1);
    expect(defaultWorkerCount()).toBeLessThanOrEqual(8);
  });

  it('replays many attempts handed to one worker at once, each with its own verdict', async () => {
    pool = new VerifyPool(1, { depth: 3 });
    await pool.ready();
    const all = [...attempts(1), ...attempts(2), ...attempts(3)];
    const forged = { ...all[2], result: { ...all[2].result, stars: 3, correct: 99 } } as Attempt;
    const outcomes = await Promise.all([...all, forged].map((a) => pool!.verify(a)));
    expect(outcomes.slice(0, all.length).map((o) => o.ok)).toEqual(all.map(() => true));
    expect(outcomes.map((o) => o.stars).slice(0, all.length)).toEqual(all.map((a) => a.result.stars));
    expect(outcomes.at(-1)).toMatchObject({ ok: false, stars: 0 });
    expect(pool.workers).toBe(1);
  });

  it('serves fresh attempts before ones played a while ago, unless those waited too long', async () => {
    pool = new VerifyPool(1, { depth: 1, agingMs: 60_000 });
    await pool.ready();
    const [a] = attempts(2);
    const order: string[] = [];
    const ask = (name: string, priority: 'fresh' | 'later') =>
      pool!.verify(a, priority).then(() => void order.push(name));
    // The first goes to the idle worker at once; the others wait and are taken fresh first.
    await Promise.all([ask('first', 'later'), ask('old1', 'later'), ask('old2', 'later'), ask('new', 'fresh')]);
    expect(order).toEqual(['first', 'new', 'old1', 'old2']);

    await pool.close();
    pool = new VerifyPool(1, { depth: 1, agingMs: 0 });
    await pool.ready();
    order.length = 0;
    await Promise.all([ask('first', 'fresh'), ask('old', 'later'), ask('new', 'fresh')]);
    expect(order).toEqual(['first', 'old', 'new']);
  });

  it('refuses each replay past the time limit, losing none of those handed to the same worker behind it', async () => {
    pool = new VerifyPool(1, { depth: 3, timeLimitMs: 1 });
    await pool.ready();
    const outcomes = await Promise.all(attempts(1).map((a) => pool!.verify(a)));
    for (const o of outcomes) expect(o).toMatchObject({ ok: false, message: expect.stringMatching(/took longer/) });
    expect(pool.workers).toBe(1);
  });

  it("lets students take turns: ten slow attempts from one delay another's verdict by at most one replay", async () => {
    pool = new VerifyPool(1, { depth: 2 });
    await pool.ready();
    const [a] = attempts(2);
    // A well-formed but slow attempt: hundreds of checks replay before the result is found wrong.
    const slow: Attempt = {
      ...structuredClone(a),
      events: [...a.events.slice(0, 5), ...new Array(700).fill({ type: 'rules.check' }), ...a.events.slice(5)],
    };
    const order: string[] = [];
    const hers = Array.from({ length: 10 }, (_, i) =>
      pool!.verify(slow, 'fresh', { owner: 'mallory', cost: 2000 }).then(() => void order.push(`slow${i}`)),
    );
    await new Promise((r) => setTimeout(r, 50));
    const doneBefore = order.length;
    const his = pool.verify(attempts(1)[0], 'fresh', { owner: 'bob', cost: 80 }).then((o) => {
      order.push('bob');
      return o;
    });
    expect((await his).ok).toBe(true);
    await Promise.all(hers);
    // Bob's verdict came right after the slow replay running when he asked.
    expect(order.indexOf('bob') - doneBefore, `${doneBefore} ${order.join()}`).toBeLessThanOrEqual(1);
    expect(order.indexOf('bob')).toBeLessThan(5);
  });

  it('an attempt finished within a minute of now is fresh; older, future or unreadable times are not', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    const at = (time: string) => ({ ...attempts(1)[0], time });
    expect(priorityOf(at('2026-12-01T09:59:30Z'), now)).toBe('fresh');
    expect(priorityOf(at('2026-12-01T09:58:00Z'), now)).toBe('later');
    expect(priorityOf(at('yesterday'), now)).toBe('later');
    expect(priorityOf(at('2026-12-02T10:00:00Z'), now)).toBe('later');
  });
});

describe("a worker's level cache", () => {
  it('loads a level once, frozen, and replays stay true with it (chapter 5 and the fixture chapters)', async () => {
    const chapter = keepLevelLoaded({ ...ch5 });
    const level = chapter.loadLevel();
    expect(chapter.loadLevel()).toBe(level);
    expect(Object.isFrozen(level)).toBe(true);
    expect(() => {
      (level as { version: number }).version = 99;
    }).toThrow();
    // Every replay of the fixture chapters and of a played chapter 5, twice, with levels kept loaded.
    const { loadChapter } = await import('../../../src/levels/chapters');
    for (const n of [1, 2, 3, 5]) keepLevelLoaded((await loadChapter(n))!);
    const events = playAll(7);
    const real = ch5.loadLevel() as { version: number };
    const { replayChapter } = await import('../../../src/levels/shared/replay');
    const result = replayChapter(ch5, real, 7, events).result;
    const played: Attempt = {
      chapter: 5,
      levelVersion: real.version,
      seed: 7,
      events,
      result,
      time: '2026-12-01T10:00:00Z',
    };
    for (let round = 0; round < 2; round++)
      for (const a of [...attempts(1), ...attempts(2), ...attempts(3), played])
        expect((await verifyAttempt(a)).ok, `chapter ${a.chapter}, round ${round}`).toBe(true);
  });
});
