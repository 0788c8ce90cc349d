// Chapter 6's rules as pure functions: the player's build choices, the trained net (its report
// card is in reportCard.ts), the fight and the Demon's trick (FGSM
// noise against the player's net). The fight: the Demon holds up an unseen digit and the player
// calls whether Bit will read it; Bit's reading hits the Demon (a right call hits harder, a
// foreseen misread is dodged), but throws cannot take the Demon's last points: only the player's
// drawings (always all of them) finish it. Every number comes from the engine (through classify),
// every random pick from the attempt's seed.
import { createRng, fgsm, type DenseNetwork } from '../../engine';
import { classify } from './classify';
import { deriveSeed } from '../shared/seeds';
import { choicesFit, netFromWeights, trainBossNet, type BossChoices, type BossWeights } from './bossTraining';
import { bytesToInput, inkCount, isDrawingInput, SIDE } from './digitDrawing';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import { readingOf, reportOf, testInput, type HeldOutReading, type NetReport } from './reportCard';

/** The player's call before a throw: Bit will read the digit right, or misread it. */
export type Call = 'read' | 'miss';
export const CALLS: readonly Call[] = ['read', 'miss'];

export interface Throw {
  index: number;
  label: number;
  predicted: number;
  /** Bit read it right. */
  hit: boolean;
  call: Call;
  /** The call matched what Bit did. */
  called: boolean;
  /** Health the Demon lost (the floor kept) and the player lost. */
  demonLoss: number;
  playerLoss: number;
}

