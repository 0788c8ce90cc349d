// Chapter 4's parts A and B as a pure model: plain data in, new plain data out.
// Part A: one threshold neuron (chapter 3's lamp with two inputs) draws one line over the four
// XOR points; at most 3 of 4 can ever be right. Bit then runs Rosenblatt's rule on the four
// points; the rule never settles, and we say so once the knobs at the start of a pass repeat
// one seen before (from then on the passes repeat for ever: a cycle).
// Part B: hidden threshold neurons, each with its own line, feed an output threshold neuron.
// Knobs are named "<neuron>.<param>": neuron "line" (part A), "h1".."hN" (hidden), "out";
// param "w1" / "w2" (inputs), "v1".."vN" (the output's weight on hidden neuron N) or "threshold".
import {
  perceptronStep,
  predict,
  runThresholdNetwork,
  weightedSum,
  type Perceptron,
  type ThresholdNetwork,
} from '../../engine';
import type { MinskyLevel } from './minskyLevel';

export interface BitRun {
  perceptron: Perceptron;
  /** Steps taken (one point each). */
  steps: number;
  /** Knobs at the start of each pass over the four points, as keys. */
  passStarts: string[];
  /** Set when a pass starts with knobs seen before: the passes from there repeat for ever. */
  cycle: { from: number; length: number } | null;
  /** The point the last step looked at (index into level.xor) and whether it changed the knobs. */
  last: { point: number; output: 0 | 1; target: 0 | 1; changed: boolean } | null;
}

export interface BuildState {
  hidden: Perceptron[];
  output: Perceptron;
}

/** The last knob a player turned and which way: moves that go on the same way are one try. */
export interface KnobMove {
  id: string;
  dir: 1 | -1;
}

export interface PartsState {
  line: Perceptron;
  /**
   * Settings tried in part A (honest tries before Bit may try). A drag reports every tick on its
   * way, so one try is a run of moves of one knob in one direction: turning another knob, or
   * turning back, starts the next.
   */
  tries: number;
  lastMove: KnobMove | null;
  /** Settings tried in part B (counted like part A's) and Checks that were not yet right. */
  buildMoves: number;
  checks: number;
  /** Whether the explainer's way was shown in part B. */
  blueprint: boolean;
  /** Most points right at once in part A. */
  best: number;
  bit: BitRun | null;
  build: BuildState;
}

export type KnobParam = { kind: 'input'; index: number } | { kind: 'threshold' };

export function createParts(level: MinskyLevel): PartsState {
  const line: Perceptron = {
    weights: [level.knobs.weight.start, level.knobs.weight.start],
    threshold: level.knobs.threshold.start,
  };
  return {
    line,
    tries: 0,
    lastMove: null,
    buildMoves: 0,
    checks: 0,
    blueprint: false,
    best: rightCount(level, line),
    bit: null,
    build: { hidden: [], output: { weights: [], threshold: 0 } },
  };
}

export function rightCount(level: MinskyLevel, p: Perceptron): number {
  return level.xor.filter((pt) => predict(p, pt.x) === pt.label).length;
}

export function networkRight(level: MinskyLevel, net: ThresholdNetwork): number {
  if (net.hidden.length === 0) return 0;
  return level.xor.filter((pt) => runThresholdNetwork(net, pt.x).output === pt.label).length;
}

/** Clamps into the range and rounds to min + n * fineStep (toFixed drops binary round-off). */
export function snap(range: { min: number; max: number; fineStep: number }, value: number): number {
  const clamped = Math.min(range.max, Math.max(range.min, value));
  const n = Math.round((clamped - range.min) / range.fineStep);
  return Number(Math.min(range.max, range.min + n * range.fineStep).toFixed(6));
}

export function parseKnob(id: string): { neuron: string; param: string } | null {
  const m = /^(line|out|h[1-9])\.(w[12]|v[1-9]|threshold)$/.exec(id);
  return m ? { neuron: m[1], param: m[2] } : null;
}

