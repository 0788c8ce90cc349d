import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assign, createActor, fromPromise, setup, waitFor, type AnyActorRef } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { appMachine, type AppEvent, type LoadedChapter } from '../../../src/app/appMachine';
import { freshSave, type Attempt } from '../../../src/app/saveSchema';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import { defineChapter } from '../../../src/levels/contract';
import { LevelFileError } from '../../../src/levels/shared/levelFile';
import ch1 from '../../../src/levels/ch1';
import ch2 from '../../../src/levels/ch2';

// A stand-in chapter: 'win' finishes with the stars asked for, recording the event.
const tinyMachine = setup({
  types: {
    context: {} as { seed: number; events: { type: string; stars?: number }[]; stars: number },
    events: {} as { type: 'win'; stars: number } | { type: 'dialogue.skip' },
    input: {} as { seed: number },
    output: {} as { passed: boolean; stars: number },
  },
}).createMachine({
  context: ({ input }) => ({ seed: input.seed, events: [], stars: 0 }),
  initial: 'play',
  states: {
    play: {
      on: {
        win: {
          target: 'done',
          actions: assign({
            events: ({ context, event }) => [...context.events, event],
            stars: ({ event }) => (event.type === 'win' ? event.stars : 0),
          }),
        },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ passed: context.stars > 0, stars: context.stars }),
});
const tiny = (number: 1 | 2) =>
  defineChapter({
    number,
    levelFile: 'levels/tiny.json',
    loadLevel: () => ({ version: 7 }),
    levelVersion: (l) => l.version,
    events: { schema: { safeParse: () => ({ success: true }) }, maxEvents: 10, maxReplayCost: 10 },
    machine: tinyMachine,
    input: (_level, seed) => ({ seed }),
    view: (snap) => snap.context,
    stats: (result) => ({ stars: result.stars }),
    carry: (snap) => ({ seedSeen: snap.context.seed }),
  });

function start(stars: Record<string, number> = {}, load?: (chapter: number) => Promise<LoadedChapter>) {
  const save = { ...freshSave('en'), progress: { stars } };
  const saved: unknown[] = [];
  const loader = load ?? (async (chapter: number) => ({ chapter: tiny(chapter as 1 | 2), level: { version: 7 } }));
  const actor = createActor(
    appMachine.provide({
      actions: { persist: ({ context }) => void saved.push(context.save) },
      actors: { loadChapter: fromPromise(({ input }: { input: { chapter: number } }) => loader(input.chapter)) },
    }),
    { input: { save, problem: null, newSeed: () => 42, now: () => new Date('2026-12-01T10:00:00Z') } },
  ).start();
  return { actor, saved };
}

type App = ReturnType<typeof start>['actor'];
const screen = (a: App) => {
  const v = (a.getSnapshot().value as { screen: string | Record<string, string> }).screen;
  return typeof v === 'string' ? v : Object.keys(v)[0];
};
const playing = (a: App) => waitFor(a, (s) => s.matches({ screen: { chapter: 'playing' } }));
const run = (a: App): AnyActorRef => a.getSnapshot().context.run!.ref;

describe('app machine', () => {
  it("runs each chapter's machine as its provideChapter input returns it (the page's actors)", async () => {
    const calls: number[] = [];
    const provided = tinyMachine.provide({});
    const actor = createActor(
      appMachine.provide({
        actions: { persist: () => {} },
        actors: {
          loadChapter: fromPromise(
            async ({ input }: { input: { chapter: number } }): Promise<LoadedChapter> => ({
              chapter: tiny(input.chapter as 1 | 2),
              level: { version: 7 },
            }),
          ),
        },
      }),
      {
        input: {
          save: freshSave('en'),
          problem: null,
          provideChapter: (chapter, machine) => {
            calls.push(chapter);
            expect(machine).toBe(tinyMachine);
            return provided;
          },
        },
      },
    ).start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    expect(calls).toEqual([1]);
    expect((run(actor) as AnyActorRef & { logic: unknown }).logic).toBe(provided);
  });

  it('walks boot → title → map → chapter → results → map, saving stars, carry and the attempt', async () => {
    const { actor, saved } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    expect(screen(actor)).toBe('map');
    actor.send({ type: 'chapter.open', chapter: 1 });
    expect(screen(actor)).toBe('chapter');
    await playing(actor);
    expect(actor.getSnapshot().context.run?.seed).toBe(42);
    run(actor).send({ type: 'win', stars: 2 });
    expect(screen(actor)).toBe('results');
    const { save, outcome, run: after } = actor.getSnapshot().context;
    expect(after).toBeNull();
    expect(save.progress.stars['1']).toBe(2);
    expect(save.progress.carry?.['1']).toEqual({ seedSeen: 42 });
    expect(save.attempts).toEqual([
      {
        chapter: 1,
        levelVersion: 7,
        seed: 42,
        events: [{ type: 'win', stars: 2 }],
        result: { passed: true, stars: 2 },
        time: '2026-12-01T10:00:00.000Z',
      },
    ]);
    expect(outcome?.stats).toEqual({ stars: 2 });
    expect(saved).toHaveLength(1);
    actor.send({ type: 'results.map' });
    expect(screen(actor)).toBe('map');
  });

  it('refuses locked and unbuilt chapters', () => {
    const { actor } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 6 });
    expect(screen(actor)).toBe('map');
    actor.send({ type: 'chapter.open', chapter: 2 });
    expect(screen(actor)).toBe('map');
    actor.send({ type: 'chapter.open', chapter: 99 });
    expect(screen(actor)).toBe('map');
  });

  it('"next" with nothing playable after goes back to the map; retry re-enters the chapter with a new run', async () => {
    const { actor } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    const first = run(actor);
    first.send({ type: 'win', stars: 0 });
    actor.send({ type: 'results.retry' });
    expect(screen(actor)).toBe('chapter');
    await playing(actor);
    expect(run(actor)).not.toBe(first);
    run(actor).send({ type: 'win', stars: 0 });
    actor.send({ type: 'results.next' });
    expect(screen(actor)).toBe('map');
  });

  it('quitting a chapter stops its machine and records nothing', async () => {
    const { actor, saved } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    const ref = run(actor);
    actor.send({ type: 'chapter.quit' });
    expect(screen(actor)).toBe('map');
    expect(ref.getSnapshot().status).toBe('stopped');
    expect(actor.getSnapshot().context.save.attempts).toEqual([]);
    expect(saved).toHaveLength(0);
  });

  it('a broken level or a failed download is explained, and the chapter can be tried again', async () => {
    let fail: Error | null = new LevelFileError('levels/tiny.json', ["field 'version': expected a number"]);
    const { actor } = start({}, async (chapter) => {
      if (fail) throw fail;
      return { chapter: tiny(chapter as 1), level: { version: 7 } };
    });
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    await waitFor(actor, (s) => s.matches({ screen: { chapter: 'failed' } }));
    expect(actor.getSnapshot().context.loadProblem).toMatchObject({ kind: 'level', chapter: 1 });
    expect(actor.getSnapshot().context.loadProblem?.message).toMatch(/levels\/tiny\.json.*version/s);
    fail = new TypeError('Failed to fetch dynamically imported module');
    actor.send({ type: 'chapter.reload' });
    await waitFor(actor, (s) => s.matches({ screen: { chapter: 'failed' } }));
    expect(actor.getSnapshot().context.loadProblem?.kind).toBe('load');
    fail = null;
    actor.send({ type: 'chapter.reload' });
    await playing(actor);
    expect(actor.getSnapshot().context.loadProblem).toBeNull();
  });

  it('runs the real chapters: a recorded attempt sent to the running chapter gives the outcome a replay verifies', async () => {
    const save = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/save-v2-2026-12-01.json'), 'utf8'));
    for (const recorded of (save.attempts as Attempt[]).filter((a) => a.chapter <= 2)) {
      const seeded = createActor(
        appMachine.provide({
          actors: {
            loadChapter: fromPromise(async ({ input }: { input: { chapter: number } }) => {
              const chapter = input.chapter === 1 ? ch1 : ch2;
              return { chapter, level: chapter.loadLevel() };
            }),
          },
        }),
        {
          input: {
            save: { ...freshSave('en'), progress: { stars: { '1': 3 } } },
            problem: null,
            newSeed: () => recorded.seed,
          },
        },
      ).start();
      seeded.send({ type: 'boot.done' });
      seeded.send({ type: 'title.play' });
      seeded.send({ type: 'chapter.open', chapter: recorded.chapter });
      await playing(seeded);
      const ref = run(seeded);
      ref.send({ type: 'dialogue.skip' });
      for (const e of recorded.events) ref.send(e);
      expect(screen(seeded)).toBe('results');
      const outcome = seeded.getSnapshot().context.outcome!;
      expect(outcome.attempt.result).toEqual(recorded.result);
      expect(outcome.attempt.events).toEqual(recorded.events);
      const v = await verifyAttempt(outcome.attempt);
      expect(v.ok).toBe(true);
      // Stats and carry come from the same contract functions a replay runs.
      expect(outcome.stats).toEqual(v.replay?.stats);
      expect(outcome.carry).toEqual(v.replay?.carry);
      if (recorded.chapter === 2) expect(outcome.carry).toHaveProperty('appleRule');
    }
  });

  it("runs the chapter's machine as provideChapter gives it (the page's implementations of its actors)", async () => {
    const asked: number[] = [];
    // The provided machine finishes with three stars whatever the event asks for.
    const threeStars = setup({
      types: { input: {} as { seed: number }, output: {} as { passed: boolean; stars: number } },
    }).createMachine({
      context: { events: [{ type: 'win' }] },
      on: { win: '.done' },
      initial: 'play',
      states: { play: {}, done: { type: 'final' } },
      output: () => ({ passed: true, stars: 3 }),
    });
    const actor = createActor(
      appMachine.provide({
        actors: {
          loadChapter: fromPromise(
            async ({ input }: { input: { chapter: number } }): Promise<LoadedChapter> => ({
              chapter: tiny(input.chapter as 1),
              level: { version: 7 },
            }),
          ),
        },
      }),
      {
        input: {
          save: freshSave('en'),
          problem: null,
          provideChapter: (chapter, machine) => {
            asked.push(chapter);
            expect(machine).toBe(tinyMachine);
            return threeStars;
          },
        },
      },
    ).start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    run(actor).send({ type: 'win', stars: 1 });
    expect(asked).toEqual([1]);
    expect(actor.getSnapshot().context.outcome?.stars).toBe(3);
  });

  it('settings open over any screen, change and persist', () => {
    const { actor, saved } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'settings.open' });
    actor.send({ type: 'settings.change', settings: { locale: 'zh-CN', volume: 0.3 } });
    expect(actor.getSnapshot().context.save.settings).toMatchObject({ locale: 'zh-CN', volume: 0.3 });
    expect(saved).toHaveLength(1);
    actor.send({ type: 'settings.close' });
    expect((actor.getSnapshot().value as { settings: string }).settings).toBe('closed');
    expect(screen(actor)).toBe('title');
  });

  it('every screen is reachable (shortest paths)', () => {
    const events: AppEvent[] = [
      { type: 'boot.done' },
      { type: 'title.play' },
      { type: 'chapter.open', chapter: 1 },
      { type: 'chapter.quit' },
      { type: 'settings.open' },
      { type: 'settings.close' },
    ];
    const paths = getShortestPaths(appMachine, {
      input: { save: freshSave('en'), problem: null },
      events,
      serializeState: (s) => JSON.stringify(s.value),
    });
    const reached = new Set(
      paths.map((p) => {
        const v = (p.state.value as { screen: string | Record<string, string> }).screen;
        return typeof v === 'string' ? v : `${Object.keys(v)[0]}.${Object.values(v)[0]}`;
      }),
    );
    expect([...reached].sort()).toEqual(['boot', 'chapter.loading', 'map', 'title']);
  });
});
