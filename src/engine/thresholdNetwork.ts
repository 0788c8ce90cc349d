// Chapter 4: threshold neurons stacked in two layers (the "add a neuron" board). Each hidden
// neuron is a perceptron on the inputs and draws its own line; the output neuron is a perceptron
// on the hidden outputs (0/1), so it combines half-planes with AND / OR-like logic.
//
//   h_j = step(sum_i W_ji x_i > theta_j),   out = step(sum_j v_j h_j > theta_out)

import { predict, weightedSum, type Perceptron } from './perceptron';

export interface ThresholdNetwork {
  hidden: Perceptron[];
  output: Perceptron;
}

export interface ThresholdNetworkTrace {
  hiddenSums: number[];
  hidden: (0 | 1)[];
  outputSum: number;
  output: 0 | 1;
}

export function runThresholdNetwork(net: ThresholdNetwork, x: readonly number[]): ThresholdNetworkTrace {
  if (!Array.isArray(net.hidden) || net.hidden.length === 0) {
    throw new Error('threshold network needs at least one hidden neuron');
  }
  if (net.output.weights.length !== net.hidden.length) {
    throw new Error(
      `output neuron has ${net.output.weights.length} weights but there are ${net.hidden.length} hidden neurons`,
    );
  }
  const hiddenSums = net.hidden.map((h) => weightedSum(h, x));
  const hidden = net.hidden.map((h) => predict(h, x));
  return { hiddenSums, hidden, outputSum: weightedSum(net.output, hidden), output: predict(net.output, hidden) };
}

/**
 * The explainer's hand-built XOR: h1 fires for "x1 and not x2" (weights 1, -1, threshold 1/2),
 * h2 for "x2 and not x1" (weights -1, 1, threshold 1/2), the output fires when h1 + h2 > 0.
 */
export function handBuiltXor(): ThresholdNetwork {
  return {
    hidden: [
      { weights: [1, -1], threshold: 0.5 },
      { weights: [-1, 1], threshold: 0.5 },
    ],
    output: { weights: [1, 1], threshold: 0 },
  };
}
