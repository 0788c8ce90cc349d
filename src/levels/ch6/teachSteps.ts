// The teach moment's part of chapter 6's machine context, and the pure steps the machine takes on
// it: open it with the drawings (Bit's misreads chosen), label a drawing, choose whether it goes
// into training, and follow one retrain's progress.
import type { TeachLabel, TeachOutcome, TeachProgress } from './teachBit';
import { startLabels } from './teachBit';

export interface TeachContext {
  /** The player's label for each drawing (recorded as 'teach.label' / 'teach.use'). */
  labels: TeachLabel[];
  /** The retrain's outcome, once it is done. */
  outcome: TeachOutcome | null;
  /** The current retrain's progress, time and error (not recorded). */
  progress: TeachProgress[];
  ms: number;
  error: string | null;
  runs: number;
}

export function openTeach(drawings: readonly { digit: number; hit: boolean }[]): TeachContext {
  return { labels: startLabels(drawings), outcome: null, progress: [], ms: 0, error: null, runs: 0 };
}

export function isLabelIndex(t: TeachContext | null, index: unknown): boolean {
  return !!t && Number.isInteger(index) && (index as number) >= 0 && (index as number) < t.labels.length;
}

export function isDigit(d: unknown): boolean {
  return Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 9;
}

/** Labelling a drawing also puts it into training. */
export function withLabel(t: TeachContext, index: number, digit: number): TeachContext {
  return { ...t, labels: t.labels.map((l, i) => (i === index ? { digit, use: true } : l)) };
}

export function withUse(t: TeachContext, index: number, use: boolean): TeachContext {
  return { ...t, labels: t.labels.map((l, i) => (i === index ? { ...l, use } : l)) };
}

export function withRun(t: TeachContext): TeachContext {
  return { ...t, progress: [], ms: 0, error: null, runs: t.runs + 1 };
}

export function withProgress(t: TeachContext, progress: TeachProgress, ms: number): TeachContext {
  return { ...t, progress: [...t.progress, progress], ms };
}
