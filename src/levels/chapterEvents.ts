// Each built chapter's event rules (ChapterEvents, also in its contract), loadable on their own:
// a classroom server checks attempts with them without loading the chapters' machines and data.
import type { ChapterEvents } from './contract';

const LOADERS: Record<number, () => Promise<ChapterEvents>> = {
  1: () => import('./ch1/sitEvents').then((m) => m.sitEvents),
  2: () => import('./ch2/rulebookEvents').then((m) => m.rulebookEvents),
  3: () => import('./ch3/appleLampEvents').then((m) => m.appleLampEvents),
  4: () => import('./ch4/minskyEvents').then((m) => m.minskyEvents),
  5: () => import('./ch5/foggyEvents').then((m) => m.foggyEvents),
  6: () => import('./ch6/digitDemonEvents').then((m) => m.digitDemonEvents),
};

/** The chapter's event rules, or null when no chapter has that number. */
export async function loadChapterEvents(chapter: number): Promise<ChapterEvents | null> {
  const load = LOADERS[chapter];
  return load ? load() : null;
}
