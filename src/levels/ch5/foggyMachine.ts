// Chapter 5's steps: intro → A six knobs by hand → B one knob in the fog (the first steps felt by
// nudging the knob, 'fog.feel') → C two knobs in the fog → C's bonus, two valleys ('valley.run'
// from each start) → D automatic descent (with momentum beside it; played, it ticks on the actor system's clock and
// each tick takes the level's number of steps, recorded as 'auto.step') → overfitting (a degree
// control refits exactly, 'overfit.degree') → E the gears → the fog challenge → its result
// (retry or keep) → the history card → done. The numbers live in the pure model; this machine
// decides which inputs are allowed when and records every input that changes the model, so an
// attempt replays exactly from its seed and events.
import { assign, raise, setup } from 'xstate';
import { recordInput } from '../shared/record';
import type { FoggyLevel } from './foggyLevel';
import {
  autoFinished,
  autoMayEnd,
  autoSteps,
  challengeOver,
  createFoggyState,
  finishChallenge,
  handMayEnd,
  isStepSize,
  KNOB_COUNT,
  setHandKnob,
  startAuto,
  startWalk,
  walkStep,
  type FoggyState,
} from './foggyModel';
import { gearChoices, rightChoice } from './foggyGears';
import { resultOf, type FoggyResult } from './foggyResult';
import { feelReading, runValley, setDegree, slopeHidden } from './foggyLab';

/** Inputs that change the model: what an attempt records and a replay re-sends. */
export type FoggyInputEvent =
  | { type: 'knob.set'; index: number; value: number }
  | { type: 'knob.nudge'; index: number; by: number }
  | { type: 'hand.done' }
  | { type: 'fog.step'; size: number }
  | { type: 'fog.next' }
  | { type: 'fog.feel' }
  | { type: 'valley.run'; start: number }
  | { type: 'valley.done' }
  | { type: 'overfit.degree'; degree: number }
  | { type: 'overfit.done' }
  | { type: 'auto.set'; lr: number; beta: number }
  | { type: 'auto.step'; count: number }
  | { type: 'auto.done' }
  | { type: 'gears.turn'; by: number }
  | { type: 'gears.predict'; value: number }
  | { type: 'gears.back' }
  | { type: 'gears.done' }
  | { type: 'challenge.retry' }
  | { type: 'challenge.accept' }
  | { type: 'history.done' };

/** Playing and pausing automatic descent: not recorded (the steps its ticks take are). */
export type FoggyPlayEvent = { type: 'auto.play'; calm?: boolean } | { type: 'auto.pause' };

export type FoggyEvent = FoggyInputEvent | FoggyPlayEvent | { type: 'dialogue.next' } | { type: 'dialogue.skip' };

export interface FoggyContext {
  level: FoggyLevel;
  model: FoggyState;
  introLine: number;
  /** The latest news for the mentor to say, as a text key. */
  notice: string | null;
  /** Automatic descent plays in calm ticks (reduced motion): fewer, larger updates. */
  calm: boolean;
  events: FoggyInputEvent[];
}

export interface FoggyInput {
  level: FoggyLevel;
  seed: number;
}

export const INTRO_LINES = ['ch5.intro.1', 'ch5.intro.2', 'ch5.intro.3'] as const;
export const MAX_AUTO_BATCH = 50;

export type FoggyStep =
  | 'intro'
  | 'hand'
  | 'fog1'
  | 'fog2'
  | 'valleys'
  | 'auto'
  | 'overfit'
  | 'gears'
  | 'challenge'
  | 'challengeResult'
  | 'history'
  | 'done';

const validIndex = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < KNOB_COUNT;

