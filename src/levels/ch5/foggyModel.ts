// Chapter 5's rules as pure functions of (level, state): the six knobs by hand, a walk in the fog
// over one or two knobs (the others held at the valley floor), automatic descent with and without
// momentum, and the challenge's score. Every number comes from the engine's polynomial loss and
// gradient; a step that would leave the map or blow up is refused, so nothing non-finite is kept.
import { crossedValley, descentStep, momentumStep, sseGradient, sseLoss, type DescentStatus } from '../../engine';
import type { FoggyLevel } from './foggyLevel';
import { startOverfit, startValleys, type FeelReading, type OverfitState, type ValleysState } from './foggyLab';

export type WalkKind = 'fog1' | 'fog2' | 'challenge';

/** What one step did, for the mentor's words and the sound. */
export type StepNews =
  | { kind: 'down'; size: number; lossBefore: number; lossAfter: number; move: StepMove }
  | { kind: 'across'; size: number; lossBefore: number; lossAfter: number; rose: boolean; move: StepMove }
  | { kind: 'offMap'; size: number; wouldBe: number[] }
  | { kind: 'blowUp'; size: number };

/** The arithmetic of one step, knob by knob: to = from − size × slope. */
export interface StepMove {
  from: number[];
  slope: number[];
  to: number[];
}

export interface FogWalk {
  /** Indices of the knobs that move (one or two); the others stay at level.best. */
  free: number[];
  /** All six knobs as they stand. */
  knobs: number[];
  /** Every place stood on, starting point first (free knob values only). */
  trail: number[][];
  steps: number;
  overshoots: number;
  refused: number;
  last: StepNews | null;
  reached: boolean;
  /** The slope felt where the walker stands (part B), until the next step. */
  feel: FeelReading | null;
  feels: number;
}

export interface DescentTrack {
  knobs: number[];
  velocity: number[];
  /** losses[0] is the start; one more per step taken. */
  losses: number[];
  /** K1, K2 after each step (start first): the path drawn beside the other track. */
  path: [number, number][];
  diverged: boolean;
}

export interface AutoRun {
  lr: number;
  beta: number;
  steps: number;
  plain: DescentTrack;
  heavy: DescentTrack;
}

export interface GearsState {
  /** How far the first gear (w) has been turned in total. */
  turned: number;
  predicted: number | null;
  tries: number;
  /** How many gradients backprop has filled in, from the end. */
  filled: number;
}

export interface ChallengeRun {
  steps: number;
  overshoots: number;
  score: number;
  reached: boolean;
  stars: 0 | 1 | 2 | 3;
}

export interface FoggyState {
  seed: number;
  hand: number[];
  handMoves: number;
  fog1: FogWalk;
  fog2: FogWalk;
  auto: AutoRun;
  gears: GearsState;
  challenge: FogWalk;
  runs: ChallengeRun[];
  valleys: ValleysState;
  overfit: OverfitState;
}

export const KNOB_COUNT = 6;

const round = (v: number, grid: number) => Math.round(v / grid) * grid;
/** Knob values sit on the fine grid; rounding at 1e-9 keeps sums like 0.1 + 0.2 tidy. */
const tidy = (v: number) => Math.round(v * 1e9) / 1e9;

export function loss(level: FoggyLevel, knobs: readonly number[]): number {
  return sseLoss(knobs, level.data);
}

export function gradient(level: FoggyLevel, knobs: readonly number[]): number[] {
  return sseGradient(knobs, level.data);
}

export function rangesOf(level: FoggyLevel, kind: WalkKind): [number, number][] {
  return kind === 'fog1' ? [level.fog1.range] : [level.fog2.range[0], level.fog2.range[1]];
}

export function targetOf(level: FoggyLevel, kind: WalkKind): number {
  return kind === 'fog1' ? level.fog1.target : kind === 'fog2' ? level.fog2.target : level.challenge.target;
}

export function startWalk(level: FoggyLevel, kind: WalkKind): FogWalk {
  const free = kind === 'fog1' ? [level.fog1.knob] : [...level.fog2.knobs];
  const start = kind === 'fog1' ? [level.fog1.start] : kind === 'fog2' ? level.fog2.start : level.challenge.start;
  const knobs = [...level.best];
  free.forEach((j, i) => {
    knobs[j] = start[i];
  });
  return {
    free,
    knobs,
    trail: [[...start]],
    steps: 0,
    overshoots: 0,
    refused: 0,
    last: null,
    reached: loss(level, knobs) <= targetOf(level, kind),
    feel: null,
    feels: 0,
  };
}

