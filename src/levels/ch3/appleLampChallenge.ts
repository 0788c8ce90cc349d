// The challenge: the current knobs meet a hidden basket (mostly fruits never seen on the conveyor),
// judged by whether each is an apple (fruits.json `isApple`). Stars: accuracy first, then knob
// economy (how few feature knobs are not zero), by the level's star table.
import { createRng, type Perceptron } from '../../engine';
import { deriveSeed } from '../shared/seeds';
import type { AppleLampLevel } from './appleLampLevel';
import { knobsInUse, readLamp, type AppleLampState } from './appleLampModel';

export interface ChallengeRound {
  fruit: string;
  sum: number;
  lit: boolean;
  apple: boolean;
  correct: boolean;
}

export interface ChallengeRun {
  setting: Perceptron;
  rounds: ChallengeRound[];
  correct: number;
  size: number;
  knobs: number;
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
}

export interface AppleLampResult {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  correct: number;
  size: number;
  knobs: number;
  runs: number;
  tuneSteps: number;
}

export function starsFor(level: AppleLampLevel, correct: number, knobs: number): 0 | 1 | 2 | 3 {
  if (correct < level.challenge.passAt) return 0;
  let best: 1 | 2 | 3 = 1;
  for (const s of level.stars) {
    if (correct >= s.minCorrect && knobs <= s.maxKnobs && s.stars > best) best = s.stars as 2 | 3;
  }
  return best;
}

/** Scores the knobs as they stand; the hidden fruits come in an order drawn from the seed. */
export function runChallenge(level: AppleLampLevel, state: AppleLampState): AppleLampState {
  const order = [...level.challenge.fruits];
  createRng(deriveSeed(state.seed, 'challenge', state.runs.length)).shuffle(order);
  const setting: Perceptron = { weights: [...state.knobs.weights], threshold: state.knobs.threshold };
  const rounds = order.map((fruit) => {
    const reading = readLamp(level, setting, fruit);
    const apple = level.fruits[fruit].isApple;
    return { fruit, sum: reading.sum, lit: reading.lit, apple, correct: reading.lit === apple };
  });
  const correct = rounds.filter((r) => r.correct).length;
  const knobs = knobsInUse(setting);
  const run: ChallengeRun = {
    setting,
    rounds,
    correct,
    size: rounds.length,
    knobs,
    passed: correct >= level.challenge.passAt,
    stars: starsFor(level, correct, knobs),
  };
  return { ...state, runs: [...state.runs, run] };
}

export function lastRun(state: AppleLampState): ChallengeRun | null {
  return state.runs.length ? state.runs[state.runs.length - 1] : null;
}

export function resultOf(level: AppleLampLevel, state: AppleLampState): AppleLampResult {
  const run = lastRun(state);
  return {
    passed: run?.passed ?? false,
    stars: run?.stars ?? 0,
    correct: run?.correct ?? 0,
    size: level.challenge.fruits.length,
    knobs: run?.knobs ?? 0,
    runs: state.runs.length,
    tuneSteps: state.tune?.steps ?? 0,
  };
}
