// The drawing pad: one canvas that takes mouse, touch and pen alike (pointer events, with
// touch-action off so a finger draws instead of scrolling). It keeps the strokes as points in the
// unit square; the preprocessing (levels/ch6/digitDrawing.ts) turns them into the net's input.
import type { Stroke } from '../../levels/ch6/digitDrawing';

type Pt = [number, number];

export class DrawingPad {
  readonly canvas: HTMLCanvasElement;
  private strokes: Pt[][] = [];
  private current: Pt[] | null = null;

  constructor(
    size: number,
    label: string,
    private readonly onChange: (strokes: readonly Stroke[]) => void,
  ) {
    const c = document.createElement('canvas');
    c.width = size;
    c.height = size;
    c.className = 'ch6-pad';
    c.setAttribute('role', 'img');
    c.setAttribute('aria-label', label);
    c.style.touchAction = 'none';
    this.canvas = c;
    const at = (e: PointerEvent): Pt => {
      const r = c.getBoundingClientRect();
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      return [clamp((e.clientX - r.left) / r.width), clamp((e.clientY - r.top) / r.height)];
    };
    c.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      c.setPointerCapture?.(e.pointerId);
      this.current = [at(e)];
      this.strokes.push(this.current);
      this.redraw();
    });
    c.addEventListener('pointermove', (e) => {
      if (!this.current) return;
      this.current.push(at(e));
      this.redraw();
    });
    const end = () => {
      if (!this.current) return;
      this.current = null;
      this.onChange(this.strokes);
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    this.redraw();
  }

  setStrokes(strokes: readonly Stroke[]): void {
    this.strokes = strokes.map((s) => s.map(([x, y]) => [x, y] as Pt));
    this.current = null;
    this.redraw();
    this.onChange(this.strokes);
  }

  undo(): void {
    this.strokes.pop();
    this.redraw();
    this.onChange(this.strokes);
  }

  clear(): void {
    this.setStrokes([]);
  }

  get empty(): boolean {
    return this.strokes.length === 0;
  }

  private redraw(): void {
    const c = this.canvas;
    const g = c.getContext('2d')!;
    g.fillStyle = '#fffaf0';
    g.fillRect(0, 0, c.width, c.height);
    g.strokeStyle = '#2b2118';
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.lineWidth = c.width / 12;
    for (const s of this.strokes) {
      g.beginPath();
      s.forEach(([x, y], i) => (i === 0 ? g.moveTo(x * c.width, y * c.height) : g.lineTo(x * c.width, y * c.height)));
      if (s.length === 1) g.lineTo(s[0][0] * c.width + 0.1, s[0][1] * c.height);
      g.stroke();
    }
  }
}

/** Paints 784 grey bytes (0 paper .. 255 ink) onto a 28 x 28 canvas, ink dark on light. */
export function paintDigit(canvas: HTMLCanvasElement, bytes: ArrayLike<number>, noise = false): void {
  canvas.width = 28;
  canvas.height = 28;
  const g = canvas.getContext('2d')!;
  const img = g.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = bytes[i];
    let r: number;
    let gg: number;
    let b: number;
    if (noise) {
      // Noise: red where ink was added, blue where it was taken away, white where nothing moved.
      const a = Math.min(255, Math.abs(v));
      r = v < 0 ? 255 - a : 255;
      gg = 255 - a;
      b = v > 0 ? 255 - a : 255;
    } else {
      r = gg = b = 255 - v;
    }
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = gg;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  g.putImageData(img, 0, 0);
}
