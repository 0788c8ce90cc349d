// Dense neural networks on flat Float32Array buffers: build from a shape spec, train one batch at
// a time, evaluate, attack (FGSM), save and load. Re-exported by ../index.ts.
export {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  NoGradientError,
  activateRows,
  activationBackwardRows,
  isActivationName,
  softmaxBackwardRows,
  softmaxRows,
  type Activation,
  type ActivationName,
} from './activations';
export { DenseLayer, type Param } from './denseLayer';
export { DenseNetwork, createNetwork, type NetworkOptions } from './denseNetwork';
export {
  argmax,
  accuracy,
  classifyWithProbabilities,
  confusionMatrix,
  predictClasses,
  trueClasses,
} from './evaluate';
export { fgsm } from './adversarial';
export { INIT_NAMES, type InitName } from './init';
export {
  LOSSES,
  LOSS_NAMES,
  checkTargets,
  getLoss,
  isLabels,
  mse,
  softmaxCrossEntropy,
  type Loss,
  type LossName,
  type Targets,
} from './losses';
export { bytesMatrix, bytesToCsr, type BytesMatrix } from './bytesMatrix';
export {
  csrToDense,
  denseMatrix,
  toCsr,
  type CsrMatrix,
  type DenseMatrix,
  type InputMatrix,
  type SampleMatrix,
} from './matrix';
export { createOptimizer, type Optimizer, type OptimizerSpec } from './optimizers';
export {
  NETWORK_FORMAT,
  NETWORK_FORMAT_VERSION,
  networkToJSON,
  type LayerJSON,
  type NetworkJSON,
} from './networkJson';
export { networkFromJSON } from './serialize';
export { parseSpec, type LayerSpec, type NetworkSpec } from './spec';
export {
  Trainer,
  createTrainer,
  type Dataset,
  type EpochData,
  type EpochOptions,
  type TrainerOptions,
} from './trainer';
