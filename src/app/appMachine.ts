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
import {
  classroomSeed,
  classroomUnlocks,
  queueAttempt,
  settleAttempt,
  withClassroom,
  withRoomInfo,
} from './classroomQueue';
import type { Attempt, ClassroomState, ClassroomVerdict, SaveData, Settings } from './saveSchema';
import { addAttempt, withInProgress, withoutAttempt, withStars, type SaveProblem } from './saveStore';
import { compareAttempts, referenceAttempt, type CompareReport } from './compare';
import { replayMachine, replayRef, ReplayTimeline } from './replayPlayer';
import { decodePresetLink, readShared, type Preset, type ShareError, type SharedReport } from './share';

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
  /** A teacher's preset waiting to start (its chapter's run starts from its seed and events). */
  preset: Preset | null;
  /** Something the player should be told once: attempts removed to make room, a refused preset. */
  notice: AppNotice | null;
  newSeed: () => number;
  now: () => Date;
  newId: () => string;
}

/** One side of a comparison: an attempt of the save (by its index in the list) or the chapter's own run. */
export type AttemptPick = { index: number } | { reference: true };

export type AppNotice =
  | { kind: 'pruned'; count: number }
  | { kind: 'deleted' }
  | { kind: 'preset'; error: ShareError }
  | { kind: 'replays'; error: string };

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
  | { type: 'classroom.room'; room: Partial<Pick<ClassroomState, 'title' | 'leaderboardVisible' | 'ended'>> }
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
  | { type: 'preset.open'; code: string }
  | { type: 'notice.dismiss' };

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
    replayMachine,
    // The page loads the chapter's text (and scene) here; tests need nothing.
    prepareText: fromPromise<void, { chapter: number }>(async () => {}),
    compareRun: fromPromise<CompareReport, { chapter: number; a: Attempt | null; b: Attempt | null }>(
      async ({ input }) => {
        const pick = async (attempt: Attempt | null) => {
          if (attempt) return { attempt, reference: false };
          const ref = await referenceAttempt(input.chapter);
          if (!ref) throw new Error(`Chapter ${input.chapter} has no reference run.`);
          return { attempt: ref, reference: true };
        };
        return compareAttempts(await pick(input.a), await pick(input.b));
      },
    ),
    readShared: fromPromise<Awaited<ReturnType<typeof readShared>>, { source: 'file' | 'link'; text: string }>(
      ({ input }) => readShared(input.source, input.text),
    ),
  },
  guards: {
    chapterPlayable: ({ event, context }) => {
      if (event.type !== 'chapter.open') return false;
      const info = CHAPTERS.find((c) => c.number === event.chapter);
      return !!info && isPlayable(chapterStatus(info, context.save.progress.stars, classroomUnlocks(context.save)));
    },
    /** Leaving would lose input: the run has recorded events (then the player is asked first). */
    runHasProgress: ({ context }) => context.watch === null && context.run !== null && eventsOf(context.run).length > 0,
    savedAttempt: ({ context, event }) =>
      event.type === 'replays.watch' && Number.isInteger(event.index) && !!context.save.attempts[event.index],
    comparable: ({ context, event }) => {
      if (event.type !== 'replays.compare') return false;
      const chapterOf = (p: AttemptPick) =>
        'index' in p ? context.save.attempts[p.index]?.chapter : context.replaysChapter;
      return chapterOf(event.a) === context.replaysChapter && chapterOf(event.b) === context.replaysChapter;
    },
    /** The watched attempt was played on the level this game has (else its replay would differ). */
    watchable: ({ context, event }) => {
      const { chapter, level } = (event as unknown as { output: LoadedChapter }).output;
      return !!context.watch && context.watch.attempt.levelVersion === chapter.levelVersion(level);
    },
    sharedRead: ({ event }) => (event as unknown as { output: { ok: boolean } }).output.ok,
    sharedAddable: ({ context }) => !!context.shared?.report?.verified && !context.shared.added,
    sharedWatchable: ({ context }) =>
      !!context.shared?.report &&
      context.shared.report.error?.code !== 'otherLevel' &&
      context.shared.report.error?.code !== 'unknownChapter',
    sharedAdded: ({ context }) => !!context.shared?.added,
    cameFromShared: ({ context }) => context.watch?.back === 'shared',
    presetOk: ({ event }) => {
      if (event.type !== 'preset.open') return false;
      const read = decodePresetLink(event.code);
      return read.ok && CHAPTERS.some((c) => c.number === read.value.chapter && c.load);
    },
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
      // A teacher's preset starts the run from its seed and events instead.
      const preset =
        context.preset?.chapter === chapter.number && context.preset.levelVersion === chapter.levelVersion(level)
          ? context.preset
          : null;
      const saved = context.save.inProgress?.[String(chapter.number)];
      // In a class, only a run on the class's seed for this chapter counts: another is not resumed.
      const classSeed = classroomSeed(context.save, chapter.number);
      const resume =
        preset ??
        (saved && saved.levelVersion === chapter.levelVersion(level) && (classSeed === null || saved.seed === classSeed)
          ? saved
          : null);
      const seed = resume ? resume.seed : (classSeed ?? context.newSeed()) >>> 0;
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
    setReplaysContract: assign({
      replaysContract: ({ event }) => (event as unknown as { output: LoadedChapter }).output.chapter,
    }),
    setReplaysChapter: assign({
      replaysChapter: ({ context, event }) => (event.type === 'replays.open' ? event.chapter : context.replaysChapter),
      replaysContract: ({ context, event }) =>
        event.type === 'replays.open' && event.chapter !== context.replaysChapter ? null : context.replaysContract,
    }),
    deleteAttempt: assign(({ context, event }) =>
      event.type === 'replays.delete'
        ? { save: withoutAttempt(context.save, event.index), notice: { kind: 'deleted' as const } }
        : {},
    ),
    watchSaved: assign({
      watch: ({ context, event }) =>
        event.type === 'replays.watch'
          ? { attempt: context.save.attempts[event.index], back: 'replays' as const }
          : null,
    }),
    watchShared: assign({
      watch: ({ context }) =>
        context.shared?.report ? { attempt: context.shared.report.attempt, back: 'shared' as const } : null,
    }),
    startWatch: assign(({ context, event, spawn }) => {
      const { chapter, level } = (event as unknown as { output: LoadedChapter }).output;
      const attempt = context.watch?.attempt;
      if (!attempt) return {};
      const timeline = new ReplayTimeline(chapter, level, attempt.seed, attempt.events);
      const player = spawn('replayMachine', { id: 'replayPlayer', input: { length: timeline.length } });
      const ref = replayRef(timeline, player);
      return { run: { chapter, level, seed: attempt.seed, ref }, replayPlayer: player, chapter: chapter.number };
    }),
    endWatch: assign(({ context }) => {
      (context.run?.ref as { stop?: () => void } | undefined)?.stop?.();
      return { run: null, replayPlayer: null, watch: null };
    }),
    noteOldVersion: assign({
      notice: () => ({ kind: 'replays' as const, error: 'otherLevel' }),
      watch: () => null,
    }),
    noteReplayProblem: assign({
      notice: ({ event }) => ({
        kind: 'replays' as const,
        error: String((event as unknown as { error?: { message?: string } }).error?.message ?? 'failed'),
      }),
      watch: () => null,
    }),
    pickCompare: assign({
      comparePick: ({ event }) => (event.type === 'replays.compare' ? { a: event.a, b: event.b } : null),
      compare: () => null,
    }),
    setCompare: assign({ compare: ({ event }) => (event as unknown as { output: CompareReport }).output }),
    clearCompare: assign({ compare: () => null, comparePick: () => null }),
    openShared: assign({
      shared: ({ event }) =>
        event.type === 'shared.open'
          ? { report: null, error: null, added: false, input: { source: event.source, text: event.text } }
          : null,
    }),
    setShared: assign({
      shared: ({ context, event }) => {
        const out = (event as unknown as { output: Awaited<ReturnType<typeof readShared>> }).output;
        const base = context.shared ?? {
          input: { source: 'link' as const, text: '' },
          report: null,
          error: null,
          added: false,
        };
        return out.ok ? { ...base, report: out.value, error: null } : { ...base, report: null, error: out.error };
      },
    }),
    addShared: assign(({ context }) => {
      const report = context.shared?.report;
      if (!report || !context.shared) return {};
      const added = addAttempt(context.save, report.attempt);
      return {
        save: added.save,
        shared: { ...context.shared, added: true },
        replaysChapter: report.attempt.chapter,
        notice: added.removed.length ? { kind: 'pruned' as const, count: added.removed.length } : context.notice,
      };
    }),
    clearShared: assign({ shared: () => null }),
    openPreset: assign(({ event }) => {
      if (event.type !== 'preset.open') return {};
      const read = decodePresetLink(event.code);
      return read.ok ? { preset: read.value, chapter: read.value.chapter, outcome: null } : {};
    }),
    refusePreset: assign({
      notice: ({ event }) => {
        if (event.type !== 'preset.open') return null;
        const read = decodePresetLink(event.code);
        return {
          kind: 'preset' as const,
          error: read.ok ? { code: 'unknownChapter' as const, detail: `chapter ${read.value.chapter}` } : read.error,
        };
      },
    }),
    dismissNotice: assign({ notice: () => null }),
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
    replaysChapter: 1,
    replaysContract: null,
    watch: null,
    replayPlayer: null,
    comparePick: null,
    compare: null,
    shared: null,
    preset: null,
    notice: null,
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
    'notice.dismiss': { actions: 'dismissNotice' },
  },
  states: {
    screen: {
      initial: 'boot',
      states: {
        boot: { on: { 'boot.done': 'title' } },
        title: {
          on: {
            'title.play': 'map',
            'shared.open': { target: 'shared', actions: 'openShared' },
            'preset.open': [
              { guard: 'presetOk', target: 'chapter', actions: 'openPreset' },
              { actions: 'refusePreset' },
            ],
          },
        },
        map: {
          on: {
            'chapter.open': { guard: 'chapterPlayable', target: 'chapter', actions: 'openChapter' },
            'map.back': 'title',
            'replays.open': { target: 'replays', actions: 'setReplaysChapter' },
            'shared.open': { target: 'shared', actions: 'openShared' },
            'preset.open': [
              { guard: 'presetOk', target: 'chapter', actions: 'openPreset' },
              { actions: 'refusePreset' },
            ],
          },
        },
        // A chapter's recorded attempts: watch, compare, share, delete; import a shared one.
        replays: {
          initial: 'loading',
          on: {
            'replays.close': 'map',
            'replays.open': { target: 'replays', reenter: true, actions: 'setReplaysChapter' },
            'replays.delete': { actions: ['deleteAttempt', 'persist'] },
            'replays.watch': { guard: 'savedAttempt', target: 'watch', actions: 'watchSaved' },
            'replays.compare': { guard: 'comparable', target: 'compare', actions: 'pickCompare' },
            'shared.open': { target: 'shared', actions: 'openShared' },
          },
          states: {
            loading: {
              invoke: {
                src: 'loadChapter',
                input: ({ context }) => ({ chapter: context.replaysChapter }),
                onDone: { target: 'showing', actions: 'setReplaysContract' },
                onError: { target: 'showing', actions: 'noteReplayProblem' },
              },
            },
            showing: {},
          },
        },
        // Watching an attempt: the chapter's own scene draws the replay's snapshot at each step.
        watch: {
          initial: 'loading',
          exit: [stopChild('replayPlayer'), 'endWatch'],
          on: {
            'watch.close': [{ guard: 'cameFromShared', target: 'shared.showing' }, { target: 'replays' }],
            'chapter.quit': [{ guard: 'cameFromShared', target: 'shared.showing' }, { target: 'replays' }],
          },
          states: {
            loading: {
              invoke: {
                src: 'loadChapter',
                input: ({ context }) => ({ chapter: context.watch?.attempt.chapter ?? 0 }),
                onDone: [
                  { guard: 'watchable', target: 'showing', actions: 'startWatch' },
                  { target: '#app.screen.replays', actions: 'noteOldVersion' },
                ],
                onError: { target: '#app.screen.replays', actions: 'noteReplayProblem' },
              },
            },
            showing: {},
          },
        },
        compare: {
          initial: 'loading',
          exit: 'clearCompare',
          on: { 'compare.close': 'replays' },
          states: {
            loading: {
              invoke: {
                src: 'prepareText',
                input: ({ context }) => ({ chapter: context.replaysChapter }),
                onDone: 'replaying',
                onError: 'replaying',
              },
            },
            replaying: {
              invoke: {
                src: 'compareRun',
                input: ({ context }) => {
                  const pick = (p: AttemptPick | undefined) =>
                    p && 'index' in p ? (context.save.attempts[p.index] ?? null) : null;
                  return {
                    chapter: context.replaysChapter,
                    a: pick(context.comparePick?.a),
                    b: pick(context.comparePick?.b),
                  };
                },
                onDone: { target: 'showing', actions: 'setCompare' },
                onError: { target: '#app.screen.replays', actions: 'noteReplayProblem' },
              },
            },
            showing: {},
          },
        },
        // A shared attempt: read and replayed before anything else, then shown as verified or
        // not; it joins the save only when the player adds it.
        shared: {
          initial: 'reading',
          states: {
            reading: {
              invoke: {
                src: 'readShared',
                input: ({ context }) => context.shared?.input ?? { source: 'link' as const, text: '' },
                onDone: [
                  { guard: 'sharedRead', target: 'preparing', actions: 'setShared' },
                  { target: 'showing', actions: 'setShared' },
                ],
                onError: { target: 'showing' },
              },
            },
            preparing: {
              invoke: {
                src: 'prepareText',
                input: ({ context }) => ({ chapter: context.shared?.report?.attempt.chapter ?? 0 }),
                onDone: 'showing',
                onError: 'showing',
              },
            },
            showing: {
              on: {
                'shared.add': { guard: 'sharedAddable', actions: ['addShared', 'persist'] },
                'shared.watch': { guard: 'sharedWatchable', target: '#app.screen.watch', actions: 'watchShared' },
                'shared.close': [
                  { guard: 'sharedAdded', target: '#app.screen.replays', actions: 'clearShared' },
                  { target: '#app.screen.map', actions: 'clearShared' },
                ],
              },
            },
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
            'replays.open': { target: 'replays', actions: 'setReplaysChapter' },
            'shared.open': { target: 'shared', actions: 'openShared' },
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
