import { describe, expect, it } from 'vitest';
import { PolicyLearner, softmax } from '../../../src/engine/policy';
import { createRng, type Rng } from '../../../src/engine/random';

const ACTIONS = ['sit', 'bark', 'paw', 'roll', 'lie'];
const COMMANDS = ['sit', 'speak', 'shake'];

function newBit(lr = 0.5): PolicyLearner {
  return new PolicyLearner({ contexts: COMMANDS, actions: ACTIONS, learningRate: lr });
}

/** Runs `trials` trials of one command; `reward(action, trialIndex)` is the trainer. */
function train(
  bit: PolicyLearner,
  rng: Rng,
  command: string,
  trials: number,
  reward: (action: string, trial: number) => number,
): void {
  for (let t = 0; t < trials; t++) {
    const action = bit.sample(command, rng);
    bit.update(command, action, reward(action, t));
  }
}

const prob = (bit: PolicyLearner, command: string, action: string): number =>
  bit.probabilities(command)[ACTIONS.indexOf(action)];

describe('PolicyLearner', () => {
  it('starts uniform', () => {
    expect(newBit().probabilities('sit')).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('first update matches the hand-computed gradient-bandit step', () => {
    const bit = newBit(0.5);
    bit.update('sit', 'sit', 1);
    // pi = 0.2 each, baseline 0, advantage R - 0 = 1:
    // H[sit] = 0.5 * 1 * (1 - 0.2) = 0.4;  H[other] = 0.5 * 1 * (0 - 0.2) = -0.1
    const h = bit.preferences('sit');
    expect(h[0]).toBeCloseTo(0.4, 15);
    for (const v of h.slice(1)) expect(v).toBeCloseTo(-0.1, 15);
    expect(bit.baseline('sit')).toBe(1);
    // Same reward again equals the baseline: advantage 0, nothing moves.
    bit.update('sit', 'sit', 1);
    expect(bit.preferences('sit')).toEqual(h);
    // Other commands are untouched.
    expect(bit.preferences('speak')).toEqual([0, 0, 0, 0, 0]);
  });

  it('without a baseline the same reward keeps pushing', () => {
    const bit = new PolicyLearner({ contexts: ['sit'], actions: ACTIONS, learningRate: 0.5, useBaseline: false });
    bit.update('sit', 'sit', 1);
    const h1 = bit.preferences('sit')[0];
    bit.update('sit', 'sit', 1);
    expect(bit.preferences('sit')[0]).toBeGreaterThan(h1);
  });

  it('temperature divides the preferences inside the softmax', () => {
    const bit = new PolicyLearner({ contexts: ['c'], actions: ['a', 'b'], learningRate: 1, temperature: 2 });
    bit.update('c', 'a', 1); // H = [0.5, -0.5]
    const p = bit.probabilities('c');
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15); // softmax([0.25, -0.25])
    expect(softmax([1000, 0])).toEqual([1, 0]); // stable for large inputs
  });

  it('consistent rewards teach "sit" to P > 0.9 for every seed', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const bit = newBit(0.5);
      train(bit, createRng(seed), 'sit', 60, (a) => (a === 'sit' ? 1 : -1));
      expect(prob(bit, 'sit', 'sit')).toBeGreaterThan(0.9);
    }
  });

  it('treat for right, nothing for wrong, also gets there', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const bit = newBit(0.5);
      train(bit, createRng(seed), 'sit', 100, (a) => (a === 'sit' ? 1 : 0));
      expect(prob(bit, 'sit', 'sit')).toBeGreaterThan(0.9);
    }
  });

  it('several commands are learned independently', () => {
    const target: Record<string, string> = { sit: 'sit', speak: 'bark', shake: 'paw' };
    const bit = newBit(0.5);
    const rng = createRng(2024);
    for (let t = 0; t < 300; t++) {
      const command = rng.choice(COMMANDS);
      const action = bit.sample(command, rng);
      bit.update(command, action, action === target[command] ? 1 : -1);
    }
    for (const c of COMMANDS) expect(prob(bit, c, target[c])).toBeGreaterThan(0.9);
  });

  it('rewarding the wrong action teaches the wrong habit', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const bit = newBit(0.5);
      train(bit, createRng(seed), 'sit', 60, (a) => (a === 'roll' ? 1 : -1));
      expect(prob(bit, 'sit', 'roll')).toBeGreaterThan(0.9);
      expect(prob(bit, 'sit', 'sit')).toBeLessThan(0.05);
    }
  });

  it('inconsistent feedback leaves Bit confused: no reliable habit', () => {
    // Coin-flip trainer: treat or scold regardless of what Bit did. The expected step is zero, so
    // the preferences only wander; averaged over seeds, "sit" stays near its uniform 1/5.
    let meanSit = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const bit = newBit(0.2);
      const rng = createRng(seed);
      train(bit, rng, 'sit', 60, () => (rng.next() < 0.5 ? 1 : -1));
      meanSit += prob(bit, 'sit', 'sit') / 20;
    }
    expect(meanSit).toBeLessThan(0.4);

    // Two trainers who disagree (one wants sit, the other lie down, taking turns): which habit
    // wins is luck of the draw, not the trainer's intent.
    const winners = new Set<string>();
    let meanSitTwo = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const bit = newBit(0.5);
      train(bit, createRng(seed), 'sit', 100, (a, t) => (a === (t % 2 === 0 ? 'sit' : 'lie') ? 1 : -1));
      const p = bit.probabilities('sit');
      winners.add(p[0] > p[4] ? 'sit' : 'lie');
      meanSitTwo += p[0] / 10;
    }
    expect(winners).toEqual(new Set(['sit', 'lie']));
    expect(meanSitTwo).toBeLessThan(0.6);
  });

  it('is deterministic: same seed, same trials, bit-identical state', () => {
    const run = (): string => {
      const bit = newBit(0.3);
      train(bit, createRng(77), 'speak', 40, (a) => (a === 'bark' ? 1 : -1));
      return JSON.stringify(bit);
    };
    expect(run()).toBe(run());
  });

  it('sample follows the probabilities', () => {
    const bit = new PolicyLearner({ contexts: ['c'], actions: ['a', 'b'], learningRate: 1, useBaseline: false });
    bit.update('c', 'a', 2); // H = [1, -1], P(a) = 1 / (1 + e^-2) ~ 0.881
    const rng = createRng(5);
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (bit.sample('c', rng) === 'a') a++;
    expect(a / 20_000).toBeCloseTo(1 / (1 + Math.exp(-2)), 2);
  });

  it('JSON round trip is exact and keeps learning identically', () => {
    const bit = newBit(0.37);
    train(bit, createRng(3), 'sit', 25, (a) => (a === 'sit' ? 1 : -0.5));
    const text = JSON.stringify(bit);
    const copy = PolicyLearner.fromJSON(JSON.parse(text));
    expect(JSON.stringify(copy)).toBe(text);
    expect(copy.toJSON()).toEqual(bit.toJSON());
    train(bit, createRng(4), 'sit', 10, (a) => (a === 'sit' ? 1 : -1));
    train(copy, createRng(4), 'sit', 10, (a) => (a === 'sit' ? 1 : -1));
    expect(copy.toJSON()).toEqual(bit.toJSON());
  });

  it('bad input throws a message naming the problem', () => {
    const bit = newBit();
    expect(() => bit.probabilities('jump')).toThrow(/unknown context "jump"/);
    expect(() => bit.update('sit', 'fly', 1)).toThrow(/unknown action "fly"/);
    expect(() => bit.update('sit', 'sit', Number.NaN)).toThrow(/reward/);
    expect(() => bit.update('sit', 'sit', Infinity)).toThrow(/reward/);
    expect(() => new PolicyLearner({ contexts: [], actions: ACTIONS, learningRate: 1 })).toThrow(/contexts/);
    expect(() => new PolicyLearner({ contexts: ['a', 'a'], actions: ACTIONS, learningRate: 1 })).toThrow(/duplicate/);
    expect(() => new PolicyLearner({ contexts: ['a'], actions: ACTIONS, learningRate: 0 })).toThrow(/learningRate/);
    expect(() => new PolicyLearner({ contexts: ['a'], actions: ACTIONS, learningRate: 1, temperature: -1 })).toThrow(
      /temperature/,
    );

    const good = bit.toJSON();
    expect(() => PolicyLearner.fromJSON('nope')).toThrow(/object/);
    expect(() => PolicyLearner.fromJSON({ ...good, preferences: [[0]] })).toThrow(/preferences/);
    expect(() =>
      PolicyLearner.fromJSON({ ...good, preferences: good.preferences.map((r) => r.map(() => null)) }),
    ).toThrow(/preferences\[0\]/);
    expect(() => PolicyLearner.fromJSON({ ...good, counts: [1.5, 0, 0] })).toThrow(/counts/);
    expect(() => PolicyLearner.fromJSON({ ...good, baselines: [0] })).toThrow(/baselines/);
    expect(() => PolicyLearner.fromJSON({ ...good, useBaseline: 'yes' })).toThrow(/useBaseline/);
  });
});
