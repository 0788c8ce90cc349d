// The replays screen's list: a chapter's recorded attempts, newest first, each with its numbers
// (from the chapter's contract) and whether it is the chapter's best (kept when the save is full).
import type { AnyChapter } from '../levels/contract';
import type { Attempt, SaveData } from './saveSchema';
import { bestAttempts } from './saveStore';

export interface ReplayRow {
  /** The attempt's index in the save's list (what the app's events name). */
  index: number;
  attempt: Attempt;
  stats: Record<string, number>;
  best: boolean;
}

export function replayRows(save: SaveData, chapterNumber: number, chapter: AnyChapter | null): ReplayRow[] {
  const best = bestAttempts(save.attempts);
  const rows: ReplayRow[] = [];
  save.attempts.forEach((attempt, index) => {
    if (attempt.chapter !== chapterNumber) return;
    let stats: Record<string, number> = {};
    try {
      stats = chapter && chapter.number === chapterNumber ? chapter.stats(attempt.result as never) : {};
    } catch {
      stats = {};
    }
    rows.push({ index, attempt, stats, best: best.has(index) });
  });
  return rows.reverse();
}
