// The chapter's HTML panels: the "why?" trace, the sellers' conflict, the expert ceiling and the
// hidden basket. Long text lives in the DOM (it wraps, scales and is read by screen readers);
// each panel is created once per id and refilled on every render.
import type { Ceiling, SellerConflict } from '../../../levels/ch2/rulebookModel';
import type { ButtonSpec, HtmlLayer } from '../../ui/htmlLayer';
import { artUrl, type ArtKey } from '../../keys';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function panel(ui: HtmlLayer, id: string, box: Box, className = 'bbd-panel ch2-panel'): HTMLDivElement {
  const el = ui.element(id, 'div', className);
  Object.assign(el.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
  return el;
}

function node<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function img(src: string, size: number): HTMLImageElement {
  const el = document.createElement('img');
  el.alt = '';
  el.src = src;
  el.width = size;
  el.height = size;
  return el;
}

/**
 * The "why?" trace: a title, one line per rule and tile, and a Close button inside the panel. The
 * panel grows with its text up to `maxH` (then scrolls, with its own scroll bar in view), so the
 * last line ("So the answer is…") is never cut off. Escape anywhere in it closes it. Returns true
 * when the panel was created just now (the caller then moves focus into it).
 */
export function renderWhy(
  ui: HtmlLayer,
  box: { x: number; y: number; w: number; maxH: number },
  title: string,
  lines: readonly string[],
  close: { label: string; onClose: () => void },
): boolean {
  const fresh = !ui.root.querySelector('[data-owned="ch2-why"]');
  const el = ui.element('ch2-why', 'div', 'bbd-panel ch2-panel ch2-why');
  Object.assign(el.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, maxHeight: `${box.maxH}px` });
  el.setAttribute('role', 'dialog');
  el.setAttribute('aria-label', title);
  el.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close.onClose();
    }
  };
  // Built once and updated in place: re-creating the Close button would drop its focus.
  if (fresh) {
    const button = node('button', 'bbd-btn quiet ch2-why-close');
    button.type = 'button';
    button.dataset.group = 'ch2-whyclose';
    button.dataset.id = 'close';
    const head = node('div', 'head');
    head.append(node('h3', ''), button);
    el.replaceChildren(head, node('div', 'body'));
  }
  const button = el.querySelector('button') as HTMLButtonElement;
  button.textContent = close.label;
  button.onclick = close.onClose;
  (el.querySelector('h3') as HTMLElement).textContent = title;
  const body = el.querySelector('.body') as HTMLElement;
  const key = JSON.stringify(lines);
  if (body.dataset.key !== key) {
    body.dataset.key = key;
    body.replaceChildren(...lines.map((l) => node('div', l.startsWith('   ') ? 'item' : 'line', l.trim())));
  }
  return fresh;
}

export interface ConflictText {
  title: string;
  fruitName: (id: string) => string;
  fruitArt: (id: string) => string;
  claim: (c: SellerConflict['claims'][number]) => string;
}

/** The clash: for each disputed fruit, each seller's rule that fired and what it concluded. */
export function renderConflict(
  ui: HtmlLayer,
  box: Box,
  conflicts: readonly SellerConflict[],
  text: ConflictText,
): void {
  const el = panel(ui, 'ch2-conflict', box, 'bbd-panel ch2-panel ch2-conflict');
  const rows = conflicts.map((c) => {
    const row = node('div', 'row');
    const fruit = node('div', 'fruit');
    fruit.append(img(artUrl(text.fruitArt(c.fruit) as ArtKey), 64), node('span', '', text.fruitName(c.fruit)));
    const claims = node('div', 'claims');
    for (const cl of c.claims) {
      const line = node('div', `claim ${cl.value === true ? 'yes' : 'no'}`);
      line.append(img(artUrl(`seller-${cl.seller}` as ArtKey), 40), node('span', '', text.claim(cl)));
      claims.append(line);
    }
    row.append(fruit, node('div', 'clash', '≠'), claims);
    return row;
  });
  el.replaceChildren(node('h3', '', text.title), ...rows);
}

export interface CeilingText {
  title: string;
  expert: string;
  rulebook: string;
  note: string;
}

/** Two bars, the expert's score and the rulebook's, both against the truth. */
export function renderCeiling(ui: HtmlLayer, box: Box, c: Ceiling, text: CeilingText, seller: string): void {
  const el = panel(ui, 'ch2-ceiling', box, 'bbd-panel ch2-panel ch2-ceiling');
  const bar = (label: string, n: number, kind: string, icon: string) => {
    const row = node('div', `bar ${kind}`);
    const fill = node('div', 'fill');
    fill.style.width = `${(100 * n) / Math.max(1, c.total)}%`;
    const track = node('div', 'track');
    track.append(fill);
    row.append(img(icon, 36), node('span', 'label', label), track);
    return row;
  };
  el.replaceChildren(
    node('h3', '', text.title),
    bar(text.expert, c.expertCorrect, 'expert', artUrl(`seller-${seller}` as ArtKey)),
    bar(text.rulebook, c.rulebookCorrect, 'rulebook', artUrl('map-ch2-rulebook')),
    node('p', 'note', text.note),
  );
}

/** A small label box (the hidden basket, the chosen side, an empty rule). */
export function renderNote(ui: HtmlLayer, id: string, box: Box, text: string, icon?: string): void {
  const el = panel(ui, id, box, 'ch2-note');
  el.replaceChildren(...(icon ? [img(icon, Math.min(44, box.h - 8))] : []), node('span', '', text));
}

/**
 * The opaque tray under a row of tools: its label at the left and every tool button on it, so
 * nothing floats over the scenery. Sized to the buttons; returns its box, or null (and removes
 * it) when there are no tools.
 */
export function renderTray(ui: HtmlLayer, id: string, tools: readonly ButtonSpec[], label: string): Box | null {
  if (!tools.length) {
    ui.removeElement(id);
    return null;
  }
  const top = Math.min(...tools.map((t) => t.y));
  const bottom = Math.max(...tools.map((t) => t.y + t.h));
  const right = Math.max(...tools.map((t) => t.x + t.w));
  const box = { x: 16, y: top - 6, w: right + 10 - 16, h: bottom - top + 14 };
  const el = panel(ui, id, box, 'ch2-tray');
  const span = el.querySelector('span') ?? el.appendChild(node('span', ''));
  span.textContent = label;
  return box;
}