export const foggyMachine = setup({
  types: {
    context: {} as FoggyContext,
    events: {} as FoggyEvent,
    input: {} as FoggyInput,
    output: {} as FoggyResult,
  },
  guards: {
    introHasMore: ({ context }) => context.introLine < INTRO_LINES.length - 1,
    validKnob: ({ event }) =>
      (event.type === 'knob.set' && validIndex(event.index) && Number.isFinite(event.value)) ||
      (event.type === 'knob.nudge' && validIndex(event.index) && Number.isFinite(event.by)),
    handMayEnd: ({ context }) => handMayEnd(context.level, context.model),
    validSize: ({ context, event }) => event.type === 'fog.step' && isStepSize(context.level, event.size),
    fog1Reached: ({ context }) => context.model.fog1.reached,
    /** Part B's first steps wait until the slope has been felt where the walker stands. */
    fog1MayStep: ({ context, event }) =>
      event.type === 'fog.step' &&
      isStepSize(context.level, event.size) &&
      (!slopeHidden(context.level, context.model.fog1.steps) || context.model.fog1.feel !== null),
    mayFeel: ({ context }) =>
      slopeHidden(context.level, context.model.fog1.steps) &&
      context.model.fog1.feel === null &&
      !context.model.fog1.reached,
    mayRunValley: ({ context, event }) =>
      event.type === 'valley.run' &&
      Number.isInteger(event.start) &&
      event.start >= 0 &&
      event.start < context.model.valleys.runs.length &&
      context.model.valleys.runs[event.start] === null,
    valleysDone: ({ context }) => context.model.valleys.runs.every((r) => r !== null),
    validDegree: ({ context, event }) =>
      event.type === 'overfit.degree' &&
      Number.isInteger(event.degree) &&
      event.degree >= context.level.overfit.degrees[0] &&
      event.degree <= context.level.overfit.degrees[1] &&
      event.degree !== context.model.overfit.degree,
    overfitDone: ({ context }) => context.model.overfit.seen.includes(context.level.overfit.degrees[1]),
    fog2Reached: ({ context }) => context.model.fog2.reached,
    validAuto: ({ context, event }) =>
      event.type === 'auto.set' &&
      context.level.auto.learningRates.includes(event.lr) &&
      context.level.auto.momenta.includes(event.beta),
    autoMayRun: ({ context, event }) =>
      event.type === 'auto.step' &&
      Number.isInteger(event.count) &&
      event.count >= 1 &&
      event.count <= MAX_AUTO_BATCH &&
      !autoFinished(context.level, context.model.auto),
    autoMayEnd: ({ context }) => autoMayEnd(context.level, context.model.auto),
    autoFinished: ({ context }) => autoFinished(context.level, context.model.auto),
    autoLeft: ({ context }) => !autoFinished(context.level, context.model.auto),
    validTurn: ({ context, event }) =>
      event.type === 'gears.turn' &&
      Math.abs(event.by) === context.level.gears.turn &&
      Math.abs(context.model.gears.turned + event.by) <= 5 * context.level.gears.turn + 1e-9,
    mayPredict: ({ context, event }) =>
      event.type === 'gears.predict' &&
      context.model.gears.turned !== 0 &&
      context.model.gears.predicted !== rightChoice(context.level) &&
      gearChoices(context.level, context.model.seed).includes(event.value),
    mayBackprop: ({ context }) =>
      context.model.gears.predicted === rightChoice(context.level) && context.model.gears.filled < 4,
    gearsDone: ({ context }) => context.model.gears.filled >= 4,
    challengeOver: ({ context }) => challengeOver(context.level, context.model.challenge),
    runPassed: ({ context }) => context.model.runs[context.model.runs.length - 1]?.reached === true,
  },
  delays: {
    autoTick: ({ context }) => (context.calm ? context.level.auto.play.calmTickMs : context.level.auto.play.tickMs),
  },
  actions: {
    setCalm: assign({ calm: ({ event }) => event.type === 'auto.play' && event.calm === true }),
    /** One tick of play: the level's number of steps, as the recorded event a press would send. */
    tick: raise(({ context }) => ({
      type: 'auto.step' as const,
      count: Math.min(MAX_AUTO_BATCH, context.calm ? context.level.auto.play.calmSteps : context.level.auto.play.steps),
    })),
    record: recordInput(),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    // One assigner, so the offer is judged on the model this move produced (property assigners
    // would all see the context from before the move).
    setKnob: assign(({ context, event }) => {
      const { level, model } = context;
      const next =
        event.type === 'knob.set'
          ? setHandKnob(level, model, event.index, event.value)
          : event.type === 'knob.nudge'
            ? setHandKnob(level, model, event.index, model.hand[event.index] + event.by)
            : model;
      const offer = handMayEnd(level, next) && context.notice === null;
      return { model: next, notice: offer ? 'ch5.hand.offer' : context.notice };
    }),
    clearNotice: assign({ notice: () => null }),
    stepFog1: assign({
      model: ({ context, event }) =>
        event.type === 'fog.step'
          ? { ...context.model, fog1: walkStep(context.level, 'fog1', context.model.fog1, event.size) }
          : context.model,
    }),
    feel: assign({
      model: ({ context }) => ({
        ...context.model,
        fog1: {
          ...context.model.fog1,
          feel: feelReading(context.level, context.model.fog1.knobs),
          feels: context.model.fog1.feels + 1,
          // The feel is the latest news; a step refused after it is newer news again.
          last: null,
        },
      }),
    }),
    runValley: assign({
      model: ({ context, event }) =>
        event.type === 'valley.run'
          ? { ...context.model, valleys: runValley(context.level, context.model.valleys, event.start) }
          : context.model,
    }),
    setDegree: assign({
      model: ({ context, event }) =>
        event.type === 'overfit.degree'
          ? { ...context.model, overfit: setDegree(context.model.overfit, event.degree) }
          : context.model,
    }),
    stepFog2: assign({
      model: ({ context, event }) =>
        event.type === 'fog.step'
          ? { ...context.model, fog2: walkStep(context.level, 'fog2', context.model.fog2, event.size) }
          : context.model,
    }),
    stepChallenge: assign({
      model: ({ context, event }) =>
        event.type === 'fog.step'
          ? { ...context.model, challenge: walkStep(context.level, 'challenge', context.model.challenge, event.size) }
          : context.model,
    }),
    setAuto: assign({
      model: ({ context, event }) =>
        event.type === 'auto.set'
          ? { ...context.model, auto: startAuto(context.level, event.lr, event.beta) }
          : context.model,
    }),
    autoStep: assign({
      model: ({ context, event }) =>
        event.type === 'auto.step'
          ? { ...context.model, auto: autoSteps(context.level, context.model.auto, event.count) }
          : context.model,
    }),
    turnGear: assign({
      model: ({ context, event }) =>
        event.type === 'gears.turn'
          ? {
              ...context.model,
              gears: {
                ...context.model.gears,
                turned: Math.round((context.model.gears.turned + event.by) * 1e9) / 1e9,
              },
            }
          : context.model,
    }),
    predict: assign({
      model: ({ context, event }) =>
        event.type === 'gears.predict'
          ? {
              ...context.model,
              gears: { ...context.model.gears, predicted: event.value, tries: context.model.gears.tries + 1 },
            }
          : context.model,
      notice: ({ context, event }) =>
        event.type === 'gears.predict' && event.value === rightChoice(context.level)
          ? 'ch5.gears.right'
          : 'ch5.gears.wrong',
    }),
    backprop: assign({
      model: ({ context }) => ({
        ...context.model,
        gears: { ...context.model.gears, filled: context.model.gears.filled + 1 },
      }),
      notice: () => null,
    }),
    finishChallenge: assign({ model: ({ context }) => finishChallenge(context.level, context.model) }),
    restartChallenge: assign({
      model: ({ context }) => ({ ...context.model, challenge: startWalk(context.level, 'challenge') }),
    }),
  },
}).createMachine({
  id: 'foggyMountain',
  context: ({ input }) => ({
    level: input.level,
    model: createFoggyState(input.level, input.seed),
    introLine: 0,
    notice: null,
    calm: false,
    events: [],
  }),
  initial: 'intro',
  states: {
    intro: {
      on: {
        'dialogue.next': [{ guard: 'introHasMore', actions: 'nextIntroLine' }, { target: 'hand' }],
        'dialogue.skip': { target: 'hand' },
      },
    },
    hand: {
      on: {
        'knob.set': { guard: 'validKnob', actions: ['record', 'setKnob'] },
        'knob.nudge': { guard: 'validKnob', actions: ['record', 'setKnob'] },
        'hand.done': { guard: 'handMayEnd', target: 'fog1', actions: ['record', 'clearNotice'] },
      },
    },
    fog1: {
      on: {
        'fog.feel': { guard: 'mayFeel', actions: ['record', 'feel'] },
        'fog.step': { guard: 'fog1MayStep', actions: ['record', 'stepFog1'] },
        'fog.next': { guard: 'fog1Reached', target: 'fog2', actions: 'record' },
      },
    },
    fog2: {
      on: {
        'fog.step': { guard: 'validSize', actions: ['record', 'stepFog2'] },
        'fog.next': { guard: 'fog2Reached', target: 'valleys', actions: 'record' },
      },
    },
    valleys: {
      on: {
        'valley.run': { guard: 'mayRunValley', actions: ['record', 'runValley'] },
        'valley.done': { guard: 'valleysDone', target: 'auto', actions: 'record' },
      },
    },
    auto: {
      initial: 'paused',
      on: {
        'auto.set': { guard: 'validAuto', target: '.paused', actions: ['record', 'setAuto'] },
        'auto.step': { guard: 'autoMayRun', actions: ['record', 'autoStep'] },
        'auto.done': { guard: 'autoMayEnd', target: 'overfit', actions: 'record' },
      },
      states: {
        paused: {
          on: { 'auto.play': { guard: 'autoLeft', target: 'playing', actions: 'setCalm' } },
        },
        playing: {
          always: { guard: 'autoFinished', target: 'paused' },
          after: { autoTick: { target: 'playing', reenter: true, actions: 'tick' } },
          on: { 'auto.pause': { target: 'paused' } },
        },
      },
    },
    overfit: {
      on: {
        'overfit.degree': { guard: 'validDegree', actions: ['record', 'setDegree'] },
        'overfit.done': { guard: 'overfitDone', target: 'gears', actions: 'record' },
      },
    },
    gears: {
      on: {
        'gears.turn': { guard: 'validTurn', actions: ['record', 'turnGear'] },
        'gears.predict': { guard: 'mayPredict', actions: ['record', 'predict'] },
        'gears.back': { guard: 'mayBackprop', actions: ['record', 'backprop'] },
        'gears.done': { guard: 'gearsDone', target: 'challenge', actions: ['record', 'clearNotice'] },
      },
    },
    challenge: {
      always: { guard: 'challengeOver', target: 'challengeResult', actions: 'finishChallenge' },
      on: {
        'fog.step': { guard: 'validSize', actions: ['record', 'stepChallenge'] },
      },
    },
    challengeResult: {
      on: {
        'challenge.retry': { target: 'challenge', actions: ['record', 'restartChallenge'] },
        'challenge.accept': { guard: 'runPassed', target: 'history', actions: 'record' },
      },
    },
    history: {
      on: { 'history.done': { target: 'done', actions: 'record' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => resultOf(context.level, context.model),
});
