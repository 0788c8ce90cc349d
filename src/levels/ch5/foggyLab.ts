// Chapter 5's three hands-on moments beside the walks, as pure functions of (level, state):
// feeling the slope in part B (nudge the knob a hair each way and read Δloss / Δknob before the
// slope arrow is shown), part C's bonus of a landscape with two valleys (the same descent from two
// starts ends in different valleys), and the overfitting part after automatic descent (exact
// least-squares fits of each degree, scored on the training points and on held-out points).
import { descendLandscape, landscapeLoss, meanSquaredError, nearestWell, polyFit, sseLoss } from '../../engine';
import type { FoggyLevel } from './foggyLevel';

/** One feel of the slope: the loss a hair below and a hair above where the walker stands. */
export interface FeelReading {
  at: number;
  nudge: number;
  minus: number;
  plus: number;
}

export interface ValleyRun {
  path: [number, number][];
  loss: number;
  /** Which well it ended in (index into level.valleys.wells). */
  well: number;
}

export interface ValleysState {
  runs: (ValleyRun | null)[];
  last: number | null;
}

export interface OverfitState {
  degree: number;
  /** Degrees tried, in the order first tried. */
  seen: number[];
}

/** The loss with only part B's knob moved to `k` (the others where the walk holds them). */
function lossAt(level: FoggyLevel, knobs: readonly number[], index: number, k: number): number {
  const at = [...knobs];
  at[index] = k;
  return sseLoss(at, level.data);
}

export function feelReading(level: FoggyLevel, knobs: readonly number[]): FeelReading {
  const j = level.fog1.knob;
  const h = level.feel.nudge;
  return {
    at: knobs[j],
    nudge: h,
    minus: lossAt(level, knobs, j, knobs[j] - h),
    plus: lossAt(level, knobs, j, knobs[j] + h),
  };
}

/** The slope the player reads off a feel: Δloss / Δknob across the two nudges. */
export function feltSlope(f: FeelReading): number {
  return (f.plus - f.minus) / (2 * f.nudge);
}

/** Part B shows no slope for its first `feel.steps` steps: the player feels it instead. */
export function slopeHidden(level: FoggyLevel, steps: number): boolean {
  return steps < level.feel.steps;
}

export function startValleys(level: FoggyLevel): ValleysState {
  return { runs: level.valleys.starts.map(() => null), last: null };
}

export function runValley(level: FoggyLevel, state: ValleysState, index: number): ValleysState {
  const v = level.valleys;
  const path = descendLandscape(v, v.starts[index], v.learningRate, v.steps);
  const [a, b] = path[path.length - 1];
  const runs = [...state.runs];
  runs[index] = { path, loss: landscapeLoss(v, a, b), well: nearestWell(v, a, b) };
  return { runs, last: index };
}

/** The deeper of the two wells: the lower loss at its centre. */
export function deepWell(level: FoggyLevel): number {
  const v = level.valleys;
  const [l0, l1] = v.wells.map((w) => landscapeLoss(v, w.at[0], w.at[1]));
  return l0 <= l1 ? 0 : 1;
}

export function startOverfit(level: FoggyLevel): OverfitState {
  return { degree: level.overfit.start, seen: [level.overfit.start] };
}

export function setDegree(state: OverfitState, degree: number): OverfitState {
  return { degree, seen: state.seen.includes(degree) ? state.seen : [...state.seen, degree] };
}

export interface DegreeFit {
  degree: number;
  knobs: number[];
  /** Mean squared error on the training points and on the held-out points. */
  train: number;
  heldOut: number;
}

const fits = new WeakMap<FoggyLevel, Map<number, DegreeFit>>();

/** The least-squares fit of a degree to the training points, scored on both sets (cached per level). */
export function degreeFit(level: FoggyLevel, degree: number): DegreeFit {
  let known = fits.get(level);
  if (!known) {
    known = new Map();
    fits.set(level, known);
  }
  const hit = known.get(degree);
  if (hit) return hit;
  const knobs = polyFit(level.data, degree);
  const fit = {
    degree,
    knobs,
    train: meanSquaredError(knobs, level.data),
    heldOut: meanSquaredError(knobs, level.overfit.heldOut),
  };
  known.set(degree, fit);
  return fit;
}
