// The fog maps' geometry, pure so it is tested without a browser: the loss over a grid of one or
// two knobs (the others at the valley floor), which cells the walker has uncovered, and the
// contour lines of the two-knob bowl by marching squares (segments in knob coordinates).
import { linspace, lossSlice1D, lossSlice2D } from '../../engine';
import { contourSegments } from './contours';
import type { FoggyLevel } from './foggyLevel';

export const GRID = 40;

export interface BowlGrid {
  k1: number[];
  k2: number[];
  /** loss[r][c] at K1 = k1[c], K2 = k2[r]. */
  loss: number[][];
  /** Contour levels: the challenge target times powers of 2.5, up to the grid's highest loss. */
  levels: number[];
  /** Each contour as segments [x1, y1, x2, y2] in knob coordinates, with its level index. */
  segments: { level: number; seg: [number, number, number, number] }[];
}

const bowlCache = new WeakMap<FoggyLevel, BowlGrid>();
const profileCache = new WeakMap<FoggyLevel, { k: number[]; loss: number[] }>();

/** The loss along the one-knob path of part B, finely sampled (drawn only where uncovered). */
export function profile(level: FoggyLevel): { k: number[]; loss: number[] } {
  let p = profileCache.get(level);
  if (!p) {
    const k = linspace(level.fog1.range[0], level.fog1.range[1], 161);
    p = { k, loss: lossSlice1D(level.best, level.data, level.fog1.knob, k) };
    profileCache.set(level, p);
  }
  return p;
}

export function bowl(level: FoggyLevel): BowlGrid {
  const cached = bowlCache.get(level);
  if (cached) return cached;
  const [r1, r2] = level.fog2.range;
  const k1 = linspace(r1[0], r1[1], GRID);
  const k2 = linspace(r2[0], r2[1], GRID);
  const loss = lossSlice2D(level.best, level.data, level.fog2.knobs[0], k1, level.fog2.knobs[1], k2);
  const top = Math.max(...loss.flat());
  const levels: number[] = [];
  for (let v = level.challenge.target; v < top && levels.length < 12; v *= 2.5) levels.push(v);
  const segments: BowlGrid['segments'] = [];
  levels.forEach((lv, li) => {
    for (const seg of contourSegments(k1, k2, loss, lv)) segments.push({ level: li, seg });
  });
  const grid = { k1, k2, loss, levels, segments };
  bowlCache.set(level, grid);
  return grid;
}

/** Whether a point of the map lies within `radius` (in knob units) of a place stood on. */
export function uncovered(trail: readonly (readonly number[])[], point: readonly number[], radius: number): boolean {
  return trail.some((t) => t.reduce((s, v, i) => s + (v - point[i]) ** 2, 0) <= radius * radius);
}

/** The fog over the bowl: true for each grid cell centre still hidden. */
export function fogCells(level: FoggyLevel, trail: readonly (readonly number[])[]): boolean[] {
  const { k1, k2 } = bowl(level);
  const out: boolean[] = [];
  for (let r = 0; r < GRID - 1; r++)
    for (let c = 0; c < GRID - 1; c++) {
      const centre = [(k1[c] + k1[c + 1]) / 2, (k2[r] + k2[r + 1]) / 2];
      out.push(!uncovered(trail, centre, level.fog2.reveal));
    }
  return out;
}
