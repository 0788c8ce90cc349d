// Measuring a trained classifier: predicted class = argmax of the outputs; accuracy = share of
// samples whose prediction equals the label; the confusion matrix counts[t][p] = how many samples
// of true class t were predicted as p (its diagonal holds the correct ones).

import type { DenseNetwork } from './denseNetwork';
import { checkTargets, isLabels, type Targets } from './losses';
import type { SampleMatrix } from './matrix';
import type { Dataset } from './trainer';

/** Index of the largest of `units` values starting at `offset` (first one wins ties). */
export function argmax(values: ArrayLike<number>, offset: number, units: number): number {
  let best = 0;
  for (let j = 1; j < units; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

/**
 * Predicted class of every sample, computed in batches of `batchSize` to bound memory. The argmax
 * is taken over the logits when the output layer is a softmax (same order, so the same class,
 * without computing the exponentials).
 */
export function predictClasses(net: DenseNetwork, x: Float32Array | SampleMatrix, batchSize = 256): Int32Array {
  const rows = new Int32Array(batchSize);
  if (!(x instanceof Float32Array) && x.kind === 'bytes') {
    // Bytes: each batch is turned into its sparse form on its own, in the network's reused buffers.
    if (x.cols !== net.inputSize) throw new Error(`input: expected ${net.inputSize} columns, got ${x.cols}`);
    const out = new Int32Array(x.rows);
    for (let start = 0; start < x.rows; start += batchSize) {
      const count = Math.min(batchSize, x.rows - start);
      for (let s = 0; s < count; s++) rows[s] = start + s;
      net.classifyByteRows(x, rows, count, out, start);
    }
    return out;
  }
  const m = net.toInputMatrix(x);
  const out = new Int32Array(m.rows);
  for (let start = 0; start < m.rows; start += batchSize) {
    const count = Math.min(batchSize, m.rows - start);
    for (let s = 0; s < count; s++) rows[s] = start + s;
    net.classifyRows(m, rows, count, out, start);
  }
  return out;
}

/**
 * The classes (predictClasses) and the output layer's values (predict: probabilities for a
 * softmax layer) of every sample, for a caller that shows both: classes[r] is the argmax of the
 * logits, computed as predictClasses does, so every path that classifies gets the same answer.
 */
export function classifyWithProbabilities(
  net: DenseNetwork,
  x: Float32Array | SampleMatrix,
): { classes: Int32Array; probabilities: Float32Array } {
  return { classes: predictClasses(net, x), probabilities: net.predict(x) };
}

/** The true class of each row: the label itself, or the argmax of a one-hot row. */
export function trueClasses(targets: Targets, rows: number, units: number): Int32Array {
  checkTargets(targets, rows, units);
  if (isLabels(targets)) return Int32Array.from(targets.subarray(0, rows));
  return Int32Array.from({ length: rows }, (_, r) => argmax(targets, r * units, units));
}

export function confusionMatrix(net: DenseNetwork, data: Dataset): number[][] {
  const units = net.outputSize;
  const predicted = predictClasses(net, data.inputs);
  const truth = trueClasses(data.targets, data.inputs.rows, units);
  const counts = Array.from({ length: units }, () => new Array<number>(units).fill(0));
  for (let r = 0; r < truth.length; r++) counts[truth[r]][predicted[r]]++;
  return counts;
}

/** Fraction of samples classified correctly, in [0, 1]. */
export function accuracy(net: DenseNetwork, data: Dataset): number {
  const n = data.inputs.rows;
  if (n === 0) return 0;
  const counts = confusionMatrix(net, data);
  let correct = 0;
  for (let c = 0; c < counts.length; c++) correct += counts[c][c];
  return correct / n;
}
