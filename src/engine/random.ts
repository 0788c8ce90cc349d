// Seeded pseudo-random numbers. Every random choice in the engine goes through an Rng that the
// caller creates from a seed, so a replay with the same seed gives bit-identical results.
//
// Generator: sfc32 (Chris Doty-Humphrey's "Small Fast Counting" generator, from PractRand):
// 128 bits of state (a, b, c and a counter d), period at least 2^32, passes PractRand/BigCrush.
// Its four state words are filled from the 32-bit seed by splitmix32 (the first four outputs go
// to a, b, c and the counter d, in that order), so nearby seeds (1, 2, 3...) still start from
// unrelated states; a further 12 outputs are discarded to mix the state. (PractRand's own seeding
// is different: a = 0, b and c from a 64-bit seed, counter = 1, then 12 discarded outputs; the
// generator step itself is PractRand's, checked against it in random.test.ts.)
// All arithmetic is 32-bit integer (`| 0`, `>>> 0`, Math.imul), identical on every JS engine.

export interface Rng {
  /** Uniform in [0, 1), a multiple of 2^-32. */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in 0 .. n-1. */
  int(n: number): number;
  /** Gaussian with the given mean (default 0) and standard deviation (default 1). */
  normal(mean?: number, sd?: number): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(arr: T[]): T[];
  /** One element, each equally likely. */
  choice<T>(arr: readonly T[]): T;
}

const TWO_POW_32 = 4294967296;

/** splitmix32: a 32-bit mixer; each call advances the seed by the golden-ratio constant. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32 step: returns a uint32. */
function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0 | 0;
  let b = b0 | 0;
  let c = c0 | 0;
  let d = d0 | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

function requireFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * Creates a generator from an integer seed. Seeds are taken modulo 2^32, so -1 and 4294967295
 * are the same seed. A non-integer or non-finite seed throws.
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new Error(`createRng: seed must be an integer, got ${String(seed)}`);
  }
  const mix = splitmix32(seed);
  const nextU32 = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / TWO_POW_32;

  return {
    next,
    uniform(min: number, max: number): number {
      requireFinite(min, 'uniform: min');
      requireFinite(max, 'uniform: max');
      if (max < min) throw new Error(`uniform: max (${max}) is less than min (${min})`);
      return min + (max - min) * next();
    },
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new Error(`int: n must be an integer in 1..2^32, got ${String(n)}`);
      }
      // floor(u * n) with u a multiple of 2^-32: bias at most n / 2^32, invisible at game sizes.
      return Math.floor(next() * n);
    },
    normal(mean = 0, sd = 1): number {
      requireFinite(mean, 'normal: mean');
      requireFinite(sd, 'normal: sd');
      if (sd < 0) throw new Error(`normal: sd must be >= 0, got ${sd}`);
      // Box-Muller: for U1 in (0,1], U2 in [0,1),
      // Z = sqrt(-2 ln U1) cos(2 pi U2) is standard normal. (1 - next() avoids ln 0.)
      const u1 = 1 - next();
      const u2 = next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return mean + sd * z;
    },
    shuffle<T>(arr: T[]): T[] {
      if (!Array.isArray(arr)) throw new Error('shuffle: argument must be an array');
      // Fisher-Yates: swap position i with a uniform position in 0..i, from the end down.
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = arr[i];
        arr[i] = arr[j];
        arr[j] = tmp;
      }
      return arr;
    },
    choice<T>(arr: readonly T[]): T {
      if (!Array.isArray(arr)) throw new Error('choice: argument must be an array');
      if (arr.length === 0) throw new Error('choice: array is empty');
      return arr[Math.floor(next() * arr.length)];
    },
  };
}
