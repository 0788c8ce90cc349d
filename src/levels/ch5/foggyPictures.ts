// The numbers chapter 5's painters draw, beyond the model's own: the curves sampled across the
// plot, the loss bar's log-scale fractions, the bowl's shading and contour lines in unit
// coordinates (computed once per level), and automatic descent's log-scale losses and paths.
// Every coordinate here is a fraction 0..1 of its panel (y up), so painters only scale and paint.
import { polyValue } from '../../engine';
import type { FoggyLevel } from './foggyLevel';
import { bowl, GRID } from './foggyMap';

const CURVE_SAMPLES = 120;

/** A curve of the plot as points [x, f(x)] in data coordinates, from xMin to xMax. */
export function curvePoints(level: FoggyLevel, knobs: readonly number[]): [number, number][] {
  const p = level.plot;
  return Array.from({ length: CURVE_SAMPLES + 1 }, (_, i) => {
    const x = p.xMin + ((p.xMax - p.xMin) * i) / CURVE_SAMPLES;
    return [x, polyValue(knobs, x)];
  });
}

/** The loss bar's log scale: the valley floor at 0, twenty times the all-zero loss at 1. */
export function barFraction(value: number, floor: number, scale: number): number {
  return Math.min(1, Math.max(0, Math.log(value / floor) / Math.log((scale * 20) / floor)));
}

export interface BowlPicture {
  /** Cells per side. */
  cols: number;
  /** Each cell's height 0..1 (log scale, valley to the highest loss), row by row from the bottom. */
  cells: number[];
  /** Contour segments [x1, y1, x2, y2] in unit coordinates. */
  segments: [number, number, number, number][];
}

const pictures = new WeakMap<FoggyLevel, BowlPicture>();

/** The two-knob bowl as the map shows it, computed once per level. */
export function bowlPicture(level: FoggyLevel): BowlPicture {
  const known = pictures.get(level);
  if (known) return known;
  const b = bowl(level);
  const [r1, r2] = level.fog2.range;
  const floor = level.bestLoss;
  const top = Math.max(...b.loss.flat());
  const cells: number[] = [];
  for (let r = 0; r < GRID - 1; r++)
    for (let c = 0; c < GRID - 1; c++) {
      const l = (b.loss[r][c] + b.loss[r + 1][c + 1]) / 2;
      cells.push(Math.log(l / floor) / Math.log(top / floor));
    }
  const ux = (k: number) => (k - r1[0]) / (r1[1] - r1[0]);
  const uy = (k: number) => (k - r2[0]) / (r2[1] - r2[0]);
  const segments = b.segments.map(
    ({ seg: [x1, y1, x2, y2] }) => [ux(x1), uy(y1), ux(x2), uy(y2)] as [number, number, number, number],
  );
  const picture = { cols: GRID - 1, cells, segments };
  pictures.set(level, picture);
  return picture;
}

export interface AutoChart {
  /** Each track's losses as [step fraction, log-scale height], at most ~150 segments. */
  plain: [number, number][];
  heavy: [number, number][];
  /** The target's height on the same scale. */
  target: number;
  /** The two paths over K1, K2 in unit coordinates, and the valley floor. */
  paths: { plain: [number, number][]; heavy: [number, number][]; best: [number, number] };
}

/** Every `stride`-th entry of a series (and its last one, when `last`). */
function thin<T>(xs: readonly T[], stride: number, last: boolean): { i: number; v: T }[] {
  const out: { i: number; v: T }[] = [];
  for (let i = 0; i < xs.length; i += stride) out.push({ i, v: xs[i] });
  if (last && xs.length > 0 && (xs.length - 1) % stride !== 0) out.push({ i: xs.length - 1, v: xs[xs.length - 1] });
  return out;
}

export function autoChart(
  level: FoggyLevel,
  plain: { losses: number[]; path: [number, number][] },
  heavy: { losses: number[]; path: [number, number][] },
  steps: number,
): AutoChart {
  const all = [...plain.losses, ...heavy.losses, level.auto.target];
  const lo = Math.log10(Math.min(...all) * 0.8);
  const hi = Math.log10(Math.max(...all) * 1.2);
  const n = Math.max(level.auto.maxSteps / 4, steps, 10);
  const h = (l: number) => (Math.log10(l) - lo) / (hi - lo);
  const series = (ls: number[]) =>
    thin(ls, Math.max(1, Math.ceil(ls.length / 150)), true).map(({ i, v }) => [i / n, h(v)] as [number, number]);
  // The box holds both paths and the valley floor, with a margin, so nothing is drawn outside it.
  const best: [number, number] = [level.best[1], level.best[2]];
  const ks = (i: 0 | 1) => [...plain.path, ...heavy.path, best].map((p) => p[i]);
  const span = (xs: number[]) => {
    const lo = Math.min(...xs, -0.5);
    const hi = Math.max(...xs, 0.5);
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad] as const;
  };
  const [x0, x1] = span(ks(0));
  const [y0, y1] = span(ks(1));
  const unit = ([a, b]: readonly [number, number]): [number, number] => [(a - x0) / (x1 - x0), (b - y0) / (y1 - y0)];
  const path = (p: [number, number][]) =>
    thin(p, Math.max(1, Math.ceil(p.length / 150)), false).map(({ v }) => unit(v));
  return {
    plain: series(plain.losses),
    heavy: series(heavy.losses),
    target: h(level.auto.target),
    paths: { plain: path(plain.path), heavy: path(heavy.path), best: unit(best) },
  };
}
