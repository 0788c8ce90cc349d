// From a drawing to what the net sees. Strokes (points in a unit square, y down) are painted
// into a square grey raster with soft edges; then MNIST's own recipe turns any raster into the
// 28 x 28 input the digits were made with:
//   1. crop to the ink's bounding box;
//   2. scale so the longer side is 20 pixels, keeping the aspect, by area averaging (each output
//      pixel is the mean ink of the source area it covers: this is the smoothing step, and it
//      gives the grey, anti-aliased edges MNIST digits have);
//   3. paste into a 28 x 28 frame so that the ink's centre of mass lands on the frame's centre.
// Everything is plain arithmetic on arrays, so the page, tests and verification agree.

export type Point = readonly [number, number];
export type Stroke = readonly Point[];

export const SIDE = 28;
export const BOX = 20;
/**
 * Ink at or below this (0..1) counts as paper when cropping: a pen's soft edge and faint smudges
 * should not make the box (and so the digit) smaller. 0.25 kept the most answers in the round-trip
 * test on real digits (tried 0.002 to 0.4).
 */
const INK_FLOOR = 0.25;
/**
 * Where the centre of mass goes, in pixel-centre coordinates. MNIST's own digits have theirs in
 * [14, 15) on both axes (measured on the 2,000 held-out digits: mean 14.5), so 14.5 reproduces
 * their placement.
 */
const CENTRE = 14.5;

/** Distance from (px, py) to the segment a-b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/**
 * Paints strokes into a size x size raster of ink 0..1: a round pen of `width` pixels whose edge
 * fades over one pixel. A stroke of one point is a dot.
 */
export function rasterStrokes(strokes: readonly Stroke[], size: number, width: number): Float32Array {
  const ink = new Float32Array(size * size);
  const r = width / 2;
  for (const stroke of strokes) {
    const pts = stroke.map(([x, y]) => [x * size, y * size] as const);
    for (let s = 0; s < pts.length; s++) {
      const [ax, ay] = pts[s];
      const [bx, by] = pts[Math.min(s + 1, pts.length - 1)];
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
      const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + r + 1));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
      const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + r + 1));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const d = segmentDistance(x + 0.5, y + 0.5, ax, ay, bx, by);
          const v = d <= r - 0.5 ? 1 : d >= r + 0.5 ? 0 : r + 0.5 - d;
          if (v > ink[y * size + x]) ink[y * size + x] = v;
        }
      }
      if (pts.length === 1) break;
    }
  }
  return ink;
}

/** Area-average resampling of a w x h raster to tw x th (exact coverage of fractional pixels). */
export function resampleArea(src: Float32Array, w: number, h: number, tw: number, th: number): Float32Array {
  // Horizontal pass (w -> tw) then vertical (h -> th); each weight is the overlap of a source
  // pixel with the output pixel's footprint, divided by the footprint's length.
  const pass = (input: Float32Array, n: number, m: number, lines: number, stride: number, step: number) => {
    // n source samples along the axis become m; `lines` lines; index = line * stride + i * step.
    const out = new Float32Array(lines * m);
    const scale = n / m;
    for (let line = 0; line < lines; line++) {
      for (let j = 0; j < m; j++) {
        const a = j * scale;
        const b = a + scale;
        let sum = 0;
        for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) {
          const overlap = Math.min(b, i + 1) - Math.max(a, i);
          if (overlap > 0) sum += overlap * input[line * stride + i * step];
        }
        out[line * m + j] = sum / scale;
      }
    }
    return out;
  };
  // Rows: each of h rows, w -> tw (result row-major h x tw).
  const rows = pass(src, w, tw, h, w, 1);
  // Columns: each of tw columns, h -> th (result column-major tw x th), then transpose.
  const cols = pass(rows, h, th, tw, 1, tw);
  const out = new Float32Array(tw * th);
  for (let x = 0; x < tw; x++) for (let y = 0; y < th; y++) out[y * tw + x] = cols[x * th + y];
  return out;
}

/** How many pixels of a 28 x 28 input carry any ink. */
export function inkCount(pixels: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] > 0) n++;
  return n;
}

/**
 * MNIST-style preprocessing of a w x h raster (ink 0..1) into 784 bytes 0..255 (28 x 28,
 * row-major). A blank raster gives all zeros.
 */
export function preprocessRaster(ink: Float32Array, w: number, h: number): Uint8Array {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] > INK_FLOOR) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const out = new Uint8Array(SIDE * SIDE);
  if (x1 < 0) return out;
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) crop[y * cw + x] = ink[(y + y0) * w + x + x0];
  const scale = BOX / Math.max(cw, ch);
  const tw = Math.max(1, Math.round(cw * scale));
  const th = Math.max(1, Math.round(ch * scale));
  const small = resampleArea(crop, cw, ch, tw, th);
  // Centre of mass in pixel-centre coordinates, moved to CENTRE by a whole number of pixels.
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const dx = Math.round(CENTRE - mx / mass);
  const dy = Math.round(CENTRE - my / mass);
  for (let y = 0; y < th; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= SIDE) continue;
    for (let x = 0; x < tw; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= SIDE) continue;
      const v = Math.round(Math.min(1, small[y * tw + x]) * 255);
      out[ty * SIDE + tx] = v;
    }
  }
  return out;
}

/** Pen width on a raster of `size` pixels: about a tenth of the pad, like MNIST's strokes. */
export function penWidth(size: number): number {
  return size / 12;
}

/** A drawing (strokes in the unit square) as the net's 784 input bytes. */
export function drawingToInput(strokes: readonly Stroke[], size = 112): Uint8Array {
  return preprocessRaster(rasterStrokes(strokes, size, penWidth(size)), size, size);
}

/** 784 bytes as the net's inputs in [0, 1] (byte / 255, as the training digits). */
export function bytesToInput(bytes: ArrayLike<number>): Float32Array {
  const x = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) x[i] = bytes[i] / 255;
  return x;
}

/** Checks a recorded drawing: 784 whole numbers 0..255. */
export function isDrawingInput(pixels: unknown): pixels is number[] {
  return (
    Array.isArray(pixels) &&
    pixels.length === SIDE * SIDE &&
    pixels.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)
  );
}

/** The most points a draft may hold: a pad's strokes are bounded before any work is done. */
export const MAX_STROKE_POINTS = 20000;

/** Whether a value is strokes in the unit square, within MAX_STROKE_POINTS points. */
export function isStrokes(v: unknown): v is readonly Stroke[] {
  if (!Array.isArray(v) || v.length > MAX_STROKE_POINTS) return false;
  let points = 0;
  for (const stroke of v) {
    if (!Array.isArray(stroke)) return false;
    points += stroke.length;
    if (points > MAX_STROKE_POINTS) return false;
    for (const p of stroke)
      if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  }
  return true;
}
