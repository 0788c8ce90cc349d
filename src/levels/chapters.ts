// The six chapters on the AI-history timeline map: the one list the app, the game's scene loader,
// verification and the text loader read. A chapter with `load` is built (its folder's index.ts
// fulfils the contract in contract.ts); the rest show as "coming soon". A chapter unlocks when
// the one before it has been passed (at least 1 star). Modules load on first use, so the first
// download carries no chapter's rules or level data.
import type { AnyChapter, ChapterNumber } from './contract';

export interface ChapterInfo {
  number: ChapterNumber;
  titleKey: string;
  yearKey: string;
  icon: string;
  /** Loads the chapter's contract module; absent while the chapter is not built. */
  load?: () => Promise<{ default: AnyChapter }>;
}

export const CHAPTERS: readonly ChapterInfo[] = [
  { number: 1, titleKey: 'ch1.title', yearKey: 'map.year1', icon: 'map-ch1-dog', load: () => import('./ch1') },
  { number: 2, titleKey: 'ch2.title', yearKey: 'map.year2', icon: 'map-ch2-rulebook', load: () => import('./ch2') },
  { number: 3, titleKey: 'ch3.title', yearKey: 'map.year3', icon: 'map-ch3-lamp', load: () => import('./ch3') },
  { number: 4, titleKey: 'ch4.title', yearKey: 'map.year4', icon: 'map-ch4-riddle', load: () => import('./ch4') },
  { number: 5, titleKey: 'ch5.title', yearKey: 'map.year5', icon: 'map-ch5-mountain', load: () => import('./ch5') },
  { number: 6, titleKey: 'ch6.title', yearKey: 'map.year6', icon: 'map-ch6-demon', load: () => import('./ch6') },
];

export type ChapterStatus = 'locked' | 'open' | 'passed' | 'soon';

export function isBuilt(chapter: ChapterInfo): boolean {
  return chapter.load !== undefined;
}

export function chapterInfo(number: number): ChapterInfo | undefined {
  return CHAPTERS.find((c) => c.number === number);
}

/** The chapter's contract module, or null when no built chapter has that number. */
export async function loadChapter(number: number): Promise<AnyChapter | null> {
  const info = chapterInfo(number);
  if (!info?.load) return null;
  return (await info.load()).default;
}

/**
 * `unlocked` opens chapters whatever came before them: a class's competition opens its
 * challenges for every student who joined, passed the earlier chapters or not.
 */
export function chapterStatus(
  chapter: ChapterInfo,
  stars: Readonly<Record<string, number>>,
  unlocked: readonly number[] = [],
): ChapterStatus {
  if (!isBuilt(chapter)) return 'soon';
  if ((stars[String(chapter.number)] ?? 0) > 0) return 'passed';
  if (chapter.number === 1 || unlocked.includes(chapter.number)) return 'open';
  return (stars[String(chapter.number - 1)] ?? 0) > 0 ? 'open' : 'locked';
}

export function isPlayable(status: ChapterStatus): boolean {
  return status === 'open' || status === 'passed';
}
