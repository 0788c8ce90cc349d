import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, makePointSet, splitPointSet, toFlat, type DatasetName } from '../../../src/engine/datasets';
import { createRng } from '../../../src/engine/random';

describe('point datasets', () => {
  it('xor is the four corners with the XOR table', () => {
    const set = makePointSet('xor', { rng: createRng(1) });
    const table = set.x.map((p, i) => `${p[0]}${p[1]}:${set.y[i]}`).sort();
    expect(table).toEqual(['00:0', '01:1', '10:1', '11:0']);
  });

  it('same seed gives identical points; different seeds differ', () => {
    for (const name of DATASET_NAMES) {
      const a = makePointSet(name, { rng: createRng(7), count: 100, noise: 0.1 });
      const b = makePointSet(name, { rng: createRng(7), count: 100, noise: 0.1 });
      const c = makePointSet(name, { rng: createRng(8), count: 100, noise: 0.1 });
      expect(a).toEqual(b);
      expect(a.x).not.toEqual(c.x);
    }
  });

  it('shapes and label balance', () => {
    for (const name of DATASET_NAMES) {
      const count = name === 'xor' ? 40 : 101;
      const set = makePointSet(name, { rng: createRng(3), count, noise: 0.05 });
      expect(set.x).toHaveLength(count);
      expect(set.y).toHaveLength(count);
      for (const p of set.x) {
        expect(p).toHaveLength(2);
        expect(p.every(Number.isFinite)).toBe(true);
      }
      const ones = set.y.filter((v) => v === 1).length;
      expect(ones).toBe(Math.floor(count / 2));
      expect(set.y.every((v) => v === 0 || v === 1)).toBe(true);
      // shuffled: the first quarter already mixes both classes
      expect(new Set(set.y.slice(0, Math.ceil(count / 4)))).toEqual(new Set([0, 1]));
    }
  });

  it('noise-free shapes obey their definitions', () => {
    const circle = makePointSet('circle', { rng: createRng(4), count: 400 });
    circle.x.forEach(([a, b], i) => {
      const r = Math.hypot(a, b);
      if (circle.y[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r >= 0.7 - 1e-12 && r <= 1).toBe(true);
    });
    const moons = makePointSet('moons', { rng: createRng(4), count: 400 });
    moons.x.forEach(([a, b], i) => {
      // upper moon: on the unit circle centred (-0.5, -0.25); lower: centred (0.5, 0.25)
      const centre = moons.y[i] === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      expect(Math.hypot(a - centre[0], b - centre[1])).toBeCloseTo(1, 12);
    });
    const spiral = makePointSet('spiral', { rng: createRng(4), count: 400 });
    for (const p of spiral.x) expect(Math.hypot(p[0], p[1])).toBeLessThan(1);
  });

  it('noise moves points by about the requested sd', () => {
    const clean = makePointSet('xor', { rng: createRng(5), count: 4000 });
    const noisy = makePointSet('xor', { rng: createRng(5), count: 4000, noise: 0.2 });
    expect(clean.x.every((p) => p.every((v) => v === 0 || v === 1))).toBe(true);
    // distance of each noisy point to the nearest corner of its own class
    const dx = noisy.x.map(([a, _b]) => a - Math.round(Math.min(1, Math.max(0, a))));
    const sd = Math.sqrt(dx.reduce((s, v) => s + v * v, 0) / dx.length);
    expect(sd).toBeGreaterThan(0.15);
    expect(sd).toBeLessThan(0.22);
  });

  it('flat form and train/test split', () => {
    const set = makePointSet('moons', { rng: createRng(6), count: 50, noise: 0.1 });
    const flat = toFlat(set);
    expect(flat.rows).toBe(50);
    expect(flat.cols).toBe(2);
    expect(flat.inputs).toHaveLength(100);
    expect(flat.inputs[2 * 7 + 1]).toBeCloseTo(set.x[7][1], 6);
    expect(Array.from(flat.labels)).toEqual(set.y);
    const { train, test } = splitPointSet(set, 0.2, createRng(1));
    expect(test.x).toHaveLength(10);
    expect(train.x).toHaveLength(40);
    const all = [...train.x, ...test.x].map((p) => p.join()).sort();
    expect(all).toEqual(set.x.map((p) => p.join()).sort());
  });

  it('bad input throws a message naming the problem', () => {
    const rng = createRng(1);
    expect(() => makePointSet('squares' as DatasetName, { rng })).toThrow(/unknown dataset "squares"/);
    expect(() => makePointSet('circle', { rng, noise: -1 })).toThrow(/noise/);
    expect(() => makePointSet('circle', { rng, noise: Number.NaN })).toThrow(/noise/);
    expect(() => makePointSet('circle', { rng, count: 1 })).toThrow(/count/);
    expect(() => makePointSet('xor', { rng, count: 6 })).toThrow(/multiple of 4/);
    expect(() => splitPointSet(makePointSet('xor', { rng }), 2, rng)).toThrow(/testFraction/);
  });
});
