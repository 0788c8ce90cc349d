// Contour lines on a grid of loss values (marching squares, one segment per crossing pair), for
// the fog map's bowl and the two-valley landscape: plain numbers the painters draw.

/** A contour piece from (x1, y1) to (x2, y2). */
export type Segment = [number, number, number, number];

/**
 * The pieces of the contour at `level` through `grid` (rows along `ys`, columns along `xs`): each
 * cell's edges whose ends lie on either side of the level are cut where the level crosses them.
 */
export function contourSegments(
  xs: readonly number[],
  ys: readonly number[],
  grid: readonly number[][],
  level: number,
): Segment[] {
  const segments: Segment[] = [];
  for (let r = 0; r < ys.length - 1; r++)
    for (let c = 0; c < xs.length - 1; c++) {
      // Corners in order: bottom-left, bottom-right, top-right, top-left (by row index up).
      const corners: [number, number, number][] = [
        [xs[c], ys[r], grid[r][c]],
        [xs[c + 1], ys[r], grid[r][c + 1]],
        [xs[c + 1], ys[r + 1], grid[r + 1][c + 1]],
        [xs[c], ys[r + 1], grid[r + 1][c]],
      ];
      const cuts: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const [xa, ya, va] = corners[e];
        const [xb, yb, vb] = corners[(e + 1) % 4];
        if (va < level !== vb < level) {
          const t = (level - va) / (vb - va);
          cuts.push([xa + t * (xb - xa), ya + t * (yb - ya)]);
        }
      }
      for (let i = 0; i + 1 < cuts.length; i += 2)
        segments.push([cuts[i][0], cuts[i][1], cuts[i + 1][0], cuts[i + 1][1]]);
    }
  return segments;
}
