// What the app machine is made of: its context, events and input, and the actors it invokes. The
// machine itself is assembled in three layers, each adding its own actions and guards to this
// setup with `extend` and typing them with `params` instead of reading the event:
//   chapterRun.ts  the chapter being played: load, run, save its progress, record its outcome;
//   library.ts     the recorded attempts: replays, watching, comparing, shared attempts, presets;
//   appMachine.ts  the screens (title, map, results), the "leave?" question and the settings.
import { type AnyActorRef, type AnyStateMachine, fromCallback, fromPromise, setup } from 'xstate';
import { loadChapter } from '../levels/chapters';
import type { AnyChapter, RecordsEvents, StarHint } from '../levels/contract';
import { compareAttempts, type CompareReport, referenceAttempt } from './compare';
import { replayMachine } from './replayPlayer';
import type { Attempt, ClassroomState, ClassroomVerdict, SaveData, Settings } from './saveSchema';
import type { SaveProblem } from './saveStore';
import { type Preset, readShared, type ShareError, type SharedReport } from './share';

export interface ChapterOutcome {
  chapter: number;
  stars: number;
  passed: boolean;
  /** Numbers for the results card, e.g. { trials: 31, correct: 10, size: 10 }. */
  stats: Record<string, number>;
  attempt: Attempt;
  /** Data later chapters may use, e.g. { appleRule: Condition } from chapter 2. */
  carry?: Record<string, unknown>;
  /** What earns the next star (the chapter's `nextStar`), when the chapter says. */
  nextStar?: StarHint | null;
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

/**
 * Gives a chapter's machine its page-side implementations before it runs (for example a Web
 * Worker behind an actor whose in-process default serves replays, verification and the server).
 * `input` is the run's input (absent for a replay).
 */
export type ProvideChapter = (chapter: number, machine: AnyStateMachine, input?: unknown) => AnyStateMachine;

/** One side of a comparison: an attempt of the save (by its index in the list) or the chapter's own run. */
export type AttemptPick = { index: number } | { reference: true };

export type AppNotice =
  | { kind: 'pruned'; count: number }
  | { kind: 'deleted' }
  | { kind: 'preset'; error: ShareError }
  | { kind: 'replays'; error: string };

/** The chapter being played (chapterRun.ts). */
export interface ChapterRunContext {
  chapter: number | null;
  outcome: ChapterOutcome | null;
  run: ChapterRun | null;
  loadProblem: ChapterLoadProblem | null;
  /** A teacher's preset waiting to start (its chapter's run starts from its seed and events). */
  preset: Preset | null;
  newSeed: () => number;
  provideChapter: ProvideChapter;
}

/** The recorded attempts (library.ts). */
export interface LibraryContext {
  /** The replays screen's chapter (its list of attempts), and its contract once loaded. */
  replaysChapter: number;
  replaysContract: AnyChapter | null;
  /** The attempt being watched, and the screen to go back to. */
  watch: { attempt: Attempt; back: 'replays' | 'shared' } | null;
  /** The replay player (position, speed, play/pause) while an attempt is watched. */
  replayPlayer: AnyActorRef | null;
  /** The two attempts chosen for comparing, and then their comparison. */
  comparePick: { a: AttemptPick; b: AttemptPick } | null;
  compare: CompareReport | null;
  /** A shared attempt (a link or a file) once read and replayed, or why it was refused. */
  shared: {
    input: { source: 'file' | 'link'; text: string };
    report: SharedReport | null;
    error: ShareError | null;
    added: boolean;
  } | null;
}

export interface AppContext extends ChapterRunContext, LibraryContext {
  save: SaveData;
  problem: SaveProblem | null;
  /** Something the player should be told once: attempts removed to make room, a refused preset. */
  notice: AppNotice | null;
  now: () => Date;
  newId: () => string;
}

/** The screens, the settings, the class and the notices (appMachine.ts). */
export type ScreenEvent =
  | { type: 'boot.done' }
  | { type: 'title.play' }
  | { type: 'map.open' }
  | { type: 'map.back' }
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
  | { type: 'classroom.room'; room: Partial<Pick<ClassroomState, 'title' | 'leaderboardVisible' | 'ended'>> }
  | { type: 'notice.dismiss' };

/** The chapter being played. */
export type ChapterRunEvent =
  | { type: 'chapter.open'; chapter: number }
  | { type: 'chapter.quit' }
  | { type: 'chapter.reload' }
  /** The chapter's machine recorded a new input event (sent by the run watcher). */
  | { type: 'chapter.progress' }
  /** Answers to "leave this chapter?": stay, go to the map (the place is kept), or start over. */
  | { type: 'leave.stay' }
  | { type: 'leave.go' }
  | { type: 'leave.restart' }
  /** Sent by XState when the chapter's machine reaches its final state. */
  | { type: 'xstate.done.actor.chapterRun'; output: unknown };

/** The recorded attempts. */
export type LibraryEvent =
  /** The replays screen: a chapter's recorded attempts (from the map or the results card). */
  | { type: 'replays.open'; chapter: number }
  | { type: 'replays.close' }
  | { type: 'replays.delete'; index: number }
  | { type: 'replays.watch'; index: number }
  | { type: 'replays.compare'; a: AttemptPick; b: AttemptPick }
  | { type: 'watch.close' }
  | { type: 'compare.close' }
  /** A shared attempt arrived (a link opened, a file picked or dropped): read and replay it first. */
  | { type: 'shared.open'; source: 'file' | 'link'; text: string }
  | { type: 'shared.add' }
  | { type: 'shared.watch' }
  | { type: 'shared.close' }
  /** A teacher's preset link was opened: its chapter starts from the preset's seed and events. */
  | { type: 'preset.open'; code: string };

export type AppEvent = ScreenEvent | ChapterRunEvent | LibraryEvent;

export interface AppInput {
  save: SaveData;
  problem: SaveProblem | null;
  /** The seed of each new attempt (the page reads `?seed=N` or draws a random one). */
  newSeed?: () => number;
  now?: () => Date;
  /** Ids for attempts sent to a class's server (a resend carries the same id). */
  newId?: () => string;
  /** Applied to the chapter's machine where a run starts it; the identity by default. */
  provideChapter?: ProvideChapter;
}

/** The default loader: the chapter's contract module and its level. The page adds text and scene. */
export async function loadChapterWithLevel(number: number): Promise<LoadedChapter> {
  const chapter = await loadChapter(number);
  if (!chapter) throw new Error(`Chapter ${number} is not built.`);
  return { chapter, level: chapter.loadLevel() };
}

/** The input events the running chapter has recorded so far. */
export function eventsOf(run: ChapterRun): readonly { type: string }[] {
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

/** Two attempts of a chapter compared; a missing one is the chapter's own reference run. */
const compareRun = fromPromise<CompareReport, { chapter: number; a: Attempt | null; b: Attempt | null }>(
  async ({ input }) => {
    const pick = async (attempt: Attempt | null) => {
      if (attempt) return { attempt, reference: false };
      const ref = await referenceAttempt(input.chapter);
      if (!ref) throw new Error(`Chapter ${input.chapter} has no reference run.`);
      return { attempt: ref, reference: true };
    };
    return compareAttempts(await pick(input.a), await pick(input.b));
  },
);

export type SharedRead = Awaited<ReturnType<typeof readShared>>;

export const appSetup = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
  },
  actors: {
    loadChapter: fromPromise<LoadedChapter, { chapter: number }>(({ input }) => loadChapterWithLevel(input.chapter)),
    watchRun,
    replayMachine,
    // The page loads the chapter's text (and scene) here; tests need nothing.
    prepareText: fromPromise<void, { chapter: number }>(async () => {}),
    compareRun,
    readShared: fromPromise<SharedRead, { source: 'file' | 'link'; text: string }>(({ input }) =>
      readShared(input.source, input.text),
    ),
  },
  actions: {
    // Replaced by the page with a real writer; a no-op keeps the machine pure in tests.
    persist: () => {},
  },
});
