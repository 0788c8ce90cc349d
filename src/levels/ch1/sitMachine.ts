// Chapter 1's steps: intro → teach each command in turn → the guided wrong-reward twist → fix the
// habit → free training → show time (pass: done; fail: back to training). The numbers live in
// the pure model (sitModel.ts); this machine decides which inputs are allowed when, and records
// every input event so the attempt can be replayed exactly.
import { assign, setup } from 'xstate';
import {
  createSitState,
  giveCommand,
  giveFeedback,
  isLearned,
  lastShow,
  probabilityOf,
  resultOf,
  runShow,
  type Feedback,
  type SitResult,
  twistOver,
  twistShort,
  type SitState,
} from './sitModel';
import type { SitLevel } from './sitLevel';
import { introGuard, introState } from '../shared/intro';
import { recordInput } from '../shared/record';

/** Inputs that change the model: these are what an attempt records and a replay re-sends. */
export type SitInputEvent =
  | { type: 'trial.command'; command: string }
  | { type: 'trial.feedback'; feedback: Feedback }
  | { type: 'twist.more' }
  | { type: 'show.start' }
  | { type: 'show.finish' };

export type SitEvent = SitInputEvent | { type: 'dialogue.next' } | { type: 'dialogue.skip' };

export interface SitContext {
  level: SitLevel;
  model: SitState;
  /** Index into level.teachOrder while teaching. */
  teachIndex: number;
  introLine: number;
  /** The latest news for the mentor to say, as a text key, e.g. "ch1.learned". */
  notice: string | null;
  /** Whether the twist ended with the wrong habit formed (else it ran out: see twistOver). */
  twistHabit: boolean;
  /** How many times the trainer chose to go on with a twist that gave too few chances. */
  twistExtensions: number;
  events: SitInputEvent[];
}

export interface SitInput {
  level: SitLevel;
  seed: number;
}

export const INTRO_LINES = ['ch1.intro.1', 'ch1.intro.2', 'ch1.intro.3'] as const;

function focusOf(context: SitContext): string {
  return context.level.teachOrder[context.teachIndex];
}

/** Which commands the trainer may give in a given step. */
export function allowedCommands(step: string, context: SitContext): string[] {
  switch (step) {
    case 'teach':
      return context.level.teachOrder.slice(0, context.teachIndex + 1);
    case 'twist':
    case 'twistShort':
    case 'fix':
      return [context.level.twist.command];
    case 'free':
      return context.level.commands.map((c) => c.id);
    default:
      return [];
  }
}

/** Whether a paused twist may go on: up to its hard stop (`twist.giveUpAfter` trials). */
export function canExtendTwist(context: SitContext): boolean {
  const { maxTrials, giveUpAfter } = context.level.twist;
  return maxTrials * (context.twistExtensions + 2) <= giveUpAfter;
}