function paramOf(neuron: string, param: string): KnobParam | null {
  if (param === 'threshold') return { kind: 'threshold' };
  const index = Number(param.slice(1)) - 1;
  if (neuron === 'out') return param[0] === 'v' ? { kind: 'input', index } : null;
  return param[0] === 'w' ? { kind: 'input', index } : null;
}

function setParam(p: Perceptron, param: KnobParam, value: number): Perceptron {
  if (param.kind === 'threshold') return { weights: [...p.weights], threshold: value };
  return { weights: p.weights.map((w, i) => (i === param.index ? value : w)), threshold: p.threshold };
}

function readParam(p: Perceptron, param: KnobParam): number {
  return param.kind === 'threshold' ? p.threshold : p.weights[param.index];
}

/** The neuron a knob id names in the current state, or null when it does not exist. */
function neuronOf(state: PartsState, neuron: string): Perceptron | null {
  if (neuron === 'line') return state.line;
  if (neuron === 'out') return state.build.hidden.length ? state.build.output : null;
  return state.build.hidden[Number(neuron.slice(1)) - 1] ?? null;
}

export function knobExists(state: PartsState, id: string): boolean {
  const k = parseKnob(id);
  if (!k) return false;
  const p = neuronOf(state, k.neuron);
  const param = paramOf(k.neuron, k.param);
  if (!p || !param) return false;
  return param.kind === 'threshold' || param.index < p.weights.length;
}

export function knobValue(state: PartsState, id: string): number {
  const k = parseKnob(id)!;
  return readParam(neuronOf(state, k.neuron)!, paramOf(k.neuron, k.param)!);
}

export function rangeOf(level: MinskyLevel, id: string): MinskyLevel['knobs']['weight'] {
  return id.endsWith('threshold') ? level.knobs.threshold : level.knobs.weight;
}

/** Sets one knob (snapped); part A knob moves count as tries. */
export function setKnob(level: MinskyLevel, state: PartsState, id: string, value: number): PartsState {
  const k = parseKnob(id);
  if (!k || !knobExists(state, id)) throw new Error(`No knob "${id}"`);
  const v = snap(rangeOf(level, id), value);
  const param = paramOf(k.neuron, k.param)!;
  const old = knobValue(state, id);
  if (v === old) return state;
  const move: KnobMove = { id, dir: v > old ? 1 : -1 };
  const fresh = state.lastMove?.id !== id || state.lastMove.dir !== move.dir ? 1 : 0;
  if (k.neuron === 'line') {
    const line = setParam(state.line, param, v);
    return {
      ...state,
      line,
      tries: state.tries + fresh,
      lastMove: move,
      best: Math.max(state.best, rightCount(level, line)),
    };
  }
  const moved = { ...state, lastMove: move, buildMoves: state.buildMoves + fresh };
  if (k.neuron === 'out')
    return { ...moved, build: { ...state.build, output: setParam(state.build.output, param, v) } };
  const j = Number(k.neuron.slice(1)) - 1;
  return {
    ...moved,
    build: { ...state.build, hidden: state.build.hidden.map((h, i) => (i === j ? setParam(h, param, v) : h)) },
  };
}

/** Whether "Show the explainer's way" is open: after a fair try of the player's own in part B. */
export function blueprintOpen(level: MinskyLevel, state: PartsState): boolean {
  const fair = level.build.fairTry;
  return state.build.hidden.length > 0 && state.buildMoves >= fair.moves && state.checks >= fair.checks;
}

/** A Check in part B that was not yet right. */
export function countCheck(state: PartsState): PartsState {
  return { ...state, checks: state.checks + 1 };
}

/**
 * The explainer's way: hidden neurons (1, −1) and (−1, 1), each with threshold ½, and an output
 * that lights when either of them does (an OR: 1·h1 + 1·h2 > ½).
 */
export function showBlueprint(level: MinskyLevel, state: PartsState): PartsState {
  const bp = level.build.blueprint;
  return {
    ...state,
    lastMove: null,
    blueprint: true,
    build: {
      hidden: bp.hidden.map((h) => ({ weights: [...h.weights], threshold: h.threshold })),
      output: { weights: [...bp.output.weights], threshold: bp.output.threshold },
    },
  };
}

