// The timeline map lays out however many chapters the list holds: six on the pads of the map
// picture, more on two zigzag lines, never two stops (badge, year, stars, card) overlapping and
// never past the map's edge.
import { describe, expect, it } from 'vitest';
import { MAP_AREA, PADS, mapLayout, stopBox } from '../../../src/game/views/mapLayout';

function overlaps(a: ReturnType<typeof stopBox>, b: ReturnType<typeof stopBox>): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function problems(count: number): string[] {
  const { stops, scale } = mapLayout(count);
  const boxes = stops.map((p) => stopBox(p, scale));
  const out: string[] = [];
  if (stops.length !== count) out.push(`${stops.length} stops for ${count} chapters`);
  boxes.forEach((b, i) => {
    if (b.x0 < 0 || b.x1 > MAP_AREA.width || b.y0 < 0 || b.y1 > MAP_AREA.height)
      out.push(`stop ${i + 1} leaves the map`);
    if (i > 0 && stops[i].x <= stops[i - 1].x) out.push(`stop ${i + 1} is not right of stop ${i}`);
    for (let j = 0; j < i; j++) if (overlaps(boxes[j], b)) out.push(`stops ${j + 1} and ${i + 1} overlap`);
  });
  return out;
}

describe('the map layout', () => {
  it('keeps the six chapters on the pads of the map picture, badges 80 px above them, at full size', () => {
    const { stops, scale } = mapLayout(6);
    expect(scale).toBe(1);
    expect(stops).toEqual(PADS.map((p) => ({ x: p.x, y: p.y - 80 })));
    expect(problems(6)).toEqual([]);
  });

  it('places seven stops at nearly full size, inside the map, without overlap', () => {
    const { stops, scale } = mapLayout(7);
    expect(stops).toHaveLength(7);
    // Two lines of stops, each with room for a two-line year label, fill the map's height.
    expect(scale).toBeGreaterThan(0.95);
    expect(scale).toBeLessThanOrEqual(1);
    expect(problems(7)).toEqual([]);
    // Below the heading and the top buttons.
    for (const p of stops) expect(stopBox(p, scale).y0).toBeGreaterThanOrEqual(MAP_AREA.top);
  });

  it('lays out any number of chapters without overlap, shrinking only when it must', () => {
    for (let n = 0; n <= 16; n++) expect(problems(n), `${n} chapters`).toEqual([]);
    expect(mapLayout(11).scale).toBe(mapLayout(7).scale);
    expect(mapLayout(16).scale).toBeLessThan(mapLayout(11).scale);
  });

  it('the check itself sees an overlap', () => {
    expect(overlaps(stopBox({ x: 100, y: 300 }, 1), stopBox({ x: 250, y: 350 }, 1))).toBe(true);
    expect(overlaps(stopBox({ x: 100, y: 300 }, 1), stopBox({ x: 300, y: 300 }, 1))).toBe(false);
  });
});
