// Chapter 1's learner: Bit's "brain" is a table of preferences H[context][action]. Acting samples
// the softmax policy, and each reward nudges the preferences by the gradient-bandit rule
// (Sutton & Barto, Reinforcement Learning, 2nd ed., section 2.8):
//
//   pi(a | c)   = exp(H[c][a] / T) / sum_b exp(H[c][b] / T)           (softmax with temperature T)
//   H[c][a]    += lr * (R - Rbar[c]) * (1[a = A] - pi(a | c))         for every action a
//   Rbar[c]     = mean of the rewards received so far in context c    (0 before the first one)
//
// Why this is gradient ascent: d log pi(A) / d H[a] = (1[a = A] - pi(a)) / T, so the update is
// lr * T * (R - Rbar) * d log pi(A) / d H — the REINFORCE estimate of the gradient of expected
// reward; the factor T is folded into lr. The baseline Rbar does not change the expected step but
// shrinks its noise: an ordinary reward (R = Rbar) teaches nothing, a better-than-usual one pulls
// A up, a worse one pushes it down. With useBaseline = false, Rbar is taken as 0.
// Rbar is the mean of rewards *before* the current one (Sutton & Barto's convention); the
// running mean is updated after the step: Rbar <- Rbar + (R - Rbar) / n.

import type { Rng } from './random';

export interface PolicyConfig {
  contexts: readonly string[];
  actions: readonly string[];
  learningRate: number;
  /** Softmax temperature T > 0; higher is more random. Default 1. */
  temperature?: number;
  /** Subtract the running mean reward per context. Default true. */
  useBaseline?: boolean;
}

export interface PolicySnapshot {
  contexts: string[];
  actions: string[];
  /** preferences[contextIndex][actionIndex] */
  preferences: number[][];
  /** Running mean reward per context. */
  baselines: number[];
  /** Number of updates per context. */
  counts: number[];
  learningRate: number;
  temperature: number;
  useBaseline: boolean;
}

function checkNames(names: unknown, what: string): string[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw new Error(`PolicyLearner: ${what} must be a non-empty array of strings`);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string' || n.length === 0) {
      throw new Error(`PolicyLearner: ${what} must hold non-empty strings, got ${JSON.stringify(n)}`);
    }
    if (seen.has(n)) throw new Error(`PolicyLearner: duplicate name "${n}" in ${what}`);
    seen.add(n);
  }
  return [...(names as string[])];
}

