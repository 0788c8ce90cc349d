// The numbers chapter 6's panels draw, beyond the model's own: digit images as plain arrays of 784
// grey levels, the seeded sample digits the training reports on, the learning curves in unit
// coordinates, and the trick's noise made visible. Each is computed once for the data it comes
// from (memoized by identity), so a snapshot never rebuilds a 28 x 28 image it already has.
import { sampleDigitIndices, type TrainProgress } from './bossTraining';
import { SIDE } from './digitDrawing';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import type { TrickResult } from './digitDemonModel';

const SIZE = SIDE * SIDE;
const images = new WeakMap<Uint8Array, Map<number, number[]>>();

/** Image `index` of a set of digits (test or train pixels), as 784 bytes. */
export function digitImage(pixels: Uint8Array, index: number): number[] {
  let byIndex = images.get(pixels);
  if (!byIndex) {
    byIndex = new Map();
    images.set(pixels, byIndex);
  }
  let image = byIndex.get(index);
  if (!image) {
    image = Array.from(pixels.subarray(index * SIZE, (index + 1) * SIZE));
    byIndex.set(index, image);
  }
  return image;
}

export interface SampleDigit {
  bytes: number[];
  label: number;
}

const samples = new WeakMap<BossDigits, Map<string, SampleDigit[]>>();

/** The held-out digits the training reports its answers for: the same seeded pick as the trainer. */
export function sampleDigits(level: DigitDemonLevel, digits: BossDigits, seed: number): SampleDigit[] {
  let bySeed = samples.get(digits);
  if (!bySeed) {
    bySeed = new Map();
    samples.set(digits, bySeed);
  }
  const key = `${level.version}:${level.training.sampleDigits}:${seed}`;
  let picked = bySeed.get(key);
  if (!picked) {
    const test = digits.data.test;
    picked = sampleDigitIndices(level, seed, digits.test.inputs.rows).map((i) => ({
      bytes: digitImage(test.pixels, i),
      label: test.labels[i],
    }));
    bySeed.set(key, picked);
  }
  return picked;
}

/** The first training digits, shown in the intro. */
export function introDigits(digits: BossDigits, count = 18): SampleDigit[] {
  const train = digits.data.train;
  return Array.from({ length: count }, (_, i) => ({ bytes: digitImage(train.pixels, i), label: train.labels[i] }));
}

export interface Curves {
  /** Points [x, y] in 0..1: x the share of training done, y the height in the chart. */
  loss: [number, number][];
  train: [number, number][];
  test: [number, number][];
}

const curvesOf = new WeakMap<readonly TrainProgress[], Curves>();

/** The learning curves: loss scaled to its largest value (at least 0.5), accuracies as they are. */
export function learningCurves(progress: readonly TrainProgress[]): Curves {
  let c = curvesOf.get(progress);
  if (!c) {
    const maxLoss = Math.max(0.5, ...progress.map((p) => p.loss));
    c =
      progress.length < 2
        ? { loss: [], train: [], test: [] }
        : {
            // The first report comes before any batch, with no loss yet.
            loss: progress.slice(1).map((p) => [p.fraction, Math.min(1, p.loss / maxLoss)]),
            train: progress.map((p) => [p.fraction, p.trainAccuracy]),
            test: progress.map((p) => [p.fraction, p.testAccuracy]),
          };
    curvesOf.set(progress, c);
  }
  return c;
}

const noiseOf = new WeakMap<TrickResult, number[]>();

/** The Demon's noise, ten times stronger so it can be seen (clamped to a byte's range). */
export function visibleNoise(r: TrickResult): number[] {
  let n = noiseOf.get(r);
  if (!n) {
    n = r.noise.map((v) => Math.max(-255, Math.min(255, v * 10)));
    noiseOf.set(r, n);
  }
  return n;
}
