// The app's screens: boot → title → chapter map → chapter → results → map, with settings as a
// parallel region that can open over any screen. A chapter is loaded (its contract module and
// level, by the injected `loadChapter` actor), then its machine runs as this machine's child;
// when the child finishes, the outcome (result, stats, carry and the attempt) is computed here,
// from the child's final snapshot through the chapter's contract: pure, replay-checked code.
// Saving is an injected action (`persist`), so tests run the machine against in-memory storage.
import {
  not,
  assign,
  fromCallback,
  fromPromise,
  setup,
  stopChild,
  type AnyActorRef,
  type SnapshotFrom,
  type AnyStateMachine,
} from 'xstate';
import { CHAPTERS, chapterStatus, isPlayable, loadChapter } from '../levels/chapters';
import type { AnyChapter, RecordsEvents } from '../levels/contract';
import { LevelFileError } from '../levels/shared/levelFile';
import { classroomUnlocks, queueAttempt, settleAttempt, withClassroom, withRoomInfo } from './classroomQueue';
import type { Attempt, ClassroomState, ClassroomVerdict, SaveData, Settings } from './saveSchema';
import { withAttempt, withInProgress, withStars, type SaveProblem } from './saveStore';

export interface ChapterOutcome {
  chapter: number;
  stars: number;
  passed: boolean;
  /** Numbers for the results card, e.g. { trials: 31, correct: 10, size: 10 }. */
  stats: Record<string, number>;
  attempt: Attempt;
  /** Data later chapters may use, e.g. { appleRule: Condition } from chapter 2. */
  carry?: Record<string, unknown>;
}

/** The chapter being played: its contract, level, the attempt's seed and the running machine. */
export interface ChapterRun {
  chapter: AnyChapter;
  level: unknown;
  seed: number;
  ref: AnyActorRef;
}

/** Why a chapter could not be opened: its level file is broken, or its code could not be fetched. */
export interface ChapterLoadProblem {
  kind: 'level' | 'load';
  chapter: number;
  message: string;
}

export interface LoadedChapter {
  chapter: AnyChapter;
  level: unknown;
}

/** The default loader: the chapter's contract module and its level. The page adds text and scene. */
export async function loadChapterWithLevel(number: number): Promise<LoadedChapter> {
  const chapter = await loadChapter(number);
  if (!chapter) throw new Error(`Chapter ${number} is not built.`);
  return { chapter, level: chapter.loadLevel() };
}

/** The outcome of a finished run, from the child's final snapshot through the chapter's contract. */
export function outcomeOf(run: ChapterRun, time: string): ChapterOutcome {
  const final = run.ref.getSnapshot() as SnapshotFrom<AnyStateMachine> & { context: RecordsEvents };
  const result = final.output as { passed: boolean; stars: number } & Record<string, unknown>;
  const carry = run.chapter.carry?.(final);
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
  };
}

export interface AppContext {
  save: SaveData;
  problem: SaveProblem | null;
  chapter: number | null;
  outcome: ChapterOutcome | null;
  run: ChapterRun | null;
  loadProblem: ChapterLoadProblem | null;
  newSeed: () => number;
  now: () => Date;
  newId: () => string;
}

export type AppEvent =
  | { type: 'boot.done' }
  | { type: 'title.play' }
  | { type: 'map.open' }
  | { type: 'map.back' }
  | { type: 'chapter.open'; chapter: number }
  | { type: 'chapter.quit' }
  | { type: 'chapter.reload' }
  /** The chapter's machine recorded a new input event (sent by the run watcher below). */
  | { type: 'chapter.progress' }
  /** Answers to "leave this chapter?": stay, go to the map (the place is kept), or start over. */
  | { type: 'leave.stay' }
  | { type: 'leave.go' }
  | { type: 'leave.restart' }
  /** Sent by XState when the chapter's machine reaches its final state. */
  | { type: 'xstate.done.actor.chapterRun'; output: unknown }
  | { type: 'results.retry' }
  | { type: 'results.next' }
  | { type: 'results.map' }
  | { type: 'settings.open' }
  | { type: 'settings.close' }
  | { type: 'settings.change'; settings: Partial<Settings> }
  | { type: 'problem.dismiss' }
  /** Joined a class (or left it, with null). */
  | { type: 'classroom.set'; classroom: ClassroomState | null }
  /** The class's server answered for a queued attempt. */
  | { type: 'classroom.settled'; verdict: ClassroomVerdict }
  | { type: 'classroom.room'; room: Partial<Pick<ClassroomState, 'title' | 'leaderboardVisible' | 'ended'>> };

