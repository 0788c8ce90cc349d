/**
 * The game's colour palette, shared by the hand-drawn SVG art in `assets/art/` and the code
 * that draws UI, charts and effects.
 *
 * Colour-blind safety: the accent colours are the Okabe–Ito set (orange, sky blue, bluish green,
 * yellow, blue, vermilion, reddish purple), chosen to stay distinguishable under the common
 * forms of colour-vision deficiency (protanopia, deuteranopia, tritanopia). Even so, meaning is
 * never carried by colour alone: good/bad, positive/negative weights and the like also differ in
 * shape, pattern, icon or label (e.g. the treat is a bone, the scold a bubble with a bold cross;
 * positive weights are solid lines, negative ones dashed). Pair `positive` with `negative`
 * (blue vs vermilion), which stays apart for red-green and blue-yellow deficiencies alike.
 *
 * Each colour exists as a number (`0xRRGGBB`, for Phaser) in `COLORS` and as a CSS string in `CSS`.
 */

export const COLORS = {
  // Okabe–Ito accents
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermilion: 0xd55e00,
  purple: 0xcc79a7,

  // outlines and text
  ink: 0x2b2d42,
  inkSoft: 0x5c5f7a,
  white: 0xffffff,

  // warm neutrals / backgrounds
  cream: 0xfff8e7,
  paper: 0xfff5e1,
  sand: 0xf3e3c3,
  stone: 0xd9cdb6,

  // Bit the puppy
  fur: 0xf7ddb0,
  furShade: 0xe9c48f,
  furOrange: 0xe69f00,
  furOrangeShade: 0xc27f05,
  nose: 0x2b2d42,
  tongue: 0xf29cb0,
  cheek: 0xf49a7e,
  collar: 0x56b4e9,
  tag: 0xf0e442,

  // the black box (Bit's brain) and its glowing knobs
  box: 0x34374f,
  boxDark: 0x22243a,
  boxTop: 0x4a4e6e,
  glow: 0xf0e442,

  // scenery
  skyTop: 0xbfe3f7,
  skyBottom: 0xe8f5fc,
  grass: 0x8fcf7a,
  grassShade: 0x6db35c,
  wood: 0xc98f55,
  woodShade: 0xa66f3d,
  curtain: 0x9e4a7c,

  // semantic roles (always paired with a shape/pattern/label difference)
  positive: 0x0072b2,
  negative: 0xd55e00,
  good: 0x009e73,
  warn: 0xe69f00,
  highlight: 0xf0e442,
  locked: 0x9a9aa8,
} as const;

export type ColorName = keyof typeof COLORS;

const toCss = (n: number): string => `#${n.toString(16).padStart(6, '0').toUpperCase()}`;

/** The same palette as CSS colour strings (`#RRGGBB`). */
export const CSS: { readonly [K in ColorName]: string } = Object.fromEntries(
  Object.entries(COLORS).map(([k, v]) => [k, toCss(v)]),
) as { readonly [K in ColorName]: string };