export function nudgeKnob(level: MinskyLevel, state: PartsState, id: string, by: number): PartsState {
  return setKnob(level, state, id, knobValue(state, id) + by);
}

/** Whether "Let Bit try" is open: after honest tries (knob moves) of the player's own. */
export function bitMayTry(level: MinskyLevel, state: PartsState): boolean {
  return state.tries >= level.honestTries;
}

const keyOf = (p: Perceptron) => `${p.weights.join(',')}|${p.threshold}`;

export function startBit(level: MinskyLevel): BitRun {
  const p: Perceptron = { weights: [...level.bit.start.weights], threshold: level.bit.start.threshold };
  return { perceptron: p, steps: 0, passStarts: [keyOf(p)], cycle: null, last: null };
}

export function bitFinished(level: MinskyLevel, run: BitRun): boolean {
  return run.cycle !== null || run.steps >= level.bit.maxEpochs * level.xor.length;
}

/** One step of the perceptron rule on the next point (points in level order, pass after pass). */
export function bitStep(level: MinskyLevel, run: BitRun): BitRun {
  if (bitFinished(level, run)) return run;
  const point = run.steps % level.xor.length;
  const pt = level.xor[point];
  const step = perceptronStep(run.perceptron, pt.x, pt.label, level.bit.learningRate);
  const steps = run.steps + 1;
  let { passStarts, cycle } = run;
  if (steps % level.xor.length === 0) {
    const key = keyOf(step.after);
    const seen = passStarts.indexOf(key);
    if (seen >= 0) cycle = { from: seen, length: passStarts.length - seen };
    passStarts = [...passStarts, key];
  }
  return {
    perceptron: step.after,
    steps,
    passStarts,
    cycle,
    last: { point, output: step.output, target: pt.label as 0 | 1, changed: step.changed },
  };
}

export function bitToEnd(level: MinskyLevel, run: BitRun): BitRun {
  let r = run;
  while (!bitFinished(level, r)) r = bitStep(level, r);
  return r;
}

/** Part B begins with the player's line as hidden neuron 1 and an output that just passes it on. */
export function startBuild(state: PartsState): PartsState {
  return {
    ...state,
    lastMove: null,
    build: {
      hidden: [{ weights: [...state.line.weights], threshold: state.line.threshold }],
      output: { weights: [1], threshold: 0.5 },
    },
  };
}

export function addHidden(level: MinskyLevel, state: PartsState): PartsState {
  if (state.build.hidden.length >= level.build.maxHidden) return state;
  const n = level.build.newNeuron;
  return {
    ...state,
    build: {
      hidden: [...state.build.hidden, { weights: [...n.weights], threshold: n.threshold }],
      output: { weights: [...state.build.output.weights, 1], threshold: state.build.output.threshold },
    },
  };
}

export function removeHidden(state: PartsState): PartsState {
  if (state.build.hidden.length <= 1) return state;
  return {
    ...state,
    build: {
      hidden: state.build.hidden.slice(0, -1),
      output: { weights: state.build.output.weights.slice(0, -1), threshold: state.build.output.threshold },
    },
  };
}

export function buildNetwork(state: PartsState): ThresholdNetwork {
  return { hidden: state.build.hidden, output: state.build.output };
}

/** What each neuron does at each XOR point: for the table under the plane. */
export function traceXor(level: MinskyLevel, state: PartsState) {
  const net = buildNetwork(state);
  return level.xor.map((pt) => {
    const tr = runThresholdNetwork(net, pt.x);
    return {
      x: pt.x,
      label: pt.label,
      hidden: tr.hidden,
      sum: tr.outputSum,
      output: tr.output,
      right: tr.output === pt.label,
    };
  });
}

export function lineSum(p: Perceptron, x: readonly number[]): number {
  return weightedSum(p, x);
}
