// The six chapters on the AI-history timeline map. `built` chapters can be played; the rest show
// as "coming soon". A chapter unlocks when the one before it has been passed (at least 1 star).
export interface ChapterInfo {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  titleKey: string;
  yearKey: string;
  icon: string;
  built: boolean;
}

export const CHAPTERS: readonly ChapterInfo[] = [
  { number: 1, titleKey: 'ch1.title', yearKey: 'map.year1', icon: 'map-ch1-dog', built: true },
  { number: 2, titleKey: 'ch2.title', yearKey: 'map.year2', icon: 'map-ch2-rulebook', built: true },
  { number: 3, titleKey: 'ch3.title', yearKey: 'map.year3', icon: 'map-ch3-lamp', built: true },
  { number: 4, titleKey: 'ch4.title', yearKey: 'map.year4', icon: 'map-ch4-riddle', built: false },
  { number: 5, titleKey: 'ch5.title', yearKey: 'map.year5', icon: 'map-ch5-mountain', built: false },
  { number: 6, titleKey: 'ch6.title', yearKey: 'map.year6', icon: 'map-ch6-demon', built: false },
];

export type ChapterStatus = 'locked' | 'open' | 'passed' | 'soon';

export function chapterStatus(chapter: ChapterInfo, stars: Readonly<Record<string, number>>): ChapterStatus {
  if (!chapter.built) return 'soon';
  if ((stars[String(chapter.number)] ?? 0) > 0) return 'passed';
  if (chapter.number === 1) return 'open';
  return (stars[String(chapter.number - 1)] ?? 0) > 0 ? 'open' : 'locked';
}

export function isPlayable(status: ChapterStatus): boolean {
  return status === 'open' || status === 'passed';
}
