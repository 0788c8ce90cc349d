// Text alternatives for what a chapter draws on the canvas (charts, heatmaps, meters, plots),
// which a screen reader cannot see. Each chart gets one element on the control layer at the
// chart's place: role="img" with a summary in words as its label, or, where a table fits, a group
// labelled by the summary holding a visually hidden table. Scenes describe their charts from the
// view-model on every render; only what changed is written, so a chart that trains every frame
// costs the page nothing while its words stay the same. The elements never take a pointer.
import type { HtmlLayer } from '../ui/htmlLayer';

export interface ChartText {
  /** Stable per chart (e.g. 'plane', 'loss'): the element's data-chart. */
  id: string;
  /** The chart's box in game coordinates (1280×720). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The summary in words, in the player's language. */
  label: string;
  /** Rows of a table, the first the header row, where the chart is a table at heart. */
  table?: readonly (readonly string[])[];
}

const shown = new WeakMap<HtmlLayer, Set<string>>();

/** Makes the layer's chart texts exactly `charts` (an empty list removes them all). */
export function renderChartTexts(ui: HtmlLayer, charts: readonly ChartText[]): void {
  const before = shown.get(ui) ?? new Set<string>();
  const now = new Set(charts.map((c) => c.id));
  for (const id of before) if (!now.has(id)) ui.removeElement(`chart-${id}`);
  shown.set(ui, now);
  for (const c of charts) renderOne(ui, c);
}

function renderOne(ui: HtmlLayer, c: ChartText): void {
  const el = ui.element(`chart-${c.id}`, 'div', 'bbd-chart-text');
  if (!el.dataset.chart) {
    el.dataset.chart = c.id;
    Object.assign(el.style, { position: 'absolute', pointerEvents: 'none' });
  }
  const px = (n: number) => `${Math.round(n)}px`;
  const style = el.style;
  if (style.left !== px(c.x)) style.left = px(c.x);
  if (style.top !== px(c.y)) style.top = px(c.y);
  if (style.width !== px(c.w)) style.width = px(c.w);
  if (style.height !== px(c.h)) style.height = px(c.h);
  const role = c.table ? 'group' : 'img';
  if (el.getAttribute('role') !== role) el.setAttribute('role', role);
  if (el.getAttribute('aria-label') !== c.label) el.setAttribute('aria-label', c.label);
  const key = c.table ? JSON.stringify(c.table) : '';
  if (el.dataset.table === key) return;
  el.dataset.table = key;
  // A chart that trains keeps its table's shape while its numbers change: only the cells whose
  // words changed are rewritten. Building a new table costs the page style and layout work for
  // every cell, on every trial.
  if (c.table?.length && rewriteCells(el, c.table)) return;
  el.replaceChildren();
  if (!c.table?.length) return;
  const table = document.createElement('table');
  table.className = 'sr-only';
  c.table.forEach((row, r) => {
    const tr = table.insertRow();
    row.forEach((cell, k) => {
      const td = document.createElement(r === 0 || k === 0 ? 'th' : 'td');
      if (r === 0) td.setAttribute('scope', 'col');
      else if (k === 0) td.setAttribute('scope', 'row');
      td.textContent = cell;
      tr.append(td);
    });
  });
  el.append(table);
}

/** Writes `rows` into the element's table if it has exactly that shape; false if it has not. */
function rewriteCells(el: HTMLElement, rows: readonly (readonly string[])[]): boolean {
  const table = el.firstElementChild;
  if (!(table instanceof HTMLTableElement) || el.childElementCount !== 1 || table.rows.length !== rows.length)
    return false;
  for (let r = 0; r < rows.length; r++) if (table.rows[r].cells.length !== rows[r].length) return false;
  rows.forEach((row, r) => {
    const cells = table.rows[r].cells;
    row.forEach((text, k) => {
      if (cells[k].textContent !== text) cells[k].textContent = text;
    });
  });
  return true;
}
