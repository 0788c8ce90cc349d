// Where things go on chapter 2's strip of cards, as plain numbers (no Phaser), so the layout can
// be tested: the cards' boxes, and on a fruit card the picture and the ✓ / ✗ / ? mark, which
// must never cover the picture.

export const STRIP = { x: 16, y: 408, h: 148, right: 1264 };

/**
 * The "why?" trace's panel: under the tile palette (rows 66 to 124: the palette stays in view and
 * usable), growing with its text; a long trace may reach over the strip of cards down to the
 * mentor's box (maxH), so every line of it shows without scrolling.
 */
export const WHY_BOX = { x: 130, y: 132, w: 900, maxH: STRIP.y + STRIP.h - 132 };

export interface CardBox {
  x: number;
  w: number;
}

/** Card boxes that share `width` evenly, with a gap between them. */
export function layoutCards(count: number, width: number, x0 = STRIP.x, maxW = 176): CardBox[] {
  const gap = count > 12 ? 4 : 8;
  const w = Math.min(maxW, Math.floor((width - gap * (count - 1)) / count));
  return Array.from({ length: count }, (_, i) => ({ x: x0 + i * (w + gap), w }));
}

export interface FruitCardSpots {
  /** The picture's centre and size, from the card's top-left corner. */
  image: { cx: number; cy: number; size: number };
  /** The mark badge's centre and radius. */
  mark: { cx: number; cy: number; r: number };
}

/**
 * A fruit card `w` wide: the mark takes the top-right corner where the picture leaves room for
 * it; otherwise the picture moves left to make room (normal cards) or, on a narrow compact card,
 * the mark goes below the words.
 */
export function fruitCardSpots(w: number, compact: boolean): FruitCardSpots {
  const size = compact ? 40 : 54;
  const r = compact ? 11 : 12;
  const corner = { cx: w - 4 - r, cy: 4 + r, r };
  const image = { cx: w / 2, cy: 6 + size / 2, size };
  if ((w - size) / 2 >= 2 * r + 6) return { image, mark: corner };
  if (!compact) return { image: { ...image, cx: (w - (2 * r + 6)) / 2 }, mark: corner };
  return { image, mark: { cx: w / 2, cy: 84, r } };
}
