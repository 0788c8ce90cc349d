// Each built chapter's event rules (ChapterEvents, also in its contract), loadable on their own
// through its line in chapters.ts: a classroom server checks attempts with them without loading
// the chapters' machines and data.
import { chapterInfo } from './chapters';
import type { ChapterEvents } from './contract';

/** The chapter's event rules, or null when no chapter has that number. */
export async function loadChapterEvents(chapter: number): Promise<ChapterEvents | null> {
  const load = chapterInfo(chapter)?.events;
  return load ? load() : null;
}
