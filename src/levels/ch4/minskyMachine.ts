// Chapter 4's steps: intro → part A, one line (the player turns the knobs) → Bit tries the
// perceptron rule and keeps cycling → the 1969 book drops → part B, add neurons and build XOR by
// hand → the idea named → part C, the lab (point sets, training) → the challenge on unseen test
// points → its result (retry or keep) → the history card → done. The numbers live in the pure
// model (minskyModel, minskyLab); this machine decides which inputs are allowed when and records
// every input that changes the model, so an attempt replays exactly from its seed and events.
//
// Playing the lab's training is the machine's own clock: while `lab.playing`, a delayed
// transition on the actor system's clock raises a `train.run` of the level's epochsPerTick every
// tickMs, recorded (merged with the runs before it) exactly like a pressed step. Play and pause
// are not recorded: a replay re-sends the epochs they produced, so the same presses record the
// same events on any computer.
import { assign, not, raise, setup } from 'xstate';
import { isSmallActivation, type SmallActivation } from '../../engine';
import { introGuard, introState } from '../shared/intro';
import { recordInput } from '../shared/record';
import type { MinskyLevel } from './minskyLevel';
import {
  addHidden,
  bitFinished,
  bitMayTry,
  bitStep,
  bitToEnd,
  blueprintOpen,
  buildNetwork,
  countCheck,
  createParts,
  knobExists,
  networkRight,
  nudgeKnob,
  parseKnob,
  removeHidden,
  setKnob,
  showBlueprint,
  startBit,
  startBuild,
  type PartsState,
} from './minskyModel';
import {
  addLayer,
  addNeuron,
  canAddLayer,
  canAddNeuron,
  canRemoveNeuron,
  canTrain,
  createLab,
  handValue,
  pickDataset,
  removeLayer,
  removeNeuron,
  resetWeights,
  runChallenge,
  setActivation,
  setHand,
  setRate,
  train,
  type ChallengeRun,
  type DatasetId,
  type HandParam,
  type LabState,
} from './minskyLab';

/** Inputs that change the model: what an attempt records and a replay re-sends. */
export type MinskyInputEvent =
  | { type: 'knob.set'; id: string; value: number }
  | { type: 'knob.nudge'; id: string; by: number }
  | { type: 'bit.start' }
  | { type: 'bit.step' }
  | { type: 'bit.finish' }
  | { type: 'bit.done' }
  | { type: 'book.read' }
  | { type: 'hidden.add' }
  | { type: 'hidden.remove' }
  | { type: 'build.check' }
  | { type: 'blueprint.show' }
  | { type: 'insight.done' }
  | { type: 'data.pick'; dataset: DatasetId }
  | { type: 'neuron.add'; layer: number }
  | { type: 'neuron.remove'; layer: number }
  | { type: 'layer.add' }
  | { type: 'layer.remove' }
  | { type: 'activation.set'; activation: SmallActivation }
  | { type: 'rate.set'; rate: number }
  | { type: 'weights.reset' }
  | { type: 'hand.set'; unit: number; param: HandParam; value: number }
  | { type: 'hand.nudge'; unit: number; param: HandParam; by: number }
  | { type: 'train.run'; epochs: number }
  | { type: 'challenge.run' }
  | { type: 'challenge.retry' }
  | { type: 'challenge.accept' }
  | { type: 'history.done' };

/** Playing the lab's training: they start and stop the machine's clock and change no model. */
export type MinskyPlaybackEvent = { type: 'train.play' } | { type: 'train.pause' };

export type MinskyEvent =
  | MinskyInputEvent
  | MinskyPlaybackEvent
  | { type: 'dialogue.next' }
  | { type: 'dialogue.skip' };

export interface MinskyResult {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  dataset: DatasetId | null;
  correct: number;
  size: number;
  neurons: number;
  epochs: number;
  runs: number;
  bitSteps: number;
}

export interface MinskyContext {
  level: MinskyLevel;
  seed: number;
  parts: PartsState;
  lab: LabState;
  runs: ChallengeRun[];
  introLine: number;
  /** The latest news for the mentor to say, as a text key. */
  notice: string | null;
  /** Counts sound-worthy moments so a view can ask for a cue once per moment. */
  moments: number;
  events: MinskyInputEvent[];
}

export interface MinskyInput {
  level: MinskyLevel;
  seed: number;
}

