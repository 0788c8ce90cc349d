// Each chapter's strict event rules (ChapterEvents): every genuine attempt passes them (the fixture
// save, the game's reference attempts, and attempts played by the scripted players of each
// chapter), and anything else is refused: an unknown event, an unknown or out-of-bounds field,
// a nested value, too many events, a replay over the chapter's budget.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/attempts/attempt';
import type { SitLevel } from '../../../src/levels/ch1/sitLevel';
import { loadRulebookLevel } from '../../../src/levels/ch2/rulebookLevel';
import { loadAppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';
import { loadMinskyLevel } from '../../../src/levels/ch4/minskyLevel';
import { loadDigitDemonLevel } from '../../../src/levels/ch6/digitDemonLevel';
import { loadChapterEvents } from '../../../src/levels/chapterEvents';
import { loadChapter } from '../../../src/levels/chapters';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { checkAttemptShape } from '../../../src/server/attemptGuard';
import { playRulebook, scriptFor } from './ch2Player';
import { playAppleLamp } from './ch3-player';
import { playChapter } from './ch4/ch4Player';
import { playAll } from './ch5/ch5-player';
import { runEvents } from './ch6/ch6-player';
import { playSit } from './sitTrainer';

const FIXTURE = JSON.parse(
  readFileSync(new URL('../../fixtures/save-v2-2026-12-01.json', import.meta.url), 'utf8'),
) as {
  attempts: Attempt[];
};
const reference = (n: number) =>
  JSON.parse(readFileSync(new URL(`../../../levels/reference/ch${n}.json`, import.meta.url), 'utf8')) as Attempt;

const attemptOf = (chapter: number, events: readonly { type: string }[]): Attempt => ({
  chapter,
  levelVersion: 1,
  seed: 1,
  events: structuredClone(events) as Attempt['events'],
  result: { passed: true, stars: 3 },
  time: '2026-12-01T10:00:00Z',
});

/** Attempts played by the chapters' scripted players, on a few seeds. */
function played(): Attempt[] {
  const out: Attempt[] = [];
  const sit = loadSitLevel() as SitLevel;
  for (const seed of [1, 2, 3]) out.push(attemptOf(1, playSit(sit, seed).getSnapshot().context.events));
  const rulebook = loadRulebookLevel();
  for (const side of ['wang', 'li'] as const)
    out.push(attemptOf(2, playRulebook(rulebook, 4, scriptFor(side)).getSnapshot().context.events));
  const lamp = loadAppleLampLevel();
  for (const byKnob of [false, true])
    out.push(attemptOf(3, playAppleLamp(lamp, 5, { byKnob, challenge: 'bit' }).getSnapshot().context.events));
  const minsky = loadMinskyLevel();
  out.push(
    attemptOf(
      4,
      playChapter(minsky, 6, { dataset: 'circle', layers: [4], activation: 'tanh', rate: 1, epochs: 300 }).getSnapshot()
        .context.events,
    ),
  );
  out.push(attemptOf(5, playAll(7)));
  out.push(attemptOf(6, runEvents(loadDigitDemonLevel())));
  return out;
}

describe("chapters' strict event rules", () => {
  it('are the ones each chapter states in its contract', async () => {
    for (let n = 1; n <= 6; n++)
      expect((await loadChapter(n))?.events, `chapter ${n}`).toBe(await loadChapterEvents(n));
  });

  it('pass every genuine attempt: the fixture save, the reference attempts and played ones', async () => {
    const all = [...FIXTURE.attempts, ...[1, 2, 3, 4, 5, 6].map(reference), ...played()];
    expect(new Set(all.map((a) => a.chapter))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const a of all) {
      const verdict = await checkAttemptShape(a);
      expect(verdict, `chapter ${a.chapter}, ${a.events.length} events`).toMatchObject({ ok: true });
    }
  });

  it('refuse unknown events, unknown or out-of-bounds fields and nested values', async () => {
    const base = FIXTURE.attempts.find((a) => a.chapter === 2)!;
    const withEvent = (e: Record<string, unknown>, chapter = base) => ({
      ...structuredClone(chapter),
      events: [...chapter.events.slice(0, 3), e, ...chapter.events.slice(3)] as Attempt['events'],
    });
    const ch3 = FIXTURE.attempts.find((a) => a.chapter === 3)!;
    const bad: Attempt[] = [
      withEvent({ type: 'admin.win' }),
      withEvent({ type: 'rules.check', extra: 1 }),
      withEvent({ type: 'tile.add', rule: 0, fact: { nested: { deeper: [1, 2, 3] } } }),
      withEvent({ type: 'tile.add', rule: 1e9, fact: 'red' }),
      withEvent({ type: 'tile.add', rule: 0, fact: 'x'.repeat(5000) }),
      withEvent({ type: 'tile.threshold', rule: 0, tile: 1, value: 'NaN' }),
      withEvent({ type: 'knobs.load', source: 'mine', weights: [[1, 2]], threshold: 1 }, ch3),
      withEvent({ type: 'knobs.load', source: 'mine', weights: new Array(500).fill(1), threshold: 1 }, ch3),
      withEvent({ type: 'dialogue.next' }),
    ];
    for (const a of bad) {
      const verdict = await checkAttemptShape(a);
      expect(verdict, JSON.stringify(a.events[3]).slice(0, 80)).toMatchObject({ ok: false, code: 'unknown-event' });
    }
    const nestedResult = { ...structuredClone(base), result: { ...base.result, extra: { a: [1] } } };
    expect(await checkAttemptShape(nestedResult as Attempt)).toMatchObject({ ok: false, code: 'bad-result' });
  });

  it('refuse more events than a real attempt has, or a replay over budget, at once', async () => {
    const base = FIXTURE.attempts.find((a) => a.chapter === 2)!;
    const stuffed: Attempt = {
      ...structuredClone(base),
      events: [...base.events.slice(0, 5), ...new Array(19_000).fill({ type: 'rules.check' }), ...base.events.slice(5)],
    };
    const t0 = performance.now();
    expect(await checkAttemptShape(stuffed)).toMatchObject({ ok: false, code: 'too-many-events' });
    expect(performance.now() - t0).toBeLessThan(100);
    const checks: Attempt = {
      ...structuredClone(base),
      events: [...base.events.slice(0, 5), ...new Array(900).fill({ type: 'rules.check' }), ...base.events.slice(5)],
    };
    expect(await checkAttemptShape(checks)).toMatchObject({ ok: false, code: 'too-costly' });
    const ch4 = reference(4);
    const trained: Attempt = {
      ...ch4,
      events: ch4.events.flatMap((e) =>
        e.type === 'train.run'
          ? [
              e,
              { type: 'rate.set', rate: 0.3 },
              { type: 'train.run', epochs: 6000 },
              { type: 'rate.set', rate: 1 },
              { type: 'train.run', epochs: 6000 },
            ]
          : [e],
      ),
    };
    expect(await checkAttemptShape(trained)).toMatchObject({ ok: false, code: 'too-costly' });
  });
});