export interface AppInput {
  save: SaveData;
  problem: SaveProblem | null;
  /** The seed of each new attempt (the page reads `?seed=N` or draws a random one). */
  newSeed?: () => number;
  now?: () => Date;
  /** Ids for attempts sent to a class's server (a resend carries the same id). */
  newId?: () => string;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

export function nextPlayableChapter(save: SaveData, after: number): number | null {
  const next = CHAPTERS.find((c) => c.number === after + 1);
  if (!next) return null;
  return isPlayable(chapterStatus(next, save.progress.stars, classroomUnlocks(save))) ? next.number : null;
}

/** The input events the running chapter has recorded so far. */
function eventsOf(run: ChapterRun): readonly { type: string }[] {
  return (run.ref.getSnapshot() as { context: RecordsEvents }).context.events;
}

/**
 * Watches the running chapter: each time its machine records an input event, the app is told,
 * so the unfinished run can be saved (a reload then resumes it by replaying the events).
 */
const watchRun = fromCallback<{ type: string }, { ref: AnyActorRef | null }>(({ sendBack, input }) => {
  if (!input.ref) return;
  let seen = (input.ref.getSnapshot() as { context: RecordsEvents }).context.events.length;
  const sub = input.ref.subscribe((snap: { status: string; context: RecordsEvents }) => {
    const n = snap.context.events.length;
    // A finished run is recorded as an attempt instead.
    if (n !== seen && snap.status === 'active') {
      seen = n;
      sendBack({ type: 'chapter.progress' });
    }
  });
  return () => sub.unsubscribe();
});

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
  },
  actors: {
    loadChapter: fromPromise<LoadedChapter, { chapter: number }>(({ input }) => loadChapterWithLevel(input.chapter)),
    watchRun,
  },
  guards: {
    chapterPlayable: ({ event, context }) => {
      if (event.type !== 'chapter.open') return false;
      const info = CHAPTERS.find((c) => c.number === event.chapter);
      return !!info && isPlayable(chapterStatus(info, context.save.progress.stars, classroomUnlocks(context.save)));
    },
    /** Leaving would lose input: the run has recorded events (then the player is asked first). */
    runHasProgress: ({ context }) => context.run !== null && eventsOf(context.run).length > 0,
    hasNext: ({ context }) =>
      context.outcome !== null && nextPlayableChapter(context.save, context.outcome.chapter) !== null,
  },
  actions: {
    // Replaced by the page with a real writer; a no-op keeps the machine pure in tests.
    persist: () => {},
    openChapter: assign({
      chapter: ({ event }) => (event.type === 'chapter.open' ? event.chapter : null),
      outcome: () => null,
    }),
    openNext: assign({
      chapter: ({ context }) => (context.outcome ? nextPlayableChapter(context.save, context.outcome.chapter) : null),
      outcome: () => null,
    }),
    startRun: assign(({ context, event, spawn }) => {
      const { chapter, level } = (event as unknown as { output: LoadedChapter }).output;
      // An unfinished run of this chapter (same level version) is resumed: same seed, and its
      // recorded events are replayed into the new machine below, which brings it exactly back.
      const saved = context.save.inProgress?.[String(chapter.number)];
      const resume = saved && saved.levelVersion === chapter.levelVersion(level) ? saved : null;
      const seed = resume ? resume.seed : context.newSeed() >>> 0;
      const input = chapter.input(level, seed, context.save.progress.carry ?? {});
      // The chapter's machine is only known at run time, so the typed spawn (which checks
      // logic against the actors declared above) is widened to any state machine.
      const spawnAny = spawn as unknown as (
        logic: AnyStateMachine,
        options: { id: string; input: unknown },
      ) => AnyActorRef;
      const ref = spawnAny(chapter.machine, { id: 'chapterRun', input });
      if (resume) {
        // Queued until the child starts (at the end of this step); the intro is skipped, since
        // dialogue is never recorded.
        ref.send({ type: 'dialogue.skip' });
        for (const e of resume.events) ref.send(e);
      }
      return { run: { chapter, level, seed, ref }, loadProblem: null };
    }),
    noteProgress: assign({
      save: ({ context }) => {
        const run = context.run;
        if (!run) return context.save;
        const events = eventsOf(run);
        return withInProgress(
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
        );
      },
    }),
    forgetProgress: assign({
      save: ({ context }) =>
        context.chapter === null ? context.save : withInProgress(context.save, context.chapter, null),
    }),
    noteLoadProblem: assign({
      loadProblem: ({ context, event }) => {
        const error = (event as unknown as { error: unknown }).error;
        return {
          kind: error instanceof LevelFileError ? ('level' as const) : ('load' as const),
          chapter: context.chapter ?? 0,
          message: error instanceof Error ? error.message : String(error),
        };
      },
    }),
    clearRun: assign({ run: () => null }),
    recordOutcome: assign(({ context }) => {
      if (!context.run) return {};
      const o = outcomeOf(context.run, context.now().toISOString());
      const finished = withInProgress(context.save, o.chapter, null);
      // In a class, the attempt also waits in the save's queue until the class's server answers.
      const saved = queueAttempt(
        withAttempt(withStars(finished, o.chapter, o.stars), o.attempt),
        o.attempt,
        context.newId(),
      );
      const save = o.carry
        ? {
            ...saved,
            progress: { ...saved.progress, carry: { ...saved.progress.carry, [String(o.chapter)]: o.carry } },
          }
        : saved;
      return { outcome: o, save, run: null };
    }),
    changeSettings: assign({
      save: ({ context, event }) =>
        event.type === 'settings.change'
          ? { ...context.save, settings: { ...context.save.settings, ...event.settings } }
          : context.save,
    }),
    dismissProblem: assign({ problem: () => null }),
    changeClassroom: assign({
      save: ({ context, event }) => {
        if (event.type === 'classroom.set') return withClassroom(context.save, event.classroom);
        if (event.type === 'classroom.settled') return settleAttempt(context.save, event.verdict);
        if (event.type === 'classroom.room') return withRoomInfo(context.save, event.room);
        return context.save;
      },
    }),
  },
}).createMachine({
  id: 'app',
  type: 'parallel',
  context: ({ input }) => ({
    save: input.save,
    problem: input.problem,
    chapter: null,
    outcome: null,
    run: null,
    loadProblem: null,
    newSeed: input.newSeed ?? randomSeed,
    now: input.now ?? (() => new Date()),
    newId: input.newId ?? (() => crypto.randomUUID()),
  }),
  on: {
    'problem.dismiss': { actions: 'dismissProblem' },
    'settings.change': { actions: ['changeSettings', 'persist'] },
    'classroom.set': { actions: ['changeClassroom', 'persist'] },
    'classroom.settled': { actions: ['changeClassroom', 'persist'] },
    'classroom.room': { actions: ['changeClassroom', 'persist'] },
  },
  states: {
    screen: {
      initial: 'boot',
      states: {
        boot: { on: { 'boot.done': 'title' } },
        title: { on: { 'title.play': 'map' } },
        map: {
          on: {
            'chapter.open': { guard: 'chapterPlayable', target: 'chapter', actions: 'openChapter' },
            'map.back': 'title',
          },
        },
        chapter: {
          initial: 'loading',
          // Exit actions run before a transition's own: the finished run is read by recordOutcome
          // and cleared there (or on quitting).
          exit: stopChild('chapterRun'),
          // Quitting a run with recorded input asks first (the leave region below); an untouched
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
                onDone: { target: 'playing', actions: 'startRun' },
                onError: { target: 'failed', actions: 'noteLoadProblem' },
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
        },
        results: {
          on: {
            'results.retry': { target: 'chapter', reenter: true },
            'results.next': [{ guard: 'hasNext', target: 'chapter', actions: 'openNext' }, { target: 'map' }],
            'results.map': 'map',
          },
        },
      },
    },
    // "Leave this chapter?": asked over the chapter when the player presses Map mid-run.
    leave: {
      initial: 'idle',
      states: {
        idle: { on: { 'chapter.quit': { guard: 'runHasProgress', target: 'asking' } } },
        asking: { on: { 'leave.stay': 'idle', 'leave.go': 'idle', 'leave.restart': 'idle' } },
      },
    },
    settings: {
      initial: 'closed',
      states: {
        closed: { on: { 'settings.open': 'open' } },
        open: {
          on: { 'settings.close': 'closed' },
        },
      },
    },
  },
});
