// Chapter 2's steps: intro → part A, the weather week → part B, the fruit stall → the sellers'
// conflict → the new season → the challenge on the hidden basket → the history card → done. The numbers live in the
// pure model (rulebookModel.ts); this machine decides which inputs are allowed when and records
// every input that changes the model, so an attempt replays exactly.
//
// "Run the week" is the machine's own clock: `week.run` (not recorded) starts `weather.running`,
// whose delayed transition on the actor system's clock turns one more day each tick, and after the
// last day raises the same `rules.check` a pressed check sends. Only that check is recorded, so a
// replay, which never runs the week, checks the same rulebook at the same place.
import { assign, raise, setup } from 'xstate';
import type { RulebookData } from './rulebookLevel';
import { isEditEvent, type EditEvent } from './rulebookEdit';
import {
  createRulebookState,
  editBook,
  fruitsOfSeason,
  lastChallenge,
  matchesExpert,
  resultOf,
  runChallenge,
  weekReport,
  type Part,
  type RulebookResult,
  type RulebookState,
} from './rulebookModel';
import { introGuard, introState } from '../shared/intro';
import { recordInput } from '../shared/record';

/** Inputs that change the model: what an attempt records and a replay re-sends. */
export type RulebookInputEvent =
  | EditEvent
  | { type: 'rules.check' }
  | { type: 'conflict.pick'; seller: string }
  | { type: 'season.next' }
  | { type: 'challenge.run' }
  | { type: 'challenge.finish' };

export type RulebookEvent =
  | RulebookInputEvent
  | { type: 'dialogue.next' }
  | { type: 'dialogue.skip' }
  /** Runs the week day by day; `instant` (reduced motion) checks the finished week at once. */
  | { type: 'week.run'; instant?: boolean };

/** Time per day while the week runs, and the pause on the finished week before its check. */
export const WEEK_DAY_MS = 450;

export interface RulebookContext {
  data: RulebookData;
  model: RulebookState;
  introLine: number;
  /** The latest news for the mentor to say, as a text key. */
  notice: string | null;
  events: RulebookInputEvent[];
  /** The weather week being run day by day: how many days have run so far; null when not running. */
  week: { reached: number } | null;
}

export interface RulebookInput {
  /** The level joined with the fruit file (every chapter's input names its level `level`). */
  level: RulebookData;
  seed: number;
}

export type RulebookStep =
  | 'intro'
  | 'weather'
  | 'stall'
  | 'conflict'
  | 'season'
  | 'challenge'
  | 'verdict'
  | 'history'
  | 'done';

export const INTRO_LINES = ['ch2.intro.1', 'ch2.intro.2', 'ch2.intro.3'] as const;

/** Which rulebook the editor works on in a step, or null where editing is closed. */
export function editablePart(step: string): Part | null {
  if (step === 'weather') return 'weather';
  if (step === 'stall' || step === 'conflict' || step === 'challenge') return 'apple';
  return null;
}

function edited(context: RulebookContext, step: string, event: RulebookEvent): RulebookState | null {
  const part = editablePart(step);
  if (!part || !isEditEvent(event)) return null;
  return editBook(context.data, context.model, part, event);
}

const stallFruits = (c: RulebookContext) => fruitsOfSeason(c.data, c.data.level.stall.season);

