// The function strip's painter: input → box → output, small and always in the same place (the
// top of the mentor's box, beside the mentor's name), as HTML text so it wraps in Chinese
// and a screen reader reads it ("The function: command → Bit → action").
import type { FunctionStrip } from '../../levels/chapters';
import type { HtmlLayer } from './htmlLayer';

// It ends left of the dialogue's Next and Skip buttons (which grow on a phone) at the box's right,
// and starts below the sound caption's tag on the box's top edge (top 538, one 24 px line: it
// ends at 585), so a caption never covers it; its bottom stays above the mentor's text.
export const FUNCTION_STRIP_BOX = { x: 480, y: 585, w: 540, h: 24 };

export function renderFunctionStrip(ui: HtmlLayer, strip: FunctionStrip | null, text: (key: string) => string): void {
  if (!strip) {
    ui.removeElement('function-strip');
    return;
  }
  const el = ui.element('function-strip', 'div', 'bbd-label bbd-function-strip');
  const { x, y, w, h } = FUNCTION_STRIP_BOX;
  Object.assign(el.style, {
    left: `${x}px`,
    top: `${y}px`,
    width: `${w}px`,
    height: `${h}px`,
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: '6px',
    fontSize: '16px',
    // One fixed line, so the chips (text and a 2 px border) fit the strip's 24 px.
    lineHeight: '20px',
    fontWeight: '700',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    pointerEvents: 'none',
  });
  el.setAttribute('role', 'note');
  const parts = [strip.input, strip.box, strip.output].map(text);
  const key = `${text('strip.label')}|${parts.join('|')}`;
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  const chip = (t: string, boxed: boolean) => {
    const s = document.createElement('span');
    s.textContent = t;
    s.style.cssText = boxed
      ? 'padding:0 8px;border:2px solid currentColor;border-radius:8px;background:#2b2d42;color:#fff8e7'
      : 'padding:0 2px';
    return s;
  };
  const arrow = () => {
    const s = document.createElement('span');
    s.textContent = '→';
    s.setAttribute('aria-hidden', 'true');
    return s;
  };
  const label = document.createElement('span');
  label.textContent = text('strip.label');
  label.style.cssText = 'color:#5c5f7a;margin-right:2px';
  el.replaceChildren(label, chip(parts[0], false), arrow(), chip(parts[1], true), arrow(), chip(parts[2], false));
  el.setAttribute('aria-label', `${text('strip.label')} ${parts[0]} → ${parts[1]} → ${parts[2]}`);
}