export const INTRO_LINES = ['ch4.intro.1', 'ch4.intro.2', 'ch4.intro.3'] as const;

const HAND_PARAMS: readonly string[] = ['w1', 'w2', 'threshold'];

/** Consecutive training runs merge into one recorded event: a then b epochs equals a + b. */
function mergeTrainRuns(last: MinskyInputEvent, event: MinskyInputEvent): MinskyInputEvent | null {
  return event.type === 'train.run' && last.type === 'train.run'
    ? { type: 'train.run', epochs: last.epochs + event.epochs }
    : null;
}

function knobIdOk(context: MinskyContext, id: unknown, part: 'line' | 'build'): boolean {
  if (typeof id !== 'string') return false;
  const k = parseKnob(id);
  if (!k || (part === 'line') !== (k.neuron === 'line')) return false;
  return knobExists(context.parts, id);
}

export function resultOf(context: MinskyContext): MinskyResult {
  const run = context.runs.length ? context.runs[context.runs.length - 1] : null;
  return {
    passed: run?.passed ?? false,
    stars: run?.stars ?? 0,
    dataset: run?.dataset ?? null,
    correct: run?.correct ?? 0,
    size: run?.size ?? 0,
    neurons: run?.neurons ?? 0,
    epochs: run?.epochs ?? 0,
    runs: context.runs.length,
    bitSteps: context.parts.bit?.steps ?? 0,
  };
}