export const rulebookMachine = setup({
  types: {
    context: {} as RulebookContext,
    events: {} as RulebookEvent,
    input: {} as RulebookInput,
    output: {} as RulebookResult,
  },
  delays: {
    weekDay: WEEK_DAY_MS,
  },
  guards: {
    introHasMore: introGuard(INTRO_LINES),
    canEditWeather: ({ context, event }) => edited(context, 'weather', event) !== null,
    canEditApple: ({ context, event }) => edited(context, 'stall', event) !== null,
    weekRight: ({ context }) =>
      weekReport(context.data, context.model.weather).correct === context.data.level.weather.days.length,
    stallRight: ({ context }) => matchesExpert(context.data, context.model.apple, stallFruits(context), null),
    sidePicked: ({ context }) => context.model.side !== null,
    sideRight: ({ context }) =>
      context.model.side !== null &&
      matchesExpert(context.data, context.model.apple, stallFruits(context), context.model.side),
    isSeller: ({ context, event }) =>
      event.type === 'conflict.pick' &&
      context.data.fruits.sellers.some((s) => s.id === event.seller) &&
      event.seller !== context.model.side,
    challengePassed: ({ context }) => lastChallenge(context.model)?.passed === true,
    weekAtOnce: ({ context, event }) =>
      (event.type === 'week.run' && event.instant === true) || context.data.level.weather.days.length === 0,
    weekHasMore: ({ context }) => (context.week?.reached ?? 0) < context.data.level.weather.days.length,
  },
  actions: {
    record: recordInput(),
    editWeather: assign({
      model: ({ context, event }) => edited(context, 'weather', event) ?? context.model,
      notice: () => null,
    }),
    editApple: assign({
      model: ({ context, event }) => edited(context, 'stall', event) ?? context.model,
      notice: () => null,
    }),
    countCheck: assign({ model: ({ context }) => ({ ...context.model, checks: context.model.checks + 1 }) }),
    pickSide: assign({
      model: ({ context, event }) =>
        event.type === 'conflict.pick' ? { ...context.model, side: event.seller } : context.model,
      notice: () => 'ch2.notice.picked',
    }),
    runChallenge: assign({ model: ({ context }) => runChallenge(context.data, context.model), notice: () => null }),
    startWeek: assign({ week: () => ({ reached: 0 }), notice: () => null }),
    nextDay: assign({ week: ({ context }) => ({ reached: (context.week?.reached ?? 0) + 1 }) }),
    endWeek: assign({ week: () => null }),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    noticeWeatherDone: assign({ notice: () => 'ch2.notice.weatherDone' }),
    noticeWeatherWrong: assign({ notice: () => 'ch2.notice.weatherWrong' }),
    noticeStallDone: assign({ notice: () => 'ch2.notice.stallDone' }),
    noticeStallWrong: assign({ notice: () => 'ch2.notice.stallWrong' }),
    noticePickFirst: assign({ notice: () => 'ch2.notice.pickFirst' }),
    noticeSideWrong: assign({ notice: () => 'ch2.notice.sideWrong' }),
    noticeSeason: assign({ notice: () => null }),
    noticeChallengeFailed: assign({ notice: () => 'ch2.notice.challengeFailed' }),
  },
}).createMachine({
  id: 'expertRulebook',
  context: ({ input }) => ({
    data: input.level,
    model: createRulebookState(input.seed),
    introLine: 0,
    notice: null,
    events: [],
    week: null,
  }),
  initial: 'intro',
  states: {
    intro: introState('weather'),
    weather: {
      initial: 'idle',
      on: {
        'rules.check': [
          { guard: 'weekRight', target: 'stall', actions: ['record', 'countCheck', 'endWeek', 'noticeWeatherDone'] },
          { target: '.idle', actions: ['record', 'countCheck', 'endWeek', 'noticeWeatherWrong'] },
        ],
      },
      states: {
        idle: {
          on: {
            'rule.*': { guard: 'canEditWeather', actions: ['record', 'editWeather'] },
            'tile.*': { guard: 'canEditWeather', actions: ['record', 'editWeather'] },
            'week.run': [
              { guard: 'weekAtOnce', actions: raise({ type: 'rules.check' }) },
              { target: 'running', actions: 'startWeek' },
            ],
          },
        },
        // The rulebook stays as it is while the days turn: no edits here.
        running: {
          after: {
            weekDay: [
              { guard: 'weekHasMore', target: 'running', reenter: true, actions: 'nextDay' },
              { actions: raise({ type: 'rules.check' }) },
            ],
          },
        },
      },
    },
    stall: {
      on: {
        'rule.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'tile.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'rules.check': [
          { guard: 'stallRight', target: 'conflict', actions: ['record', 'countCheck', 'noticeStallDone'] },
          { actions: ['record', 'countCheck', 'noticeStallWrong'] },
        ],
      },
    },
    conflict: {
      on: {
        'conflict.pick': { guard: 'isSeller', actions: ['record', 'pickSide'] },
        'rule.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'tile.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'rules.check': [
          { guard: 'sideRight', target: 'season', actions: ['record', 'countCheck', 'noticeSeason'] },
          { guard: 'sidePicked', actions: ['record', 'countCheck', 'noticeSideWrong'] },
          { actions: ['record', 'countCheck', 'noticePickFirst'] },
        ],
      },
    },
    season: {
      on: { 'season.next': { target: 'challenge', actions: 'record' } },
    },
    challenge: {
      on: {
        'rule.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'tile.*': { guard: 'canEditApple', actions: ['record', 'editApple'] },
        'challenge.run': { target: 'verdict', actions: ['record', 'runChallenge'] },
      },
    },
    verdict: {
      on: {
        // A passed verdict's "Continue" opens the history card. Like all dialogue it is not
        // recorded, so an attempt still ends verdict → challenge.finish → done on replay (and
        // attempts recorded before the card existed still verify).
        'dialogue.next': { guard: 'challengePassed', target: 'history' },
        'challenge.finish': [
          { guard: 'challengePassed', target: 'done', actions: 'record' },
          { target: 'challenge', actions: ['record', 'noticeChallengeFailed'] },
        ],
      },
    },
    history: {
      on: { 'challenge.finish': { target: 'done', actions: 'record' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => resultOf(context.model),
});
