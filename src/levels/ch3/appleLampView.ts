// What chapter 3's screen shows, derived from the machine snapshot: the mentor's line, the knobs,
// the fruit in front of the lamp with its inputs, sum and lamp, the basket marks, Bit's tuning and
// the challenge. Pure, so it is tested without a browser; the scene only draws what this returns.
import { FUNCTION_STRIPS, type FunctionStrip } from '../shared/functionStrip';
import type { Perceptron } from '../../engine';
import type { ViewCue } from '../contract';
import { INTRO_LINES, knobsEditable, tickMs, type AppleLampContext } from './appleLampMachine';
import {
  THRESHOLD,
  currentFruit,
  inputsOf,
  knobIds,
  knobRange,
  knobsInUse,
  readLamp,
  type LampReading,
} from './appleLampModel';
import { basketAccuracy, tuningFinished, tuningTarget } from './appleLampTuning';
import { lastRun, type ChallengeRun } from './appleLampChallenge';
import type { RuleOffer } from './appleLampRule';
import { riggedLine, riggedSetting, riggedView, type RiggedView } from './appleLampRiggedView';

export interface AppleLampLine {
  key: string;
  /** Values may be text keys (fruit names); the scene resolves them. */
  params: Record<string, string>;
  notice: boolean;
}

export interface KnobView {
  id: string;
  labelKey: string;
  value: number;
  min: number;
  max: number;
  step: number;
  fineStep: number;
}

export interface BasketMark {
  fruit: string;
  nameKey: string;
  art: string;
  lit: boolean;
  /** Whether the lamp should light for it in the current step (null: no goal to judge by). */
  wanted: boolean | null;
}

export interface SettingSummary {
  setting: Perceptron;
  knobs: number;
  /** Basket fruits right for the tuning task, out of basket size. */
  right: number;
}

export interface AppleLampView {
  step: string;
  /** The chapter's function, input → box → output (the shared strip's words). */
  functionStrip: FunctionStrip;
  line: AppleLampLine;
  editable: boolean;
  /** Why the knobs are off (a text key), shown beside them in words; null while they work. */
  knobsOff: string | null;
  knobs: KnobView[];
  features: { id: string; labelKey: string }[];
  fruit: { id: string; nameKey: string; art: string; index: number; count: number };
  reading: LampReading;
  meter: { min: number; max: number };
  knobsInUse: number;
  basket: BasketMark[];
  task: { index: number; count: number; id: string } | null;
  rule: RuleOffer;
  tune: {
    steps: number;
    maxSteps: number;
    mistakes: number;
    converged: boolean;
    finished: boolean;
    target: 0 | 1 | null;
  } | null;
  /** Playback of Bit's tuning: whether the machine's clock is stepping, at which pace. */
  playback: { playing: boolean; fast: boolean; tickMs: number };
  mine: SettingSummary | null;
  bit: SettingSummary | null;
  run: ChallengeRun | null;
  /** The hidden basket's fruits as the last run met them, in its order (null outside the result). */
  runMarks: { nameKey: string; art: string; lit: boolean; apple: boolean; correct: boolean }[] | null;
  /** Pairs of fruits the lamp cannot tell apart (same inputs) though one is an apple and one is not. */
  lookalikes: [string, string][];
  /** The same pairs as the fruits' name keys. */
  lookalikeNames: [string, string][];
  /** The sound for the latest news, with an id that changes each time it should play. */
  cue: ViewCue | null;
  /** The rigged basket (correlation is not cause), in its step. */
  rigged: RiggedView | null;
  /** The history card's entries, in the history step. */
  history: { year: string; textKey: string }[] | null;
}

const GOOD_NEWS = new Set([
  'ch3.notice.taskPassed',
  'ch3.tune.converged',
  'ch3.challenge.passed',
  'ch3.challenge.best',
  'ch3.rigged.fixed',
  'ch3.rigged.fine',
]);
const BAD_NEWS = new Set([
  'ch3.notice.taskWrong',
  'ch3.challenge.failed',
  'ch3.rigged.fooledOn',
  'ch3.rigged.fooledOff',
  'ch3.rigged.still',
]);

