// Where chapter 3's neuron view puts things, and how a weight looks, as plain numbers: no Phaser
// here, so the geometry is unit-tested. Game coordinates are 1280×720; the dialogue box starts
// at y = 566.
export const LAYOUT = {
  conveyor: { x: 20, y: 66, w: 216, h: 490, fruitX: 128, fruitY: 146, fruitSize: 120 },
  inputs: { bulbX: 272, wordX: 294, top: 100, rowH: 62 },
  knobs: { x: 414, w: 132 },
  chipX: 662,
  lineX: 692,
  neuron: { x: 830, y: 300, r: 46 },
  lamp: { x: 830, y: 150, size: 124 },
  /** The sum meter stands upright: min at y1 (bottom), max at y0 (top). */
  meter: { x: 950, w: 26, y0: 110, y1: 470 },
  thresholdKnobX: 1000,
  basket: { x: 1026, y: 66, w: 238, h: 490, cols: 3, cell: 74 },
} as const;

/** Centre y of input row i. */
export function rowY(i: number): number {
  return LAYOUT.inputs.top + LAYOUT.inputs.rowH * i + LAYOUT.inputs.rowH / 2;
}

export type WeightSign = 'plus' | 'minus' | 'zero';

export function signOf(w: number): WeightSign {
  return w > 0 ? 'plus' : w < 0 ? 'minus' : 'zero';
}

/** Line thickness grows with |w|: 2 px for a zero knob (drawn faint and dotted), up to 11 px at |w| = 3. */
export function lineWidth(w: number): number {
  return w === 0 ? 2 : 2 + 3 * Math.min(3, Math.abs(w));
}

/** Dash pattern [on, off] in px: solid for +, long dashes for −, dots for 0. */
export function dashPattern(sign: WeightSign): [number, number] | null {
  if (sign === 'plus') return null;
  if (sign === 'minus') return [16, 10];
  return [3, 9];
}

/** Splits the segment (x1,y1)→(x2,y2) into dashes; a null pattern gives the whole line. */
export function dashes(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  pattern: [number, number] | null,
): [number, number, number, number][] {
  if (!pattern) return [[x1, y1, x2, y2]];
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return [];
  const [on, off] = pattern;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const out: [number, number, number, number][] = [];
  for (let d = 0; d < len; d += on + off) {
    const e = Math.min(len, d + on);
    out.push([x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e]);
  }
  return out;
}

/** y of a value on the upright sum meter, clamped to the meter's ends. */
export function meterY(v: number, meter: { min: number; max: number }): number {
  const { y0, y1 } = LAYOUT.meter;
  const t = (Math.min(meter.max, Math.max(meter.min, v)) - meter.min) / (meter.max - meter.min);
  return y1 - t * (y1 - y0);
}

/** Numbers as players read them: no trailing ".0", a real minus sign. */
export function formatNumber(v: number): string {
  const s = String(Number(v.toFixed(2)));
  return v < 0 ? `−${s.slice(1)}` : s;
}

/** Top-left of basket cell i. */
export function basketCell(i: number): { x: number; y: number } {
  const { x, y, cols, cell } = LAYOUT.basket;
  return { x: x + 8 + (i % cols) * cell, y: y + 44 + Math.floor(i / cols) * (cell + 4) };
}
