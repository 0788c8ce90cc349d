// The chapter's result: the last challenge run's score and stars, with what the other parts
// ended at (the hand fit's loss, how far automatic descent got, the gear predictions).
import type { FoggyLevel } from './foggyLevel';
import { loss, type FoggyState } from './foggyModel';

export interface FoggyResult {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  steps: number;
  overshoots: number;
  score: number;
  runs: number;
  handLoss: number;
  autoSteps: number;
  gearTries: number;
}

export function resultOf(level: FoggyLevel, state: FoggyState): FoggyResult {
  const run = state.runs[state.runs.length - 1];
  return {
    passed: run?.reached ?? false,
    stars: run?.stars ?? 0,
    steps: run?.steps ?? 0,
    overshoots: run?.overshoots ?? 0,
    score: run?.score ?? 0,
    runs: state.runs.length,
    handLoss: Math.round(loss(level, state.hand) * 1e6) / 1e6,
    autoSteps: state.auto.steps,
    gearTries: state.gears.tries,
  };
}