/** Good news chimes, mistakes buzz; Bit's tuning chimes when it ends, whether or not it converged. */
function cueFor(step: string, line: AppleLampLine, context: AppleLampContext): ViewCue | null {
  if (!line.notice) return null;
  const id = `${line.key}|${context.events.length}`;
  const tuned = step === 'tune' && context.model.tune !== null && tuningFinished(context.level, context.model.tune);
  if (GOOD_NEWS.has(line.key) || tuned) return { sound: 'success', id };
  if (BAD_NEWS.has(line.key)) return { sound: 'failure', id };
  return null;
}

function summary(context: AppleLampContext, p: Perceptron | null): SettingSummary | null {
  if (!p) return null;
  return {
    setting: p,
    knobs: knobsInUse(p),
    right: Math.round(basketAccuracy(context.level, p) * context.level.basket.length),
  };
}

function lookalikes(context: AppleLampContext): [string, string][] {
  const { level } = context;
  const ids = [...new Set([...level.basket, ...level.challenge.fruits])];
  const pairs: [string, string][] = [];
  ids.forEach((a, i) =>
    ids.slice(i + 1).forEach((b) => {
      const same = inputsOf(level, a).join() === inputsOf(level, b).join();
      if (same && level.fruits[a].isApple !== level.fruits[b].isApple) pairs.push([a, b]);
    }),
  );
  return pairs;
}

function lineFor(step: string, context: AppleLampContext): AppleLampLine {
  const { level, model } = context;
  const say = (key: string, params: Record<string, string> = {}, notice = false): AppleLampLine => ({
    key,
    params,
    notice,
  });
  const taskParams = () => ({ n: String(context.taskIndex + 1), count: String(level.tasks.length) });
  switch (step) {
    case 'intro':
      return say(INTRO_LINES[context.introLine]);
    case 'rule':
      return say(`ch3.rule.${context.rule.status}`);
    case 'task': {
      if (context.notice === 'ch3.notice.taskWrong' && context.lastCheck) {
        const wrong = context.lastCheck.wrongOn.length + context.lastCheck.wrongOff.length;
        return say(context.notice, { wrong: String(wrong) }, true);
      }
      if (context.notice === 'ch3.notice.taskPassed') return say(context.notice, taskParams(), true);
      if (context.notice?.startsWith('ch3.notice.loaded')) return say(context.notice, {}, true);
      return say(level.tasks[context.taskIndex].goalKey, taskParams());
    }
    case 'tune': {
      const tune = model.tune!;
      if (tuningFinished(level, tune)) {
        const right = String(Math.round(basketAccuracy(level, tune.perceptron) * level.basket.length));
        return say(
          tune.converged ? 'ch3.tune.converged' : 'ch3.tune.limit',
          { steps: String(tune.steps), right, size: String(level.basket.length) },
          true,
        );
      }
      if (!tune.last) return say('ch3.tune.intro', {}, context.notice === 'ch3.notice.allPassed');
      const fruit = level.fruits[tune.last.fruit].nameKey;
      if (!tune.last.changed) return say('ch3.tune.right', { fruit });
      return say(tune.last.error > 0 ? 'ch3.tune.mistakeDark' : 'ch3.tune.mistakeLit', {
        fruit,
        rate: String(level.tuning.learningRate),
      });
    }
    case 'rigged':
      return riggedLine(context, riggedView(context, model.rigged!));
    case 'challenge':
      if (context.notice?.startsWith('ch3.notice.loaded')) return say(context.notice, {}, true);
      return say('ch3.challenge.guide', {
        size: String(level.challenge.fruits.length),
        passAt: String(level.challenge.passAt),
      });
    case 'challengeResult': {
      const run = lastRun(model)!;
      const params = {
        correct: String(run.correct),
        size: String(run.size),
        knobs: String(run.knobs),
        passAt: String(level.challenge.passAt),
      };
      if (!run.passed) return say('ch3.challenge.failed', params, true);
      return say(run.stars === 3 ? 'ch3.challenge.best' : 'ch3.challenge.passed', params, true);
    }
    case 'history':
      return say('ch3.history.line');
    case 'done':
      return say('chapter.done');
    default:
      return say('ch3.history.line');
  }
}

