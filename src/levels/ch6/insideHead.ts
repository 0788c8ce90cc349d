// Inside Bit's head, computed with the engine: each hidden unit's 784 incoming weights as a 28 x 28
// picture (signed, scaled by the unit's largest weight, so -1..1), the held-out digits that excite
// a unit most (its highest activations after the hidden layer's ReLU), and one sample digit's ten
// probabilities and loss (the softmax cross-entropy of the right answer: how surprised Bit was by
// it). Pure functions of the network and the digits; the training worker and a replay call the
// same ones, so the numbers are the same wherever they were computed.
import { softmaxCrossEntropy, type DenseNetwork, type InputMatrix } from '../../engine';
import { bytesToInput, SIDE } from './digitDrawing';
import type { BossDigits } from './digits';

export const PIXELS = SIDE * SIDE;

export interface UnitPicture {
  /** 784 values, row by row, each weight divided by the unit's largest |weight|: -1..1. */
  values: number[];
  /** The unit's largest |weight| (0 for a unit whose weights are all zero). */
  maxAbs: number;
  /** The same as signed grey levels, -255..255 (red + / blue −, as the trick's noise is drawn). */
  signed: number[];
  /** How many of the 784 weights are positive and negative. */
  plus: number;
  minus: number;
  /** The unit's bias. */
  bias: number;
}

/** Hidden unit `unit`'s incoming weights as a signed 28 x 28 picture. */
export function unitPicture(net: DenseNetwork, unit: number): UnitPicture {
  const { incoming, bias } = net.getNeuron(0, unit);
  let maxAbs = 0;
  for (const w of incoming) maxAbs = Math.max(maxAbs, Math.abs(w));
  const values = incoming.map((w) => (maxAbs > 0 ? w / maxAbs : 0));
  return {
    values,
    maxAbs,
    signed: values.map((v) => Math.round(v * 255)),
    plus: incoming.filter((w) => w > 0).length,
    minus: incoming.filter((w) => w < 0).length,
    bias,
  };
}

/** The hidden layer's outputs for every row of `inputs`: rows x units, row-major (a copy). */
export function hiddenActivations(net: DenseNetwork, inputs: InputMatrix): Float32Array {
  const first = net.layers[0];
  net.forwardRows(inputs, net.rowsFor(inputs.rows), inputs.rows);
  return first.y.slice(0, inputs.rows * first.units);
}

export interface Exciting {
  /** Index of the held-out digit. */
  index: number;
  activation: number;
}

/**
 * For each hidden unit, the `count` rows with the highest activation (largest first; ties by the
 * lower index). Rows that leave the unit at 0 (ReLU off) are never listed.
 */
export function mostExciting(acts: Float32Array, rows: number, units: number, count: number): Exciting[][] {
  const top: Exciting[][] = Array.from({ length: units }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < units; u++) {
      const a = acts[r * units + u];
      if (!(a > 0)) continue;
      const list = top[u];
      if (list.length === count && a <= list[count - 1].activation) continue;
      // Insert after every entry at least as large: equal activations keep the lower index first.
      let at = list.length;
      while (at > 0 && list[at - 1].activation < a) at--;
      list.splice(at, 0, { index: r, activation: a });
      if (list.length > count) list.pop();
    }
  }
  return top;
}

/** Every hidden unit's most exciting held-out digits. */
export function excitingDigits(net: DenseNetwork, digits: BossDigits, count: number): Exciting[][] {
  const inputs = digits.test.inputs;
  return mostExciting(hiddenActivations(net, inputs), inputs.rows, net.layers[0].units, count);
}

export interface SampleReading {
  /** The held-out digit's index and its true label. */
  index: number;
  label: number;
  /** The net's ten probabilities. */
  probabilities: number[];
  /** -ln p(right answer): 0 when Bit was sure and right, large when the right answer surprised it. */
  loss: number;
}

/** The net's reading of held-out digit `index`: ten probabilities and the loss of its true label. */
export function sampleReading(net: DenseNetwork, digits: BossDigits, index: number): SampleReading | null {
  const pixels = digits.data.test.pixels;
  if (!Number.isInteger(index) || index < 0 || (index + 1) * PIXELS > pixels.length) return null;
  const label = digits.data.test.labels[index];
  const probs = net.predict(bytesToInput(pixels.subarray(index * PIXELS, (index + 1) * PIXELS)));
  return {
    index,
    label,
    probabilities: Array.from(probs),
    loss: softmaxCrossEntropy.value(probs, Uint8Array.of(label), 1, 10),
  };
}

/** What the player has done inside Bit's head since the last training (recorded as head.* events). */
export interface HeadState {
  open: boolean;
  /** The selected hidden unit. */
  unit: number;
  /** Distinct units looked at, in the order first chosen (unit 0 counts once the view opens). */
  inspected: number[];
  /** Every hidden unit's most exciting held-out digits, computed when the view first opens. */
  top: Exciting[][] | null;
}

/**
 * Opens and unit choices an attempt may record: enough to page through 128 units and more, while
 * the attempt stays under its event limit (digitDemonEvents.ts).
 */
export const MAX_HEAD_EVENTS = 80;

/** Whether an attempt may still open the head view or choose a unit (MAX_HEAD_EVENTS of those). */
export function headEventsLeft(events: readonly { type: string }[]): boolean {
  let n = 0;
  for (const e of events) if (e.type === 'head.open' || e.type === 'head.unit') n++;
  return n < MAX_HEAD_EVENTS;
}

export function closedHead(): HeadState {
  return { open: false, unit: 0, inspected: [], top: null };
}

/** Opens the view (on unit 0 the first time, where it was left after that). */
export function openHead(net: DenseNetwork, digits: BossDigits, count: number, h: HeadState): HeadState {
  const top = h.top ?? excitingDigits(net, digits, count);
  return { ...h, open: true, top, inspected: h.inspected.includes(h.unit) ? h.inspected : [...h.inspected, h.unit] };
}

export function validUnit(net: DenseNetwork | null, h: HeadState, unit: unknown): boolean {
  return !!net && h.open && Number.isInteger(unit) && (unit as number) >= 0 && (unit as number) < net.layers[0].units;
}

export function chooseUnit(h: HeadState, unit: number): HeadState {
  return { ...h, unit, inspected: h.inspected.includes(unit) ? h.inspected : [...h.inspected, unit] };
}