export interface Drawing {
  digit: number;
  pixels: number[];
  predicted: number;
  probabilities: number[];
  hit: boolean;
  /** Health the Demon lost. */
  demonLoss: number;
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
  /**
   * The worker's reading of the held-out digits with these weights, so the page does not read
   * 2,000 digits again the moment training ends; read here when absent (replays, tests) or when
   * it does not fit the digits.
   */
  workerReading?: HeldOutReading,
): DigitDemonState {
  const net = weights
    ? netFromWeights(level, seed, s.choices.hidden, weights)
    : trainBossNet(level, digits, seed, s.choices);
  const reading = readingOf(net, digits, weights ? workerReading : undefined);
  const report = reportOf(digits, reading);
  const predicted = reading.classes;
  // The trick's digits: a seeded order of held-out digits, keeping the ones this net reads right.
  const rng = createRng(deriveSeed(seed, 'demon-trick'));
  const order = Array.from({ length: digits.test.inputs.rows }, (_, i) => i);
  rng.shuffle(order);
  const trickDigits: number[] = [];
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

/** The fight's end: all throws made (or the player knocked down) and all drawings made. */
export function fightOver(level: DigitDemonLevel, s: DigitDemonState): boolean {
  return !drawingsLeft(level, s);
}

export function throwsLeft(level: DigitDemonLevel, s: DigitDemonState): boolean {
  return s.throws.length < level.fight.throws && s.playerHealth > 0;
}

/** The held-out digit the Demon holds up next, or null when the throws are over. */
export function nextThrow(level: DigitDemonLevel, s: DigitDemonState): number | null {
  return throwsLeft(level, s) ? s.throwOrder[s.throws.length] : null;
}

/**
 * The Demon throws the digit it holds up, after the player's call. Bit reads it right: the Demon
 * loses 1, plus the call bonus when the player called it, never below the throws' floor. Bit
 * misreads it: the player loses 1, unless they called the misread (a dodge).
 */
export function throwDigit(
  level: DigitDemonLevel,
  digits: BossDigits,
  s: DigitDemonState,
  call: Call,
): DigitDemonState {
  const index = nextThrow(level, s);
  if (!s.net || index === null || !CALLS.includes(call)) return s;
  const label = digits.data.test.labels[index];
  const predicted = classify(s.net, testInput(digits, index))[0];
  const hit = predicted === label;
  const called = (call === 'read') === hit;
  const floor = Math.min(level.fight.throwsFloor, s.demonHealth);
  const demonLoss = hit ? Math.min(1 + (called ? level.fight.callBonus : 0), s.demonHealth - floor) : 0;
  const playerLoss = !hit && !called ? Math.min(1, s.playerHealth) : 0;
  return {
    ...s,
    throws: [...s.throws, { index, label, predicted, hit, call, called, demonLoss, playerLoss }],
    demonHealth: s.demonHealth - demonLoss,
    playerHealth: s.playerHealth - playerLoss,
  };
}

/** Every player makes all the drawings, whatever happened in the throws. */
export function drawingsLeft(level: DigitDemonLevel, s: DigitDemonState): boolean {
  return s.drawings.length < level.fight.drawings;
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

/** The player's drawing attacks: read right, it deals the drawing damage; misread, it costs 1. */
export function submitDrawing(
  level: DigitDemonLevel,
  s: DigitDemonState,
  digit: number,
  pixels: number[],
): DigitDemonState {
  if (!s.net || !drawingsLeft(level, s) || !validDrawing(level, digit, pixels)) return s;
  const input = bytesToInput(pixels);
  const probabilities = Array.from(s.net.predict(input));
  const predicted = classify(s.net, input)[0];
  const hit = predicted === digit;
  const demonLoss = hit ? Math.min(level.fight.drawDamage, s.demonHealth) : 0;
  return {
    ...s,
    drawings: [...s.drawings, { digit, pixels: [...pixels], predicted, probabilities, hit, demonLoss }],
    demonHealth: s.demonHealth - demonLoss,
    playerHealth: hit ? s.playerHealth : Math.max(0, s.playerHealth - 1),
  };
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** FGSM against the player's net on one image, with the label the net should keep. */
export function trickOn(net: DenseNetwork, bytes: ArrayLike<number>, label: number, epsilon: number): TrickResult {
  const x = bytesToInput(bytes);
  const before = Array.from(net.predict(x));
  const adv = fgsm(net, x, Uint8Array.of(label), epsilon);
  const after = Array.from(net.predict(adv));
  const [readBefore, readAfter] = classify(net, concat(x, adv));
  const attacked = Array.from(adv, (v) => Math.round(v * 255));
  const original = Array.from(bytes);
  let maxChange = 0;
  for (let i = 0; i < x.length; i++) maxChange = Math.max(maxChange, Math.abs(adv[i] - x[i]));
  return {
    label,
    before: readBefore,
    after: readAfter,
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
  /** The stars earned: beaten (or read well enough), read very well, beaten with good calls. */
  starWon: boolean;
  starRead: boolean;
  starCalls: boolean;
  /** Held-out accuracy, 0..1, rounded to 4 decimals. */
  accuracy: number;
  won: boolean;
  hidden: number;
  rate: number;
  epochs: number;
  hits: number;
  misses: number;
  /** Throws whose call was right. */
  calls: number;
  drawingsRead: number;
  demonHealth: number;
  playerHealth: number;
}

/** The Demon is beaten when its health is gone once all the drawings are made. */
export function resultOf(level: DigitDemonLevel, s: DigitDemonState): DigitDemonResult {
  const acc = s.report ? Math.round(s.report.accuracy * 10000) / 10000 : 0;
  const won = s.demonHealth <= 0 && !drawingsLeft(level, s);
  const calls = s.throws.filter((t) => t.called).length;
  const starWon = won || acc >= level.stars.pass;
  const starRead = acc >= level.stars.two;
  const starCalls = won && calls >= level.stars.calls;
  const stars = Number(starWon) + Number(starRead) + Number(starCalls);
  const hits = s.throws.filter((t) => t.hit).length + s.drawings.filter((d) => d.hit).length;
  return {
    passed: stars > 0,
    stars,
    starWon,
    starRead,
    starCalls,
    accuracy: acc,
    won,
    hidden: s.choices.hidden,
    rate: s.choices.rate,
    epochs: s.choices.epochs,
    hits,
    misses: s.throws.length + s.drawings.length - hits,
    calls,
    drawingsRead: s.drawings.filter((d) => d.hit).length,
    demonHealth: s.demonHealth,
    playerHealth: s.playerHealth,
  };
}
