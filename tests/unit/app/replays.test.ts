// Replays and the replays screen's flows: stepping a replay gives the same state at step k as
// playing the first k events; the player machine plays, pauses, steps, seeks and keeps speed by
// game time; the app opens, watches, compares, adds, deletes and starts presets as the issue asks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { appMachine, type AppEvent } from '../../../src/app/appMachine';
import { replayMachine, ReplayTimeline, REPLAY_SPEEDS } from '../../../src/app/replayPlayer';
import { freshSave, type Attempt } from '../../../src/app/saveSchema';
import { addAttempt, MAX_ATTEMPTS } from '../../../src/app/saveStore';
import { attemptLinkHash, presetLinkHash } from '../../../src/app/share';
import ch3 from '../../../src/levels/ch3';
import { loadChapter } from '../../../src/levels/chapters';
import { runEvents } from '../../../src/levels/shared/replay';

const FIXTURE = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/save-v2-2026-12-01.json'), 'utf8'),
) as { attempts: Attempt[] };

describe('the replay timeline', () => {
  it('gives at step k the same state as playing the first k events, going forwards and back', () => {
    for (const attempt of FIXTURE.attempts.filter((a) => a.chapter === 3)) {
      const level = ch3.loadLevel();
      const timeline = new ReplayTimeline(ch3, level, attempt.seed, attempt.events);
      expect(timeline.length).toBe(attempt.events.length);
      const order = [attempt.events.length, 0, 3, 1, attempt.events.length - 1, 7];
      for (const k of order) {
        const played = runEvents(ch3.machine, ch3.input(level, attempt.seed, {}), attempt.events.slice(0, k) as never);
        const stepped = timeline.at(k);
        expect(stepped.value, `step ${k}`).toEqual(played.value);
        expect(JSON.stringify(ch3.view(stepped as never)), `view at step ${k}`).toBe(
          JSON.stringify(ch3.view(played as never)),
        );
      }
      // The end is the attempt's result, and going back did not replay from the start.
      expect((timeline.at(attempt.events.length) as { output?: unknown }).output).toEqual(attempt.result);
      expect(timeline.computed).toBe(attempt.events.length);
      timeline.stop();
    }
  });
});

describe("every chapter's replay", () => {
  it('is at step k what playing the first k events gives, for each reference attempt', async () => {
    for (let n = 1; n <= 6; n++) {
      const attempt = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../levels/reference/ch${n}.json`), 'utf8'),
      ) as Attempt;
      const chapter = (await loadChapter(n))!;
      const level = chapter.loadLevel();
      const timeline = new ReplayTimeline(chapter, level, attempt.seed, attempt.events);
      const len = attempt.events.length;
      for (const k of [len, 1, Math.floor(len / 2), 0]) {
        const played = runEvents(
          chapter.machine,
          chapter.input(level, attempt.seed, {}),
          attempt.events.slice(0, k) as never,
        );
        expect(JSON.stringify(chapter.view(timeline.at(k) as never)), `chapter ${n}, step ${k}`).toBe(
          JSON.stringify(chapter.view(played as never)),
        );
      }
      expect((timeline.at(len) as { output?: unknown }).output).toEqual(attempt.result);
      // The last frame shows what it says: no "read the card" without a card, no "start the show".
      const end = chapter.view(timeline.at(len) as never) as { line?: { key?: string } };
      expect(['chapter.done', 'ch2.guide.done', 'ch6.line.ending'], `chapter ${n}'s last line`).toContain(
        end.line?.key,
      );
      timeline.stop();
    }
  }, 60_000);
});

