// The results card's insight: a lamp, a heading and the chapter's one key idea, as DOM text so
// Chinese wraps correctly and screen readers read it.
import { artUrl } from '../keys';
import { CSS } from '../palette';
import type { HtmlLayer } from '../ui/htmlLayer';

export function renderInsightCard(ui: HtmlLayer, spec: { heading: string; text: string }): void {
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
}
