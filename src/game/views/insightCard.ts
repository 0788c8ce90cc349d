// The results card's insight: a lamp, a heading and the chapter's one key idea, then the chapter's
// words of the field, as DOM text so Chinese wraps correctly and screen readers read it.
import { artUrl } from '../keys';
import { CSS } from '../palette';
import type { HtmlLayer } from '../ui/htmlLayer';

/**
 * `vocab`, when given, closes the card: what the player just did, named in the field's words
 * (a heading and one short paragraph, set apart by a rule above it).
 */
export function renderInsightCard(
  ui: HtmlLayer,
  spec: { heading: string; text: string; vocab?: { heading: string; text: string } | null },
): void {
  const insight = ui.element('insight', 'div', 'bbd-label');
  Object.assign(insight.style, {
    left: '250px',
    top: '350px',
    width: '680px',
    fontSize: '21px',
    lineHeight: '1.45',
    fontWeight: '600',
  });
  insight.innerHTML = '';
  const h = document.createElement('div');
  h.style.cssText = `font-weight:800;color:${CSS.blue};margin-bottom:6px;font-size:22px`;
  const bulb = document.createElement('img');
  bulb.src = artUrl('lamp-on');
  bulb.alt = '';
  bulb.style.cssText = 'width:34px;height:34px;vertical-align:middle;margin-right:6px';
  h.append(bulb, spec.heading);
  const p = document.createElement('div');
  p.textContent = spec.text;
  insight.append(h, p);
  if (!spec.vocab) return;
  const card = document.createElement('div');
  card.style.cssText = `margin-top:10px;padding:8px 12px;border-radius:10px;border:2px solid ${CSS.blue};font-size:18px;line-height:1.4`;
  const vh = document.createElement('div');
  vh.style.cssText = `font-weight:800;color:${CSS.blue}`;
  vh.textContent = spec.vocab.heading;
  const vp = document.createElement('div');
  vp.textContent = spec.vocab.text;
  card.append(vh, vp);
  insight.append(card);
}
