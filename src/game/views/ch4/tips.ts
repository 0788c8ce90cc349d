// Chapter 4's one-line explanations for a beginner: each lab control (point set, activation,
// learning rate, epoch, train, restart, layer sizes, the "Tune" buttons, the challenge) and the
// loss legend has a sentence that shows beside it on hover or keyboard focus and is its
// accessible description (aria-describedby) for a screen reader. The lab's smaller buttons are
// also given a smaller type so their words fit.
import type { HtmlLayer } from '../../ui/htmlLayer';

export interface Tip {
  /** The control: a button of the group, or an owned element. */
  target: { group: string; id: string } | { owned: string };
  text: string;
}

const STYLE_ID = 'bbd-ch4-tip-style';
const CSS_TEXT = `
.bbd-ch4-tip { position: absolute; z-index: 30; max-width: 380px; padding: 6px 10px; pointer-events: none;
  font: 700 16px/1.3 var(--font); color: var(--ink); background: #fffdf4; border: 3px solid var(--ink);
  border-radius: 10px; box-shadow: 0 3px 0 var(--ink); }
.bbd-ch4-tips { display: none; }
.bbd-ch4-legend { position: absolute; padding: 2px 4px; font: 700 15px/1.35 var(--font); color: var(--ink-soft);
  border-radius: 6px; white-space: nowrap; }
.bbd-ch4-legend:focus-visible { outline: 4px solid var(--focus); }
.bbd-ch4-legend .title { color: var(--ink-soft); }
.bbd-ch4-legend .test { color: #a8430a; }
.bbd-ch4-legend .train { color: #005a8c; }
.bbd-ch4-legend .swatch { display: inline-block; width: 26px; height: 0; vertical-align: middle; border-top: 3px solid; }
.bbd-ch4-legend .swatch.dashed { border-top-style: dashed; }
`;

function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS_TEXT;
  document.head.appendChild(style);
}

export class Tips {
  private shownFor: HTMLElement | null = null;

  constructor(private readonly ui: HtmlLayer) {}

  private element(target: Tip['target']): HTMLElement | null {
    const root = this.ui.root;
    return 'owned' in target
      ? root.querySelector<HTMLElement>(`[data-owned="${target.owned}"]`)
      : root.querySelector<HTMLElement>(`button[data-group="${target.group}"][data-id="${target.id}"]`);
  }

  /** Gives each control its tip (after the controls are synced); controls without one lose theirs. */
  render(tips: readonly Tip[]): void {
    ensureStyle();
    const holder = this.ui.element('ch4-tips', 'div', 'bbd-ch4-tips');
    const bubble = this.ui.element('ch4-tip', 'div', 'bbd-ch4-tip');
    if (!bubble.dataset.ready) {
      bubble.dataset.ready = '1';
      bubble.setAttribute('aria-hidden', 'true');
      // Shown over its neighbours on purpose (the layout check lets it cover them).
      bubble.dataset.over = 'tip';
      bubble.style.display = 'none';
    }
    const spans: HTMLElement[] = [];
    tips.forEach((tip, i) => {
      const el = this.element(tip.target);
      if (!el) return;
      let span = holder.children[i] as HTMLElement | undefined;
      if (!span) {
        span = document.createElement('span');
        holder.appendChild(span);
      }
      span.id = `ch4-tip-${i}`;
      if (span.textContent !== tip.text) span.textContent = tip.text;
      spans.push(span);
      if (el.getAttribute('aria-describedby') !== span.id) el.setAttribute('aria-describedby', span.id);
      el.dataset.tip = tip.text;
      if (!el.dataset.tipReady) {
        el.dataset.tipReady = '1';
        const show = () => this.show(el);
        const hide = () => this.hide(el);
        el.addEventListener('mouseenter', show);
        el.addEventListener('focus', show);
        el.addEventListener('mouseleave', hide);
        el.addEventListener('blur', hide);
      }
    });
    while (holder.children.length > spans.length) holder.lastElementChild?.remove();
    if (this.shownFor && (!this.shownFor.isConnected || !this.shownFor.dataset.tip)) this.hide(this.shownFor);
    else if (this.shownFor) this.show(this.shownFor);
  }

  /** The bubble above the control (below it when there is no room above), inside the stage. */
  private show(el: HTMLElement): void {
    const text = el.dataset.tip;
    const bubble = this.ui.element('ch4-tip', 'div', 'bbd-ch4-tip');
    if (!text || !el.isConnected) {
      this.hide(el);
      return;
    }
    this.shownFor = el;
    if (bubble.textContent !== text) bubble.textContent = text;
    bubble.style.display = '';
    const x = el.offsetLeft;
    const y = el.offsetTop;
    const h = bubble.offsetHeight;
    bubble.style.left = `${Math.max(8, Math.min(1280 - 8 - bubble.offsetWidth, x))}px`;
    bubble.style.top = `${y - h - 8 >= 62 ? y - h - 8 : y + el.offsetHeight + 8}px`;
  }

  private hide(el: HTMLElement): void {
    if (this.shownFor !== el) return;
    this.shownFor = null;
    this.ui.element('ch4-tip', 'div', 'bbd-ch4-tip').style.display = 'none';
  }

  /** Hides the bubble and drops every tip (outside the lab). */
  clear(): void {
    this.shownFor = null;
    this.ui.removeElement('ch4-tip');
    this.ui.removeElement('ch4-tips');
  }
}

/** A smaller type for buttons whose words are long for their width. */
export function smallType(ui: HtmlLayer, group: string, ids: readonly string[], px = 17): void {
  for (const id of ids) {
    const el = ui.root.querySelector<HTMLElement>(`button[data-group="${group}"][data-id="${id}"]`);
    if (!el || el.style.fontSize === `${px}px`) continue;
    el.style.fontSize = `${px}px`;
    el.style.paddingLeft = '2px';
    el.style.paddingRight = '2px';
  }
}
