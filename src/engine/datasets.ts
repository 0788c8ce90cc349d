// Chapter 4's toy planes: 2-D points with 0/1 labels, drawn from an injected seeded generator.
// `noise` is the standard deviation of Gaussian jitter added to each coordinate, in data units
// (shapes span roughly -1..1; XOR's corners are 0/1). Classes are balanced: count/2 each
// (class 0 gets the extra point when count is odd). Points are shuffled so any prefix mixes both.
//
//   xor    : corners (0,0) (1,1) -> 0, (0,1) (1,0) -> 1, repeated count/4 times
//   circle : label 1 inside radius 0.5, label 0 on the ring 0.7..1 (area-uniform radius)
//   moons  : two interleaved half circles (scikit-learn's make_moons), centred on the origin
//   spiral : two arms r = s, angle = 3.5 pi s (+ pi for the second arm), s in [0, 1)

import type { Rng } from './random';

export const DATASET_NAMES = Object.freeze(['xor', 'circle', 'moons', 'spiral'] as const);
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface PointSet {
  name: DatasetName;
  /** x[i] = [x, y] of point i. */
  x: number[][];
  /** y[i] in {0, 1}. */
  y: number[];
}

export interface PointSetOptions {
  rng: Rng;
  /** Number of points (xor: a multiple of 4, default 4; others default 200). */
  count?: number;
  /** Gaussian jitter sd per coordinate (default 0). */
  noise?: number;
}

type Generator = (i: number, label: 0 | 1, rng: Rng) => [number, number];

const XOR_CORNERS: [number, number][][] = [
  [
    [0, 0],
    [1, 1],
  ],
  [
    [0, 1],
    [1, 0],
  ],
];

const GENERATORS: Record<Exclude<DatasetName, 'xor'>, Generator> = {
  circle: (_i, label, rng) => {
    // r = sqrt(u) spreads points evenly over the area; the gap 0.5..0.7 keeps classes apart.
    const r = label === 1 ? 0.5 * Math.sqrt(rng.next()) : Math.sqrt(0.49 + 0.51 * rng.next());
    const angle = rng.uniform(0, 2 * Math.PI);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  moons: (_i, label, rng) => {
    const t = rng.uniform(0, Math.PI);
    // make_moons: upper (cos t, sin t); lower (1 - cos t, 0.5 - sin t); then shift by (-0.5, -0.25).
    return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
  },
  spiral: (_i, label, rng) => {
    const s = rng.next();
    const angle = 3.5 * Math.PI * s + (label === 1 ? Math.PI : 0);
    return [s * Math.sin(angle), s * Math.cos(angle)];
  },
};

/** Builds one of the named point sets. Same rng state, same options => identical points. */
export function makePointSet(name: DatasetName, options: PointSetOptions): PointSet {
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown dataset "${String(name)}"; expected one of ${DATASET_NAMES.join(', ')}`);
  }
  const { rng } = options;
  if (typeof rng !== 'object' || rng === null || typeof rng.next !== 'function') {
    throw new Error('dataset options need an rng (createRng(seed))');
  }
  const noise = options.noise ?? 0;
  if (typeof noise !== 'number' || !Number.isFinite(noise) || noise < 0) {
    throw new Error(`dataset noise must be a finite number >= 0, got ${String(noise)}`);
  }
  const count = options.count ?? (name === 'xor' ? 4 : 200);
  if (!Number.isInteger(count) || count < 2)
    throw new Error(`dataset count must be an integer >= 2, got ${String(count)}`);
  if (name === 'xor' && count % 4 !== 0) throw new Error(`xor dataset count must be a multiple of 4, got ${count}`);

  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < count; i++) {
    const label: 0 | 1 = i < Math.ceil(count / 2) ? 0 : 1;
    const base: [number, number] = name === 'xor' ? [...XOR_CORNERS[label][i % 2]] : GENERATORS[name](i, label, rng);
    const jitter = noise > 0 ? [rng.normal(0, noise), rng.normal(0, noise)] : [0, 0];
    x.push([base[0] + jitter[0], base[1] + jitter[1]]);
    y.push(label);
  }
  // Shuffle the points and labels together by one permutation.
  const order = rng.shuffle(x.map((_, i) => i));
  return { name, x: order.map((i) => x[i]), y: order.map((i) => y[i]) };
}

export interface FlatPointSet {
  /** Row-major rows x cols inputs. */
  inputs: Float32Array;
  rows: number;
  cols: number;
  labels: Uint8Array;
}

/** Flat typed-array form for the dense-network trainer. */
export function toFlat(set: PointSet): FlatPointSet {
  const rows = set.x.length;
  const cols = 2;
  const inputs = new Float32Array(rows * cols);
  set.x.forEach((p, i) => {
    if (p.length !== cols) throw new Error(`point ${i} has ${p.length} coordinates, expected ${cols}`);
    inputs[i * cols] = p[0];
    inputs[i * cols + 1] = p[1];
  });
  return { inputs, rows, cols, labels: Uint8Array.from(set.y) };
}

/** Splits a set into train and test parts (testFraction of points, rounded, go to test). */
export function splitPointSet(set: PointSet, testFraction: number, rng: Rng): { train: PointSet; test: PointSet } {
  if (!(testFraction >= 0 && testFraction <= 1)) throw new Error(`testFraction must be in [0, 1], got ${testFraction}`);
  const order = rng.shuffle(set.x.map((_, i) => i));
  const nTest = Math.round(set.x.length * testFraction);
  const pick = (idx: number[]): PointSet => ({
    name: set.name,
    x: idx.map((i) => [...set.x[i]]),
    y: idx.map((i) => set.y[i]),
  });
  return { test: pick(order.slice(0, nTest)), train: pick(order.slice(nTest)) };
}
