// The chapter's HTML panels: the "why?" trace, the sellers' conflict, the expert ceiling and the
// hidden basket. Long text lives in the DOM (it wraps, scales and is read by screen readers);
// each panel is created once per id and refilled on every render.
import type { Ceiling, SellerConflict } from '../../levels/ch2/rulebookModel';
import type { HtmlLayer } from '../ui/htmlLayer';
import { artUrl, type ArtKey } from '../keys';

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

/** The "why?" trace: a title and one line per rule and tile. */
export function renderWhy(ui: HtmlLayer, box: Box, title: string, lines: readonly string[]): void {
  const el = panel(ui, 'ch2-why', box, 'bbd-panel ch2-panel ch2-why');
  el.setAttribute('role', 'region');
  el.setAttribute('aria-label', title);
  el.replaceChildren(
    node('h3', '', title),
    ...lines.map((l) => node('div', l.startsWith('   ') ? 'item' : 'line', l.trim())),
  );
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
