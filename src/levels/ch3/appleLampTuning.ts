// "Let Bit tune itself": Rosenblatt's learning rule, one labelled basket fruit per step, in
// conveyor order, starting from the level's blank setting. Each step is the engine's
// perceptronStep with the level's learning rate:
//   error = target - output   (target 1 for the tuning task's fruits, else 0)
//   w_i += lr * error * x_i,  threshold -= lr * error
// Only the knobs of inputs that are lit (x_i = 1) move, and only after a mistake. When a whole
// round of the basket passes with no mistake, every fruit is answered right: the rule has converged
// (on separable data it must, after finitely many mistakes: Novikoff 1962).
import { perceptronAccuracy, perceptronStep, type Perceptron, type PerceptronStep } from '../../engine';
import type { AppleLampLevel } from './appleLampLevel';
import { inputsOf, startSetting, taskOf, type AppleLampState } from './appleLampModel';

export interface TuneState {
  perceptron: Perceptron;
  steps: number;
  /** Index into level.basket of the fruit Bit looks at next. */
  next: number;
  /** Steps in a row without a mistake; a full basket of them means converged. */
  cleanRun: number;
  converged: boolean;
  mistakes: number;
  last: (PerceptronStep & { fruit: string }) | null;
}

export function tuningTarget(level: AppleLampLevel, fruitId: string): 0 | 1 {
  return taskOf(level, level.tuning.task).target.includes(fruitId) ? 1 : 0;
}

export function startTuning(level: AppleLampLevel, state: AppleLampState): AppleLampState {
  const perceptron = startSetting(level, level.tuning.start.weight, level.tuning.start.threshold);
  const tune: TuneState = { perceptron, steps: 0, next: 0, cleanRun: 0, converged: false, mistakes: 0, last: null };
  return { ...state, tune, knobs: perceptron, conveyor: 0 };
}

export function tuningFinished(level: AppleLampLevel, tune: TuneState | null): boolean {
  return !!tune && (tune.converged || tune.steps >= level.tuning.maxSteps);
}

/** One step of the learning rule on the next basket fruit; the knobs follow the learned setting. */
export function tuneStep(level: AppleLampLevel, state: AppleLampState): AppleLampState {
  const tune = state.tune;
  if (!tune) throw new Error('Tuning has not started');
  if (tuningFinished(level, tune)) return state;
  const fruit = level.basket[tune.next];
  const step = perceptronStep(
    tune.perceptron,
    inputsOf(level, fruit),
    tuningTarget(level, fruit),
    level.tuning.learningRate,
  );
  const cleanRun = step.changed ? 0 : tune.cleanRun + 1;
  const next: TuneState = {
    perceptron: step.after,
    steps: tune.steps + 1,
    next: (tune.next + 1) % level.basket.length,
    cleanRun,
    converged: cleanRun >= level.basket.length,
    mistakes: tune.mistakes + (step.changed ? 1 : 0),
    last: { ...step, fruit },
  };
  return { ...state, tune: next, knobs: step.after, conveyor: level.basket.indexOf(fruit) };
}

/** Runs steps until the rule converges or the level's step limit is reached. */
export function tuneToEnd(level: AppleLampLevel, state: AppleLampState): AppleLampState {
  let s = state;
  while (s.tune && !tuningFinished(level, s.tune)) s = tuneStep(level, s);
  return s;
}

/** Fraction of the basket a setting gets right for the tuning task (1 = every fruit). */
export function basketAccuracy(level: AppleLampLevel, p: Perceptron): number {
  return perceptronAccuracy(
    p,
    level.basket.map((f) => inputsOf(level, f)),
    level.basket.map((f) => tuningTarget(level, f)),
  );
}

/**
 * The same rule run to the end on any basket, in its order, from a given setting: until a whole
 * round passes with no mistake (converged) or the level's step limit. The rigged basket uses it.
 */
export function learnOn(
  level: AppleLampLevel,
  start: Perceptron,
  basket: readonly string[],
  target: (fruit: string) => 0 | 1,
): { perceptron: Perceptron; steps: number; converged: boolean } {
  let p = start;
  let steps = 0;
  let cleanRun = 0;
  while (cleanRun < basket.length && steps < level.tuning.maxSteps) {
    const fruit = basket[steps % basket.length];
    const step = perceptronStep(p, inputsOf(level, fruit), target(fruit), level.tuning.learningRate);
    p = step.after;
    cleanRun = step.changed ? 0 : cleanRun + 1;
    steps += 1;
  }
  return { perceptron: p, steps, converged: cleanRun >= basket.length };
}
