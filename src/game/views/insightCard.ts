// The results card's insight: a lamp, a heading and the chapter's one key idea, then the chapter's
// words of the field, as DOM text so Chinese wraps correctly and screen readers read it.
import { artUrl } from '../keys';
import { CSS } from '../palette';
import type { HtmlLayer } from '../ui/htmlLayer';

/**
 * The insight sits in the card's left column; `vocab`, when given, is a small boxed card in the
 * right column: what the player just did, named in the field's words.
 */
export function renderInsightCard(
  ui: HtmlLayer,
  spec: {
    heading: string;
    text: string;
    vocab?: { heading: string; text: string } | null;
    nextStar?: string | null;
  },
): void {
  renderNextStar(ui, spec.nextStar ?? null);
  const insight = ui.element('insight', 'div', 'bbd-label');
  Object.assign(insight.style, {
    left: spec.vocab ? '220px' : '250px',
    top: '336px',
    width: spec.vocab ? '480px' : '680px',
    fontSize: '19px',
    lineHeight: '1.4',
    fontWeight: '600',
  });
  insight.innerHTML = '';
  const h = document.createElement('div');
  h.style.cssText = `font-weight:800;color:${CSS.blue};margin-bottom:4px;font-size:21px`;
  const bulb = document.createElement('img');
  bulb.src = artUrl('lamp-on');
  bulb.alt = '';
  bulb.style.cssText = 'width:30px;height:30px;vertical-align:middle;margin-right:6px';
  h.append(bulb, spec.heading);
  const p = document.createElement('div');
  p.textContent = spec.text;
  insight.append(h, p);
  if (!spec.vocab) {
    ui.removeElement('vocab');
    return;
  }
  const card = ui.element('vocab', 'div', 'bbd-label');
  Object.assign(card.style, {
    left: '722px',
    top: '336px',
    width: '340px',
    padding: '8px 12px',
    borderRadius: '12px',
    border: `3px solid ${CSS.blue}`,
    fontSize: '17px',
    lineHeight: '1.4',
    fontWeight: '600',
    boxSizing: 'border-box',
  });
  card.innerHTML = '';
  const vh = document.createElement('div');
  vh.style.cssText = `font-weight:800;color:${CSS.blue};margin-bottom:4px;font-size:19px`;
  vh.textContent = spec.vocab.heading;
  const vp = document.createElement('div');
  vp.textContent = spec.vocab.text;
  card.append(vh, vp);
}

/** The line under the results' numbers that says what earns the next star (DOM: read aloud). */
function renderNextStar(ui: HtmlLayer, text: string | null): void {
  if (!text) {
    ui.removeElement('nextStar');
    return;
  }
  const line = ui.element('nextStar', 'div', 'bbd-label');
  Object.assign(line.style, {
    left: '200px',
    top: '308px',
    width: '880px',
    fontSize: '17px',
    lineHeight: '1.3',
    fontWeight: '700',
    textAlign: 'center',
    color: CSS.inkSoft,
  });
  line.textContent = text;
}
