// Chapter 6's rules as pure functions: the player's build choices, the trained net's report card
// (held-out accuracy, confusion matrix, worst mistakes), the fight (the Demon's throws of unseen
// digits, the player's own drawings) and the Demon's trick (FGSM noise against the player's net).
// Every number comes from the engine; every random pick from the attempt's seed.
import {
  accuracy,
  argmax,
  classifyWithProbabilities,
  confusionMatrix,
  createRng,
  fgsm,
  predictClasses,
  type DenseNetwork,
} from '../../engine';
import { deriveSeed } from '../shared/seeds';
import { choicesFit, netFromWeights, trainBossNet, type BossChoices, type BossWeights } from './bossTraining';
import { bytesToInput, inkCount, isDrawingInput, SIDE } from './digitDrawing';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';

export interface Mistake {
  index: number;
  label: number;
  predicted: number;
  /** The net's probability for its wrong answer. */
  confidence: number;
}

export interface NetReport {
  /** Share of the 2,000 held-out digits read right. */
  accuracy: number;
  /** counts[true][predicted] over the held-out digits. */
  confusion: number[][];
  /** The most confident mistakes (at most 6). */
  worst: Mistake[];
  /** The most frequent mix-up (true, predicted, count), or null for a perfect net. */
  topMixUp: { label: number; predicted: number; count: number } | null;
}

export interface Throw {
  index: number;
  label: number;
  predicted: number;
  hit: boolean;
}

export interface Drawing {
  digit: number;
  pixels: number[];
  predicted: number;
  probabilities: number[];
  hit: boolean;
}

export type TrickSource = { source: 'test'; index: number } | { source: 'drawing'; index: number };

export interface TrickResult {
  label: number;
  before: number;
  after: number;
  confidenceBefore: number;
  confidenceAfter: number;
  original: number[];
  /** The digit with the Demon's noise, 784 bytes. */
  attacked: number[];
  /** attacked - original per pixel, in bytes (-255..255). */
  noise: number[];
  /** Largest change of any pixel, 0..1. */
  maxChange: number;
}

export interface DigitDemonState {
  choices: BossChoices;
  net: DenseNetwork | null;
  report: NetReport | null;
  demonHealth: number;
  playerHealth: number;
  /** Held-out digits the Demon throws, in order (seeded). */
  throwOrder: number[];
  throws: Throw[];
  drawings: Drawing[];
  /** Held-out digits the trick is shown on: the first ones of a seeded order the net reads right. */
  trickDigits: number[];
  epsilon: number;
  trickPick: TrickSource;
  trick: TrickResult | null;
}

export function createDigitDemonState(level: DigitDemonLevel, seed: number, testCount: number): DigitDemonState {
  const rng = createRng(deriveSeed(seed, 'demon-throws'));
  const throwOrder: number[] = [];
  while (throwOrder.length < level.fight.throws) {
    const i = rng.int(testCount);
    if (!throwOrder.includes(i)) throwOrder.push(i);
  }
  return {
    choices: { ...level.build.start },
    net: null,
    report: null,
    demonHealth: level.fight.demonHealth,
    playerHealth: level.fight.playerHealth,
    throwOrder,
    throws: [],
    drawings: [],
    trickDigits: [],
    epsilon: level.trick.start,
    trickPick: { source: 'test', index: 0 },
    trick: null,
  };
}

export function withChoice(level: DigitDemonLevel, s: DigitDemonState, change: Partial<BossChoices>): DigitDemonState {
  const choices = { ...s.choices, ...change };
  return choicesFit(level, choices) ? { ...s, choices } : s;
}

/** The most epochs the budget allows with this many hidden units. */
export function maxEpochs(level: DigitDemonLevel, hidden: number): number {
  return Math.min(level.build.epochs.max, Math.floor(level.build.budget / hidden));
}

/** Choosing a hidden size shrinks the epochs to fit the budget when needed. */
export function withHidden(level: DigitDemonLevel, s: DigitDemonState, units: number): DigitDemonState {
  if (!level.build.hidden.some((h) => h.units === units)) return s;
  const epochs = Math.max(level.build.epochs.min, Math.min(s.choices.epochs, maxEpochs(level, units)));
  return withChoice(level, s, { hidden: units, epochs });
}

function testInput(digits: BossDigits, index: number): Float32Array {
  const size = SIDE * SIDE;
  return bytesToInput(digits.data.test.pixels.subarray(index * size, (index + 1) * size));
}

