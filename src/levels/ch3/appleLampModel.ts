// Chapter 3's rules as a pure model: a plain-data state and functions returning a new state.
// The lamp is the engine's perceptron: inputs are a fruit's features as 1/0, each knob is a
// weight w_i, and the lamp lights when sum_i w_i x_i is strictly above the threshold knob.
// Every number here comes from the engine (weightedSum, predict, featureVector); this file only
// decides which knob values exist (clamped to the level's range, snapped to its fine step).
import { featureVector, predict, weightedSum, type Perceptron } from '../../engine';
import type { AppleLampLevel } from './appleLampLevel';
import type { TuneState } from './appleLampTuning';
import type { ChallengeRun } from './appleLampChallenge';
import type { RiggedState } from './appleLampRigged';

/** The id of the threshold knob; the other knobs are named by their feature id. */
export const THRESHOLD = 'threshold';

export interface AppleLampState {
  seed: number;
  /** The knobs as they stand: one weight per feature (level.features order) and the threshold. */
  knobs: Perceptron;
  /** Which basket fruit is in front of the lamp (index into level.basket). */
  conveyor: number;
  /** The player's own setting for the first task (apples), kept for the comparison with Bit's. */
  mine: Perceptron | null;
  tune: TuneState | null;
  /** The rigged basket after Bit's tuning (null until it is out). */
  rigged: RiggedState | null;
  runs: ChallengeRun[];
}

export interface KnobRange {
  min: number;
  max: number;
  step: number;
  fineStep: number;
}

export function createAppleLampState(level: AppleLampLevel, seed: number): AppleLampState {
  return {
    seed: seed >>> 0,
    knobs: startSetting(level, level.knobs.weight.start, level.knobs.threshold.start),
    conveyor: 0,
    mine: null,
    tune: null,
    rigged: null,
    runs: [],
  };
}

export function startSetting(level: AppleLampLevel, weight: number, threshold: number): Perceptron {
  return { weights: level.features.map(() => weight), threshold };
}

export function knobIds(level: AppleLampLevel): string[] {
  return [...level.features, THRESHOLD];
}

export function knobRange(level: AppleLampLevel, id: string): KnobRange {
  if (id === THRESHOLD) return level.knobs.threshold;
  if (!level.features.includes(id)) throw new Error(`Unknown knob "${id}"`);
  return level.knobs.weight;
}

/** Clamps into the knob's range and rounds to its grid min + n * fineStep. */
export function snapKnob(level: AppleLampLevel, id: string, value: number): number {
  const r = knobRange(level, id);
  if (!Number.isFinite(value)) throw new Error(`Knob "${id}" needs a finite number, got ${String(value)}`);
  const clamped = Math.min(r.max, Math.max(r.min, value));
  const n = Math.round((clamped - r.min) / r.fineStep);
  // toFixed removes binary round-off such as 0.30000000000000004, so values compare exactly.
  return Number(Math.min(r.max, r.min + n * r.fineStep).toFixed(6));
}

export function knobValue(state: AppleLampState, level: AppleLampLevel, id: string): number {
  if (id === THRESHOLD) return state.knobs.threshold;
  const i = level.features.indexOf(id);
  if (i < 0) throw new Error(`Unknown knob "${id}"`);
  return state.knobs.weights[i];
}

export function setKnob(level: AppleLampLevel, state: AppleLampState, id: string, value: number): AppleLampState {
  const v = snapKnob(level, id, value);
  if (id === THRESHOLD) return { ...state, knobs: { ...state.knobs, threshold: v } };
  const i = level.features.indexOf(id);
  return { ...state, knobs: { ...state.knobs, weights: state.knobs.weights.map((w, j) => (j === i ? v : w)) } };
}

export function nudgeKnob(level: AppleLampLevel, state: AppleLampState, id: string, by: number): AppleLampState {
  return setKnob(level, state, id, knobValue(state, level, id) + by);
}

/** Whether a whole setting can stand on this level's knobs exactly (right length, in range, on the grid). */
export function isValidSetting(level: AppleLampLevel, p: Perceptron): boolean {
  if (!p || !Array.isArray(p.weights) || p.weights.length !== level.features.length) return false;
  const ok = (id: string, v: unknown) => typeof v === 'number' && Number.isFinite(v) && snapKnob(level, id, v) === v;
  return p.weights.every((w, i) => ok(level.features[i], w)) && ok(THRESHOLD, p.threshold);
}

export function loadSetting(level: AppleLampLevel, state: AppleLampState, p: Perceptron): AppleLampState {
  if (!isValidSetting(level, p)) throw new Error('That setting does not fit on the knobs');
  return { ...state, knobs: { weights: [...p.weights], threshold: p.threshold } };
}

export function moveConveyor(level: AppleLampLevel, state: AppleLampState, by: number): AppleLampState {
  const n = level.basket.length;
  return { ...state, conveyor: (((state.conveyor + by) % n) + n) % n };
}

export function currentFruit(level: AppleLampLevel, state: AppleLampState): string {
  return level.basket[state.conveyor];
}

/** A fruit's inputs: 1 where it has the feature, 0 where not, in level.features order. */
export function inputsOf(level: AppleLampLevel, fruitId: string): number[] {
  const fruit = level.fruits[fruitId];
  if (!fruit) throw new Error(`Unknown fruit "${fruitId}"`);
  return featureVector(fruit.features, level.features);
}

export interface LampReading {
  fruit: string;
  inputs: number[];
  /** w_i * x_i for each input: what each connection adds to the sum. */
  contributions: number[];
  sum: number;
  threshold: number;
  lit: boolean;
}

export function readLamp(level: AppleLampLevel, p: Perceptron, fruitId: string): LampReading {
  const inputs = inputsOf(level, fruitId);
  return {
    fruit: fruitId,
    inputs,
    contributions: inputs.map((x, i) => p.weights[i] * x),
    sum: weightedSum(p, inputs),
    threshold: p.threshold,
    lit: predict(p, inputs) === 1,
  };
}

export interface TaskCheck {
  task: string;
  passed: boolean;
  /** Basket fruits that light but should not. */
  wrongOn: string[];
  /** Target fruits that stay dark. */
  wrongOff: string[];
}

export function taskOf(level: AppleLampLevel, taskId: string): AppleLampLevel['tasks'][number] {
  const task = level.tasks.find((t) => t.id === taskId);
  if (!task) throw new Error(`Unknown task "${taskId}"`);
  return task;
}

/** A task is done when, over the whole conveyor, the lamp lights for exactly the target fruits. */
export function checkTask(level: AppleLampLevel, p: Perceptron, taskId: string): TaskCheck {
  const target = new Set(taskOf(level, taskId).target);
  const wrongOn: string[] = [];
  const wrongOff: string[] = [];
  for (const fruit of level.basket) {
    const lit = predict(p, inputsOf(level, fruit)) === 1;
    if (lit && !target.has(fruit)) wrongOn.push(fruit);
    if (!lit && target.has(fruit)) wrongOff.push(fruit);
  }
  return { task: taskId, passed: wrongOn.length === 0 && wrongOff.length === 0, wrongOn, wrongOff };
}

/** Knobs in use: feature weights that are not zero (the threshold does not count). */
export function knobsInUse(p: Perceptron): number {
  return p.weights.filter((w) => w !== 0).length;
}

export function keepMine(state: AppleLampState): AppleLampState {
  return { ...state, mine: { weights: [...state.knobs.weights], threshold: state.knobs.threshold } };
}
