// DOM helpers for chapter 6's panels (the scene describes what to show; these build the elements):
// panel parts placed at panel-relative coordinates, the drawing layer under them, grids of digit
// pictures with captions, bar fills, and rows of a picture beside a line of text.
import { paintDigit } from './drawingPad';

/** The parts drawn since noteParts, per panel root (see sweepParts). */
const drawn = new WeakMap<HTMLElement, Set<string>>();

/** Starts noting which parts of `root` a render draws. */
export function noteParts(root: HTMLElement): void {
  drawn.set(root, new Set());
}

/** Removes the parts of `root` that the render since noteParts did not draw, and stops noting. */
export function sweepParts(root: HTMLElement): void {
  const seen = drawn.get(root);
  if (!seen) return;
  drawn.delete(root);
  for (const el of root.querySelectorAll<HTMLElement>(':scope > [data-part]')) {
    if (!seen.has(el.dataset.part ?? '')) el.remove();
  }
}

/** A child of `root`, created once, at panel-relative coordinates (moved there if it was elsewhere). */
export function panelPart<K extends keyof HTMLElementTagNameMap>(
  root: HTMLElement,
  id: string,
  tag: K,
  at: { x: number; y: number; w?: number },
  className = '',
): HTMLElementTagNameMap[K] {
  let el = root.querySelector<HTMLElement>(`[data-part="${id}"]`) as HTMLElementTagNameMap[K] | null;
  if (!el) {
    el = document.createElement(tag);
    el.dataset.part = id;
    el.className = `at ${className}`;
    Object.assign(el.style, { left: `${at.x}px`, top: `${at.y}px`, ...(at.w ? { width: `${at.w}px` } : {}) });
    root.appendChild(el);
  } else {
    const { style } = el;
    if (style.left !== `${at.x}px`) style.left = `${at.x}px`;
    if (style.top !== `${at.y}px`) style.top = `${at.y}px`;
    if (at.w && style.width !== `${at.w}px`) style.width = `${at.w}px`;
  }
  drawn.get(root)?.add(id);
  return el;
}

/** Fills an empty container with one figure per digit (picture + caption). */
export function digitFigures(container: HTMLElement, digits: { bytes: ArrayLike<number>; caption: string }[]): void {
  if (container.childElementCount) return;
  for (const d of digits) {
    const fig = document.createElement('figure');
    const c = document.createElement('canvas');
    c.className = 'digit';
    paintDigit(c, d.bytes);
    const cap = document.createElement('figcaption');
    cap.textContent = d.caption;
    fig.append(c, cap);
    container.append(fig);
  }
}