export const minskyMachine = setup({
  types: {
    context: {} as MinskyContext,
    events: {} as MinskyEvent,
    input: {} as MinskyInput,
    output: {} as MinskyResult,
  },
  delays: {
    labTick: ({ context }) => context.level.lab.play.tickMs,
  },
  guards: {
    introHasMore: introGuard(INTRO_LINES),
    lineKnob: ({ context, event }) =>
      (event.type === 'knob.set' || event.type === 'knob.nudge') &&
      knobIdOk(context, event.id, 'line') &&
      Number.isFinite(event.type === 'knob.set' ? event.value : event.by),
    buildKnob: ({ context, event }) =>
      (event.type === 'knob.set' || event.type === 'knob.nudge') &&
      knobIdOk(context, event.id, 'build') &&
      Number.isFinite(event.type === 'knob.set' ? event.value : event.by),
    bitMayTry: ({ context }) => bitMayTry(context.level, context.parts),
    bitRunning: ({ context }) => context.parts.bit !== null && !bitFinished(context.level, context.parts.bit),
    bitFinished: ({ context }) => context.parts.bit !== null && bitFinished(context.level, context.parts.bit),
    canAddHidden: ({ context }) => context.parts.build.hidden.length < context.level.build.maxHidden,
    canRemoveHidden: ({ context }) => context.parts.build.hidden.length > 1,
    blueprintOpen: ({ context }) => blueprintOpen(context.level, context.parts),
    xorSolved: ({ context }) => networkRight(context.level, buildNetwork(context.parts)) === context.level.xor.length,
    validDataset: ({ context, event }) =>
      event.type === 'data.pick' && context.level.lab.datasets.some((d) => d.id === event.dataset),
    canAddNeuron: ({ context, event }) =>
      event.type === 'neuron.add' &&
      Number.isInteger(event.layer) &&
      canAddNeuron(context.level, context.lab, event.layer),
    canRemoveNeuron: ({ context, event }) =>
      event.type === 'neuron.remove' && Number.isInteger(event.layer) && canRemoveNeuron(context.lab, event.layer),
    canAddLayer: ({ context }) => canAddLayer(context.level, context.lab),
    canRemoveLayer: ({ context }) => context.lab.net.sizes.length > 3,
    validActivation: ({ event }) => event.type === 'activation.set' && isSmallActivation(event.activation),
    validRate: ({ context, event }) => event.type === 'rate.set' && context.level.lab.rates.includes(event.rate),
    validHand: ({ context, event }) => {
      if (event.type !== 'hand.set' && event.type !== 'hand.nudge') return false;
      const v = event.type === 'hand.set' ? event.value : event.by;
      return (
        Number.isInteger(event.unit) &&
        event.unit >= 0 &&
        event.unit < context.lab.net.weights[0].length &&
        HAND_PARAMS.includes(event.param) &&
        Number.isFinite(v)
      );
    },
    canTrain: ({ context, event }) =>
      event.type === 'train.run' &&
      Number.isInteger(event.epochs) &&
      event.epochs >= 1 &&
      // Recorded runs are merged (see recordEvent), so one event may hold many frames' epochs.
      event.epochs <= context.level.lab.maxEpochs &&
      canTrain(context.level, context.lab),
    labCanTrain: ({ context }) => canTrain(context.level, context.lab),
    runPassed: ({ context }) => context.runs[context.runs.length - 1]?.passed === true,
  },
  actions: {
    record: recordInput(mergeTrainRuns),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    setKnob: assign({
      parts: ({ context, event }) => {
        if (event.type === 'knob.set') return setKnob(context.level, context.parts, event.id, event.value);
        if (event.type === 'knob.nudge') return nudgeKnob(context.level, context.parts, event.id, event.by);
        return context.parts;
      },
      notice: () => null,
    }),
    startBit: assign({
      parts: ({ context }) => ({ ...context.parts, bit: startBit(context.level) }),
      notice: () => null,
    }),
    bitStep: assign({
      parts: ({ context }) => ({ ...context.parts, bit: bitStep(context.level, context.parts.bit!) }),
    }),
    bitToEnd: assign({
      parts: ({ context }) => ({ ...context.parts, bit: bitToEnd(context.level, context.parts.bit!) }),
    }),
    startBuild: assign({ parts: ({ context }) => startBuild(context.parts), notice: () => null }),
    addHidden: assign({
      parts: ({ context }) => addHidden(context.level, context.parts),
      notice: () => 'ch4.notice.added',
    }),
    removeHidden: assign({ parts: ({ context }) => removeHidden(context.parts), notice: () => null }),
    noticeNotYet: assign({
      parts: ({ context }) => countCheck(context.parts),
      notice: () => 'ch4.notice.notYet',
      moments: ({ context }) => context.moments + 1,
    }),
    showBlueprint: assign({
      parts: ({ context }) => showBlueprint(context.level, context.parts),
      notice: () => 'ch4.notice.blueprint',
      moments: ({ context }) => context.moments + 1,
    }),
    noticeSolved: assign({ notice: () => 'ch4.notice.solved', moments: ({ context }) => context.moments + 1 }),
    clearNotice: assign({ notice: () => null }),
    pickDataset: assign({
      lab: ({ context, event }) =>
        event.type === 'data.pick' ? pickDataset(context.level, context.seed, context.lab, event.dataset) : context.lab,
      notice: () => null,
    }),
    addNeuron: assign({
      lab: ({ context, event }) =>
        event.type === 'neuron.add' ? addNeuron(context.level, context.seed, context.lab, event.layer) : context.lab,
      notice: () => null,
    }),
    removeNeuron: assign({
      lab: ({ context, event }) =>
        event.type === 'neuron.remove'
          ? removeNeuron(context.level, context.seed, context.lab, event.layer)
          : context.lab,
      notice: () => null,
    }),
    addLayer: assign({
      lab: ({ context }) => addLayer(context.level, context.seed, context.lab),
      notice: () => 'ch4.notice.fresh',
    }),
    removeLayer: assign({
      lab: ({ context }) => removeLayer(context.level, context.seed, context.lab),
      notice: () => 'ch4.notice.fresh',
    }),
    resetWeights: assign({
      lab: ({ context }) => resetWeights(context.level, context.seed, context.lab),
      notice: () => 'ch4.notice.fresh',
    }),
    setActivation: assign({
      lab: ({ context, event }) =>
        event.type === 'activation.set'
          ? setActivation(context.level, context.seed, context.lab, event.activation)
          : context.lab,
      notice: () => null,
    }),
    setRate: assign({
      lab: ({ context, event }) =>
        event.type === 'rate.set' ? setRate(context.level, context.lab, event.rate) : context.lab,
      notice: () => null,
    }),
    setHand: assign({
      lab: ({ context, event }) => {
        const { level, seed, lab } = context;
        if (event.type === 'hand.set') return setHand(level, seed, lab, event.unit, event.param, event.value);
        if (event.type === 'hand.nudge')
          return setHand(level, seed, lab, event.unit, event.param, handValue(lab, event.unit, event.param) + event.by);
        return lab;
      },
      notice: () => null,
    }),
    train: assign({
      lab: ({ context, event }) =>
        event.type === 'train.run' ? train(context.level, context.seed, context.lab, event.epochs) : context.lab,
      notice: () => null,
    }),
    runChallenge: assign({
      runs: ({ context }) => [...context.runs, runChallenge(context.level, context.seed, context.lab)],
      notice: () => null,
      moments: ({ context }) => context.moments + 1,
    }),
  },
}).createMachine({
  id: 'minsky',
  context: ({ input }) => ({
    level: input.level,
    seed: input.seed >>> 0,
    parts: createParts(input.level),
    lab: createLab(input.level, input.seed >>> 0),
    runs: [],
    introLine: 0,
    notice: null,
    moments: 0,
    events: [],
  }),
  initial: 'intro',
  states: {
    intro: introState('line'),
    line: {
      on: {
        'knob.set': { guard: 'lineKnob', actions: ['record', 'setKnob'] },
        'knob.nudge': { guard: 'lineKnob', actions: ['record', 'setKnob'] },
        'bit.start': { guard: 'bitMayTry', target: 'bit', actions: ['record', 'startBit'] },
      },
    },
    bit: {
      on: {
        'bit.step': { guard: 'bitRunning', actions: ['record', 'bitStep'] },
        'bit.finish': { guard: 'bitRunning', actions: ['record', 'bitToEnd'] },
        'bit.done': { guard: 'bitFinished', target: 'book', actions: ['record', 'clearNotice'] },
      },
    },
    book: {
      on: { 'book.read': { target: 'build', actions: ['record', 'startBuild'] } },
    },
    build: {
      on: {
        'knob.set': { guard: 'buildKnob', actions: ['record', 'setKnob'] },
        'knob.nudge': { guard: 'buildKnob', actions: ['record', 'setKnob'] },
        'hidden.add': { guard: 'canAddHidden', actions: ['record', 'addHidden'] },
        'hidden.remove': { guard: 'canRemoveHidden', actions: ['record', 'removeHidden'] },
        'blueprint.show': { guard: 'blueprintOpen', actions: ['record', 'showBlueprint'] },
        'build.check': [
          { guard: 'xorSolved', target: 'insight', actions: ['record', 'noticeSolved'] },
          { actions: ['record', 'noticeNotYet'] },
        ],
      },
    },
    insight: {
      on: { 'insight.done': { target: 'lab', actions: ['record', 'clearNotice'] } },
    },
    lab: {
      initial: 'paused',
      states: {
        paused: {
          on: { 'train.play': { guard: 'labCanTrain', target: 'playing' } },
        },
        playing: {
          // Training stops by itself at the epoch limit or when the rate blows the numbers up.
          always: { guard: not('labCanTrain'), target: 'paused' },
          after: {
            labTick: {
              target: 'playing',
              reenter: true,
              actions: raise(({ context }) => ({ type: 'train.run', epochs: context.level.lab.play.epochsPerTick })),
            },
          },
          on: { 'train.pause': { target: 'paused' } },
        },
      },
      on: {
        'data.pick': { guard: 'validDataset', actions: ['record', 'pickDataset'] },
        'neuron.add': { guard: 'canAddNeuron', actions: ['record', 'addNeuron'] },
        'neuron.remove': { guard: 'canRemoveNeuron', actions: ['record', 'removeNeuron'] },
        'layer.add': { guard: 'canAddLayer', actions: ['record', 'addLayer'] },
        'layer.remove': { guard: 'canRemoveLayer', actions: ['record', 'removeLayer'] },
        'activation.set': { guard: 'validActivation', actions: ['record', 'setActivation'] },
        'rate.set': { guard: 'validRate', actions: ['record', 'setRate'] },
        'weights.reset': { actions: ['record', 'resetWeights'] },
        'hand.set': { guard: 'validHand', actions: ['record', 'setHand'] },
        'hand.nudge': { guard: 'validHand', actions: ['record', 'setHand'] },
        'train.run': { guard: 'canTrain', actions: ['record', 'train'] },
        'challenge.run': { target: 'challengeResult', actions: ['record', 'runChallenge'] },
      },
    },
    challengeResult: {
      on: {
        'challenge.retry': { target: 'lab', actions: 'record' },
        'challenge.accept': { guard: 'runPassed', target: 'history', actions: 'record' },
      },
    },
    history: {
      on: { 'history.done': { target: 'done', actions: 'record' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => resultOf(context),
});
