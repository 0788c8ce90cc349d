// Pure helpers that turn chart data into the facts a text alternative says in words: where a
// heatmap's lit region lies, and how a curve went. No DOM, no Phaser: unit-tested in Node.

/** Where the lit cells of a square map lie, as a word the locale files spell out. */
export type Region =
  | 'none'
  | 'all'
  | 'middle'
  | 'ring'
  | 'left'
  | 'right'
  | 'top'
  | 'bottom'
  | 'topLeft'
  | 'topRight'
  | 'bottomLeft'
  | 'bottomRight'
  | 'patches';

export interface RegionFacts {
  where: Region;
  /** Share of the map that is lit, 0..1. */
  lit: number;
  /** Share of the map where the value is within 0.1 of the border (unsure), 0..1. */
  unsure: number;
}

/**
 * Reads a size×size map (row 0 at the top, values 0..1, lit above `border`): how much is lit, how
 * much is unsure, and where the lit part lies (middle, a ring around it, a side, a corner, or
 * patches when none of these fits).
 */
export function regionOf(values: ArrayLike<number>, size: number, border = 0.5): RegionFacts {
  let lit = 0;
  let unsure = 0;
  let centre = 0;
  let centreLit = 0;
  const side = { left: 0, right: 0, top: 0, bottom: 0 };
  const half = size / 2;
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const v = values[r * size + c];
      const on = v > border;
      if (Math.abs(v - border) < 0.1) unsure++;
      const dx = (c + 0.5 - half) / size;
      const dy = (r + 0.5 - half) / size;
      const inCentre = Math.max(Math.abs(dx), Math.abs(dy)) < 0.25;
      if (inCentre) centre++;
      if (!on) continue;
      lit++;
      if (inCentre) centreLit++;
      if (dx < 0) side.left++;
      else side.right++;
      if (dy < 0) side.top++;
      else side.bottom++;
    }
  const n = size * size;
  const facts = (where: Region): RegionFacts => ({ where, lit: lit / n, unsure: unsure / n });
  if (lit / n < 0.03) return facts('none');
  if (lit / n > 0.97) return facts('all');
  const fc = centre ? centreLit / centre : 0;
  const fb = n - centre ? (lit - centreLit) / (n - centre) : 0;
  if (fc - fb > 0.4) return facts('middle');
  if (fb - fc > 0.4 && fb > 0.5) return facts('ring');
  const halfN = n / 2;
  const dx = (side.right - side.left) / halfN;
  const dy = (side.top - side.bottom) / halfN;
  const strong = 0.4;
  if (Math.abs(dx) > strong && Math.abs(dy) > strong)
    return facts(dy > 0 ? (dx > 0 ? 'topRight' : 'topLeft') : dx > 0 ? 'bottomRight' : 'bottomLeft');
  if (Math.abs(dx) > strong) return facts(dx > 0 ? 'right' : 'left');
  if (Math.abs(dy) > strong) return facts(dy > 0 ? 'top' : 'bottom');
  return facts('patches');
}

/** A number as the charts print it: three significant digits, no trailing zeros. */
export function short(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  return String(Number(v.toPrecision(digits)));
}

/** A share 0..1 as a whole percentage. */
export function percent(v: number): number {
  return Math.round(v * 100);
}
