// What chapter 6's panel painters are handed: the panel's root element and a way to place parts on
// it, the text functions, the machine's send, and the button groups they fill for this render.
import type { MessageKey, Params } from '../../../i18n/i18n';
import type { DigitDemonEvent } from '../../../levels/ch6/digitDemonMachine';
import type { ButtonSpec } from '../../ui/htmlLayer';
import { panelPart, type PanelLayer } from '../demonPanel';

/** The panel's place on the 1280 x 720 stage. */
export const PANEL = { x: 392, y: 66, w: 872, h: 490 };
export const GROUPS = ['ch6-a', 'ch6-b', 'ch6-c', 'ch6-d'] as const;
export type GroupId = (typeof GROUPS)[number];

export interface PanelKit {
  root: HTMLElement;
  /** The drawing layer under the parts, for charts and digit pictures. */
  layer: PanelLayer;
  t(key: MessageKey, params?: Params): string;
  dt(key: string, params?: Params): string;
  send(event: DigitDemonEvent): void;
  groups: Record<GroupId, ButtonSpec[]>;
}

/** A child of the panel, created once per step, at panel-relative coordinates. */
export function part<K extends keyof HTMLElementTagNameMap>(
  kit: PanelKit,
  id: string,
  tag: K,
  at: { x: number; y: number; w?: number },
  className = '',
): HTMLElementTagNameMap[K] {
  return panelPart(kit.root, id, tag, at, className);
}

export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A text part: placed once, its text written only when it changes. */
export function textPart(
  kit: PanelKit,
  id: string,
  tag: 'div' | 'h3' | 'p',
  at: { x: number; y: number; w?: number },
  text: string,
  className = '',
): HTMLElement {
  const el = part(kit, id, tag, at, className);
  setText(el, text);
  return el;
}

/** The panel's main button at its bottom right. */
export function onward(onPress: () => void, label: string): ButtonSpec {
  return { id: 'next', x: PANEL.x + 600, y: PANEL.y + 410, w: 240, h: 60, label, variant: 'primary', onPress };
}

export const pct = (v: number): number => Math.round(v * 1000) / 10;