/** One step of the chosen size downhill: K <- K - size * slope, over the free knobs only. */
export function walkStep(level: FoggyLevel, kind: WalkKind, walk: FogWalk, size: number): FogWalk {
  const step = descentStep(walk.knobs, level.data, size, { free: walk.free, maxLoss: level.auto.maxLoss * 1e3 });
  if (step.status === 'diverged') return { ...walk, refused: walk.refused + 1, last: { kind: 'blowUp', size } };
  const ranges = rangesOf(level, kind);
  const moved = walk.free.map((j) => step.knobs[j]);
  if (moved.some((v, i) => v < ranges[i][0] || v > ranges[i][1]))
    return { ...walk, refused: walk.refused + 1, last: { kind: 'offMap', size, wouldBe: moved } };
  const across = crossedValley(
    step.gradient,
    gradient(level, step.knobs).map((g, j) => (walk.free.includes(j) ? g : 0)),
  );
  const lossAfter = step.loss;
  const move: StepMove = {
    from: walk.free.map((j) => walk.knobs[j]),
    slope: walk.free.map((j) => step.gradient[j]),
    to: moved,
  };
  const news: StepNews = across
    ? { kind: 'across', size, lossBefore: step.previousLoss, lossAfter, rose: lossAfter > step.previousLoss, move }
    : { kind: 'down', size, lossBefore: step.previousLoss, lossAfter, move };
  return {
    ...walk,
    knobs: step.knobs,
    trail: [...walk.trail, moved],
    steps: walk.steps + 1,
    overshoots: walk.overshoots + (across ? 1 : 0),
    last: news,
    reached: lossAfter <= targetOf(level, kind),
    feel: null,
  };
}

/** The challenge's score: every step counts, and every jump across the valley counts once more. */
export function scoreOf(walk: FogWalk): number {
  return walk.steps + walk.overshoots;
}

export function starsFor(level: FoggyLevel, reached: boolean, score: number): 0 | 1 | 2 | 3 {
  if (!reached) return 0;
  let best: 1 | 2 | 3 = 1;
  for (const s of level.stars) if (score <= s.maxScore && s.stars > best) best = s.stars as 2 | 3;
  return best;
}

export function challengeOver(level: FoggyLevel, walk: FogWalk): boolean {
  return walk.reached || walk.steps >= level.challenge.maxSteps;
}

export function finishChallenge(level: FoggyLevel, state: FoggyState): FoggyState {
  const w = state.challenge;
  const score = scoreOf(w);
  const run: ChallengeRun = {
    steps: w.steps,
    overshoots: w.overshoots,
    score,
    reached: w.reached,
    stars: starsFor(level, w.reached, score),
  };
  return { ...state, runs: [...state.runs, run] };
}

function track(level: FoggyLevel): DescentTrack {
  const knobs = Array.from({ length: KNOB_COUNT }, () => 0);
  return {
    knobs,
    velocity: knobs.map(() => 0),
    losses: [loss(level, knobs)],
    path: [[knobs[1], knobs[2]]],
    diverged: false,
  };
}

/** Automatic descent restarts from all knobs at zero whenever its settings change. */
export function startAuto(level: FoggyLevel, lr: number, beta: number): AutoRun {
  return { lr, beta, steps: 0, plain: track(level), heavy: track(level) };
}

function advance(level: FoggyLevel, t: DescentTrack, lr: number, beta: number): DescentTrack {
  if (t.diverged) return t;
  const s = momentumStep(t.knobs, t.velocity, level.data, lr, beta, { maxLoss: level.auto.maxLoss });
  if (s.status === 'diverged') return { ...t, diverged: true };
  return {
    knobs: s.knobs,
    velocity: s.velocity,
    losses: [...t.losses, s.loss],
    path: [...t.path, [s.knobs[1], s.knobs[2]]],
    diverged: false,
  };
}

/** `count` steps of both tracks: plain descent and descent with momentum, side by side. */
export function autoSteps(level: FoggyLevel, run: AutoRun, count: number): AutoRun {
  let { plain, heavy, steps } = run;
  const n = Math.min(count, level.auto.maxSteps - steps);
  for (let i = 0; i < n; i++) {
    plain = advance(level, plain, run.lr, 0);
    heavy = advance(level, heavy, run.lr, run.beta);
    steps++;
    if (plain.diverged && heavy.diverged) break;
  }
  return { ...run, plain, heavy, steps };
}

export function autoFinished(level: FoggyLevel, run: AutoRun): boolean {
  return run.steps >= level.auto.maxSteps || (run.plain.diverged && run.heavy.diverged);
}

export function autoMayEnd(level: FoggyLevel, run: AutoRun): boolean {
  return run.steps >= level.auto.minSteps || autoFinished(level, run);
}

export function createFoggyState(level: FoggyLevel, seed: number): FoggyState {
  return {
    seed,
    hand: Array.from({ length: KNOB_COUNT }, () => 0),
    handMoves: 0,
    fog1: startWalk(level, 'fog1'),
    fog2: startWalk(level, 'fog2'),
    auto: startAuto(level, level.auto.learningRate, level.auto.momentum),
    gears: { turned: 0, predicted: null, tries: 0, filled: 0 },
    challenge: startWalk(level, 'challenge'),
    runs: [],
    valleys: startValleys(level),
    overfit: startOverfit(level),
  };
}

export function setHandKnob(level: FoggyLevel, state: FoggyState, index: number, value: number): FoggyState {
  const v = tidy(Math.min(level.hand.max, Math.max(level.hand.min, round(value, level.hand.fineStep))));
  if (v === state.hand[index]) return state;
  const hand = [...state.hand];
  hand[index] = v;
  return { ...state, hand, handMoves: state.handMoves + 1 };
}

export function handMayEnd(level: FoggyLevel, state: FoggyState): boolean {
  return state.handMoves >= level.hand.offerAfterMoves || loss(level, state.hand) <= level.hand.goodLoss;
}

export function isStepSize(level: FoggyLevel, size: number): boolean {
  return level.stepSizes.includes(size);
}

export type { DescentStatus };