/** Sets the width of a bar's inner fill (created on first use) to `fraction` of the bar. */
export function fillBar(bar: HTMLElement, fraction: number): void {
  if (!bar.firstChild) bar.append(document.createElement('div'));
  (bar.firstChild as HTMLElement).style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** Fills an empty container with rows of a small digit picture and a line of text. */
export function digitRows(container: HTMLElement, rows: { bytes: ArrayLike<number>; text: string }[]): void {
  if (container.childElementCount) return;
  for (const r of rows) {
    const row = document.createElement('div');
    Object.assign(row.style, { display: 'flex', alignItems: 'center', gap: '10px', marginBottom: '4px' });
    const c = document.createElement('canvas');
    c.className = 'digit';
    Object.assign(c.style, { width: '40px', height: '40px' });
    paintDigit(c, r.bytes);
    const t = document.createElement('span');
    t.textContent = r.text;
    row.append(c, t);
    container.append(row);
  }
}

/**
 * A drawn tick (read right, green) or cross (misread, red) centred at (x, y), `scale` 1 about 12 px
 * across: the shape tells it, not the colour, and no font has to be searched for the glyph.
 */
export function answerMark(g: CanvasRenderingContext2D, x: number, y: number, right: boolean, scale = 1): void {
  g.save();
  g.translate(x, y);
  g.scale(scale, scale);
  g.lineWidth = 2.5;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.strokeStyle = right ? '#2e7d3e' : '#c0392b';
  g.beginPath();
  if (right) {
    g.moveTo(-5, 0);
    g.lineTo(-1, 4);
    g.lineTo(6, -5);
  } else {
    g.moveTo(-4, -4);
    g.lineTo(4, 4);
    g.moveTo(4, -4);
    g.lineTo(-4, 4);
  }
  g.stroke();
  g.restore();
}

/** A rectangle of the drawing layer, painted by `paint` (its origin at the rectangle's corner). */
export interface LayerRegion {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** What is painted: the region is painted again only when this (or its place) changes. */
  key: string;
  paint(g: CanvasRenderingContext2D): void;
}

/**
 * The panel's drawing layer: one canvas under the panel's parts, made with the chapter's stage,
 * on which a render's charts and digit pictures are painted in regions. A canvas of their own
 * would each cost the compositor about 10 ms the first frame it shows on a slow machine, and a
 * dozen appeared in the frames after the press on Train; the layer shows once, when the chapter
 * opens. A render declares its regions between begin and end; at end, the ones whose key changed
 * are painted again, and when a region moved, went or came the layer is painted anew.
 */
export class PanelLayer {
  private readonly g: CanvasRenderingContext2D;
  private shown = new Map<string, LayerRegion>();
  private next: LayerRegion[] | null = null;

  constructor(
    readonly canvas: HTMLCanvasElement,
    w: number,
    h: number,
  ) {
    canvas.width = w;
    canvas.height = h;
    canvas.setAttribute('aria-hidden', 'true');
    this.g = canvas.getContext('2d')!;
    // Drawn on once (a pixel, then cleared), so the page makes the layer's surface now, with the
    // chapter, not on the first real paint (a transparent fill is skipped as drawing nothing).
    this.g.fillStyle = '#ffffff';
    this.g.fillRect(0, 0, 1, 1);
    this.g.clearRect(0, 0, 1, 1);
  }

  begin(): void {
    this.next = [];
  }

  region(r: LayerRegion): void {
    this.next?.push(r);
  }

  end(): void {
    const next = this.next;
    this.next = null;
    if (!next) return;
    const same = (a: LayerRegion, b: LayerRegion | undefined) =>
      b !== undefined && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
    const inPlace = next.length === this.shown.size && next.every((r) => same(r, this.shown.get(r.id)));
    const g = this.g;
    if (!inPlace && this.shown.size > 0) g.clearRect(0, 0, this.canvas.width, this.canvas.height);
    for (const r of next) {
      if (inPlace && this.shown.get(r.id)?.key === r.key) continue;
      g.save();
      g.translate(r.x, r.y);
      if (inPlace) g.clearRect(0, 0, r.w, r.h);
      g.beginPath();
      g.rect(0, 0, r.w, r.h);
      g.clip();
      r.paint(g);
      g.restore();
    }
    this.shown = new Map(next.map((r) => [r.id, r]));
  }

  /** The regions on the layer now, by id (for tests). */
  get regions(): ReadonlyMap<string, LayerRegion> {
    return this.shown;
  }
}

/**
 * Each digit's 28 x 28 picture, on a canvas off the page, made once per bytes object: the view's
 * digit images are cached arrays that never change (levels/ch6/digitDemonPictures.ts), so a
 * panel painted again (a progress report, the press on Train) scales a picture, not 784 pixels.
 */
const pictures = new WeakMap<object, HTMLCanvasElement>();

function digitPicture(bytes: ArrayLike<number>): HTMLCanvasElement {
  let picture = pictures.get(bytes);
  if (!picture) {
    picture = document.createElement('canvas');
    paintDigit(picture, bytes);
    pictures.set(bytes, picture);
  }
  return picture;
}

/**
 * A digit in a white box with a rounded ink border, `size` px across, its pixels drawn sharp
 * (as the digit canvases' CSS draws them). Bytes are taken as never changing (see pictures).
 */
export function paintDigitBox(
  g: CanvasRenderingContext2D,
  x: number,
  y: number,
  size: number,
  bytes: ArrayLike<number>,
): void {
  const picture = digitPicture(bytes);
  g.save();
  g.imageSmoothingEnabled = false;
  g.fillStyle = '#ffffff';
  g.strokeStyle = '#2b2d42';
  g.lineWidth = 2;
  g.beginPath();
  g.roundRect(x + 1, y + 1, size - 2, size - 2, 6);
  g.fill();
  g.drawImage(picture, x + 2, y + 2, size - 4, size - 4);
  g.stroke();
  g.restore();
}