export function reportOf(net: DenseNetwork, digits: BossDigits): NetReport {
  const test = digits.test;
  const confusion = confusionMatrix(net, test);
  const acc = accuracy(net, test);
  const predicted = predictClasses(net, test.inputs);
  const mistakes: Mistake[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < predicted.length; i++) if (predicted[i] !== test.targets[i]) wrong.push(i);
  if (wrong.length > 0) {
    const size = SIDE * SIDE;
    const batch = new Float32Array(wrong.length * size);
    wrong.forEach((i, k) => batch.set(testInput(digits, i), k * size));
    const probs = net.predict(batch);
    wrong.forEach((i, k) =>
      mistakes.push({
        index: i,
        label: test.targets[i],
        predicted: predicted[i],
        confidence: probs[k * 10 + predicted[i]],
      }),
    );
  }
  // Most confident first; ties by index, so the order never depends on the sort's stability.
  mistakes.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  let topMixUp: NetReport['topMixUp'] = null;
  for (let t = 0; t < 10; t++)
    for (let p = 0; p < 10; p++)
      if (t !== p && confusion[t][p] > 0 && (!topMixUp || confusion[t][p] > topMixUp.count))
        topMixUp = { label: t, predicted: p, count: confusion[t][p] };
  return { accuracy: acc, confusion, worst: mistakes.slice(0, 6), topMixUp };
}

/**
 * The trained net for the current choices: the weights the trainBoss actor brought back, else
 * (a replay) trained here. Both are the same deterministic function.
 */
export function withTrainedNet(
  level: DigitDemonLevel,
  digits: BossDigits,
  seed: number,
  s: DigitDemonState,
  weights: BossWeights | undefined,
): DigitDemonState {
  const net = weights
    ? netFromWeights(level, seed, s.choices.hidden, weights)
    : trainBossNet(level, digits, seed, s.choices);
  const report = reportOf(net, digits);
  // The trick's digits: a seeded order of held-out digits, keeping the ones this net reads right.
  const rng = createRng(deriveSeed(seed, 'demon-trick'));
  const order = Array.from({ length: digits.test.inputs.rows }, (_, i) => i);
  rng.shuffle(order);
  const trickDigits: number[] = [];
  const predicted = predictClasses(net, digits.test.inputs);
  for (const i of order) {
    if (trickDigits.length >= level.trick.digits) break;
    if (predicted[i] === digits.test.targets[i]) trickDigits.push(i);
  }
  return {
    ...s,
    net,
    report,
    trickDigits,
    demonHealth: level.fight.demonHealth,
    playerHealth: level.fight.playerHealth,
    throws: [],
    drawings: [],
    trickPick: { source: 'test', index: 0 },
    trick: null,
  };
}

export function withoutNet(s: DigitDemonState): DigitDemonState {
  return { ...s, net: null, report: null, trickDigits: [], trick: null };
}

/** Softmax probabilities of the net for one 784-byte image. */
export function probabilitiesOf(net: DenseNetwork, bytes: ArrayLike<number>): number[] {
  return Array.from(net.predict(bytesToInput(bytes)));
}

export function fightOver(s: DigitDemonState): boolean {
  return s.demonHealth <= 0 || s.playerHealth <= 0;
}

export function throwsLeft(level: DigitDemonLevel, s: DigitDemonState): boolean {
  return s.throws.length < level.fight.throws && !fightOver(s);
}

/** The Demon throws its next unseen digit: a right answer hits the Demon, a wrong one the player. */
export function throwDigit(level: DigitDemonLevel, digits: BossDigits, s: DigitDemonState): DigitDemonState {
  if (!s.net || !throwsLeft(level, s)) return s;
  const index = s.throwOrder[s.throws.length];
  const label = digits.data.test.labels[index];
  const predicted = predictClasses(s.net, testInput(digits, index))[0];
  const hit = predicted === label;
  return {
    ...s,
    throws: [...s.throws, { index, label, predicted, hit }],
    demonHealth: hit ? Math.max(0, s.demonHealth - 1) : s.demonHealth,
    playerHealth: hit ? s.playerHealth : Math.max(0, s.playerHealth - 1),
  };
}

export function drawingsLeft(level: DigitDemonLevel, s: DigitDemonState): boolean {
  return s.drawings.length < level.fight.drawings && !fightOver(s);
}

