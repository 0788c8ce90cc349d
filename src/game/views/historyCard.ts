// The history card: a DOM panel (long text wraps and is read by screen readers) with a title and
// one paragraph per milestone.
import type { HtmlLayer } from '../ui/htmlLayer';
import { CSS } from '../palette';

export function renderHistoryCard(
  layer: HtmlLayer,
  card: { title: string; items: { year: string; text: string }[] } | null,
): void {
  if (!card) {
    layer.removeElement('history-card');
    return;
  }
  const el = layer.element('history-card', 'section', 'bbd-panel');
  Object.assign(el.style, {
    // Across the whole stage between the top bar and the plane's legend: what it covers is all
    // hidden (a wide board's labels are not cut in half by its side), its lines kept short.
    left: '24px',
    top: '70px',
    width: '1232px',
    height: '410px',
    padding: '22px 150px',
    overflow: 'hidden',
    background: 'var(--cream)',
  });
  el.setAttribute('aria-labelledby', 'history-card-title');
  // Shown over the screen on purpose (the layout check lets it cover what lies under it).
  el.dataset.over = 'screen';
  el.replaceChildren();
  const h = document.createElement('h2');
  h.id = 'history-card-title';
  h.textContent = card.title;
  h.style.cssText = `margin:0 0 14px;font:800 30px/1.2 var(--font);color:${CSS.blue}`;
  el.appendChild(h);
  for (const item of card.items) {
    const p = document.createElement('p');
    p.style.cssText = 'margin:0 0 14px;font:600 20px/1.45 var(--font);color:var(--ink)';
    const b = document.createElement('strong');
    b.textContent = item.year;
    b.style.cssText = `display:inline-block;min-width:64px;margin-right:10px;padding:0 8px;border-radius:8px;background:${CSS.yellow};text-align:center`;
    p.append(b, item.text);
    el.appendChild(p);
  }
}
