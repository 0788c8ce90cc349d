// A tiny element builder for the HTML screens (replays, compare, sharing): every string is set as
// text, never parsed as markup, so names and dates from a shared file cannot inject anything.
type Child = Node | string | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  role?: string;
  /** data-id: what tests and the focus keeper find a control by. */
  dataId?: string;
  label?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick?: () => void;
  [attr: `aria-${string}`]: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'id') el.id = String(v);
    else if (k === 'role') el.setAttribute('role', String(v));
    else if (k === 'dataId') el.dataset.id = String(v);
    else if (k === 'label') el.setAttribute('aria-label', String(v));
    else if (k === 'pressed') el.setAttribute('aria-pressed', String(v));
    else if (k === 'disabled') el.setAttribute('aria-disabled', String(v));
    else if (k === 'onClick') {
      el.addEventListener('click', () => {
        if (el.getAttribute('aria-disabled') === 'true') return;
        (v as () => void)();
      });
    } else if (k.startsWith('aria-')) el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A game button (the look of every other control). */
export function button(
  id: string,
  label: string,
  onClick: () => void,
  variant = '',
  extra: Attrs = {},
): HTMLButtonElement {
  const b = h('button', { class: `bbd-btn${variant ? ` ${variant}` : ''}`, dataId: id, onClick, ...extra }, label);
  b.type = 'button';
  return b;
}

/**
 * Replaces a container's content, keeping keyboard focus on the control with the same data-id
 * (or the first control when it is gone and focus was inside).
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const inside = !!active && container.contains(active);
  const id = inside ? active?.dataset.id : undefined;
  container.replaceChildren(...children);
  if (!inside) return;
  const again = id ? container.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`) : null;
  (again ?? container.querySelector<HTMLElement>('button, input, [tabindex="0"]'))?.focus({ preventScroll: true });
}

/** Saves text as a file through the browser's download. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', {});
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The panel element the HTML screens draw into, on a layer's root (created once). */
export function screenPanel(layerRoot: HTMLElement, id: string, className: string): HTMLElement {
  let el = layerRoot.querySelector<HTMLElement>(`[data-owned="${id}"]`);
  if (!el) {
    el = h('div', { class: className });
    el.dataset.owned = id;
    layerRoot.append(el);
  }
  return el;
}