export const sitMachine = setup({
  types: {
    context: {} as SitContext,
    events: {} as SitEvent,
    input: {} as SitInput,
    output: {} as SitResult,
  },
  guards: {
    introHasMore: introGuard(INTRO_LINES),
    canCommandInTeach: ({ context, event }) =>
      event.type === 'trial.command' &&
      !context.model.pending &&
      allowedCommands('teach', context).includes(event.command),
    canCommandInTwist: ({ context, event }) =>
      event.type === 'trial.command' &&
      !context.model.pending &&
      allowedCommands('twist', context).includes(event.command),
    canCommandInFree: ({ context, event }) =>
      event.type === 'trial.command' &&
      !context.model.pending &&
      allowedCommands('free', context).includes(event.command),
    hasPending: ({ context }) => context.model.pending !== null,
    noPending: ({ context }) => context.model.pending === null,
    focusLearnedMore: ({ context }) =>
      isLearned(context.level, context.model, focusOf(context)) &&
      context.teachIndex < context.level.teachOrder.length - 1,
    focusLearnedLast: ({ context }) =>
      isLearned(context.level, context.model, focusOf(context)) &&
      context.teachIndex === context.level.teachOrder.length - 1,
    habitFormed: ({ context }) =>
      probabilityOf(context.model, context.level.twist.command, context.level.twist.wrongAction) >=
      context.level.twist.habitProbability,
    twistTooLong: ({ context }) => twistOver(context.level, context.model),
    twistShort: ({ context }) => twistShort(context.level, context.model, context.twistExtensions),
    canExtendTwist: ({ context }) => canExtendTwist(context),
    twistLearned: ({ context }) => isLearned(context.level, context.model, context.level.twist.command),
    showPassed: ({ context }) => lastShow(context.model)?.passed === true,
  },
  actions: {
    record: recordInput(),
    command: assign({
      model: ({ context, event }) =>
        event.type === 'trial.command' ? giveCommand(context.model, event.command) : context.model,
      notice: () => null,
    }),
    feedback: assign({
      model: ({ context, event }) =>
        event.type === 'trial.feedback'
          ? giveFeedback(context.level, context.model, event.feedback, false)
          : context.model,
    }),
    twistFeedback: assign({
      model: ({ context, event }) =>
        event.type === 'trial.feedback'
          ? giveFeedback(context.level, context.model, event.feedback, true)
          : context.model,
    }),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    nextFocus: assign({
      teachIndex: ({ context }) => context.teachIndex + 1,
      notice: () => 'ch1.notice.learned',
    }),
    runShow: assign({ model: ({ context }) => runShow(context.level, context.model), notice: () => null }),
    noticeHabit: assign({ notice: () => 'ch1.notice.habit', twistHabit: () => true }),
    noticeStubborn: assign({ notice: () => 'ch1.notice.stubborn' }),
    noticeFewChances: assign({ notice: () => 'ch1.notice.fewChances' }),
    extendTwist: assign({ twistExtensions: ({ context }) => context.twistExtensions + 1, notice: () => null }),
    noticeFixed: assign({ notice: () => 'ch1.notice.fixed' }),
    noticeShowFailed: assign({ notice: () => 'ch1.notice.showFailed' }),
  },
}).createMachine({
  id: 'sitBit',
  context: ({ input }) => ({
    level: input.level,
    model: createSitState(input.level, input.seed),
    teachIndex: 0,
    introLine: 0,
    notice: null,
    twistHabit: false,
    twistExtensions: 0,
    events: [],
  }),
  initial: 'intro',
  states: {
    intro: introState('teach'),
    teach: {
      on: {
        'trial.command': { guard: 'canCommandInTeach', actions: ['record', 'command'] },
        'trial.feedback': { guard: 'hasPending', target: 'teachCheck', actions: ['record', 'feedback'] },
      },
    },
    teachCheck: {
      always: [
        { guard: 'focusLearnedMore', target: 'teach', actions: 'nextFocus' },
        { guard: 'focusLearnedLast', target: 'twist' },
        { target: 'teach' },
      ],
    },
    twist: {
      on: {
        'trial.command': { guard: 'canCommandInTwist', actions: ['record', 'command'] },
        'trial.feedback': { guard: 'hasPending', target: 'twistCheck', actions: ['record', 'twistFeedback'] },
      },
    },
    twistCheck: {
      always: [
        { guard: 'habitFormed', target: 'fix', actions: 'noticeHabit' },
        { guard: 'twistTooLong', target: 'fix', actions: 'noticeStubborn' },
        { guard: 'twistShort', target: 'twistShort', actions: 'noticeFewChances' },
        { target: 'twist' },
      ],
    },
    // Too few chances to be sloppy so far: go on experimenting, or say the command to move on
    // (as a twist that ran out always did: that command is the first of the fix).
    twistShort: {
      on: {
        'twist.more': { guard: 'canExtendTwist', target: 'twist', actions: ['record', 'extendTwist'] },
        'trial.command': { guard: 'canCommandInTwist', target: 'fix', actions: ['record', 'command'] },
      },
    },
    fix: {
      on: {
        'trial.command': { guard: 'canCommandInTwist', actions: ['record', 'command'] },
        'trial.feedback': { guard: 'hasPending', target: 'fixCheck', actions: ['record', 'feedback'] },
      },
    },
    fixCheck: {
      always: [{ guard: 'twistLearned', target: 'free', actions: 'noticeFixed' }, { target: 'fix' }],
    },
    free: {
      on: {
        'trial.command': { guard: 'canCommandInFree', actions: ['record', 'command'] },
        'trial.feedback': { guard: 'hasPending', actions: ['record', 'feedback'] },
        'show.start': { guard: 'noPending', target: 'show', actions: ['record', 'runShow'] },
      },
    },
    show: {
      on: {
        'show.finish': [
          { guard: 'showPassed', target: 'done', actions: 'record' },
          { target: 'free', actions: ['record', 'noticeShowFailed'] },
        ],
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => resultOf(context.level, context.model),
});

export type SitStep = 'intro' | 'teach' | 'twist' | 'twistShort' | 'fix' | 'free' | 'show' | 'done';