describe('the replay player', () => {
  it('plays by game time at its speed, pauses at the end, and steps, seeks and rewinds', () => {
    const p = createActor(replayMachine, { input: { length: 5, speedIndex: 0 } }).start();
    const pos = () => p.getSnapshot().context.position;
    expect(REPLAY_SPEEDS[0]).toBe(1);
    p.send({ type: 'replay.play' });
    p.send({ type: 'replay.tick', ms: 400 });
    expect(pos()).toBe(0);
    p.send({ type: 'replay.tick', ms: 700 });
    expect(pos()).toBe(1);
    // A very long frame moves one step only: every step is shown.
    p.send({ type: 'replay.tick', ms: 60_000 });
    expect(pos()).toBe(2);
    p.send({ type: 'replay.speed', index: 3 });
    for (let i = 0; i < 20; i++) p.send({ type: 'replay.tick', ms: 130 });
    expect(pos()).toBe(5);
    expect(p.getSnapshot().value).toBe('paused');
    p.send({ type: 'replay.step', by: -1 });
    expect(pos()).toBe(4);
    p.send({ type: 'replay.seek', to: 99 });
    expect(pos()).toBe(5);
    p.send({ type: 'replay.play' });
    expect(pos()).toBe(0);
    expect(p.getSnapshot().value).toBe('playing');
    p.send({ type: 'replay.step', by: 1 });
    expect(p.getSnapshot().value).toBe('paused');
    p.send({ type: 'replay.tick', ms: 5000 });
    expect(pos()).toBe(1);
    p.send({ type: 'replay.seek', to: -3 });
    expect(pos()).toBe(0);
  });
});

