// The recorded attempts: a chapter's list of replays (watch, compare, share, delete), watching one
// in the chapter's own scene with the replay player, comparing two, a shared attempt (a link or a
// file) read and replayed before it may join the save, and a teacher's preset, which starts its
// chapter from the preset's seed and events.
import { assign, stopChild } from 'xstate';
import { CHAPTERS } from '../levels/chapters';
import { replaysVersion } from '../levels/contract';
import type { AttemptPick, LoadedChapter, SharedRead } from './appSetup';
import { chapterRunSetup } from './chapterRun';
import type { CompareReport } from './compare';
import { ReplayTimeline, replayRef } from './replayPlayer';
import { addAttempt, withoutAttempt } from './saveStore';
import { decodePresetLink } from './share';

/** The message of a failed load or replay, for the notice the replays screen shows. */
function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
  return String(message ?? 'failed');
}

export const librarySetup = chapterRunSetup.extend({
  guards: {
    savedAttempt: ({ context }, params: { index: number }) =>
      Number.isInteger(params.index) && !!context.save.attempts[params.index],
    comparable: ({ context }, params: { a: AttemptPick; b: AttemptPick }) => {
      const chapterOf = (p: AttemptPick) =>
        'index' in p ? context.save.attempts[p.index]?.chapter : context.replaysChapter;
      return chapterOf(params.a) === context.replaysChapter && chapterOf(params.b) === context.replaysChapter;
    },
    /** The watched attempt was played on the level this game has (else its replay would differ). */
    watchable: ({ context }, { chapter, level }: LoadedChapter) =>
      !!context.watch && replaysVersion(chapter, level, context.watch.attempt.levelVersion),
    sharedRead: (_, params: SharedRead) => params.ok,
    sharedAddable: ({ context }) => !!context.shared?.report?.verified && !context.shared.added,
    sharedWatchable: ({ context }) =>
      !!context.shared?.report &&
      context.shared.report.error?.code !== 'otherLevel' &&
      context.shared.report.error?.code !== 'unknownChapter',
    sharedAdded: ({ context }) => !!context.shared?.added,
    cameFromShared: ({ context }) => context.watch?.back === 'shared',
    presetOk: (_, params: { code: string }) => {
      const read = decodePresetLink(params.code);
      return read.ok && CHAPTERS.some((c) => c.number === read.value.chapter && c.load);
    },
  },
  actions: {
    setReplaysContract: assign((_, params: LoadedChapter) => ({ replaysContract: params.chapter })),
    setReplaysChapter: assign(({ context }, params: { chapter: number }) => ({
      replaysChapter: params.chapter,
      replaysContract: params.chapter !== context.replaysChapter ? null : context.replaysContract,
    })),
    deleteAttempt: assign(({ context }, params: { index: number }) => ({
      save: withoutAttempt(context.save, params.index),
      notice: { kind: 'deleted' as const },
    })),
    watchSaved: assign(({ context }, params: { index: number }) => ({
      watch: { attempt: context.save.attempts[params.index], back: 'replays' as const },
    })),
    watchShared: assign(({ context }) => ({
      watch: context.shared?.report ? { attempt: context.shared.report.attempt, back: 'shared' as const } : null,
    })),
    startWatch: assign(({ context, spawn }, { chapter, level }: LoadedChapter) => {
      const attempt = context.watch?.attempt;
      if (!attempt) return {};
      const timeline = new ReplayTimeline(chapter, level, attempt.seed, attempt.events, context.provideChapter);
      const player = spawn('replayMachine', {
        id: 'replayPlayer',
        input: { length: timeline.length, ready: timeline.computed },
      });
      const ref = replayRef(timeline, player);
      return { run: { chapter, level, seed: attempt.seed, ref }, replayPlayer: player, chapter: chapter.number };
    }),
    endWatch: assign(({ context }) => {
      (context.run?.ref as { stop?: () => void } | undefined)?.stop?.();
      return { run: null, replayPlayer: null, watch: null };
    }),
    noteOldVersion: assign({ notice: { kind: 'replays', error: 'otherLevel' }, watch: null }),
    noteReplayProblem: assign((_, params: { error: unknown }) => ({
      notice: { kind: 'replays' as const, error: messageOf(params.error) },
      watch: null,
    })),
    pickCompare: assign((_, params: { a: AttemptPick; b: AttemptPick }) => ({
      comparePick: { a: params.a, b: params.b },
      compare: null,
    })),
    setCompare: assign((_, params: CompareReport) => ({ compare: params })),
    clearCompare: assign({ compare: null, comparePick: null }),
    openShared: assign((_, params: { source: 'file' | 'link'; text: string }) => ({
      shared: { report: null, error: null, added: false, input: { source: params.source, text: params.text } },
    })),
    setShared: assign(({ context }, out: SharedRead) => {
      const base = context.shared ?? {
        input: { source: 'link' as const, text: '' },
        report: null,
        error: null,
        added: false,
      };
      return {
        shared: out.ok ? { ...base, report: out.value, error: null } : { ...base, report: null, error: out.error },
      };
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
    clearShared: assign({ shared: null }),
    openPreset: assign((_, params: { code: string }) => {
      const read = decodePresetLink(params.code);
      return read.ok ? { preset: read.value, chapter: read.value.chapter, outcome: null } : {};
    }),
    refusePreset: assign((_, params: { code: string }) => {
      const read = decodePresetLink(params.code);
      return {
        notice: {
          kind: 'preset' as const,
          error: read.ok ? { code: 'unknownChapter' as const, detail: `chapter ${read.value.chapter}` } : read.error,
        },
      };
    }),
  },
});

/** A chapter's recorded attempts: watch, compare, share, delete; import a shared one. */
export const replaysScreen = librarySetup.createStateConfig({
  initial: 'loading',
  on: {
    'replays.close': 'map',
    'replays.open': {
      target: 'replays',
      reenter: true,
      actions: { type: 'setReplaysChapter', params: ({ event }) => ({ chapter: event.chapter }) },
    },
    'replays.delete': {
      actions: [{ type: 'deleteAttempt', params: ({ event }) => ({ index: event.index }) }, 'persist'],
    },
    'replays.watch': {
      guard: { type: 'savedAttempt', params: ({ event }) => ({ index: event.index }) },
      target: 'watch',
      actions: { type: 'watchSaved', params: ({ event }) => ({ index: event.index }) },
    },
    'replays.compare': {
      guard: { type: 'comparable', params: ({ event }) => ({ a: event.a, b: event.b }) },
      target: 'compare',
      actions: { type: 'pickCompare', params: ({ event }) => ({ a: event.a, b: event.b }) },
    },
    'shared.open': {
      target: 'shared',
      actions: { type: 'openShared', params: ({ event }) => ({ source: event.source, text: event.text }) },
    },
  },
  states: {
    loading: {
      invoke: {
        src: 'loadChapter',
        input: ({ context }) => ({ chapter: context.replaysChapter }),
        onDone: { target: 'showing', actions: { type: 'setReplaysContract', params: ({ event }) => event.output } },
        onError: {
          target: 'showing',
          actions: { type: 'noteReplayProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    showing: {},
  },
});

/** Watching an attempt: the chapter's own scene draws the replay's snapshot at each step. */
export const watchScreen = librarySetup.createStateConfig({
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
          {
            guard: { type: 'watchable', params: ({ event }) => event.output },
            target: 'showing',
            actions: { type: 'startWatch', params: ({ event }) => event.output },
          },
          { target: '#app.screen.replays', actions: 'noteOldVersion' },
        ],
        onError: {
          target: '#app.screen.replays',
          actions: { type: 'noteReplayProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    showing: {},
  },
});

/** Two attempts (or one and the chapter's own run) replayed side by side. */
export const compareScreen = librarySetup.createStateConfig({
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
        onDone: { target: 'showing', actions: { type: 'setCompare', params: ({ event }) => event.output } },
        onError: {
          target: '#app.screen.replays',
          actions: { type: 'noteReplayProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    showing: {},
  },
});

/**
 * A shared attempt: read and replayed before anything else, then shown as verified or not; it
 * joins the save only when the player adds it.
 */
export const sharedScreen = librarySetup.createStateConfig({
  initial: 'reading',
  on: {
    // Another link or file opened over this card (a good link pasted over a refused one) replaces it.
    'shared.open': {
      target: '#app.screen.shared',
      reenter: true,
      actions: { type: 'openShared', params: ({ event }) => ({ source: event.source, text: event.text }) },
    },
  },
  states: {
    reading: {
      invoke: {
        src: 'readShared',
        input: ({ context }) => context.shared?.input ?? { source: 'link' as const, text: '' },
        onDone: [
          {
            guard: { type: 'sharedRead', params: ({ event }) => event.output },
            target: 'preparing',
            actions: { type: 'setShared', params: ({ event }) => event.output },
          },
          { target: 'showing', actions: { type: 'setShared', params: ({ event }) => event.output } },
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
});
