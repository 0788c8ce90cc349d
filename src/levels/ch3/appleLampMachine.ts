// Chapter 3's steps: intro → your rule in numbers (or a kind note that there is none) → the three
// tasks (apples, watermelon, hawthorn) → Bit tunes itself → the rigged basket (correlation is not
// cause: Bit tunes on it, is fooled by new fruit, the player adds fruit and Bit retunes) → the
// hidden-basket challenge → its
// result (retry or keep) → the history card → done. The numbers live in the pure model; this
// machine decides which inputs are allowed when and records every input that changes the model,
// so the attempt replays exactly from its seed and events.
//
// Playing Bit's tuning is the machine's own clock: while `tune.playing`, a delayed transition on
// the actor system's clock raises one `tune.step` every tick (the level's calm or fast pace), and
// that step is recorded exactly like a pressed one. Play, pause and the pace are not recorded: a
// replay re-sends the steps they produced.
import { assign, raise, setup } from 'xstate';
import type { Perceptron } from '../../engine';
import type { AppleLampLevel } from './appleLampLevel';
import {
  checkTask,
  createAppleLampState,
  isValidSetting,
  keepMine,
  loadSetting,
  moveConveyor,
  nudgeKnob,
  setKnob,
  type AppleLampState,
  type TaskCheck,
} from './appleLampModel';
import { startTuning, tuneStep, tuneToEnd, tuningFinished } from './appleLampTuning';
import { addToRigged, canAdd, canTuneRigged, riggedFixed, startRigged, tuneRigged } from './appleLampRigged';
import { lastRun, resultOf, runChallenge, type AppleLampResult } from './appleLampChallenge';
import type { RuleOffer } from './appleLampRule';
import { introGuard, introState } from '../shared/intro';
import { recordInput } from '../shared/record';

/** Where a whole setting loaded onto the knobs came from. */
export type SettingSource = 'rule' | 'mine' | 'bit';

/** Inputs that change the model: what an attempt records and a replay re-sends. */
export type AppleLampInputEvent =
  | { type: 'knob.set'; id: string; value: number }
  | { type: 'knob.nudge'; id: string; by: number }
  | { type: 'knobs.load'; source: SettingSource; weights: number[]; threshold: number }
  | { type: 'conveyor.next' }
  | { type: 'conveyor.prev' }
  | { type: 'rule.skip' }
  | { type: 'task.check' }
  | { type: 'tune.step' }
  | { type: 'tune.finish' }
  | { type: 'tune.done' }
  | { type: 'rigged.start' }
  | { type: 'rigged.tune' }
  | { type: 'rigged.add'; fruit: string }
  | { type: 'rigged.done' }
  | { type: 'challenge.run' }
  | { type: 'challenge.retry' }
  | { type: 'challenge.accept' }
  | { type: 'history.done' };

/** Playback of Bit's tuning: they start, stop and pace the machine's clock and change no model. */
export type AppleLampPlaybackEvent = { type: 'tune.play' } | { type: 'tune.pause' } | { type: 'tune.speed' };

export type AppleLampEvent =
  | AppleLampInputEvent
  | AppleLampPlaybackEvent
  | { type: 'dialogue.next' }
  | { type: 'dialogue.skip' };

export interface AppleLampContext {
  level: AppleLampLevel;
  model: AppleLampState;
  rule: RuleOffer;
  introLine: number;
  /** Index into level.tasks while in the task step. */
  taskIndex: number;
  lastCheck: TaskCheck | null;
  /** The latest news for the mentor to say, as a text key. */
  notice: string | null;
  /** Whether playback runs at the fast pace (×4). */
  fast: boolean;
  events: AppleLampInputEvent[];
}

export interface AppleLampInput {
  level: AppleLampLevel;
  seed: number;
  /** What chapter 2 handed over, already read by offerRule. */
  rule?: RuleOffer;
}

export const INTRO_LINES = ['ch3.intro.1', 'ch3.intro.2', 'ch3.intro.3'] as const;

export type AppleLampStep =
  | 'intro'
  | 'rule'
  | 'task'
  | 'tune'
  | 'rigged'
  | 'challenge'
  | 'challengeResult'
  | 'history'
  | 'done';

