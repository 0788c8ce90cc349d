// The chapter being played. Opening a chapter loads it (its contract module and level, by the
// injected `loadChapter` actor), then its machine runs as the app's child `chapterRun`; every
// input it records is saved as the unfinished run, and when it finishes the outcome (result,
// stats, carry and the attempt) is computed from its final snapshot through the chapter's
// contract: pure, replay-checked code. Leaving asks first once the run has recorded input.
import { type AnyActorRef, type AnyStateMachine, assign, not, type SnapshotFrom, stopChild } from 'xstate';
import { CHAPTERS, chapterStatus, isPlayable } from '../levels/chapters';
import { replaysVersion, type RecordsEvents } from '../levels/contract';
import { LevelFileError } from '../levels/shared/levelFile';
import { appSetup, type ChapterOutcome, type ChapterRun, eventsOf, type LoadedChapter } from './appSetup';
import { classroomSeed, classroomUnlocks, queueAttempt } from './classroomQueue';
import { addAttempt, withInProgress, withStars } from './saveStore';

/** The outcome of a finished run, from the child's final snapshot through the chapter's contract. */
export function outcomeOf(run: ChapterRun, time: string): ChapterOutcome {
  const final = run.ref.getSnapshot() as SnapshotFrom<AnyStateMachine> & { context: RecordsEvents };
  const result = final.output as { passed: boolean; stars: number } & Record<string, unknown>;
  const carry = run.chapter.carry?.(final);
  const nextStar = run.chapter.nextStar?.(result, run.level);
  return {
    chapter: run.chapter.number,
    stars: result.stars,
    passed: result.passed,
    stats: run.chapter.stats(result),
    attempt: {
      chapter: run.chapter.number,
      levelVersion: run.chapter.levelVersion(run.level),
      seed: run.seed,
      // A plain copy: what the save stores and a replay re-sends.
      events: JSON.parse(JSON.stringify(final.context.events)),
      result: JSON.parse(JSON.stringify(result)),
      time,
    },
    ...(carry ? { carry } : {}),
    ...(nextStar !== undefined ? { nextStar } : {}),
  };
}

