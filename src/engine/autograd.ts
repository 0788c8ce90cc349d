// Chapter 5's scalar autograd, after karpathy/micrograd. Each Value remembers the Values it was
// computed from (its parents) and, computed right beside the forward formula, the local
// derivative d(this)/d(parent). backward() applies the chain rule from the output to the inputs:
//
//   parent.grad += localDerivative * child.grad        (visiting children before their parents)
//
// i.e. d(root)/d(parent) = sum over the edges parent -> child of d(child)/d(parent) * d(root)/d(child).
// graphOf() exposes the same nodes and edges (with their local derivatives) for the gears view.

export type ValueLike = Value | number;

function finite(x: number, what: string): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new Error(`${what} is not a number: ${String(x)}`);
  if (!Number.isFinite(x)) throw new Error(`${what} is not finite: ${x}`);
  return x;
}

export class Value {
  readonly data: number;
  grad = 0;
  /** '' for an input or constant, else the operation that made it ('+', '*', 'exp', 'pow 2'...). */
  readonly op: string;
  label: string | undefined;
  readonly parents: readonly Value[];
  /** localDerivatives[i] = d(this) / d(parents[i]) at the forward values. */
  readonly localDerivatives: readonly number[];

  constructor(data: number, label?: string, op = '', parents: Value[] = [], localDerivatives: number[] = []) {
    this.data = finite(data, op === '' ? `Value ${label ?? ''}`.trim() : `result of ${op}`);
    this.label = label;
    this.op = op;
    this.parents = parents;
    this.localDerivatives = localDerivatives;
  }

  private static of(x: ValueLike): Value {
    return x instanceof Value ? x : new Value(x);
  }

  add(other: ValueLike): Value {
    const o = Value.of(other);
    // d(a + b)/da = 1, d(a + b)/db = 1
    return new Value(this.data + o.data, undefined, '+', [this, o], [1, 1]);
  }

  sub(other: ValueLike): Value {
    const o = Value.of(other);
    // d(a - b)/da = 1, d(a - b)/db = -1
    return new Value(this.data - o.data, undefined, '-', [this, o], [1, -1]);
  }

  mul(other: ValueLike): Value {
    const o = Value.of(other);
    // d(a b)/da = b, d(a b)/db = a
    return new Value(this.data * o.data, undefined, '*', [this, o], [o.data, this.data]);
  }

  div(other: ValueLike): Value {
    const o = Value.of(other);
    if (o.data === 0) throw new Error('div: division by zero');
    // d(a / b)/da = 1 / b, d(a / b)/db = -a / b^2
    return new Value(this.data / o.data, undefined, '/', [this, o], [1 / o.data, -this.data / (o.data * o.data)]);
  }

  neg(): Value {
    // d(-a)/da = -1
    return new Value(-this.data, undefined, 'neg', [this], [-1]);
  }

  pow(k: number): Value {
    finite(k, 'pow: exponent');
    if (this.data < 0 && !Number.isInteger(k))
      throw new Error(`pow: negative base ${this.data} with fractional exponent ${k}`);
    if (this.data === 0 && k < 1 && k !== 0) throw new Error(`pow: base 0 with exponent ${k} has no derivative`);
    // d(a^k)/da = k a^(k-1)
    return new Value(this.data ** k, undefined, `pow ${k}`, [this], [k === 0 ? 0 : k * this.data ** (k - 1)]);
  }

  exp(): Value {
    const e = Math.exp(this.data);
    // d(e^a)/da = e^a
    return new Value(e, undefined, 'exp', [this], [e]);
  }

  log(): Value {
    if (this.data <= 0) throw new Error(`log: argument must be > 0, got ${this.data}`);
    // d(ln a)/da = 1 / a
    return new Value(Math.log(this.data), undefined, 'log', [this], [1 / this.data]);
  }

  sin(): Value {
    // d(sin a)/da = cos a
    return new Value(Math.sin(this.data), undefined, 'sin', [this], [Math.cos(this.data)]);
  }

  cos(): Value {
    // d(cos a)/da = -sin a
    return new Value(Math.cos(this.data), undefined, 'cos', [this], [-Math.sin(this.data)]);
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    // d(tanh a)/da = 1 - tanh(a)^2
    return new Value(t, undefined, 'tanh', [this], [1 - t * t]);
  }

  relu(): Value {
    // d(max(0, a))/da = 1 if a > 0 else 0 (we take 0 at the kink a = 0)
    return new Value(Math.max(0, this.data), undefined, 'relu', [this], [this.data > 0 ? 1 : 0]);
  }

  sigmoid(): Value {
    // s = 1 / (1 + e^-a), written to avoid overflow for large |a|
    const s = this.data >= 0 ? 1 / (1 + Math.exp(-this.data)) : Math.exp(this.data) / (1 + Math.exp(this.data));
    // d(s)/da = s (1 - s)
    return new Value(s, undefined, 'sigmoid', [this], [s * (1 - s)]);
  }

  /** Names this node for the graph view; returns this for chaining. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /**
   * Reverse mode: zeroes every grad in the graph, sets d(this)/d(this) = 1, then pushes grads from
   * each node to its parents in reverse topological order. Calling it twice gives the same grads.
   */
  backward(): void {
    const order = topologicalOrder(this);
    for (const v of order) v.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      v.parents.forEach((p, j) => {
        p.grad += v.localDerivatives[j] * v.grad; // chain rule
      });
    }
  }
}

/** A leaf Value (an input or a knob). */
export function value(data: number, label?: string): Value {
  return new Value(data, label);
}

/** Every node reachable from root, each after all of its parents (inputs first, root last). */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const seen = new Set<Value>();
  // Iterative depth-first search: [node, index of the next parent to visit].
  const stack: [Value, number][] = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1] = next + 1;
      const p = node.parents[next];
      if (!seen.has(p)) {
        seen.add(p);
        stack.push([p, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order;
}

export interface GraphNode {
  /** Position in topological order (inputs first), stable for a given expression. */
  id: number;
  op: string;
  label?: string;
  value: number;
  grad: number;
}

export interface GraphEdge {
  from: number;
  to: number;
  /** d(to) / d(from): the gear ratio. */
  localDerivative: number;
}

export interface ValueGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Plain-data snapshot of the graph under root (call root.backward() first to fill grads). */
export function graphOf(root: Value): ValueGraph {
  const order = topologicalOrder(root);
  const ids = new Map<Value, number>();
  order.forEach((v, i) => ids.set(v, i));
  const nodes = order.map((v, id): GraphNode => {
    const node: GraphNode = { id, op: v.op, value: v.data, grad: v.grad };
    if (v.label !== undefined) node.label = v.label;
    return node;
  });
  const edges: GraphEdge[] = [];
  for (const v of order) {
    v.parents.forEach((p, j) => {
      edges.push({ from: ids.get(p) as number, to: ids.get(v) as number, localDerivative: v.localDerivatives[j] });
    });
  }
  return { nodes, edges };
}