/** Milliseconds between two steps of the tuning's playback, at the chosen pace. */
export function tickMs(context: Pick<AppleLampContext, 'level' | 'fast'>): number {
  const { calmMs, fastMs } = context.level.tuning.playback;
  return context.fast ? fastMs : calmMs;
}

/** Steps where the player may turn the knobs and move the conveyor. */
export function knobsEditable(step: string): boolean {
  return step === 'task' || step === 'challenge';
}

function settingOf(event: AppleLampEvent): Perceptron | null {
  return event.type === 'knobs.load' ? { weights: event.weights, threshold: event.threshold } : null;
}

// Turning knobs and moving the conveyor work the same in the tasks and in the challenge.
const KNOB_EDITS = {
  'knob.set': { guard: 'validKnob', actions: ['record', 'setKnob'] },
  'knob.nudge': { guard: 'validKnob', actions: ['record', 'setKnob'] },
  'knobs.load': { guard: 'validSetting', actions: ['record', 'loadSetting'] },
  'conveyor.next': { actions: ['record', 'conveyorNext'] },
  'conveyor.prev': { actions: ['record', 'conveyorPrev'] },
} as const;

export const appleLampMachine = setup({
  types: {
    context: {} as AppleLampContext,
    events: {} as AppleLampEvent,
    input: {} as AppleLampInput,
    output: {} as AppleLampResult,
  },
  delays: {
    tuneTick: ({ context }) => tickMs(context),
  },
  guards: {
    introHasMore: introGuard(INTRO_LINES),
    validKnob: ({ context, event }) => {
      if (event.type !== 'knob.set' && event.type !== 'knob.nudge') return false;
      const v = event.type === 'knob.set' ? event.value : event.by;
      return (context.level.features.includes(event.id) || event.id === 'threshold') && Number.isFinite(v);
    },
    validSetting: ({ context, event }) => {
      const p = settingOf(event);
      return p !== null && isValidSetting(context.level, p);
    },
    validRuleSetting: ({ context, event }) =>
      event.type === 'knobs.load' && event.source === 'rule' && isValidSetting(context.level, settingOf(event)!),
    taskPassedMore: ({ context }) =>
      context.lastCheck?.passed === true && context.taskIndex < context.level.tasks.length - 1,
    taskPassedLast: ({ context }) =>
      context.lastCheck?.passed === true && context.taskIndex === context.level.tasks.length - 1,
    tuningRunning: ({ context }) => !tuningFinished(context.level, context.model.tune),
    tuningFinished: ({ context }) => tuningFinished(context.level, context.model.tune),
    riggedCanTune: ({ context }) => canTuneRigged(context.model.rigged),
    riggedCanAdd: ({ context, event }) =>
      event.type === 'rigged.add' && canAdd(context.level, context.model.rigged, event.fruit),
    riggedFixed: ({ context }) => riggedFixed(context.model.rigged),
    runPassed: ({ context }) => lastRun(context.model)?.passed === true,
  },
  actions: {
    record: recordInput(),
    nextIntroLine: assign({ introLine: ({ context }) => context.introLine + 1 }),
    setKnob: assign({
      model: ({ context, event }) => {
        if (event.type === 'knob.set') return setKnob(context.level, context.model, event.id, event.value);
        if (event.type === 'knob.nudge') return nudgeKnob(context.level, context.model, event.id, event.by);
        return context.model;
      },
      notice: () => null,
    }),
    loadSetting: assign({
      model: ({ context, event }) => loadSetting(context.level, context.model, settingOf(event)!),
      notice: ({ event }) => (event.type === 'knobs.load' ? `ch3.notice.loaded.${event.source}` : null),
    }),
    conveyorNext: assign({ model: ({ context }) => moveConveyor(context.level, context.model, 1) }),
    conveyorPrev: assign({ model: ({ context }) => moveConveyor(context.level, context.model, -1) }),
    check: assign({
      lastCheck: ({ context }) =>
        checkTask(context.level, context.model.knobs, context.level.tasks[context.taskIndex].id),
    }),
    // The setting that solved the first task (apples) is "yours" in the comparison with Bit's.
    keepMineIfFirst: assign({
      model: ({ context }) => (context.taskIndex === 0 ? keepMine(context.model) : context.model),
    }),
    nextTask: assign({
      taskIndex: ({ context }) => context.taskIndex + 1,
      notice: () => 'ch3.notice.taskPassed',
    }),
    noticeWrong: assign({ notice: () => 'ch3.notice.taskWrong' }),
    startTuning: assign({
      model: ({ context }) => startTuning(context.level, context.model),
      notice: () => 'ch3.notice.allPassed',
    }),
    tuneStep: assign({ model: ({ context }) => tuneStep(context.level, context.model), notice: () => null }),
    tuneToEnd: assign({ model: ({ context }) => tuneToEnd(context.level, context.model), notice: () => null }),
    clearNotice: assign({ notice: () => null }),
    toggleSpeed: assign({ fast: ({ context }) => !context.fast }),
    startRigged: assign({ model: ({ context }) => startRigged(context.model), notice: () => null }),
    tuneRigged: assign({ model: ({ context }) => tuneRigged(context.level, context.model), notice: () => null }),
    addToRigged: assign({
      model: ({ context, event }) =>
        event.type === 'rigged.add' ? addToRigged(context.level, context.model, event.fruit) : context.model,
      notice: () => 'ch3.rigged.added',
    }),
    runChallenge: assign({ model: ({ context }) => runChallenge(context.level, context.model), notice: () => null }),
  },
}).createMachine({
  id: 'appleLamp',
  context: ({ input }) => ({
    level: input.level,
    model: createAppleLampState(input.level, input.seed),
    rule: input.rule ?? { status: 'none' },
    introLine: 0,
    taskIndex: 0,
    lastCheck: null,
    notice: null,
    fast: false,
    events: [],
  }),
  initial: 'intro',
  states: {
    intro: introState('rule'),
    rule: {
      on: {
        'knobs.load': { guard: 'validRuleSetting', target: 'task', actions: ['record', 'loadSetting'] },
        'rule.skip': { target: 'task', actions: 'record' },
      },
    },
    task: {
      on: {
        ...KNOB_EDITS,
        'task.check': { target: 'taskCheck', actions: ['record', 'check'] },
      },
    },
    taskCheck: {
      always: [
        { guard: 'taskPassedMore', target: 'task', actions: ['keepMineIfFirst', 'nextTask'] },
        { guard: 'taskPassedLast', target: 'tune', actions: 'startTuning' },
        { target: 'task', actions: 'noticeWrong' },
      ],
    },
    tune: {
      initial: 'paused',
      on: {
        'tune.step': { guard: 'tuningRunning', actions: ['record', 'tuneStep'] },
        'tune.finish': { guard: 'tuningRunning', actions: ['record', 'tuneToEnd'] },
        'rigged.start': { guard: 'tuningFinished', target: 'rigged', actions: ['record', 'startRigged'] },
        // Attempts recorded before the rigged basket went straight on to the challenge; they still
        // do (the screen offers the rigged basket instead).
        'tune.done': { guard: 'tuningFinished', target: 'challenge', actions: ['record', 'clearNotice'] },
      },
      states: {
        paused: {
          on: {
            'tune.play': { guard: 'tuningRunning', target: 'playing' },
            'tune.speed': { actions: 'toggleSpeed' },
          },
        },
        playing: {
          always: { guard: 'tuningFinished', target: 'paused' },
          // Each tick is one learning step, sent through the same transition as a pressed step.
          after: { tuneTick: { target: 'playing', reenter: true, actions: raise({ type: 'tune.step' }) } },
          on: {
            'tune.pause': { target: 'paused' },
            // A new pace starts a fresh tick at that pace.
            'tune.speed': { target: 'playing', reenter: true, actions: 'toggleSpeed' },
          },
        },
      },
    },
    rigged: {
      on: {
        'rigged.tune': { guard: 'riggedCanTune', actions: ['record', 'tuneRigged'] },
        'rigged.add': { guard: 'riggedCanAdd', actions: ['record', 'addToRigged'] },
        'rigged.done': { guard: 'riggedFixed', target: 'challenge', actions: ['record', 'clearNotice'] },
      },
    },
    challenge: {
      on: {
        ...KNOB_EDITS,
        'challenge.run': { target: 'challengeResult', actions: ['record', 'runChallenge'] },
      },
    },
    challengeResult: {
      on: {
        'challenge.retry': { target: 'challenge', actions: 'record' },
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
