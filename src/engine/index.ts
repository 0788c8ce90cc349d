// Black Box Dog's learning engine: the one public entry. Pure TypeScript, no DOM, no Phaser,
// no XState, no Howler. Everything random takes an injected seeded generator.
export * from './nn/index';
export * from './random';
export * from './policy';
export * from './conditions';
export * from './rules';
export * from './perceptron';
export * from './thresholdNetwork';
export * from './autograd';
export * from './gradientCheck';
export * from './polynomial';
export * from './datasets';
export * from './descent';
export * from './nn/binaryClassifier';
export * from './boundary';
export * from './polyFit';
export * from './twoValleys';
