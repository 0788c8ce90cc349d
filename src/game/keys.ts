// Every scene and texture key in one place.
export const SCENES = {
  boot: 'boot',
  title: 'title',
  map: 'map',
  results: 'results',
  replays: 'replays',
  chapterProblem: 'chapter-problem',
} as const;

/** Each chapter's scene key: its scene file is scenes/Ch<N>*Scene.ts (see startGame.ts). */
export function chapterSceneKey(chapter: number): string {
  return `chapter-${chapter}`;
}

export const ART = [
  'bit-idle',
  'bit-sit',
  'bit-bark',
  'bit-paw',
  'bit-roll',
  'bit-lie',
  'bit-happy',
  'bit-confused',
  'bit-brain-open',
  'treat',
  'scold',
  'ignore',
  'whistle',
  'star',
  'star-empty',
  'lock',
  'sound-on',
  'sound-off',
  'judge',
  'mentor',
  'map-ch1-dog',
  'map-ch2-rulebook',
  'map-ch3-lamp',
  'map-ch4-riddle',
  'map-ch5-mountain',
  'map-ch6-demon',
  // chapter 4
  'ch4-book',
  // chapters 2 and 3
  'fruit-apple',
  'fruit-green-apple',
  'fruit-watermelon',
  'fruit-hawthorn',
  'fruit-banana',
  'fruit-lemon',
  'fruit-grape',
  'fruit-orange',
  'fruit-peach',
  'fruit-cherry-tomato',
  'fruit-strawberry',
  'fruit-pear',
  'fruit-fuji-apple',
  'fruit-crab-apple',
  'fruit-pomegranate',
  'fruit-persimmon',
  'fruit-dragon-fruit',
  'fruit-lime',
  'seller-wang',
  'seller-li',
  'lamp-on',
  'lamp-off',
  'weather-cloudy',
  'weather-humid',
  'weather-windy',
  'weather-sunny',
  'weather-rain',
  'weather-dry',
  // chapter 5
  'ch5-hiker',
  // chapter 6
  'ch6-demon',
  'ch6-demon-hurt',
] as const;
export type ArtKey = (typeof ART)[number];

export const BACKGROUNDS = ['bg-title', 'bg-yard', 'bg-map', 'bg-stage', 'bg-fog', 'bg-arena'] as const;
export type TextureKey = ArtKey | (typeof BACKGROUNDS)[number];

/** The backdrop a chapter is played on: its own where it has one, else the theatre stage. */
const CHAPTER_BACKDROPS: Readonly<Record<number, (typeof BACKGROUNDS)[number]>> = { 5: 'bg-fog', 6: 'bg-arena' };
export function chapterBackdrop(chapter: number): (typeof BACKGROUNDS)[number] {
  return CHAPTER_BACKDROPS[chapter] ?? 'bg-stage';
}

/** What the title draws: the boot scene loads only these before the title appears. */
export const TITLE_ART: readonly TextureKey[] = ['bg-title', 'bit-happy', 'bit-brain-open'];

/** What the map draws: loaded first once the title is up. */
export const MAP_ART: readonly TextureKey[] = [
  'bg-map',
  'lock',
  'star',
  'star-empty',
  'map-ch1-dog',
  'map-ch2-rulebook',
  'map-ch3-lamp',
  'map-ch4-riddle',
  'map-ch5-mountain',
  'map-ch6-demon',
];

/** URL of an art file, for HTML controls that show an icon. */
export function artUrl(key: ArtKey): string {
  return `${import.meta.env.BASE_URL}art/${key}.svg`;
}
