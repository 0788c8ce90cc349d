import { describe, expect, it } from 'vitest';
import { graphOf, topologicalOrder, value, type Value } from '../../../src/engine/autograd';
import { centralDifferenceGradient, maxRelativeError } from '../../../src/engine/gradientCheck';
import { createRng } from '../../../src/engine/random';

describe('autograd: hand-derived values', () => {
  it('f = x y + sin x', () => {
    const x = value(2, 'x');
    const y = value(3, 'y');
    const f = x.mul(y).add(x.sin());
    f.backward();
    expect(f.data).toBeCloseTo(6 + Math.sin(2), 15);
    // df/dx = y + cos x = 3 + cos 2 = 2.5838531634528574
    expect(x.grad).toBeCloseTo(2.5838531634528574, 14);
    // df/dy = x = 2
    expect(y.grad).toBe(2);
  });

  it('a tanh neuron (x1=2, x2=0, w1=-3, w2=1, b chosen so n = artanh(1/sqrt 2))', () => {
    const [x1, x2, w1, w2] = [value(2), value(0), value(-3), value(1)];
    const b = value(6.881373587019543);
    const n = x1.mul(w1).add(x2.mul(w2)).add(b); // n = -6 + 0 + 6.8813... = 0.8813735870195432
    const o = n.tanh(); // tanh(n) = 1/sqrt(2)
    o.backward();
    expect(o.data).toBeCloseTo(Math.SQRT1_2, 12);
    // do/dn = 1 - tanh(n)^2 = 1 - 1/2 = 0.5
    expect(n.grad).toBeCloseTo(0.5, 12);
    expect(w1.grad).toBeCloseTo(1, 12); // x1 * 0.5
    expect(x1.grad).toBeCloseTo(-1.5, 12); // w1 * 0.5
    expect(x2.grad).toBeCloseTo(0.5, 12); // w2 * 0.5
    expect(w2.grad).toBe(0); // x2 * 0.5
  });

  it("micrograd's README expression (values checked there against PyTorch)", () => {
    const a = value(-4);
    const b = value(2);
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(value(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(value(3).mul(d).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(value(10).div(f));
    g.backward();
    expect(g.data).toBeCloseTo(24.70408163265306, 10);
    expect(a.grad).toBeCloseTo(138.83381924198252, 8);
    expect(b.grad).toBeCloseTo(645.5772594752186, 8);
  });

  it('a value used twice accumulates both paths: d(x*x)/dx = 2x', () => {
    const x = value(-1.5);
    const y = x.mul(x);
    y.backward();
    expect(x.grad).toBe(-3);
  });

  it('backward twice gives the same grads (it starts from zero)', () => {
    const x = value(0.3);
    const f = x.exp().mul(x.sigmoid());
    f.backward();
    const once = x.grad;
    f.backward();
    expect(x.grad).toBe(once);
  });

  it('each op matches its textbook derivative', () => {
    const cases: [string, (v: Value) => Value, (x: number) => number, number][] = [
      ['exp', (v) => v.exp(), (x) => Math.exp(x), 0.7],
      ['log', (v) => v.log(), (x) => 1 / x, 2.5],
      ['sin', (v) => v.sin(), (x) => Math.cos(x), 1.1],
      ['cos', (v) => v.cos(), (x) => -Math.sin(x), 1.1],
      ['tanh', (v) => v.tanh(), (x) => 1 - Math.tanh(x) ** 2, -0.4],
      ['relu+', (v) => v.relu(), () => 1, 0.4],
      ['relu-', (v) => v.relu(), () => 0, -0.4],
      ['sigmoid', (v) => v.sigmoid(), (x) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2, 0.9],
      ['pow 3', (v) => v.pow(3), (x) => 3 * x * x, -1.2],
      ['pow -1', (v) => v.pow(-1), (x) => -1 / (x * x), 2],
      ['pow 0.5', (v) => v.pow(0.5), (x) => 0.5 / Math.sqrt(x), 4],
      ['div', (v) => value(3).div(v), (x) => -3 / (x * x), 1.5],
    ];
    for (const [name, op, derivative, x0] of cases) {
      const x = value(x0);
      op(x).backward();
      expect(x.grad, name).toBeCloseTo(derivative(x0), 12);
    }
  });
});

describe('autograd vs central differences', () => {
  // f(a, b, c) = tanh(a b + c^2) / (1 + e^a) + log(1 + b^2) sin(c) - relu(a - c) sigmoid(b)
  const build = ([a0, b0, c0]: number[]): { f: Value; inputs: Value[] } => {
    const a = value(a0, 'a');
    const b = value(b0, 'b');
    const c = value(c0, 'c');
    const t1 = a.mul(b).add(c.pow(2)).tanh().div(value(1).add(a.exp()));
    const t2 = value(1).add(b.pow(2)).log().mul(c.sin());
    const t3 = a.sub(c).relu().mul(b.sigmoid());
    return { f: t1.add(t2).sub(t3), inputs: [a, b, c] };
  };

  it('agrees at 50 seeded random points', () => {
    const rng = createRng(99);
    for (let k = 0; k < 50; k++) {
      const point = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)];
      if (Math.abs(point[0] - point[2]) < 1e-3) continue; // stay off the ReLU kink
      const { f, inputs } = build(point);
      f.backward();
      const numeric = centralDifferenceGradient((p) => build(p).f.data, point, 1e-6);
      expect(
        maxRelativeError(
          inputs.map((v) => v.grad),
          numeric,
        ),
      ).toBeLessThan(1e-7);
    }
  });
});

describe('graphOf', () => {
  it('shows the gears x -> g = x^2 -> f = sin g with each ratio', () => {
    const x = value(3, 'x');
    const g = x.pow(2).named('g');
    const f = g.sin().named('f');
    f.backward();
    const graph = graphOf(f);
    expect(graph.nodes).toEqual([
      { id: 0, op: '', label: 'x', value: 3, grad: 2 * 3 * Math.cos(9) },
      { id: 1, op: 'pow 2', label: 'g', value: 9, grad: Math.cos(9) },
      { id: 2, op: 'sin', label: 'f', value: Math.sin(9), grad: 1 },
    ]);
    // dg/dx = 2x = 6; df/dg = cos 9; and df/dx is their product, as the gears show.
    expect(graph.edges).toEqual([
      { from: 0, to: 1, localDerivative: 6 },
      { from: 1, to: 2, localDerivative: Math.cos(9) },
    ]);
    expect(graph.nodes[0].grad).toBe(graph.edges[0].localDerivative * graph.edges[1].localDerivative);
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('orders parents before children and lists shared nodes once', () => {
    const x = value(1);
    const y = x.mul(x).add(x);
    const order = topologicalOrder(y);
    expect(order).toHaveLength(3);
    expect(order[0]).toBe(x);
    expect(order[2]).toBe(y);
    expect(graphOf(y).edges).toHaveLength(4); // x->(x*x) twice, (x*x)->y, x->y
  });

  it('handles a deep chain without recursion limits', () => {
    let v = value(0.5);
    const x = v;
    for (let i = 0; i < 20_000; i++) v = v.mul(1);
    v.backward();
    expect(x.grad).toBe(1);
  });
});

describe('autograd bad input', () => {
  it('throws a message naming the problem', () => {
    expect(() => value(Number.NaN, 'x')).toThrow(/Value x is not a number/);
    expect(() => value(0).log()).toThrow(/log: argument must be > 0/);
    expect(() => value(1).div(0)).toThrow(/division by zero/);
    expect(() => value(-2).pow(0.5)).toThrow(/negative base/);
    expect(() => value(1000).exp()).toThrow(/result of exp is not finite/);
    expect(() => value(1).pow(Number.NaN)).toThrow(/exponent/);
  });
});
