import { describe, expect, it } from 'vitest';
import { getLoss, mse, softmaxCrossEntropy, softmaxRows } from '../../../../src/engine/nn';

const H = 1e-6;

/** Central differences of f with respect to each entry of v (float64). */
function numeric(v: Float64Array, f: (v: Float64Array) => number): Float64Array {
  return v.map((_, i) => {
    const up = v.slice();
    const down = v.slice();
    up[i] += H;
    down[i] -= H;
    return (f(up) - f(down)) / (2 * H);
  });
}

describe('MSE', () => {
  it('value and gradient, hand-derived', () => {
    // y = [1, 3], t = [0, 1]: L = ((1-0)^2 + (3-1)^2) / 2 = 2.5; dL/dy = 2 (y - t) / 2 = [1, 2]
    const y = new Float64Array([1, 3]);
    const t = new Float64Array([0, 1]);
    expect(mse.value(y, t, 1, 2)).toBe(2.5);
    const g = new Float64Array(2);
    mse.gradient(y, t, 1, 2, g);
    expect(Array.from(g)).toEqual([1, 2]);
  });

  it('gradient matches central differences over a batch', () => {
    const y = new Float64Array([0.2, -0.4, 1.3, 0.8, 0.1, -1]);
    const t = new Float64Array([0, 1, 0, 1, 0, 0]);
    const g = new Float64Array(6);
    mse.gradient(y, t, 2, 3, g);
    const n = numeric(y, (v) => mse.value(v, t, 2, 3));
    g.forEach((v, i) => expect(v).toBeCloseTo(n[i], 8));
  });

  it('labels mean one-hot rows', () => {
    const y = new Float64Array([0.2, 0.7, 0.1, 0.5, 0.25, 0.25]);
    const oneHot = new Float64Array([0, 1, 0, 1, 0, 0]);
    expect(mse.value(y, new Uint8Array([1, 0]), 2, 3)).toBe(mse.value(y, oneHot, 2, 3));
  });
});

describe('softmax cross-entropy (fused)', () => {
  const z = new Float64Array([0.5, -1, 2, 0.1, 0.3, -0.7]);
  const lossOfLogits = (t: Float64Array | Uint8Array) => (zz: Float64Array) => {
    const p = new Float64Array(zz.length);
    softmaxRows(zz, p, 2, 3);
    return softmaxCrossEntropy.value(p, t, 2, 3);
  };

  it('gradient with respect to the logits is (p - t)/B, by central differences', () => {
    const t = new Float64Array([0, 0, 1, 1, 0, 0]);
    const p = new Float64Array(6);
    softmaxRows(z, p, 2, 3);
    const g = new Float64Array(6);
    softmaxCrossEntropy.gradient(p, t, 2, 3, g);
    const n = numeric(z, lossOfLogits(t));
    g.forEach((v, i) => {
      expect(v).toBeCloseTo(n[i], 7);
      expect(v).toBeCloseTo((p[i] - t[i]) / 2, 12);
    });
  });

  it('labels give the same value and gradient as one-hot rows', () => {
    const p = new Float64Array(6);
    softmaxRows(z, p, 2, 3);
    const oneHot = new Float64Array([0, 0, 1, 1, 0, 0]);
    const labels = new Uint8Array([2, 0]);
    expect(softmaxCrossEntropy.value(p, labels, 2, 3)).toBeCloseTo(softmaxCrossEntropy.value(p, oneHot, 2, 3), 12);
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    softmaxCrossEntropy.gradient(p, labels, 2, 3, a);
    softmaxCrossEntropy.gradient(p, oneHot, 2, 3, b);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));
  });

  it('soft targets (not summing to 1) still get the exact gradient', () => {
    const t = new Float64Array([0.2, 0.3, 0.1, 0, 0.5, 0.9]);
    const p = new Float64Array(6);
    softmaxRows(z, p, 2, 3);
    const g = new Float64Array(6);
    softmaxCrossEntropy.gradient(p, t, 2, 3, g);
    const n = numeric(z, lossOfLogits(t));
    g.forEach((v, i) => expect(v).toBeCloseTo(n[i], 7));
  });

  it('hand-derived: uniform prediction over 4 classes costs ln 4', () => {
    const p = new Float64Array([0.25, 0.25, 0.25, 0.25]);
    expect(softmaxCrossEntropy.value(p, new Uint8Array([3]), 1, 4)).toBeCloseTo(Math.log(4), 12);
  });

  it('bad targets and names are rejected', () => {
    expect(() => getLoss('hinge' as never)).toThrow(/unknown loss "hinge"/);
  });
});
