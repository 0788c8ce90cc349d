// Losses: one number saying how wrong a batch of outputs is, and its gradient.
// Targets come either as a dense rows x units buffer (one-hot or any real values) or as one class
// label per row (an integer array), which stands for the one-hot row t_j = (j == label).
// The losses and their table are frozen (and typed readonly): they are shared by every trainer in
// the process, so a caller replacing a function would silently change all of them.

export type LossName = 'mse' | 'softmaxCrossEntropy';
export const LOSS_NAMES: readonly LossName[] = Object.freeze(['mse', 'softmaxCrossEntropy']);

/** Dense targets (Float32Array, rows x units) or class labels (one integer per row). */
export type Targets = Float32Array | Float64Array | Uint8Array | Int32Array;

type Buffer = Float32Array | Float64Array;

export interface Loss {
  readonly name: LossName;
  /** Mean loss over the first `rows` rows. */
  readonly value: (y: Buffer, targets: Targets, rows: number, units: number) => number;
  /**
   * Writes the gradient of the mean loss into `out`: with respect to the outputs y for MSE, and
   * with respect to the softmax's inputs z (the logits) for cross-entropy (see `fromLogits`).
   */
  readonly gradient: (y: Buffer, targets: Targets, rows: number, units: number, out: Buffer) => void;
  /** True when gradient() already went back through the output softmax (fused). */
  readonly fromLogits: boolean;
}

/** True when targets are class labels (one integer per row) rather than a dense buffer. */
export function isLabels(t: Targets): t is Uint8Array | Int32Array {
  return t instanceof Uint8Array || t instanceof Int32Array;
}

/** Checks the target shape and values; messages say what was expected. */
export function checkTargets(t: Targets, rows: number, units: number): void {
  if (isLabels(t)) {
    if (t.length < rows) throw new Error(`targets: expected ${rows} labels, got ${t.length}`);
    for (let r = 0; r < rows; r++) {
      if (t[r] < 0 || t[r] >= units)
        throw new Error(`targets: label ${t[r]} at row ${r} is not a class 0..${units - 1}`);
    }
    return;
  }
  if (t.length < rows * units) {
    throw new Error(`targets: expected ${rows} x ${units} = ${rows * units} values, got ${t.length}`);
  }
  for (let i = 0; i < rows * units; i++) {
    if (!Number.isFinite(t[i])) throw new Error(`targets: value ${t[i]} at row ${Math.floor(i / units)} is not finite`);
  }
}

// Mean squared error over all rows and units:
//   L = 1/(B U) * sum_b sum_j (y_bj - t_bj)^2,   dL/dy_bj = 2 (y_bj - t_bj) / (B U)
export const mse: Loss = Object.freeze<Loss>({
  name: 'mse',
  fromLogits: false,
  value(y, t, rows, units) {
    const labels = isLabels(t);
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < units; j++) {
        const target = labels ? (t[r] === j ? 1 : 0) : t[r * units + j];
        const d = y[r * units + j] - target;
        sum += d * d;
      }
    }
    return sum / (rows * units);
  },
  gradient(y, t, rows, units, out) {
    const labels = isLabels(t);
    const scale = 2 / (rows * units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < units; j++) {
        const target = labels ? (t[r] === j ? 1 : 0) : t[r * units + j];
        out[r * units + j] = scale * (y[r * units + j] - target);
      }
    }
  },
});

// Cross-entropy of softmax outputs p against targets t, averaged over the batch:
//   L = -1/B * sum_b sum_j t_bj log p_bj
// Fused gradient through the softmax (p = softmax(z)):
//   dL/dz_bk = 1/B * (p_bk * sum_j t_bj - t_bk), which is (p - t)/B for one-hot t.
// log p is clamped at p >= 1e-30 so a float32 underflow to 0 reads as a large finite loss.
const TINY = 1e-30;

export const softmaxCrossEntropy: Loss = Object.freeze<Loss>({
  name: 'softmaxCrossEntropy',
  fromLogits: true,
  value(p, t, rows, units) {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      if (isLabels(t)) {
        sum -= Math.log(Math.max(p[r * units + t[r]], TINY));
        continue;
      }
      for (let j = 0; j < units; j++) {
        const target = t[r * units + j];
        if (target !== 0) sum -= target * Math.log(Math.max(p[r * units + j], TINY));
      }
    }
    return sum / rows;
  },
  gradient(p, t, rows, units, out) {
    const inv = 1 / rows;
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      if (isLabels(t)) {
        for (let j = 0; j < units; j++) out[o + j] = inv * p[o + j];
        out[o + t[r]] -= inv;
        continue;
      }
      let total = 0;
      for (let j = 0; j < units; j++) total += t[o + j];
      for (let j = 0; j < units; j++) out[o + j] = inv * (p[o + j] * total - t[o + j]);
    }
  },
});

export const LOSSES: Readonly<Record<LossName, Loss>> = Object.freeze({ mse, softmaxCrossEntropy });

export function getLoss(name: LossName): Loss {
  const loss = (LOSSES as Readonly<Record<string, Loss | undefined>>)[name];
  if (!loss) throw new Error(`unknown loss "${String(name)}" (expected one of: ${LOSS_NAMES.join(', ')})`);
  return loss;
}
