import { describe, expect, it } from 'vitest';
import { fruitCardSpots, layoutCards, STRIP } from '../../../src/game/views/ch2/stripLayout';

// The scene's card counts: the stall (12), the new season (beside the ceiling panel), the
// challenge (every fruit, compact past 12) and the verdict's basket (8).
const STRIPS = [
  { count: 8, width: STRIP.right - STRIP.x },
  { count: 12, width: STRIP.right - STRIP.x },
  { count: 6, width: 600 },
  { count: 16, width: STRIP.right - STRIP.x },
  { count: 18, width: STRIP.right - STRIP.x },
];

describe('chapter 2 fruit cards', () => {
  for (const { count, width } of STRIPS) {
    it(`keep the ✓ / ✗ mark off the fruit's picture and inside the card (${count} cards)`, () => {
      const compact = count > 12;
      for (const { w } of layoutCards(count, width)) {
        const { image, mark } = fruitCardSpots(w, compact);
        const half = image.size / 2;
        // Nearest point of the picture's square to the badge's centre: the badge must not reach it.
        const dx = Math.max(image.cx - half - mark.cx, 0, mark.cx - (image.cx + half));
        const dy = Math.max(image.cy - half - mark.cy, 0, mark.cy - (image.cy + half));
        expect(Math.hypot(dx, dy)).toBeGreaterThan(mark.r);
        expect(image.cx - half).toBeGreaterThanOrEqual(4);
        expect(mark.cx - mark.r).toBeGreaterThanOrEqual(3);
        expect(mark.cx + mark.r).toBeLessThanOrEqual(w - 3);
        // Above the "why?" button (the strip's last 36 pixels).
        expect(mark.cy + mark.r).toBeLessThanOrEqual(STRIP.h - 36);
      }
    });
  }
});

describe('chapter 2 "why?" panel', () => {
  it("stays clear of the tile palette and above the mentor's box", async () => {
    const { WHY_BOX } = await import('../../../src/game/views/ch2/stripLayout');
    const { EDITOR } = await import('../../../src/game/views/ch2/ruleEditor');
    const paletteBottom = EDITOR.paletteY + 58;
    expect(WHY_BOX.y).toBeGreaterThan(paletteBottom);
    // A long trace may reach over the strip of cards, never into the mentor's box (y 568).
    expect(WHY_BOX.y + WHY_BOX.maxH).toBeLessThanOrEqual(568);
    expect(WHY_BOX.maxH).toBeGreaterThanOrEqual(400);
  });
});
