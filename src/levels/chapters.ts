// The chapters on the AI-history timeline map: the one list the app, the game's scene loader and
// map, verification, the save and share formats, the classroom server and the text loader read.
// A chapter is its folder plus one line here: `src/levels/chN/index.ts` fulfils the contract in
// contract.ts, and its line names the map title, the map year, the map icon and how to load it.
// A line without `load` shows as "coming soon". A chapter unlocks when the one before it has been
// passed (at least 1 star). Modules load on first use, so the first download carries no
// chapter's rules or level data.
import type { AnyChapter, ChapterEvents } from './contract';

export interface ChapterInfo<N extends number = number> {
  number: N;
  titleKey: string;
  yearKey: string;
  icon: string;
  /** Loads the chapter's contract module; absent while the chapter is not built. */
  load?: () => Promise<{ default: AnyChapter }>;
  /**
   * Loads only the chapter's event rules (the same object as its contract's `events`), so a
   * classroom server checks an attempt's events without loading the chapter's machine and data.
   */
  events?: () => Promise<ChapterEvents>;
}

/** A chapter's line: its number, its map icon, how to load it and its event rules; its map title
 * is the text key `chN.title` and its map year `map.yearN`. */
const chapter = <N extends number>(
  number: N,
  icon: string,
  load?: () => Promise<{ default: AnyChapter }>,
  events?: () => Promise<ChapterEvents>,
): ChapterInfo<N> => ({ number, titleKey: `ch${number}.title`, yearKey: `map.year${number}`, icon, load, events });

const LISTED = [
  chapter(
    1,
    'map-ch1-dog',
    () => import('./ch1'),
    () => import('./ch1/sitEvents').then((m) => m.sitEvents),
  ),
  chapter(
    2,
    'map-ch2-rulebook',
    () => import('./ch2'),
    () => import('./ch2/rulebookEvents').then((m) => m.rulebookEvents),
  ),
  chapter(
    3,
    'map-ch3-lamp',
    () => import('./ch3'),
    () => import('./ch3/appleLampEvents').then((m) => m.appleLampEvents),
  ),
  chapter(
    4,
    'map-ch4-riddle',
    () => import('./ch4'),
    () => import('./ch4/minskyEvents').then((m) => m.minskyEvents),
  ),
  chapter(
    5,
    'map-ch5-mountain',
    () => import('./ch5'),
    () => import('./ch5/foggyEvents').then((m) => m.foggyEvents),
  ),
  chapter(
    6,
    'map-ch6-demon',
    () => import('./ch6'),
    () => import('./ch6/digitDemonEvents').then((m) => m.digitDemonEvents),
  ),
] as const;

/** The number of a chapter in the list above. */
export type ChapterNumber = (typeof LISTED)[number]['number'];

const list: ChapterInfo[] = [...LISTED];

/** The chapters in map order (by number). */
export const CHAPTERS: readonly ChapterInfo[] = list;

/**
 * Adds a chapter to the list for as long as a test needs it, the way its line in the list above
 * would; returns the function that takes it out again. Only tests call this (the layering test
 * checks that nothing in src does): the game's chapters are the list above.
 */
export function registerChapter(info: ChapterInfo): () => void {
  if (!Number.isInteger(info.number) || info.number < 1 || chapterInfo(info.number)) {
    throw new Error(`Chapter ${info.number} cannot be registered: the number is taken or not a positive integer`);
  }
  list.push(info);
  list.sort((a, b) => a.number - b.number);
  return () => {
    const at = list.indexOf(info);
    if (at >= 0) list.splice(at, 1);
  };
}

/** Whether this version of the game lists a chapter with that number (built or coming soon). */
export function isKnownChapter(number: number): boolean {
  return list.some((c) => c.number === number);
}

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
  const chapter = (await info.load()).default;
  if (chapter.number !== info.number) {
    throw new Error(`The module listed as chapter ${info.number} says it is chapter ${chapter.number}`);
  }
  return chapter;
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

// Each chapter's function strip (input → box → output), for the scenes' shared painter.
export { FUNCTION_STRIPS, functionStripOf, type FunctionStrip } from './shared/functionStrip';
