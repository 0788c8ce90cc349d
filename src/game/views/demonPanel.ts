// DOM helpers for chapter 6's panels (the scene describes what to show; these build the elements):
// panel parts placed at panel-relative coordinates, grids of digit pictures with captions, bar
// fills, and rows of a picture beside a line of text.
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
