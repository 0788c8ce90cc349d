// Chapter 4's drawing language for planes: data coordinates to screen, the colour and dash of each
// hidden neuron's line, and heatmap pixels (class by hue, confidence by lightness: a cell where the
// network is unsure is nearly white). Points are also drawn as shapes, so hue is never the only cue.
import type { SmallActivation } from '../../engine';
import { COLORS, CSS } from '../palette';

/** Each hidden neuron's line: its own colour AND its own dash pattern. */
const LINE_STYLES: { color: number; css: string; dash: [number, number] | null }[] = [
  { color: COLORS.green, css: CSS.green, dash: null },
  { color: COLORS.purple, css: CSS.purple, dash: [18, 8] },
  { color: COLORS.orange, css: CSS.orange, dash: [4, 7] },
  { color: COLORS.blue, css: CSS.blue, dash: [14, 6] },
];

export function lineStyle(i: number): { color: number; css: string; dash: [number, number] | null } {
  return LINE_STYLES[i % LINE_STYLES.length];
}

export function planeToScreen(
  box: { xMin: number; xMax: number; yMin: number; yMax: number },
  rect: { x: number; y: number; size: number },
  x: number,
  y: number,
): [number, number] {
  return [
    rect.x + ((x - box.xMin) / (box.xMax - box.xMin)) * rect.size,
    rect.y + ((box.yMax - y) / (box.yMax - box.yMin)) * rect.size,
  ];
}

const ONE = [0x00, 0x72, 0xb2]; // blue: label 1
const ZERO = [0xd5, 0x5e, 0x00]; // vermilion: label 0

/** A unit's value in 0..1 for painting: sigmoid and output as they are, tanh from -1..1, ReLU by the grid's max. */
export function toUnit(values: Float32Array, kind: SmallActivation | 'output'): (v: number) => number {
  if (kind === 'tanh') return (v) => (v + 1) / 2;
  if (kind === 'relu') {
    let max = 0;
    for (const v of values) if (v > max) max = v;
    return max > 0 ? (v) => 0.5 + (0.5 * v) / max : () => 0.5;
  }
  return (v) => v;
}

/**
 * Paints a size x size grid (row 0 at the top, each value taken at its cell's centre) into a
 * canvas context of (size * scale) pixels a side. With scale > 1 each pixel's value is read
 * between the four nearest cell centres (bilinear), so the colours, and the boundary where the
 * hue turns, run smoothly instead of in blocks.
 */
export function heatmapPixels(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  kind: SmallActivation | 'output',
  size: number,
  scale = 1,
): void {
  const side = size * scale;
  const img = ctx.createImageData(side, side);
  const unit = toUnit(values, kind);
  const at = (r: number, c: number) =>
    values[Math.min(size - 1, Math.max(0, r)) * size + Math.min(size - 1, Math.max(0, c))];
  for (let py = 0; py < side; py++) {
    const fy = (py + 0.5) / scale - 0.5;
    const r0 = Math.floor(fy);
    const ty = fy - r0;
    for (let px = 0; px < side; px++) {
      const fx = (px + 0.5) / scale - 0.5;
      const c0 = Math.floor(fx);
      const tx = fx - c0;
      const v =
        (at(r0, c0) * (1 - tx) + at(r0, c0 + 1) * tx) * (1 - ty) +
        (at(r0 + 1, c0) * (1 - tx) + at(r0 + 1, c0 + 1) * tx) * ty;
      const p = Math.min(1, Math.max(0, unit(v)));
      const c = p >= 0.5 ? ONE : ZERO;
      const t = Math.abs(2 * p - 1) * 0.75;
      const i = py * side + px;
      img.data[i * 4] = Math.round(255 * (1 - t) + c[0] * t);
      img.data[i * 4 + 1] = Math.round(255 * (1 - t) + c[1] * t);
      img.data[i * 4 + 2] = Math.round(255 * (1 - t) + c[2] * t);
      img.data[i * 4 + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}