export const chapterRunSetup = appSetup.extend({
  guards: {
    chapterPlayable: ({ context }, params: { chapter: number }) => {
      const info = CHAPTERS.find((c) => c.number === params.chapter);
      return !!info && isPlayable(chapterStatus(info, context.save.progress.stars, classroomUnlocks(context.save)));
    },
    /** Leaving would lose input: the run has recorded events (then the player is asked first). */
    runHasProgress: ({ context }) => context.watch === null && context.run !== null && eventsOf(context.run).length > 0,
  },
  actions: {
    openChapter: assign((_, params: { chapter: number }) => ({ chapter: params.chapter, outcome: null })),
    startRun: assign(({ context, spawn }, { chapter, level }: LoadedChapter) => {
      // An unfinished run of this chapter (same level version) is resumed: same seed, and its
      // recorded events are replayed into the new machine below, which brings it exactly back.
      // A teacher's preset starts the run from its seed and events instead.
      const preset =
        context.preset?.chapter === chapter.number && replaysVersion(chapter, level, context.preset.levelVersion)
          ? context.preset
          : null;
      const saved = context.save.inProgress?.[String(chapter.number)];
      // In a class, only a run on the class's seed for this chapter counts: another is not resumed.
      const classSeed = classroomSeed(context.save, chapter.number);
      const resume =
        preset ??
        (saved && replaysVersion(chapter, level, saved.levelVersion) && (classSeed === null || saved.seed === classSeed)
          ? saved
          : null);
      const seed = resume ? resume.seed : (classSeed ?? context.newSeed()) >>> 0;
      const input = chapter.input(level, seed, context.save.progress.carry ?? {});
      // The chapter's machine is only known at run time, so the typed spawn (which checks
      // logic against the actors declared in appSetup) is widened to any state machine.
      const spawnAny = spawn as unknown as (
        logic: AnyStateMachine,
        options: { id: string; input: unknown },
      ) => AnyActorRef;
      const ref = spawnAny(context.provideChapter(chapter.number, chapter.machine, input), { id: 'chapterRun', input });
      if (resume) {
        // Queued until the child starts (at the end of this step); the intro is skipped, since
        // dialogue is never recorded.
        ref.send({ type: 'dialogue.skip' });
        for (const e of resume.events) ref.send(e);
      }
      const presetRefused =
        context.preset && !preset
          ? { kind: 'preset' as const, error: { code: 'otherLevel' as const, detail: '' } }
          : null;
      return {
        run: { chapter, level, seed, ref },
        loadProblem: null,
        preset: null,
        notice: presetRefused ?? context.notice,
      };
    }),
    noteProgress: assign(({ context }) => {
      const run = context.run;
      if (!run) return {};
      const events = eventsOf(run);
      return {
        save: withInProgress(
          context.save,
          run.chapter.number,
          events.length
            ? {
                levelVersion: run.chapter.levelVersion(run.level),
                seed: run.seed,
                events: JSON.parse(JSON.stringify(events)),
                time: context.now().toISOString(),
              }
            : null,
        ),
      };
    }),
    forgetProgress: assign(({ context }) =>
      context.chapter === null ? {} : { save: withInProgress(context.save, context.chapter, null) },
    ),
    noteLoadProblem: assign(({ context }, params: { error: unknown }) => ({
      loadProblem: {
        kind: params.error instanceof LevelFileError ? ('level' as const) : ('load' as const),
        chapter: context.chapter ?? 0,
        message: params.error instanceof Error ? params.error.message : String(params.error),
      },
    })),
    clearRun: assign({ run: null }),
    recordOutcome: assign(({ context }) => {
      if (!context.run) return {};
      const o = outcomeOf(context.run, context.now().toISOString());
      const finished = withInProgress(context.save, o.chapter, null);
      // In a class, the attempt also waits in the save's queue until the class's server answers.
      const added = addAttempt(withStars(finished, o.chapter, o.stars), o.attempt);
      const saved = queueAttempt(added.save, o.attempt, context.newId());
      const save = o.carry
        ? {
            ...saved,
            progress: { ...saved.progress, carry: { ...saved.progress.carry, [String(o.chapter)]: o.carry } },
          }
        : saved;
      const notice = added.removed.length ? { kind: 'pruned' as const, count: added.removed.length } : context.notice;
      return { outcome: o, save, run: null, notice };
    }),
  },
});

/** The chapter screen: loading, playing (the run is the child `chapterRun`), or why it failed. */
export const chapterScreen = chapterRunSetup.createStateConfig({
  initial: 'loading',
  // Exit actions run before a transition's own: the finished run is read by recordOutcome
  // and cleared there (or on quitting).
  exit: stopChild('chapterRun'),
  // Quitting a run with recorded input asks first (the app's leave region); an untouched
  // run just closes. Going to the map keeps the run's place; starting over forgets it.
  on: {
    'chapter.quit': { guard: not('runHasProgress'), target: 'map', actions: 'clearRun' },
    'leave.go': { target: 'map', actions: 'clearRun' },
    'leave.restart': { target: '#app.screen.chapter', reenter: true, actions: ['forgetProgress', 'persist'] },
  },
  states: {
    loading: {
      invoke: {
        src: 'loadChapter',
        input: ({ context }) => ({ chapter: context.chapter ?? 0 }),
        onDone: { target: 'playing', actions: { type: 'startRun', params: ({ event }) => event.output } },
        onError: {
          target: 'failed',
          actions: { type: 'noteLoadProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    playing: {
      invoke: { src: 'watchRun', input: ({ context }) => ({ ref: context.run?.ref ?? null }) },
      on: {
        'chapter.progress': { actions: ['noteProgress', 'persist'] },
        'xstate.done.actor.chapterRun': {
          target: '#app.screen.results',
          actions: ['recordOutcome', 'persist'],
        },
      },
    },
    // The level file is broken or the chapter's code could not be fetched: the scene
    // explains it; trying again reloads (after the network is back, for example).
    failed: { on: { 'chapter.reload': 'loading' } },
  },
});
