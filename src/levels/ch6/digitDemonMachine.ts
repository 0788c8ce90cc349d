// Chapter 6's steps: intro → build the net → training (in a worker on the page) → the net's report
// card → phase 1, unseen digits (before each throw the player calls whether Bit will read it) →
// phase 2, your handwriting (always all the drawings) → phase 3, the Demon's trick →
// epilogue → ending and credits → done. The numbers live in the pure model; this machine decides
// which inputs are allowed when and records every input that moves the chapter on, so the attempt
// (seed + events, drawings as 28 x 28 bytes) replays to the same result. 'train.done' carries no
// weights: while training, the machine invokes the `trainBoss` actor (trainBoss.ts; the page
// provides one backed by a Web Worker), whose 'train.finished' brings the weights back and is
// recorded as 'train.done'; a replay's 'train.done' retrains in-process from (level, seed,
// choices), the same pure function. Progress reports are shown, never recorded. Drafts on the drawing pad ('draw.preview') only feed
// the "what the net sees" view and are never recorded, like dialogue.
import { assign, setup } from 'xstate';
import { introGuard, introState } from '../shared/intro';
import { recordInput } from '../shared/record';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import {
  createDigitDemonState,
  drawingsLeft,
  probabilitiesOf,
  resultOf,
  submitDrawing,
  throwDigit,
  throwsLeft,
  validDrawing,
  validTrickPick,
  withChoice,
  withHidden,
  withoutNet,
  withTrainedNet,
  withTrick,
  CALLS,
  type Call,
  type DigitDemonResult,
  type DigitDemonState,
  type TrickSource,
} from './digitDemonModel';
import { drawingToInput, inkCount, isDrawingInput, isStrokes, type Stroke } from './digitDrawing';
import type { BossWeights, TrainProgress } from './bossTraining';
import { trainBossInProcess, type TrainBossReply } from './trainBoss';
import { chooseUnit, closedHead, headEventsLeft, openHead, validUnit, type HeadState } from './insideHead';
import { weightsOf } from './bossTraining';
import { examplesOf, teachOutcome } from './teachBit';
import * as teach from './teachSteps';
import { teachBossInProcess, type TeachBossReply } from './teachBoss';

/** The level file joined with the digits it trains on. */
export interface DigitDemonChapterLevel {
  file: DigitDemonLevel;
  digits: BossDigits;
}

export type DigitDemonInputEvent =
  | { type: 'build.hidden'; units: number }
  | { type: 'build.rate'; rate: number }
  | { type: 'build.epochs'; epochs: number }
  | { type: 'train.start' }
  | { type: 'train.cancel' }
  | { type: 'train.done' }
  | { type: 'train.again' }
  | { type: 'fight.start' }
  | { type: 'fight.throw'; call?: Call }
  | { type: 'phase.next' }
  | { type: 'draw.submit'; digit: number; pixels: number[] }
  | { type: 'trick.epsilon'; epsilon: number }
  | ({ type: 'trick.pick' } & TrickSource)
  | { type: 'epilogue.next' }
  | { type: 'ending.done' }
  // Inside Bit's head (after training): open the view, choose a hidden unit, close it.
  | { type: 'head.open' }
  | { type: 'head.unit'; unit: number }
  | { type: 'head.close' }
  | { type: 'teach.open' }
  | { type: 'teach.label'; index: number; digit: number }
  | { type: 'teach.use'; index: number; use: boolean }
  | { type: 'teach.start' }
  | { type: 'teach.cancel' }
  | { type: 'teach.done' };

export type DigitDemonEvent =
  | DigitDemonInputEvent
  | TrainBossReply
  | TeachBossReply
  /** The pad's draft, as its strokes (the machine preprocesses them) or as 784 grey levels. */
  | { type: 'draw.preview'; pixels?: number[] | null; strokes?: readonly Stroke[] }
  | { type: 'dialogue.next' }
  | { type: 'dialogue.skip' };

export interface DigitDemonContext {
  level: DigitDemonLevel;
  digits: BossDigits;
  seed: number;
  model: DigitDemonState;
  introLine: number;
  epiloguePage: number;
  /** The pad's current draft and the net's probabilities for it (not recorded). */
  preview: { pixels: number[]; probabilities: number[] } | null;
  /** How many times training was started (to tell the scene a new run began). */
  trainRuns: number;
  /** How many trainings finished (the level allows `build.trainings`: each costs a replay). */
  trainingsDone: number;
  /** The current run's progress reports, its time so far and its error (not recorded). */
  training: { progress: TrainProgress[]; ms: number; error: string | null };
  events: DigitDemonInputEvent[];
  /** Inside Bit's head: open or not, the chosen unit, the units looked at (reset by each training). */
  head: HeadState;
  /** Teaching Bit the player's drawings (after the drawings, once), or null until it opens. */
  teach: teach.TeachContext | null;
}

