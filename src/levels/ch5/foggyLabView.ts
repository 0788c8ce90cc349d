// The view-model of chapter 5's hands-on moments (see foggyLab.ts): part B's felt slope and the
// arithmetic under every step, part C's two-valley map (shading, contour segments, wells, starts
// and descent paths in unit coordinates) and the overfitting part (the fitted curve, the held-out
// points and their misses, both losses by degree on a log scale). Pure; painters only scale.
import { landscapeLoss, linspace, polyValue, type Point } from '../../engine';
import { contourSegments } from './contours';
import { curvePoints } from './foggyPictures';
import type { FoggyLevel } from './foggyLevel';
import { deepWell, degreeFit, feltSlope, slopeHidden, type FeelReading } from './foggyLab';
import type { FogWalk, FoggyState, WalkKind } from './foggyModel';

export interface FeelView extends FeelReading {
  /** Δloss / Δknob across the two nudges. */
  slope: number;
}

/** One knob's step, to = from − size × slope. */
export interface SumView {
  knob: number;
  from: number;
  size: number;
  slope: number;
  to: number;
}

export interface WalkExtras {
  slopeHidden: boolean;
  feel: FeelView | null;
  sums: SumView[] | null;
}

export function walkExtras(level: FoggyLevel, kind: WalkKind, walk: FogWalk): WalkExtras {
  const last = walk.last;
  const move = last && (last.kind === 'down' || last.kind === 'across') ? last.move : null;
  return {
    slopeHidden: kind === 'fog1' && slopeHidden(level, walk.steps),
    feel: walk.feel ? { ...walk.feel, slope: feltSlope(walk.feel) } : null,
    sums: move
      ? walk.free.map((j, i) => ({
          knob: j,
          from: move.from[i],
          size: last!.size,
          slope: move.slope[i],
          to: move.to[i],
        }))
      : null,
  };
}

export interface ValleyStartView {
  at: [number, number];
  run: { path: [number, number][]; end: [number, number]; loss: number; deep: boolean } | null;
}

export interface ValleysView {
  cols: number;
  /** Each cell's height 0..1, row by row from the bottom. */
  cells: number[];
  /** Contour segments [x1, y1, x2, y2] in unit coordinates. */
  segments: [number, number, number, number][];
  wells: { at: [number, number]; deep: boolean; loss: number }[];
  starts: ValleyStartView[];
  last: number | null;
  mayEnd: boolean;
}

const VALLEY_GRID = 33;
const maps = new WeakMap<FoggyLevel, Pick<ValleysView, 'cols' | 'cells' | 'segments'>>();

/** The two-valley landscape's shading and contours, computed once per level. */
function valleyMap(level: FoggyLevel): Pick<ValleysView, 'cols' | 'cells' | 'segments'> {
  const known = maps.get(level);
  if (known) return known;
  const v = level.valleys;
  const n = VALLEY_GRID;
  const xs = linspace(0, 1, n);
  const at = (u: number, r: [number, number]) => r[0] + u * (r[1] - r[0]);
  const grid = xs.map((y) => xs.map((x) => landscapeLoss(v, at(x, v.range[0]), at(y, v.range[1]))));
  const flat = grid.flat();
  const lo = Math.min(...flat);
  const hi = Math.max(...flat);
  const cells: number[] = [];
  for (let r = 0; r < n - 1; r++)
    for (let c = 0; c < n - 1; c++) cells.push(((grid[r][c] + grid[r + 1][c + 1]) / 2 - lo) / (hi - lo));
  const segments: [number, number, number, number][] = [];
  for (let li = 1; li < 8; li++) segments.push(...contourSegments(xs, xs, grid, lo + ((hi - lo) * li) / 8));
  const picture = { cols: n - 1, cells, segments };
  maps.set(level, picture);
  return picture;
}

export function valleysView(level: FoggyLevel, state: FoggyState): ValleysView {
  const v = level.valleys;
  const unit = ([a, b]: readonly [number, number]): [number, number] => [
    (a - v.range[0][0]) / (v.range[0][1] - v.range[0][0]),
    (b - v.range[1][0]) / (v.range[1][1] - v.range[1][0]),
  ];
  const deep = deepWell(level);
  return {
    ...valleyMap(level),
    wells: v.wells.map((w, i) => ({ at: unit(w.at), deep: i === deep, loss: landscapeLoss(v, w.at[0], w.at[1]) })),
    starts: v.starts.map((s, i) => {
      const run = state.valleys.runs[i];
      return {
        at: unit(s),
        run: run
          ? {
              path: run.path.map(unit),
              end: unit(run.path[run.path.length - 1]),
              loss: run.loss,
              deep: run.well === deep,
            }
          : null,
      };
    }),
    last: state.valleys.last,
    mayEnd: state.valleys.runs.every((r) => r !== null),
  };
}

export interface OverfitView {
  degree: number;
  min: number;
  max: number;
  knobs: number[];
  /** The fitted curve across the plot as [x, f(x)]. */
  curve: [number, number][];
  heldOut: Point[];
  /** Each held-out point's miss, f(x) − y. */
  heldResiduals: number[];
  /** Mean squared error on the training points and on the held-out points. */
  train: number;
  held: number;
  /** Both losses at each degree tried, as [degree fraction, log-scale height] (0..1). */
  chart: { train: [number, number][]; held: [number, number][]; degree: number };
  seen: number[];
  mayEnd: boolean;
}

export function overfitView(level: FoggyLevel, state: FoggyState): OverfitView {
  const o = level.overfit;
  const [min, max] = o.degrees;
  const fit = degreeFit(level, state.overfit.degree);
  const all = Array.from({ length: max - min + 1 }, (_, i) => degreeFit(level, min + i));
  const values = all.flatMap((f) => [f.train, f.heldOut]).map((x) => Math.max(x, 1e-6));
  const lo = Math.log10(Math.min(...values));
  const hi = Math.log10(Math.max(...values));
  const h = (x: number) => (Math.log10(Math.max(x, 1e-6)) - lo) / (hi - lo || 1);
  const u = (d: number) => (d - min) / (max - min);
  const seen = [...state.overfit.seen].sort((a, b) => a - b);
  return {
    degree: fit.degree,
    min,
    max,
    knobs: fit.knobs,
    curve: curvePoints(level, fit.knobs),
    heldOut: o.heldOut,
    heldResiduals: o.heldOut.map((p) => polyValue(fit.knobs, p.x) - p.y),
    // Round-off below a millionth is shown as the zero it is (degree 11 threads every dot).
    train: fit.train < 1e-9 ? 0 : fit.train,
    held: fit.heldOut,
    chart: {
      train: seen.map((d) => [u(d), h(degreeFit(level, d).train)]),
      held: seen.map((d) => [u(d), h(degreeFit(level, d).heldOut)]),
      degree: u(fit.degree),
    },
    seen,
    mayEnd: state.overfit.seen.includes(max),
  };
}