function checkPositive(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`PolicyLearner: ${what} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

function checkFiniteArray(value: unknown, length: number, what: string): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new Error(`PolicyLearner: ${what} must be an array of ${length} numbers`);
  }
  for (const v of value) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`PolicyLearner: ${what} holds a non-finite value ${String(v)}`);
    }
  }
  return [...(value as number[])];
}

/** Numerically stable softmax of z / T (subtracting max z does not change the result). */
export function softmax(z: readonly number[], temperature = 1): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const exps = z.map((v) => Math.exp((v - max) / temperature));
  let sum = 0;
  for (const e of exps) sum += e;
  return exps.map((e) => e / sum);
}

export class PolicyLearner {
  private readonly contextNames: string[];
  private readonly actionNames: string[];
  private readonly prefs: number[][];
  private readonly baselines: number[];
  private readonly counts: number[];
  private readonly learningRate: number;
  private readonly temperature: number;
  private readonly useBaseline: boolean;

  constructor(config: PolicyConfig) {
    if (typeof config !== 'object' || config === null) {
      throw new Error('PolicyLearner: config must be an object');
    }
    this.contextNames = checkNames(config.contexts, 'contexts');
    this.actionNames = checkNames(config.actions, 'actions');
    this.learningRate = checkPositive(config.learningRate, 'learningRate');
    this.temperature = checkPositive(config.temperature ?? 1, 'temperature');
    const useBaseline = config.useBaseline ?? true;
    if (typeof useBaseline !== 'boolean') throw new Error('PolicyLearner: useBaseline must be a boolean');
    this.useBaseline = useBaseline;
    this.prefs = this.contextNames.map(() => this.actionNames.map(() => 0));
    this.baselines = this.contextNames.map(() => 0);
    this.counts = this.contextNames.map(() => 0);
  }

  get contexts(): readonly string[] {
    return this.contextNames;
  }

  get actions(): readonly string[] {
    return this.actionNames;
  }

  private contextIndex(context: string): number {
    const i = this.contextNames.indexOf(context);
    if (i < 0) throw new Error(`PolicyLearner: unknown context "${String(context)}"`);
    return i;
  }

  private actionIndex(action: string): number {
    const i = this.actionNames.indexOf(action);
    if (i < 0) throw new Error(`PolicyLearner: unknown action "${String(action)}"`);
    return i;
  }

  /** pi(. | context) in the order of `actions`; sums to 1. */
  probabilities(context: string): number[] {
    return softmax(this.prefs[this.contextIndex(context)], this.temperature);
  }

  /** A copy of H[context] in the order of `actions`. */
  preferences(context: string): number[] {
    return [...this.prefs[this.contextIndex(context)]];
  }

  /** Mean reward seen so far in this context (the baseline Rbar). */
  baseline(context: string): number {
    return this.baselines[this.contextIndex(context)];
  }

  /** Draws one action: walk the cumulative probabilities until they pass u ~ U[0,1). */
  sample(context: string, rng: Rng): string {
    const p = this.probabilities(context);
    const u = rng.next();
    let cumulative = 0;
    for (let a = 0; a < p.length; a++) {
      cumulative += p[a];
      if (u < cumulative) return this.actionNames[a];
    }
    return this.actionNames[p.length - 1]; // rounding left cumulative a hair under 1
  }

  /** One gradient-bandit step after `action` was taken in `context` and earned `reward`. */
  update(context: string, action: string, reward: number): void {
    const c = this.contextIndex(context);
    const chosen = this.actionIndex(action);
    if (typeof reward !== 'number' || !Number.isFinite(reward)) {
      throw new Error(`PolicyLearner: reward must be a finite number, got ${String(reward)}`);
    }
    const pi = softmax(this.prefs[c], this.temperature);
    const advantage = reward - (this.useBaseline ? this.baselines[c] : 0);
    const h = this.prefs[c];
    for (let a = 0; a < h.length; a++) {
      h[a] += this.learningRate * advantage * ((a === chosen ? 1 : 0) - pi[a]);
    }
    this.counts[c] += 1;
    this.baselines[c] += (reward - this.baselines[c]) / this.counts[c];
  }

  toJSON(): PolicySnapshot {
    return {
      contexts: [...this.contextNames],
      actions: [...this.actionNames],
      preferences: this.prefs.map((row) => [...row]),
      baselines: [...this.baselines],
      counts: [...this.counts],
      learningRate: this.learningRate,
      temperature: this.temperature,
      useBaseline: this.useBaseline,
    };
  }

  /** Rebuilds a learner from toJSON() output (or its JSON.parse); checks every field. */
  static fromJSON(s: unknown): PolicyLearner {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      throw new Error('PolicyLearner.fromJSON: snapshot must be an object');
    }
    const o = s as Record<string, unknown>;
    if (typeof o.useBaseline !== 'boolean') {
      throw new Error('PolicyLearner.fromJSON: useBaseline must be a boolean');
    }
    const learner = new PolicyLearner({
      contexts: checkNames(o.contexts, 'contexts'),
      actions: checkNames(o.actions, 'actions'),
      learningRate: checkPositive(o.learningRate, 'learningRate'),
      temperature: checkPositive(o.temperature, 'temperature'),
      useBaseline: o.useBaseline,
    });
    const nc = learner.contextNames.length;
    const na = learner.actionNames.length;
    if (!Array.isArray(o.preferences) || o.preferences.length !== nc) {
      throw new Error(`PolicyLearner.fromJSON: preferences must have ${nc} rows (one per context)`);
    }
    o.preferences.forEach((row: unknown, c: number) => {
      learner.prefs[c] = checkFiniteArray(row, na, `preferences[${c}]`);
    });
    const baselines = checkFiniteArray(o.baselines, nc, 'baselines');
    const counts = checkFiniteArray(o.counts, nc, 'counts');
    for (const n of counts) {
      if (!Number.isInteger(n) || n < 0) {
        throw new Error(`PolicyLearner.fromJSON: counts must be integers >= 0, got ${n}`);
      }
    }
    for (let c = 0; c < nc; c++) {
      learner.baselines[c] = baselines[c];
      learner.counts[c] = counts[c];
    }
    return learner;
  }
}
