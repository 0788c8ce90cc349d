// Chapter 6's report card of a trained net on the 2,000 held-out digits: its accuracy, the
// confusion matrix, its most frequent mix-up and the mistakes it is surest of. The worker reads
// the digits after a training and hands its reading over (see bossWorkerProtocol.ts); a replay
// reads them here. Both go through readHeldOut, so both make the same card.
import type { DenseNetwork } from '../../engine';
import { classify } from './classify';
import { bytesToInput, SIDE } from './digitDrawing';
import type { BossDigits } from './digits';

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

/** Held-out digit `index` as the net's input. */
export function testInput(digits: BossDigits, index: number): Float32Array {
  const size = SIDE * SIDE;
  return bytesToInput(digits.data.test.pixels.subarray(index * size, (index + 1) * size));
}

/** How many of the most confident mistakes a report card shows. */
const WORST = 6;

/** What a net reads on the held-out digits: a class for each, and its most confident mistakes. */
export interface HeldOutReading {
  classes: Int32Array;
  /** At most 6, most confident first (ties by index). */
  worst: Mistake[];
}

/** Reads every held-out digit with `net` (the worker does this for the page after a training). */
export function readHeldOut(net: DenseNetwork, digits: BossDigits): HeldOutReading {
  const classes = classify(net, digits.test.inputs);
  return { classes, worst: worstMistakes(net, digits, classes) };
}

function worstMistakes(net: DenseNetwork, digits: BossDigits, predicted: ArrayLike<number>): Mistake[] {
  const test = digits.test;
  const wrong: number[] = [];
  for (let i = 0; i < predicted.length; i++) if (predicted[i] !== test.targets[i]) wrong.push(i);
  if (wrong.length === 0) return [];
  const size = SIDE * SIDE;
  const batch = new Float32Array(wrong.length * size);
  wrong.forEach((i, k) => batch.set(testInput(digits, i), k * size));
  const probs = net.predict(batch);
  const mistakes = wrong.map((i, k) => ({
    index: i,
    label: test.targets[i],
    predicted: predicted[i],
    confidence: probs[k * 10 + predicted[i]],
  }));
  // Most confident first; ties by index, so the order never depends on the sort's stability.
  mistakes.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return mistakes.slice(0, WORST);
}

/**
 * Whether a reading handed over (by the worker) has the shape of one for these digits: a class
 * for each, and as many mistakes as the classes have (at most 6), each one of them, in order.
 */
function readingFits(digits: BossDigits, r: HeldOutReading | undefined): r is HeldOutReading {
  const targets = digits.test.targets;
  if (!r || !(r.classes instanceof Int32Array) || r.classes.length !== digits.test.inputs.rows) return false;
  if (!Array.isArray(r.worst)) return false;
  let wrong = 0;
  for (let i = 0; i < r.classes.length; i++) if (r.classes[i] !== targets[i]) wrong++;
  if (r.worst.length !== Math.min(WORST, wrong)) return false;
  return r.worst.every(
    (m, k) =>
      Number.isInteger(m.index) &&
      m.index >= 0 &&
      m.index < r.classes.length &&
      m.label === targets[m.index] &&
      m.predicted === r.classes[m.index] &&
      m.predicted !== m.label &&
      m.confidence >= 0 &&
      m.confidence <= 1 &&
      (k === 0 || r.worst[k - 1].confidence >= m.confidence),
  );
}

/** `net`'s reading of the held-out digits: the one handed over when it fits them, else read here. */
export function readingOf(net: DenseNetwork, digits: BossDigits, handed?: HeldOutReading): HeldOutReading {
  return readingFits(digits, handed) ? handed : readHeldOut(net, digits);
}

/** The report card made from a net's reading of these held-out digits (see readingOf). */
export function reportOf(digits: BossDigits, reading: HeldOutReading): NetReport {
  const { classes: predicted, worst } = reading;
  const test = digits.test;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  let right = 0;
  for (let i = 0; i < predicted.length; i++) {
    confusion[test.targets[i]][predicted[i]]++;
    if (predicted[i] === test.targets[i]) right++;
  }
  const acc = predicted.length ? right / predicted.length : 0;
  let topMixUp: NetReport['topMixUp'] = null;
  for (let t = 0; t < 10; t++)
    for (let p = 0; p < 10; p++)
      if (t !== p && confusion[t][p] > 0 && (!topMixUp || confusion[t][p] > topMixUp.count))
        topMixUp = { label: t, predicted: p, count: confusion[t][p] };
  return { accuracy: acc, confusion, worst, topMixUp };
}