describe('the save when full', () => {
  it('removes the oldest attempts that are not a chapter best, and says which', () => {
    let save = freshSave('en');
    const mk = (chapter: number, stars: number, i: number): Attempt => ({
      ...FIXTURE.attempts[0],
      chapter,
      result: { passed: stars > 0, stars },
      time: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
    });
    save = addAttempt(save, mk(2, 3, 0)).save; // chapter 2's best, the oldest of all
    for (let i = 1; i < MAX_ATTEMPTS; i++) save = addAttempt(save, mk(1, 1, i)).save;
    expect(save.attempts).toHaveLength(MAX_ATTEMPTS);
    const out = addAttempt(save, mk(1, 2, 99));
    expect(out.save.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(out.removed).toHaveLength(1);
    expect(out.removed[0].chapter).toBe(1);
    expect(out.save.attempts[0].chapter).toBe(2);
    expect(out.save.attempts.at(-1)?.result.stars).toBe(2);
  });
});

function startApp(attempts: Attempt[], stars: Record<string, number> = { '1': 3, '2': 3, '3': 2 }) {
  const writes: string[] = [];
  const app = createActor(
    appMachine.provide({ actions: { persist: ({ context }) => void writes.push(JSON.stringify(context.save)) } }),
    { input: { save: { ...freshSave('en'), progress: { stars }, attempts }, problem: null } },
  ).start();
  app.send({ type: 'boot.done' });
  app.send({ type: 'title.play' });
  return { app, writes };
}

const screenOf = (app: ReturnType<typeof startApp>['app']) => app.getSnapshot().value as { screen: unknown };

describe('the replays screens in the app', () => {
  it('opens a chapter list, deletes (persisting), watches, and goes back', async () => {
    const { app, writes } = startApp([...FIXTURE.attempts]);
    app.send({ type: 'replays.open', chapter: 3 });
    await waitFor(app, (s) => s.matches({ screen: { replays: 'showing' } }));
    app.send({ type: 'replays.delete', index: 0 });
    expect(app.getSnapshot().context.save.attempts).toHaveLength(FIXTURE.attempts.length - 1);
    expect(writes).toHaveLength(1);
    const i = app.getSnapshot().context.save.attempts.findIndex((a) => a.chapter === 3);
    app.send({ type: 'replays.watch', index: i });
    await waitFor(app, (s) => s.matches({ screen: { watch: 'showing' } }));
    const ctx = app.getSnapshot().context;
    expect(ctx.run?.seed).toBe(ctx.save.attempts[i].seed);
    const player = ctx.replayPlayer;
    if (!player) throw new Error('a replay has a player');
    player.send({ type: 'replay.seek', to: 1e9 });
    // The seek is answered at once; the end is drawn when its step is computed.
    const length = ctx.save.attempts[i].events.length;
    expect((player.getSnapshot() as { context: { position: number } }).context.position).toBe(length);
    await waitFor(player, (p: { context: { ready: number } }) => p.context.ready === length);
    const watched = ctx.run?.ref.getSnapshot() as { output?: unknown } | undefined;
    expect(watched?.output).toEqual(ctx.save.attempts[i].result);
    // The chapter's own Map button leaves the replay (no "leave this chapter?" question).
    app.send({ type: 'chapter.quit' } as AppEvent);
    expect(screenOf(app).screen).toMatchObject({ replays: expect.any(String) });
    expect(app.getSnapshot().context.run).toBeNull();
    app.send({ type: 'replays.watch', index: 999 });
    expect(screenOf(app).screen).toMatchObject({ replays: expect.any(String) });
  });

  it('compares two attempts of the chapter, and refuses a pair from another chapter', async () => {
    const { app } = startApp([...FIXTURE.attempts]);
    app.send({ type: 'replays.open', chapter: 3 });
    const idx = FIXTURE.attempts.map((a, i) => (a.chapter === 3 ? i : -1)).filter((i) => i >= 0);
    app.send({ type: 'replays.compare', a: { index: 0 }, b: { index: idx[0] } });
    expect(screenOf(app).screen).toMatchObject({ replays: expect.any(String) });
    app.send({ type: 'replays.compare', a: { index: idx[0] }, b: { index: idx[1] } });
    const done = await waitFor(app, (s) => s.matches({ screen: { compare: 'showing' } }), { timeout: 20_000 });
    const report = done.context.compare;
    expect(report?.chapter).toBe(3);
    expect(report?.a.verified && report?.b.verified).toBe(true);
    expect(report?.steps).toEqual([FIXTURE.attempts[idx[0]].events.length, FIXTURE.attempts[idx[1]].events.length]);
    app.send({ type: 'compare.close' });
    expect(app.getSnapshot().context.compare).toBeNull();
  });

  it('adds a verified shared attempt only when asked, and watches one first if wanted', async () => {
    const attempt = FIXTURE.attempts[4];
    const { app, writes } = startApp([]);
    app.send({ type: 'shared.open', source: 'link', text: attemptLinkHash(attempt).slice('replay='.length) });
    await waitFor(app, (s) => s.matches({ screen: { shared: 'showing' } }), { timeout: 20_000 });
    expect(app.getSnapshot().context.shared?.report?.verified).toBe(true);
    expect(app.getSnapshot().context.save.attempts).toHaveLength(0);
    app.send({ type: 'shared.watch' });
    await waitFor(app, (s) => s.matches({ screen: { watch: 'showing' } }));
    app.send({ type: 'watch.close' });
    expect(app.getSnapshot().matches({ screen: { shared: 'showing' } })).toBe(true);
    app.send({ type: 'shared.add' });
    app.send({ type: 'shared.add' });
    expect(app.getSnapshot().context.save.attempts).toEqual([attempt]);
    expect(writes).toHaveLength(1);
    app.send({ type: 'shared.close' });
    expect(app.getSnapshot().matches({ screen: 'replays' })).toBe(true);
    expect(app.getSnapshot().context.replaysChapter).toBe(3);
  });

  it('replaces a refused link with a good one opened over its card', async () => {
    const attempt = FIXTURE.attempts[4];
    const { app } = startApp([]);
    app.send({ type: 'shared.open', source: 'link', text: 'not-a-replay' });
    await waitFor(app, (s) => s.matches({ screen: { shared: 'showing' } }), { timeout: 20_000 });
    expect(app.getSnapshot().context.shared?.error).not.toBeNull();
    app.send({ type: 'shared.open', source: 'link', text: attemptLinkHash(attempt).slice('replay='.length) });
    const read = await waitFor(app, (s) => s.matches({ screen: { shared: 'showing' } }) && !!s.context.shared?.report, {
      timeout: 20_000,
    });
    expect(read.context.shared?.error).toBeNull();
    expect(read.context.shared?.report?.verified).toBe(true);
    expect(read.context.shared?.report?.attempt).toEqual(attempt);
  });

  it("starts a teacher's preset from its seed and events, and refuses a broken one in words", async () => {
    const { app } = startApp([]);
    const level = ch3.loadLevel() as { version: number };
    const events = FIXTURE.attempts[4].events.slice(0, 5);
    const code = presetLinkHash({ chapter: 3, levelVersion: level.version, seed: 4242, events }).slice(
      'preset='.length,
    );
    app.send({ type: 'preset.open', code: code.slice(0, 20) });
    expect(app.getSnapshot().context.notice).toMatchObject({ kind: 'preset', error: { code: 'damaged' } });
    app.send({ type: 'notice.dismiss' });
    app.send({ type: 'preset.open', code });
    await waitFor(app, (s) => s.matches({ screen: { chapter: 'playing' } }));
    const run = app.getSnapshot().context.run;
    expect(run?.seed).toBe(4242);
    const started = run?.ref.getSnapshot() as { context: { events: unknown[] } } | undefined;
    expect(started?.context.events).toEqual(events);
  });
});
