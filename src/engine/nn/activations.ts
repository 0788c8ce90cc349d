// Activation functions, each an {output, derivative} pair (the tensorflow/playground habit).
// derivative(z, y) receives both the pre-activation z and the output y = f(z), because some
// slopes are cheapest from y (sigmoid: y(1-y), tanh: 1-y^2).
// Softmax couples a whole row, so it has row-wise helpers below instead of a scalar pair.
// The tables are frozen (and typed readonly): every network in the process shares them, so a
// caller replacing a function would silently change all of them.

export type ActivationName = 'step' | 'sigmoid' | 'tanh' | 'relu' | 'linear' | 'softmax';
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze([
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'linear',
  'softmax',
]);

export interface Activation {
  readonly name: Exclude<ActivationName, 'softmax'>;
  readonly output: (z: number) => number;
  readonly derivative: (z: number, y: number) => number;
}

export class NoGradientError extends Error {}

const activation = (a: Activation): Activation => Object.freeze(a);

export const ACTIVATIONS: Readonly<Record<Exclude<ActivationName, 'softmax'>, Activation>> = Object.freeze({
  // step(z) = 1 if z > 0 else 0. Its slope is 0 everywhere except an infinite jump at 0, which
  // gives gradient descent nothing to follow: a step network must have its weights set by hand.
  step: activation({
    name: 'step',
    output: (z) => (z > 0 ? 1 : 0),
    derivative: () => {
      throw new NoGradientError(
        'step activation has no gradient (flat everywhere, a jump at 0): a network with a step layer ' +
          'cannot be trained by backpropagation; set its weights by hand or use sigmoid instead',
      );
    },
  }),
  // sigmoid(z) = 1 / (1 + e^-z);  d/dz = sigmoid(z) (1 - sigmoid(z)) = y (1 - y)
  sigmoid: activation({
    name: 'sigmoid',
    output: (z) => 1 / (1 + Math.exp(-z)),
    derivative: (_z, y) => y * (1 - y),
  }),
  // tanh(z) = (e^z - e^-z) / (e^z + e^-z);  d/dz = 1 - tanh(z)^2 = 1 - y^2
  tanh: activation({
    name: 'tanh',
    output: (z) => Math.tanh(z),
    derivative: (_z, y) => 1 - y * y,
  }),
  // relu(z) = max(0, z);  d/dz = 1 if z > 0 else 0 (we pick 0 at the kink z = 0)
  relu: activation({
    name: 'relu',
    output: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
  }),
  // linear(z) = z;  d/dz = 1
  linear: activation({
    name: 'linear',
    output: (z) => z,
    derivative: () => 1,
  }),
});

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(name);
}

type Buffer = Float32Array | Float64Array;

/**
 * softmax over each row of `units` values: y_i = e^(z_i - m) / sum_j e^(z_j - m), with m the
 * row maximum (subtracting m changes nothing mathematically and keeps e^x from overflowing).
 */
export function softmaxRows(z: Buffer, y: Buffer, rows: number, units: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    let m = z[o];
    for (let j = 1; j < units; j++) if (z[o + j] > m) m = z[o + j];
    let sum = 0;
    for (let j = 0; j < units; j++) {
      const e = Math.exp(z[o + j] - m);
      y[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < units; j++) y[o + j] *= inv;
  }
}

/**
 * Back through softmax: its Jacobian is dy_i/dz_k = y_i (delta_ik - y_k), so for an upstream
 * gradient g = dL/dy:  dL/dz_k = sum_i g_i y_i (delta_ik - y_k) = y_k (g_k - sum_i g_i y_i).
 */
export function softmaxBackwardRows(y: Buffer, dY: Buffer, dZ: Buffer, rows: number, units: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    let dot = 0;
    for (let j = 0; j < units; j++) dot += dY[o + j] * y[o + j];
    for (let j = 0; j < units; j++) dZ[o + j] = y[o + j] * (dY[o + j] - dot);
  }
}

/** y = f(z) for the first `rows` rows. ReLU and linear get their own loops: they are the hot ones. */
export function activateRows(name: ActivationName, z: Buffer, y: Buffer, rows: number, units: number): void {
  const n = rows * units;
  if (name === 'softmax') {
    softmaxRows(z, y, rows, units);
    return;
  }
  if (name === 'relu') {
    for (let i = 0; i < n; i++) y[i] = z[i] > 0 ? z[i] : 0;
    return;
  }
  if (name === 'linear') {
    for (let i = 0; i < n; i++) y[i] = z[i];
    return;
  }
  const f = ACTIVATIONS[name];
  for (let i = 0; i < n; i++) y[i] = f.output(z[i]);
}

/** dL/dz = dL/dy * f'(z), row by row (chain rule through an elementwise function). */
export function activationBackwardRows(
  name: ActivationName,
  z: Buffer,
  y: Buffer,
  dY: Buffer,
  dZ: Buffer,
  rows: number,
  units: number,
): void {
  const n = rows * units;
  if (name === 'softmax') {
    softmaxBackwardRows(y, dY, dZ, rows, units);
    return;
  }
  if (name === 'relu') {
    for (let i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dY[i] : 0;
    return;
  }
  if (name === 'linear') {
    for (let i = 0; i < n; i++) dZ[i] = dY[i];
    return;
  }
  const f = ACTIVATIONS[name];
  for (let i = 0; i < n; i++) dZ[i] = dY[i] * f.derivative(z[i], y[i]);
}
