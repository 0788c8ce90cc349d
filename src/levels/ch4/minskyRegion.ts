// Where a threshold machine lights on chapter 4's plane, exactly: the box cut by each hidden
// neuron's line into convex pieces (at most a handful for part B's three neurons), and the pieces
// where the machine says 1. Inside a piece every neuron answers the same, so one test point per
// piece decides it. The painter fills these polygons, so lit regions end exactly on the lines.
import { runThresholdNetwork, type Box2D, type Perceptron, type ThresholdNetwork } from '../../engine';

export type Polygon = [number, number][];

/** The part of a convex polygon where `side` is true for w·x > t (or false: w·x ≤ t). */
function clip(poly: Polygon, p: Perceptron, above: boolean): Polygon {
  const f = (q: [number, number]) => {
    const s = p.weights[0] * q[0] + p.weights[1] * q[1] - p.threshold;
    return above ? s : -s;
  };
  const out: Polygon = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const fa = f(a);
    const fb = f(b);
    if (fa >= 0) out.push(a);
    if (fa >= 0 !== fb >= 0) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function area(poly: Polygon): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

/** The box cut along every line into convex pieces (pieces thinner than a hair are dropped). */
export function pieces(box: Box2D, lines: readonly Perceptron[]): Polygon[] {
  const min = 1e-9 * (box.xMax - box.xMin) * (box.yMax - box.yMin);
  let parts: Polygon[] = [
    [
      [box.xMin, box.yMin],
      [box.xMax, box.yMin],
      [box.xMax, box.yMax],
      [box.xMin, box.yMax],
    ],
  ];
  for (const p of lines) {
    if (p.weights[0] === 0 && p.weights[1] === 0) continue;
    parts = parts
      .flatMap((poly) => [clip(poly, p, true), clip(poly, p, false)])
      .filter((q) => q.length >= 3 && area(q) > min);
  }
  return parts;
}

function centre(poly: Polygon): [number, number] {
  const n = poly.length;
  return [poly.reduce((s, q) => s + q[0], 0) / n, poly.reduce((s, q) => s + q[1], 0) / n];
}

/** The pieces where one neuron (part A, Bit) or part B's network lights. */
export function litPieces(box: Box2D, machine: Perceptron | ThresholdNetwork): Polygon[] {
  if ('hidden' in machine) {
    return pieces(box, machine.hidden).filter((poly) => runThresholdNetwork(machine, centre(poly)).output === 1);
  }
  const p = machine;
  return pieces(box, [p]).filter((poly) => {
    const [x, y] = centre(poly);
    return p.weights[0] * x + p.weights[1] * y > p.threshold;
  });
}
