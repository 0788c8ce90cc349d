// The app's screens: boot → title → chapter map → chapter → results → map, with settings as a
// parallel region that can open over any screen. Saving is an injected action (`persist`), so
// tests run the machine against an in-memory storage.
import { assign, setup } from 'xstate';
import { CHAPTERS, chapterStatus, isPlayable } from '../levels/chapters';
import type { Attempt, SaveData, Settings } from './saveSchema';
import { withAttempt, withStars, type SaveProblem } from './saveStore';

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

export interface AppContext {
  save: SaveData;
  problem: SaveProblem | null;
  chapter: number | null;
  outcome: ChapterOutcome | null;
}

export type AppEvent =
  | { type: 'boot.done' }
  | { type: 'title.play' }
  | { type: 'map.open' }
  | { type: 'map.back' }
  | { type: 'chapter.open'; chapter: number }
  | { type: 'chapter.complete'; outcome: ChapterOutcome }
  | { type: 'chapter.quit' }
  | { type: 'results.retry' }
  | { type: 'results.next' }
  | { type: 'results.map' }
  | { type: 'settings.open' }
  | { type: 'settings.close' }
  | { type: 'settings.change'; settings: Partial<Settings> }
  | { type: 'problem.dismiss' };

export interface AppInput {
  save: SaveData;
  problem: SaveProblem | null;
}

export function nextPlayableChapter(save: SaveData, after: number): number | null {
  const next = CHAPTERS.find((c) => c.number === after + 1);
  if (!next) return null;
  return isPlayable(chapterStatus(next, save.progress.stars)) ? next.number : null;
}

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
  },
  guards: {
    chapterPlayable: ({ event, context }) => {
      if (event.type !== 'chapter.open') return false;
      const info = CHAPTERS.find((c) => c.number === event.chapter);
      return !!info && isPlayable(chapterStatus(info, context.save.progress.stars));
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
    recordOutcome: assign({
      outcome: ({ event }) => (event.type === 'chapter.complete' ? event.outcome : null),
      save: ({ context, event }) => {
        if (event.type !== 'chapter.complete') return context.save;
        const o = event.outcome;
        const saved = withAttempt(withStars(context.save, o.chapter, o.stars), o.attempt);
        if (!o.carry) return saved;
        const carry = { ...saved.progress.carry, [String(o.chapter)]: o.carry };
        return { ...saved, progress: { ...saved.progress, carry } };
      },
    }),
    changeSettings: assign({
      save: ({ context, event }) =>
        event.type === 'settings.change'
          ? { ...context.save, settings: { ...context.save.settings, ...event.settings } }
          : context.save,
    }),
    dismissProblem: assign({ problem: () => null }),
  },
}).createMachine({
  id: 'app',
  type: 'parallel',
  context: ({ input }) => ({ save: input.save, problem: input.problem, chapter: null, outcome: null }),
  on: {
    'problem.dismiss': { actions: 'dismissProblem' },
    'settings.change': { actions: ['changeSettings', 'persist'] },
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
          on: {
            'chapter.complete': { target: 'results', actions: ['recordOutcome', 'persist'] },
            'chapter.quit': 'map',
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
