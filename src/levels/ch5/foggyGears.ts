// Part E's gears: the computation  w -> z = w*x + b -> a = sigmoid(z) -> loss = (a - y)^2  built
// with the engine's autograd. Each gear is a named node on the path from w to the loss; the
// ratio between two neighbouring gears is d(next)/d(this), the product of the autograd local
// derivatives on the edges between them (the unnamed helper nodes w*x and a - y have their own
// edges, folded into one ratio). Turning w by dw turns the loss by about (product of ratios) * dw:
// the chain rule. Backprop fills in dL/d(gear) from the loss back to w.
import { centralDifferenceGradient, graphOf, value, type ValueGraph } from '../../engine';
import { deriveSeed } from '../shared/seeds';
import { createRng } from '../../engine';
import type { FoggyLevel } from './foggyLevel';

export const GEAR_NAMES = ['w', 'z', 'a', 'loss'] as const;
export type GearName = (typeof GEAR_NAMES)[number];

export interface Gear {
  name: GearName;
  value: number;
  /** dL/d(this gear), from autograd's backward pass. */
  grad: number;
}

export interface GearChain {
  gears: Gear[];
  /** ratios[i] = d(gears[i+1]) / d(gears[i]) at the current values. */
  ratios: number[];
  /** Product of the ratios: dL/dw by the chain rule. */
  product: number;
  /** dL/dw by a central finite difference of the whole computation. */
  finiteDifference: number;
  graph: ValueGraph;
}

export function forward(level: FoggyLevel, w: number): number {
  const { x, b, y } = level.gears;
  const z = w * x + b;
  const a = 1 / (1 + Math.exp(-z));
  return (a - y) ** 2;
}

export function gearChain(level: FoggyLevel, w: number): GearChain {
  const { x, b, y } = level.gears;
  const wv = value(w, 'w');
  const z = wv.mul(x).add(b).named('z');
  const a = z.sigmoid().named('a');
  const l = a.sub(y).pow(2).named('loss');
  l.backward();
  const graph = graphOf(l);
  const byLabel = (name: string) => graph.nodes.find((n) => n.label === name)!;
  // Walk the single path from each named gear up to the next named one, multiplying edge ratios.
  const ratioBetween = (from: number, to: number): number => {
    let node = from;
    let ratio = 1;
    while (node !== to) {
      const edge = graph.edges.find((e) => e.from === node);
      if (!edge) throw new Error('the gear chain is broken');
      ratio *= edge.localDerivative;
      node = edge.to;
    }
    return ratio;
  };
  const nodes = GEAR_NAMES.map(byLabel);
  const gears = nodes.map((n, i) => ({ name: GEAR_NAMES[i], value: n.value, grad: n.grad }));
  const ratios = nodes.slice(0, -1).map((n, i) => ratioBetween(n.id, nodes[i + 1].id));
  const product = ratios.reduce((p, r) => p * r, 1);
  const finiteDifference = centralDifferenceGradient(([v]) => forward(level, v), [w])[0];
  return { gears, ratios, product, finiteDifference, graph };
}

/** Rounded for the prediction buttons (3 significant digits keeps them distinct and readable). */
export const roundChoice = (v: number) => Number(v.toPrecision(3));

/** The prediction choices: the product (right), the sum, the last ratio alone, and the wrong sign. */
export function gearChoices(level: FoggyLevel, seed: number): number[] {
  const chain = gearChain(level, level.gears.w);
  const raw = [
    chain.product,
    chain.ratios.reduce((s, r) => s + r, 0),
    chain.ratios[chain.ratios.length - 1],
    -chain.product,
  ].map(roundChoice);
  const unique = [...new Set(raw)];
  return createRng(deriveSeed(seed, 'gears')).shuffle(unique);
}

export function rightChoice(level: FoggyLevel): number {
  return roundChoice(gearChain(level, level.gears.w).product);
}
