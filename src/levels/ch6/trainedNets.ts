// Weights the page's training worker already computed, by training key (see bossTraining.ts).
// When the machine takes the recorded 'train.done' event it uses the weights found here, or
// trains in-process when there are none (a replay, `npm run verify`). Both are the same pure
// function of (level, seed, choices), so the result does not depend on which one ran.
import type { BossWeights } from './bossTraining';

const KEEP = 2;
const kept = new Map<string, BossWeights>();

export function keepTrained(key: string, weights: BossWeights): void {
  kept.delete(key);
  kept.set(key, weights);
  while (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
}

export function findTrained(key: string): BossWeights | undefined {
  return kept.get(key);
}