function marks(step: string, context: AppleLampContext, p: Perceptron): BasketMark[] {
  const { level } = context;
  if (step === 'rigged' && context.model.rigged) {
    const fruits = [...level.rigged.basket, ...context.model.rigged.added];
    return fruits.map((fruit) => {
      const f = level.fruits[fruit];
      return { fruit, nameKey: f.nameKey, art: f.art, lit: readLamp(level, p, fruit).lit, wanted: f.isApple };
    });
  }
  const target =
    step === 'task'
      ? new Set(level.tasks[context.taskIndex].target)
      : step === 'rule' || step === 'intro'
        ? null
        : undefined;
  return level.basket.map((fruit) => {
    const f = level.fruits[fruit];
    const wanted = target === null ? null : target ? target.has(fruit) : tuningTarget(level, fruit) === 1;
    return { fruit, nameKey: f.nameKey, art: f.art, lit: readLamp(level, p, fruit).lit, wanted };
  });
}

/** `playing`: whether the machine is in `tune.playing` (its clock steps the tuning). */
export function appleLampView(step: string, context: AppleLampContext, playing = false): AppleLampView {
  const { level, model } = context;
  const rigged = step === 'rigged' && model.rigged ? riggedView(context, model.rigged) : null;
  // In the rigged step the knobs and the lamp are what Bit learned there; the player's stay put.
  const knobs = rigged ? riggedSetting(context) : model.knobs;
  const fruitId = rigged ? rigged.shown : currentFruit(level, model);
  const fruit = level.fruits[fruitId];
  const tune = model.tune;
  const inTask = step === 'task';
  const line = lineFor(step, context);
  const run = step === 'challengeResult' ? lastRun(model) : null;
  const pairs = lookalikes(context);
  return {
    step,
    functionStrip: FUNCTION_STRIPS[3],
    line,
    editable: knobsEditable(step),
    knobsOff: knobsEditable(step)
      ? null
      : step === 'rule'
        ? 'ch3.knobs.offRule'
        : step === 'tune' || step === 'rigged'
          ? 'ch3.knobs.offTune'
          : 'ch3.knobs.off',
    knobs: knobIds(level).map((id) => {
      const r = knobRange(level, id);
      const labelKey = id === THRESHOLD ? 'ch3.knob.threshold' : level.featureLabels[level.features.indexOf(id)];
      return {
        id,
        labelKey,
        value: id === THRESHOLD ? knobs.threshold : knobs.weights[level.features.indexOf(id)],
        min: r.min,
        max: r.max,
        step: r.step,
        fineStep: r.fineStep,
      };
    }),
    features: level.features.map((id, i) => ({ id, labelKey: level.featureLabels[i] })),
    fruit: rigged
      ? {
          id: fruitId,
          nameKey: fruit.nameKey,
          art: fruit.art,
          index: rigged.shownIsNew ? -1 : 0,
          count: rigged.basketSize,
        }
      : { id: fruitId, nameKey: fruit.nameKey, art: fruit.art, index: model.conveyor, count: level.basket.length },
    reading: readLamp(level, knobs, fruitId),
    meter: level.meter,
    knobsInUse: knobsInUse(knobs),
    basket: marks(step, context, knobs),
    task: inTask
      ? { index: context.taskIndex, count: level.tasks.length, id: level.tasks[context.taskIndex].id }
      : null,
    rule: context.rule,
    tune: tune
      ? {
          steps: tune.steps,
          maxSteps: level.tuning.maxSteps,
          mistakes: tune.mistakes,
          converged: tune.converged,
          finished: tuningFinished(level, tune),
          target: tune.last ? tune.last.target : null,
        }
      : null,
    playback: { playing, fast: context.fast, tickMs: tickMs(context) },
    mine: summary(context, model.mine),
    bit: summary(context, tune ? tune.perceptron : null),
    run,
    runMarks: run
      ? run.rounds.map((r) => ({
          nameKey: level.fruits[r.fruit].nameKey,
          art: level.fruits[r.fruit].art,
          lit: r.lit,
          apple: r.apple,
          correct: r.correct,
        }))
      : null,
    lookalikes: pairs,
    lookalikeNames: pairs.map(([a, b]) => [level.fruits[a].nameKey, level.fruits[b].nameKey]),
    cue: cueFor(step, line, context),
    rigged,
    history: step === 'history' ? level.history : null,
  };
}