export interface DigitDemonInput {
  level: DigitDemonChapterLevel;
  seed: number;
}

export const INTRO_LINES = ['ch6.intro.1', 'ch6.intro.2', 'ch6.intro.3'] as const;
export const EPILOGUE_PAGES = ['shiba', 'work', 'learn'] as const;

export type DigitDemonStep =
  | 'intro'
  | 'build'
  | 'training'
  | 'trained'
  | 'phase1'
  | 'phase2'
  | 'teach'
  | 'teaching'
  | 'taught'
  | 'trick'
  | 'epilogue'
  | 'ending'
  | 'done';

export const digitDemonMachine = setup({
  types: {
    context: {} as DigitDemonContext,
    events: {} as DigitDemonEvent,
    input: {} as DigitDemonInput,
    output: {} as DigitDemonResult,
  },
  guards: {
    introHasMore: introGuard(INTRO_LINES),
    validHidden: ({ context, event }) =>
      event.type === 'build.hidden' && context.level.build.hidden.some((h) => h.units === event.units),
    validRate: ({ context, event }) =>
      event.type === 'build.rate' && context.level.build.learningRates.some((r) => r.rate === event.rate),
    validEpochs: ({ context, event }) =>
      event.type === 'build.epochs' &&
      withChoice(context.level, context.model, { epochs: event.epochs }) !== context.model,
    validThrow: ({ context, event }) =>
      event.type === 'fight.throw' &&
      event.call !== undefined &&
      CALLS.includes(event.call) &&
      throwsLeft(context.level, context.model),
    throwsDone: ({ context }) => !throwsLeft(context.level, context.model),
    trainingsLeft: ({ context }) => context.trainingsDone < context.level.build.trainings,
    drawingsLeftValid: ({ context, event }) =>
      event.type === 'draw.submit' &&
      drawingsLeft(context.level, context.model) &&
      validDrawing(context.level, event.digit, event.pixels),
    drawingsDone: ({ context }) => !drawingsLeft(context.level, context.model),
    validEpsilon: ({ context, event }) =>
      event.type === 'trick.epsilon' && context.level.trick.epsilons.includes(event.epsilon),
    validPick: ({ context, event }) =>
      event.type === 'trick.pick' &&
      (event.source === 'test' || event.source === 'drawing') &&
      validTrickPick(context.model, { source: event.source, index: event.index }),
    validTeachLabel: ({ context: c, event: e }) =>
      e.type === 'teach.label' && teach.isLabelIndex(c.teach, e.index) && teach.isDigit(e.digit),
    validTeachUse: ({ context: c, event: e }) =>
      e.type === 'teach.use' && teach.isLabelIndex(c.teach, e.index) && typeof e.use === 'boolean',
    canTeach: ({ context }) => !!context.model.net && !!context.teach?.labels.some((l) => l.use),
    epilogueHasMore: ({ context }) => context.epiloguePage < EPILOGUE_PAGES.length - 1,
    headCanOpen: ({ context }) => !context.head.open && !!context.model.net && headEventsLeft(context.events),
    // Closing is never refused (each close follows a counted open), so the view is never a trap.
    headCanClose: ({ context }) => context.head.open,
    validUnit: ({ context, event }) =>
      event.type === 'head.unit' &&
      event.unit !== context.head.unit &&
      validUnit(context.model.net, context.head, event.unit) &&
      headEventsLeft(context.events),
  },
  actors: { trainBoss: trainBossInProcess, teachBoss: teachBossInProcess },
  actions: {
    record: recordInput(),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    setHidden: assign({
      model: ({ context, event }) =>
        event.type === 'build.hidden' ? withHidden(context.level, context.model, event.units) : context.model,
    }),
    setRate: assign({
      model: ({ context, event }) =>
        event.type === 'build.rate' ? withChoice(context.level, context.model, { rate: event.rate }) : context.model,
    }),
    setEpochs: assign({
      model: ({ context, event }) =>
        event.type === 'build.epochs'
          ? withChoice(context.level, context.model, { epochs: event.epochs })
          : context.model,
    }),
    countRun: assign({
      trainRuns: ({ context }) => context.trainRuns + 1,
      training: () => ({ progress: [], ms: 0, error: null }),
    }),
    progress: assign({
      training: ({ context, event }) =>
        event.type === 'train.progress'
          ? { ...context.training, progress: [...context.training.progress, event.progress], ms: event.ms }
          : context.training,
    }),
    failed: assign({
      training: ({ context, event }) =>
        event.type === 'train.failed' ? { ...context.training, error: event.message } : context.training,
    }),
    /** The actor's weights are recorded as a plain 'train.done': a replay retrains them. */
    recordDone: assign({ events: ({ context }) => [...context.events, { type: 'train.done' as const }] }),
    train: assign({
      trainingsDone: ({ context }) => context.trainingsDone + 1,
      model: ({ context, event }) => {
        const weights: BossWeights | undefined = event.type === 'train.finished' ? event.weights : undefined;
        const reading = event.type === 'train.finished' ? event.reading : undefined;
        return withTrainedNet(context.level, context.digits, context.seed, context.model, weights, reading);
      },
      training: ({ context, event }) =>
        event.type === 'train.finished' ? { ...context.training, ms: event.ms } : context.training,
    }),
    forgetNet: assign({ model: ({ context }) => withoutNet(context.model) }),
    throwDigit: assign({
      model: ({ context, event }) =>
        event.type === 'fight.throw' && event.call
          ? throwDigit(context.level, context.digits, context.model, event.call)
          : context.model,
    }),
    preview: assign({
      preview: ({ context, event }) => {
        if (event.type !== 'draw.preview' || !context.model.net) return null;
        const pixels = isStrokes(event.strokes) ? Array.from(drawingToInput(event.strokes)) : event.pixels;
        if (!isDrawingInput(pixels) || inkCount(pixels) === 0) return null;
        return { pixels: [...pixels], probabilities: probabilitiesOf(context.model.net, pixels) };
      },
    }),
    submitDrawing: assign({
      model: ({ context, event }) =>
        event.type === 'draw.submit'
          ? submitDrawing(context.level, context.model, event.digit, event.pixels)
          : context.model,
      preview: () => null,
    }),
    firstTrick: assign({
      model: ({ context }) =>
        withTrick(context.digits, context.model, { source: 'test', index: 0 }, context.level.trick.start),
    }),
    setEpsilon: assign({
      model: ({ context, event }) =>
        event.type === 'trick.epsilon'
          ? withTrick(context.digits, context.model, context.model.trickPick, event.epsilon)
          : context.model,
    }),
    pickTrick: assign({
      model: ({ context, event }) =>
        event.type === 'trick.pick'
          ? withTrick(
              context.digits,
              context.model,
              { source: event.source, index: event.index },
              context.model.epsilon,
            )
          : context.model,
    }),
    openTeach: assign({ teach: ({ context }) => teach.openTeach(context.model.drawings) }),
    setTeachLabel: assign({
      teach: ({ context: c, event: e }) =>
        c.teach && e.type === 'teach.label' ? teach.withLabel(c.teach, e.index, e.digit) : c.teach,
    }),
    setTeachUse: assign({
      teach: ({ context: c, event: e }) =>
        c.teach && e.type === 'teach.use' ? teach.withUse(c.teach, e.index, e.use) : c.teach,
    }),
    countTeachRun: assign({ teach: ({ context: c }) => c.teach && teach.withRun(c.teach) }),
    teachProgress: assign({
      teach: ({ context: c, event: e }) =>
        c.teach && e.type === 'teach.progress' ? teach.withProgress(c.teach, e.progress, e.ms) : c.teach,
    }),
    teachFailed: assign({
      teach: ({ context: c, event: e }) =>
        c.teach && e.type === 'teach.failed' ? { ...c.teach, error: e.message } : c.teach,
    }),
    /** The actor's weights are recorded as a plain 'teach.done': a replay retrains them. */
    recordTeachDone: assign({ events: ({ context }) => [...context.events, { type: 'teach.done' as const }] }),
    applyTeach: assign({
      teach: ({ context, event }) => {
        const t = context.teach;
        const net = context.model.net;
        if (!t || !net) return t;
        const outcome = teachOutcome(
          context.level,
          context.digits,
          context.seed,
          context.model.choices.hidden,
          net,
          Math.round((context.model.report?.accuracy ?? 0) * context.digits.test.inputs.rows),
          weightsOf(net),
          t.labels,
          context.model.drawings,
          event.type === 'teach.finished' ? event.weights : undefined,
          event.type === 'teach.finished' ? event.reading?.classes : undefined,
        );
        return { ...t, outcome, ms: event.type === 'teach.finished' ? event.ms : t.ms };
      },
    }),
    nextPage: assign({ epiloguePage: ({ context }) => context.epiloguePage + 1 }),
    resetHead: assign({ head: () => closedHead() }),
    openHead: assign({
      head: ({ context }) =>
        context.model.net
          ? openHead(context.model.net, context.digits, context.level.head.topDigits, context.head)
          : context.head,
    }),
    closeHead: assign({ head: ({ context }) => ({ ...context.head, open: false }) }),
    chooseUnit: assign({
      head: ({ context, event }) => (event.type === 'head.unit' ? chooseUnit(context.head, event.unit) : context.head),
    }),
  },
}).createMachine({
  id: 'digitDemon',
  context: ({ input }) => ({
    level: input.level.file,
    digits: input.level.digits,
    seed: input.seed >>> 0,
    model: createDigitDemonState(input.level.file, input.seed >>> 0, input.level.digits.test.inputs.rows),
    introLine: 0,
    epiloguePage: 0,
    preview: null,
    trainRuns: 0,
    trainingsDone: 0,
    training: { progress: [], ms: 0, error: null },
    events: [],
    head: closedHead(),
    teach: null,
  }),
  initial: 'intro',
  states: {
    intro: introState('build'),
    build: {
      on: {
        'build.hidden': { guard: 'validHidden', actions: ['record', 'setHidden'] },
        'build.rate': { guard: 'validRate', actions: ['record', 'setRate'] },
        'build.epochs': { guard: 'validEpochs', actions: ['record', 'setEpochs'] },
        'train.start': { target: 'training', actions: ['record', 'countRun'] },
      },
    },
    training: {
      invoke: {
        src: 'trainBoss',
        input: ({ context }) => ({
          level: context.level,
          digits: context.digits,
          seed: context.seed,
          choices: context.model.choices,
        }),
      },
      on: {
        'train.cancel': { target: 'build', actions: 'record' },
        'train.done': { target: 'trained', actions: ['record', 'train'] },
        'train.progress': { actions: 'progress' },
        'train.finished': { target: 'trained', actions: ['recordDone', 'train'] },
        'train.failed': { actions: 'failed' },
      },
    },
    trained: {
      entry: 'resetHead',
      on: {
        'head.open': { guard: 'headCanOpen', actions: ['record', 'openHead'] },
        'head.unit': { guard: 'validUnit', actions: ['record', 'chooseUnit'] },
        'head.close': { guard: 'headCanClose', actions: ['record', 'closeHead'] },
        'train.again': { guard: 'trainingsLeft', target: 'build', actions: ['record', 'forgetNet'] },
        'fight.start': { target: 'phase1', actions: 'record' },
      },
    },
    phase1: {
      on: {
        'fight.throw': { guard: 'validThrow', actions: ['record', 'throwDigit'] },
        'phase.next': { guard: 'throwsDone', target: 'phase2', actions: 'record' },
      },
    },
    phase2: {
      on: {
        'draw.preview': { actions: 'preview' },
        'draw.submit': { guard: 'drawingsLeftValid', actions: ['record', 'submitDrawing'] },
        'phase.next': { guard: 'drawingsDone', target: 'trick', actions: ['record', 'firstTrick'] },
        'teach.open': { guard: 'drawingsDone', target: 'teach', actions: ['record', 'openTeach'] },
      },
    },
    // Teaching Bit the drawings: optional, once. Skipping it goes on to the trick.
    teach: {
      on: {
        'teach.label': { guard: 'validTeachLabel', actions: ['record', 'setTeachLabel'] },
        'teach.use': { guard: 'validTeachUse', actions: ['record', 'setTeachUse'] },
        'teach.start': { guard: 'canTeach', target: 'teaching', actions: ['record', 'countTeachRun'] },
        'phase.next': { target: 'trick', actions: ['record', 'firstTrick'] },
      },
    },
    teaching: {
      invoke: {
        src: 'teachBoss',
        input: ({ context }) => ({
          level: context.level,
          digits: context.digits,
          seed: context.seed,
          hidden: context.model.choices.hidden,
          // canTeach let us in only with a trained net.
          start: weightsOf(context.model.net as NonNullable<typeof context.model.net>),
          examples: examplesOf(context.model.drawings, context.teach?.labels ?? []),
        }),
      },
      on: {
        'teach.cancel': { target: 'teach', actions: 'record' },
        'teach.done': { target: 'taught', actions: ['record', 'applyTeach'] },
        'teach.progress': { actions: 'teachProgress' },
        'teach.finished': { target: 'taught', actions: ['recordTeachDone', 'applyTeach'] },
        'teach.failed': { actions: 'teachFailed' },
      },
    },
    taught: {
      on: { 'phase.next': { target: 'trick', actions: ['record', 'firstTrick'] } },
    },
    trick: {
      on: {
        'trick.epsilon': { guard: 'validEpsilon', actions: ['record', 'setEpsilon'] },
        'trick.pick': { guard: 'validPick', actions: ['record', 'pickTrick'] },
        'phase.next': { target: 'epilogue', actions: 'record' },
      },
    },
    epilogue: {
      on: {
        'epilogue.next': [
          { guard: 'epilogueHasMore', actions: ['record', 'nextPage'] },
          { target: 'ending', actions: 'record' },
        ],
      },
    },
    ending: {
      on: { 'ending.done': { target: 'done', actions: 'record' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => resultOf(context.level, context.model),
});
