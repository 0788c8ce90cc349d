// Correlation is not cause, played: the level's rigged basket, where one feature (fragrant) goes
// with the apples by accident. Bit tunes itself on it with the same learning rule as before
// (appleLampTuning's step, the engine's perceptronStep) and gets the whole basket right, yet the
// lamp it learned is wrong on new fruit that breaks the pattern (a fragrant peach, an apple with
// no scent). The player adds fruit from the level's choices to the basket and Bit retunes, from
// the blank setting, on the bigger basket. This moment does not count for stars: the stars stay
// the hidden basket's.
import { perceptronAccuracy, type Perceptron } from '../../engine';
import type { AppleLampLevel } from './appleLampLevel';
import { inputsOf, readLamp, startSetting, type AppleLampState } from './appleLampModel';
import { learnOn } from './appleLampTuning';

export interface RiggedCheck {
  fruit: string;
  lit: boolean;
  apple: boolean;
  correct: boolean;
}

export interface RiggedTune {
  /** The basket Bit tuned on: the rigged basket, then the added fruit in the order added. */
  basket: string[];
  /** How many added fruits that basket held. */
  added: number;
  perceptron: Perceptron;
  steps: number;
  converged: boolean;
  /** Basket fruits the tuned lamp gets right (apple or not). */
  basketRight: number;
  /** The lamp on each new fruit, in the level's order. */
  tests: RiggedCheck[];
  testRight: number;
}

export interface RiggedState {
  /** Choices added to the basket, in the order added. */
  added: string[];
  /** Every tuning so far, first (the rigged basket alone) to latest. */
  tunes: RiggedTune[];
}

export function startRigged(state: AppleLampState): AppleLampState {
  return { ...state, rigged: { added: [], tunes: [] } };
}

export function riggedBasket(level: AppleLampLevel, rigged: RiggedState): string[] {
  return [...level.rigged.basket, ...rigged.added];
}

export function latestTune(rigged: RiggedState | null): RiggedTune | null {
  return rigged?.tunes.length ? rigged.tunes[rigged.tunes.length - 1] : null;
}

const appleTarget = (level: AppleLampLevel, fruit: string): 0 | 1 => (level.fruits[fruit].isApple ? 1 : 0);

/** Whether a fruit breaks the basket's accident (has the feature but is no apple, or the reverse). */
export function breaksPattern(level: AppleLampLevel, fruit: string): boolean {
  const f = level.fruits[fruit];
  return f.features[level.rigged.feature] !== f.isApple;
}

/** Bit tunes itself, from the blank setting, on the basket as it stands (and the added fruit). */
export function tuneRigged(level: AppleLampLevel, state: AppleLampState): AppleLampState {
  const rigged = state.rigged;
  if (!rigged) throw new Error('The rigged basket is not out');
  const basket = riggedBasket(level, rigged);
  const start = startSetting(level, level.tuning.start.weight, level.tuning.start.threshold);
  const learned = learnOn(level, start, basket, (f) => appleTarget(level, f));
  const p = learned.perceptron;
  const tests = level.rigged.test.map((fruit) => {
    const lit = readLamp(level, p, fruit).lit;
    const apple = level.fruits[fruit].isApple;
    return { fruit, lit, apple, correct: lit === apple };
  });
  const basketRight = Math.round(
    perceptronAccuracy(
      p,
      basket.map((f) => inputsOf(level, f)),
      basket.map((f) => appleTarget(level, f)),
    ) * basket.length,
  );
  const tune: RiggedTune = {
    basket,
    added: rigged.added.length,
    perceptron: p,
    steps: learned.steps,
    converged: learned.converged,
    basketRight,
    tests,
    testRight: tests.filter((t) => t.correct).length,
  };
  return { ...state, rigged: { ...rigged, tunes: [...rigged.tunes, tune] } };
}

export function canAdd(level: AppleLampLevel, rigged: RiggedState | null, fruit: string): boolean {
  return !!rigged && rigged.tunes.length > 0 && level.rigged.choices.includes(fruit) && !rigged.added.includes(fruit);
}

export function addToRigged(level: AppleLampLevel, state: AppleLampState, fruit: string): AppleLampState {
  if (!canAdd(level, state.rigged, fruit)) throw new Error(`"${fruit}" cannot go into the basket now`);
  const rigged = state.rigged!;
  return { ...state, rigged: { ...rigged, added: [...rigged.added, fruit] } };
}

/** Bit may tune first on the rigged basket, and again each time the basket has grown. */
export function canTuneRigged(rigged: RiggedState | null): boolean {
  const last = latestTune(rigged);
  return !!rigged && (!last || last.added < rigged.added.length);
}

/** The moment is over when the latest tuning gets every new fruit right. */
export function riggedFixed(rigged: RiggedState | null): boolean {
  const last = latestTune(rigged);
  return !!last && last.testRight === last.tests.length;
}
