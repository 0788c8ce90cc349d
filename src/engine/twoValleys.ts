// A two-knob landscape with more than one valley (chapter 5's second valley): a gentle bowl with
// Gaussian wells pressed into it. Plain gradient descent from different starts ends in different
// valleys, and only one of them is the deepest.
//
//   L(a, b)  = bowl (a^2 + b^2) + sum_i depth_i (1 - g_i),   g_i = exp(-((a - x_i)^2 + (b - y_i)^2) / (2 w_i^2))
//   dL/da    = 2 bowl a + sum_i depth_i g_i (a - x_i) / w_i^2       (and the same for b with y_i)
//   step     (a, b) <- (a, b) - lr * grad L

export interface Well {
  at: readonly [number, number];
  depth: number;
  width: number;
}

export interface Landscape {
  bowl: number;
  wells: readonly Well[];
}

function checkLandscape(land: Landscape): void {
  if (!Number.isFinite(land.bowl) || land.bowl < 0) throw new Error('bowl must be a finite number >= 0');
  if (!Array.isArray(land.wells) || land.wells.length < 1) throw new Error('a landscape needs at least one well');
  land.wells.forEach((w, i) => {
    if (!w.at.every(Number.isFinite) || !(w.depth > 0) || !(w.width > 0) || !Number.isFinite(w.depth + w.width))
      throw new Error(`well ${i} needs a finite place, depth > 0 and width > 0`);
  });
}

function parts(land: Landscape, a: number, b: number): { loss: number; grad: [number, number] } {
  let loss = land.bowl * (a * a + b * b);
  let ga = 2 * land.bowl * a;
  let gb = 2 * land.bowl * b;
  for (const w of land.wells) {
    const dx = a - w.at[0];
    const dy = b - w.at[1];
    const s2 = w.width * w.width;
    const g = Math.exp(-(dx * dx + dy * dy) / (2 * s2));
    loss += w.depth * (1 - g);
    ga += (w.depth * g * dx) / s2;
    gb += (w.depth * g * dy) / s2;
  }
  return { loss, grad: [ga, gb] };
}

export function landscapeLoss(land: Landscape, a: number, b: number): number {
  checkLandscape(land);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error('a and b must be finite');
  return parts(land, a, b).loss;
}

export function landscapeGradient(land: Landscape, a: number, b: number): [number, number] {
  checkLandscape(land);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error('a and b must be finite');
  return parts(land, a, b).grad;
}

/** Plain gradient descent: the places stood on, the start first, `steps` + 1 of them. */
export function descendLandscape(
  land: Landscape,
  start: readonly [number, number],
  lr: number,
  steps: number,
): [number, number][] {
  checkLandscape(land);
  if (!(lr > 0) || !Number.isFinite(lr)) throw new Error('lr must be a finite number > 0');
  if (!Number.isInteger(steps) || steps < 0 || steps > 10_000) throw new Error('steps must be an integer in 0..10000');
  if (!start.every(Number.isFinite)) throw new Error('the start must be finite');
  const path: [number, number][] = [[start[0], start[1]]];
  let [a, b] = start;
  for (let i = 0; i < steps; i++) {
    const [ga, gb] = parts(land, a, b).grad;
    const na = a - lr * ga;
    const nb = b - lr * gb;
    if (!Number.isFinite(na) || !Number.isFinite(nb)) break;
    a = na;
    b = nb;
    path.push([a, b]);
  }
  return path;
}

/** Which well a place sits in: the index of the nearest well centre. */
export function nearestWell(land: Landscape, a: number, b: number): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  land.wells.forEach((w, i) => {
    const d = (a - w.at[0]) ** 2 + (b - w.at[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