export function validDrawing(level: DigitDemonLevel, digit: unknown, pixels: unknown): boolean {
  return (
    typeof digit === 'number' &&
    Number.isInteger(digit) &&
    digit >= 0 &&
    digit <= 9 &&
    isDrawingInput(pixels) &&
    inkCount(pixels) >= level.fight.drawMinInk
  );
}

/** The player's drawing attacks: read right, it hits the Demon twice as hard as a throw. */
export function submitDrawing(
  level: DigitDemonLevel,
  s: DigitDemonState,
  digit: number,
  pixels: number[],
): DigitDemonState {
  if (!s.net || !drawingsLeft(level, s) || !validDrawing(level, digit, pixels)) return s;
  const read = classifyWithProbabilities(s.net, bytesToInput(pixels));
  const probabilities = Array.from(read.probabilities);
  const predicted = read.classes[0];
  const hit = predicted === digit;
  return {
    ...s,
    drawings: [...s.drawings, { digit, pixels: [...pixels], predicted, probabilities, hit }],
    demonHealth: hit ? Math.max(0, s.demonHealth - 2) : s.demonHealth,
    playerHealth: hit ? s.playerHealth : Math.max(0, s.playerHealth - 1),
  };
}

/** FGSM against the player's net on one image, with the label the net should keep. */
export function trickOn(net: DenseNetwork, bytes: ArrayLike<number>, label: number, epsilon: number): TrickResult {
  const x = bytesToInput(bytes);
  const before = Array.from(net.predict(x));
  const adv = fgsm(net, x, Uint8Array.of(label), epsilon);
  const after = Array.from(net.predict(adv));
  const attacked = Array.from(adv, (v) => Math.round(v * 255));
  const original = Array.from(bytes);
  let maxChange = 0;
  for (let i = 0; i < x.length; i++) maxChange = Math.max(maxChange, Math.abs(adv[i] - x[i]));
  return {
    label,
    before: argmax(before, 0, 10),
    after: argmax(after, 0, 10),
    confidenceBefore: Math.max(...before),
    confidenceAfter: Math.max(...after),
    original,
    attacked,
    noise: attacked.map((v, i) => v - original[i]),
    maxChange,
  };
}

export function validTrickPick(s: DigitDemonState, pick: TrickSource): boolean {
  if (!Number.isInteger(pick.index) || pick.index < 0) return false;
  return pick.source === 'test' ? pick.index < s.trickDigits.length : pick.index < s.drawings.length;
}

/** Recomputes the trick for the chosen digit and epsilon. */
export function withTrick(digits: BossDigits, s: DigitDemonState, pick: TrickSource, epsilon: number): DigitDemonState {
  if (!s.net || !validTrickPick(s, pick)) return s;
  const size = SIDE * SIDE;
  const bytes =
    pick.source === 'test'
      ? digits.data.test.pixels.subarray(s.trickDigits[pick.index] * size, (s.trickDigits[pick.index] + 1) * size)
      : s.drawings[pick.index].pixels;
  const label =
    pick.source === 'test' ? digits.data.test.labels[s.trickDigits[pick.index]] : s.drawings[pick.index].digit;
  return { ...s, trickPick: pick, epsilon, trick: trickOn(s.net, bytes, label, epsilon) };
}

export interface DigitDemonResult {
  passed: boolean;
  stars: number;
  /** Held-out accuracy, 0..1, rounded to 4 decimals. */
  accuracy: number;
  won: boolean;
  hidden: number;
  rate: number;
  epochs: number;
  hits: number;
  misses: number;
  drawingsRead: number;
  demonHealth: number;
  playerHealth: number;
}

export function resultOf(level: DigitDemonLevel, s: DigitDemonState): DigitDemonResult {
  const acc = s.report ? Math.round(s.report.accuracy * 10000) / 10000 : 0;
  const won = s.demonHealth <= 0 && s.playerHealth > 0;
  const passed = acc >= level.stars.pass;
  const stars = !passed ? 0 : won && acc >= level.stars.three ? 3 : won && acc >= level.stars.two ? 2 : 1;
  const hits = s.throws.filter((t) => t.hit).length + s.drawings.filter((d) => d.hit).length;
  return {
    passed,
    stars,
    accuracy: acc,
    won,
    hidden: s.choices.hidden,
    rate: s.choices.rate,
    epochs: s.choices.epochs,
    hits,
    misses: s.throws.length + s.drawings.length - hits,
    drawingsRead: s.drawings.filter((d) => d.hit).length,
    demonHealth: s.demonHealth,
    playerHealth: s.playerHealth,
  };
}
