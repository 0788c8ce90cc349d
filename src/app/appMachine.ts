// The app's screens: boot → title → chapter map → chapter → results → map, with settings as a
// parallel region that can open over any screen and "leave this chapter?" asked over a run. The
// chapter being played (chapterRun.ts) and the recorded attempts (library.ts) bring their own
// states, actions and guards; this file adds the screens between them and puts the machine
// together. Saving is an injected action (`persist`), so tests run the machine against in-memory
// storage.
import { assign } from 'xstate';
import { CHAPTERS, chapterStatus, isPlayable } from '../levels/chapters';
import type { ClassroomState, ClassroomVerdict, SaveData, Settings } from './saveSchema';
import { classroomUnlocks, settleAttempt, withClassroom, withRoomInfo } from './classroomQueue';
import { chapterScreen } from './chapterRun';
import { compareScreen, librarySetup, replaysScreen, sharedScreen, watchScreen } from './library';

export type {
  AppContext,
  AppEvent,
  AppInput,
  AppNotice,
  AttemptPick,
  ChapterLoadProblem,
  ChapterOutcome,
  ChapterRun,
  LoadedChapter,
  ProvideChapter,
} from './appSetup';
export { loadChapterWithLevel } from './appSetup';
export { outcomeOf } from './chapterRun';

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

export function nextPlayableChapter(save: SaveData, after: number): number | null {
  const next = CHAPTERS.find((c) => c.number === after + 1);
  if (!next) return null;
  return isPlayable(chapterStatus(next, save.progress.stars, classroomUnlocks(save))) ? next.number : null;
}

type ClassroomChange =
  | { classroom: ClassroomState | null }
  | { verdict: ClassroomVerdict }
  | { room: Partial<Pick<ClassroomState, 'title' | 'leaderboardVisible' | 'ended'>> };

const screensSetup = librarySetup.extend({
  guards: {
    hasNext: ({ context }) =>
      context.outcome !== null && nextPlayableChapter(context.save, context.outcome.chapter) !== null,
  },
  actions: {
    openNext: assign(({ context }) => ({
      chapter: context.outcome ? nextPlayableChapter(context.save, context.outcome.chapter) : null,
      outcome: null,
    })),
    dismissNotice: assign({ notice: null }),
    changeSettings: assign(({ context }, settings: Partial<Settings>) => ({
      save: { ...context.save, settings: { ...context.save.settings, ...settings } },
    })),
    dismissProblem: assign({ problem: null }),
    changeClassroom: assign(({ context }, change: ClassroomChange) => {
      if ('classroom' in change) return { save: withClassroom(context.save, change.classroom) };
      if ('verdict' in change) return { save: settleAttempt(context.save, change.verdict) };
      return { save: withRoomInfo(context.save, change.room) };
    }),
  },
});

/** A shared attempt can be opened from the title, the map, the replays and the results. */
const openShared = screensSetup.createStateConfig({
  on: {
    'shared.open': {
      target: 'shared',
      actions: { type: 'openShared', params: ({ event }) => ({ source: event.source, text: event.text }) },
    },
  },
}).on;

/** A teacher's preset link starts its chapter (from the title or the map), or is refused with a notice. */
const openPreset = screensSetup.createStateConfig({
  on: {
    'preset.open': [
      {
        guard: { type: 'presetOk', params: ({ event }) => ({ code: event.code }) },
        target: 'chapter',
        actions: { type: 'openPreset', params: ({ event }) => ({ code: event.code }) },
      },
      { actions: { type: 'refusePreset', params: ({ event }) => ({ code: event.code }) } },
    ],
  },
}).on;

export const appMachine = screensSetup.createMachine({
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
    provideChapter: input.provideChapter ?? ((_chapter, machine) => machine),
  }),
  on: {
    'problem.dismiss': { actions: 'dismissProblem' },
    'settings.change': {
      actions: [{ type: 'changeSettings', params: ({ event }) => event.settings }, 'persist'],
    },
    'classroom.set': {
      actions: [{ type: 'changeClassroom', params: ({ event }) => ({ classroom: event.classroom }) }, 'persist'],
    },
    'classroom.settled': {
      actions: [{ type: 'changeClassroom', params: ({ event }) => ({ verdict: event.verdict }) }, 'persist'],
    },
    'classroom.room': {
      actions: [{ type: 'changeClassroom', params: ({ event }) => ({ room: event.room }) }, 'persist'],
    },
    'notice.dismiss': { actions: 'dismissNotice' },
  },
  states: {
    screen: {
      initial: 'boot',
      states: {
        boot: { on: { 'boot.done': 'title' } },
        title: { on: { 'title.play': 'map', ...openShared, ...openPreset } },
        map: {
          on: {
            'chapter.open': {
              guard: { type: 'chapterPlayable', params: ({ event }) => ({ chapter: event.chapter }) },
              target: 'chapter',
              actions: { type: 'openChapter', params: ({ event }) => ({ chapter: event.chapter }) },
            },
            'map.back': 'title',
            'replays.open': {
              target: 'replays',
              actions: { type: 'setReplaysChapter', params: ({ event }) => ({ chapter: event.chapter }) },
            },
            ...openShared,
            ...openPreset,
          },
        },
        replays: replaysScreen,
        watch: watchScreen,
        compare: compareScreen,
        shared: sharedScreen,
        chapter: chapterScreen,
        results: {
          on: {
            'replays.open': {
              target: 'replays',
              actions: { type: 'setReplaysChapter', params: ({ event }) => ({ chapter: event.chapter }) },
            },
            ...openShared,
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
