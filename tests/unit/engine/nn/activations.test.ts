import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  NoGradientError,
  activateRows,
  activationBackwardRows,
  softmaxBackwardRows,
  softmaxRows,
} from '../../../../src/engine/nn';

// Points away from the kinks of relu/step (at 0), where a derivative is undefined.
const POINTS = [-3, -1.2, -0.4, 0.3, 0.9, 2.5];
const H = 1e-5;

describe('activation {output, derivative} pairs (float64 central differences)', () => {
  for (const name of ['sigmoid', 'tanh', 'relu', 'linear'] as const) {
    it(`${name}: derivative matches (f(z+h) - f(z-h)) / 2h`, () => {
      const f = ACTIVATIONS[name];
      for (const z of POINTS) {
        const numeric = (f.output(z + H) - f.output(z - H)) / (2 * H);
        expect(f.derivative(z, f.output(z))).toBeCloseTo(numeric, 8);
      }
    });
  }

  it('hand-derived values', () => {
    // sigmoid(0) = 1/2, slope 1/2 * (1 - 1/2) = 1/4; tanh(0) = 0, slope 1 - 0 = 1
    expect(ACTIVATIONS.sigmoid.output(0)).toBe(0.5);
    expect(ACTIVATIONS.sigmoid.derivative(0, 0.5)).toBe(0.25);
    expect(ACTIVATIONS.tanh.derivative(0, 0)).toBe(1);
    // relu picks slope 0 at the kink
    expect(ACTIVATIONS.relu.derivative(0, 0)).toBe(0);
    expect(ACTIVATIONS.step.output(0.001)).toBe(1);
    expect(ACTIVATIONS.step.output(0)).toBe(0);
  });

  it('step has no gradient and says so', () => {
    expect(() => ACTIVATIONS.step.derivative(1, 1)).toThrow(NoGradientError);
    expect(() => ACTIVATIONS.step.derivative(1, 1)).toThrow(/no gradient/);
  });

  it('row helpers agree with the scalar pairs', () => {
    const z = new Float64Array([-2, -0.5, 0.5, 2]);
    const y = new Float64Array(4);
    const dY = new Float64Array([1, -2, 3, 0.5]);
    const dZ = new Float64Array(4);
    activateRows('tanh', z, y, 2, 2);
    activationBackwardRows('tanh', z, y, dY, dZ, 2, 2);
    for (let i = 0; i < 4; i++) {
      expect(y[i]).toBe(Math.tanh(z[i]));
      expect(dZ[i]).toBeCloseTo(dY[i] * (1 - Math.tanh(z[i]) ** 2), 12);
    }
  });
});

describe('softmax', () => {
  it('rows sum to 1 and large logits do not overflow', () => {
    const z = new Float64Array([1, 2, 3, 1000, 1001, 1002]);
    const y = new Float64Array(6);
    softmaxRows(z, y, 2, 3);
    expect(y[0] + y[1] + y[2]).toBeCloseTo(1, 12);
    // Both rows are the same up to a shift, and softmax ignores shifts.
    for (let j = 0; j < 3; j++) expect(y[3 + j]).toBeCloseTo(y[j], 12);
    // e^1 / (e^1 + e^2 + e^3) = 1 / (1 + e + e^2)
    expect(y[0]).toBeCloseTo(1 / (1 + Math.E + Math.E ** 2), 12);
  });

  it('backward is the Jacobian-vector product, checked by central differences', () => {
    const z = new Float64Array([0.3, -1.1, 2.0, 0.4]);
    const g = new Float64Array([0.7, -0.2, 1.5, -1.0]);
    const y = new Float64Array(4);
    softmaxRows(z, y, 1, 4);
    const dZ = new Float64Array(4);
    softmaxBackwardRows(y, g, dZ, 1, 4);
    // L(z) = g . softmax(z): dL/dz_k by central differences.
    const L = (zz: Float64Array): number => {
      const yy = new Float64Array(4);
      softmaxRows(zz, yy, 1, 4);
      return yy.reduce((s, v, i) => s + v * g[i], 0);
    };
    for (let k = 0; k < 4; k++) {
      const up = z.slice();
      const down = z.slice();
      up[k] += H;
      down[k] -= H;
      expect(dZ[k]).toBeCloseTo((L(up) - L(down)) / (2 * H), 8);
    }
  });
});
