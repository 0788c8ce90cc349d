// A knob as a real HTML control on the layer: an <input type="range"> (so screen readers announce
// its name and value, and touch and mouse drag work natively), plus the extras a knob needs:
// arrow keys move by `step` and Shift+arrows by `fineStep`; the mouse wheel turns it; the value
// shows as a number beside it; an optional "ghost" mark shows a second setting for comparison.
// Drags report an absolute value (onSet); keys and the wheel report a change (onNudge).
import type { HtmlLayer } from './htmlLayer';

export interface KnobSpec {
  id: string;
  x: number;
  y: number;
  /** Width of the track in game pixels. */
  w: number;
  min: number;
  max: number;
  step: number;
  fineStep: number;
  value: number;
  /** Accessible name, e.g. "red knob". */
  label: string;
  /** The number as shown and announced, e.g. "−1.5". */
  valueText: string;
  disabled?: boolean;
  /** Why a disabled knob is off, in words: read with its name and shown by the owner beside it. */
  offText?: string;
  /**
   * Stands the track upright, min at the bottom: then (x, y) is where min sits, w the length upward,
   * and the number is not shown beside it (the scene draws it). It is a real vertical slider
   * (writing-mode), not a rotated horizontal one, so a finger drags it up and down.
   */
  vertical?: boolean;
  /** Where a comparison setting stands on this knob, with its caption (for screen readers too). */
  ghost?: { value: number; text: string };
  onSet(value: number): void;
  onNudge(by: number): void;
}

const THUMB = 30;
const STYLE_ID = 'bbd-knob-style';
const CSS_TEXT = `
.bbd-knob { position: absolute; height: 44px; display: flex; align-items: center; gap: 6px; }
.bbd-knob input { -webkit-appearance: none; appearance: none; height: 40px; margin: 0; background: transparent; cursor: grab; touch-action: none; }
.bbd-knob input:active { cursor: grabbing; }
.bbd-knob input::-webkit-slider-runnable-track { height: 10px; border-radius: 6px; border: 3px solid var(--ink);
  background: linear-gradient(90deg, #f6cdb3 0%, #f6cdb3 var(--zero), #bfe0f5 var(--zero), #bfe0f5 100%); }
.bbd-knob input::-webkit-slider-thumb { -webkit-appearance: none; width: ${THUMB}px; height: ${THUMB}px; margin-top: -13px; border-radius: 50%;
  border: 4px solid var(--ink); background: var(--cream); box-shadow: 0 3px 0 var(--ink); }
.bbd-knob.plus input::-webkit-slider-thumb { background: #56b4e9; }
.bbd-knob.minus input::-webkit-slider-thumb { background: #f2a474; border-style: dashed; }
.bbd-knob input::-moz-range-track { height: 10px; border-radius: 6px; border: 3px solid var(--ink); background: #e8e2d3; }
.bbd-knob input::-moz-range-thumb { width: ${THUMB - 6}px; height: ${THUMB - 6}px; border-radius: 50%; border: 4px solid var(--ink); background: var(--cream); }
.bbd-knob.upright { width: 44px; flex-direction: column; }
.bbd-knob.upright input { writing-mode: vertical-lr; direction: rtl; width: 44px; height: auto; }
.bbd-knob.upright input::-webkit-slider-runnable-track { width: 10px; height: auto; margin: 0 auto;
  background: linear-gradient(0deg, #f6cdb3 0%, #f6cdb3 var(--zero), #bfe0f5 var(--zero), #bfe0f5 100%); }
.bbd-knob.upright input::-webkit-slider-thumb { margin-top: 0; margin-left: -13px; }
.bbd-knob input:focus-visible { outline: 5px solid var(--focus); outline-offset: 2px; border-radius: 10px; }
.bbd-knob input:disabled { cursor: not-allowed; opacity: 0.75; }
.bbd-knob.off input { opacity: 0.4; filter: grayscale(1); }
.bbd-knob.off .value { border-style: dashed; color: var(--ink-soft); background: #eee8da; }
.bbd-knob .value { min-width: 52px; padding: 2px 6px; text-align: center; font: 800 20px/1.2 var(--font); color: var(--ink);
  background: #fff; border: 3px solid var(--ink); border-radius: 10px; pointer-events: none; }
.bbd-knob .ghost { position: absolute; top: -12px; transform: translateX(-50%); font: 800 13px/1 var(--font); color: var(--ink-soft);
  pointer-events: none; white-space: nowrap; }
.bbd-knob .ghost::after { content: ''; display: block; margin: 1px auto 0; width: 0; height: 0;
  border-left: 6px solid transparent; border-right: 6px solid transparent; border-top: 8px solid var(--ink-soft); }
`;

function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS_TEXT;
  document.head.appendChild(style);
}

const handlers = new WeakMap<HTMLElement, KnobSpec>();

function build(root: HTMLElement): void {
  root.innerHTML =
    '<input type="range"><span class="value" aria-hidden="true"></span><span class="ghost" aria-hidden="true"></span>';
  const input = root.querySelector('input') as HTMLInputElement;
  const spec = () => handlers.get(root);
  input.addEventListener('input', () => {
    const s = spec();
    if (s && !s.disabled) s.onSet(Number(input.value));
  });
  input.addEventListener('keydown', (e) => {
    const s = spec();
    if (!s || s.disabled) return;
    const dir =
      e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (dir) {
      e.preventDefault();
      s.onNudge(dir * (e.shiftKey ? s.fineStep : s.step));
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      s.onNudge((e.key === 'PageUp' ? 2 : -2) * s.step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      s.onSet(e.key === 'Home' ? s.min : s.max);
    }
  });
  input.addEventListener(
    'wheel',
    (e) => {
      const s = spec();
      if (!s || s.disabled || e.deltaY === 0) return;
      e.preventDefault();
      s.onNudge((e.deltaY < 0 ? 1 : -1) * (e.shiftKey ? s.fineStep : s.step));
    },
    { passive: false },
  );
}

/** Creates or updates one knob; idempotent, so it can run on every snapshot without losing focus. */
export function renderKnob(layer: HtmlLayer, spec: KnobSpec): HTMLInputElement {
  ensureStyle();
  const root = layer.element(`knob-${spec.id}`, 'div', 'bbd-knob');
  if (!root.dataset.ready) {
    build(root);
    root.dataset.ready = '1';
  }
  handlers.set(root, spec);
  const input = root.querySelector('input') as HTMLInputElement;
  root.classList.toggle('upright', !!spec.vertical);
  // The thumb's centre travels from THUMB/2 to length - THUMB/2, so lengthening the input by one
  // thumb makes the value positions line up with the drawn scale from x to x + w (or y to y - w).
  if (spec.vertical) {
    Object.assign(root.style, {
      left: `${spec.x - 22}px`,
      top: `${spec.y - spec.w - THUMB / 2}px`,
      height: `${spec.w + THUMB}px`,
    });
    input.style.width = '';
    input.style.height = `${spec.w + THUMB}px`;
  } else {
    Object.assign(root.style, { left: `${spec.x - THUMB / 2}px`, top: `${spec.y - 22}px`, height: '' });
    input.style.height = '';
    input.style.width = `${spec.w + THUMB}px`;
  }
  input.min = String(spec.min);
  input.max = String(spec.max);
  input.step = String(spec.fineStep);
  if (input.value !== String(spec.value)) input.value = String(spec.value);
  input.dataset.knob = spec.id;
  input.disabled = !!spec.disabled;
  // Off is more than a colour: greyed and dashed, and its reason is part of its name.
  root.classList.toggle('off', !!spec.disabled);
  input.setAttribute('aria-label', spec.disabled && spec.offText ? `${spec.label} (${spec.offText})` : spec.label);
  input.setAttribute('aria-valuetext', spec.ghost ? `${spec.valueText} (${spec.ghost.text})` : spec.valueText);
  const zero = Math.min(100, Math.max(0, ((0 - spec.min) / (spec.max - spec.min)) * 100));
  input.style.setProperty('--zero', `${zero}%`);
  // The sign shows in the thumb's colour AND its border (solid +, dashed −), never colour alone.
  root.classList.toggle('plus', spec.value > 0);
  root.classList.toggle('minus', spec.value < 0);
  const valueEl = root.querySelector('.value') as HTMLElement;
  valueEl.textContent = spec.valueText;
  valueEl.style.display = spec.vertical ? 'none' : '';
  const ghost = root.querySelector('.ghost') as HTMLElement;
  // Upright, the caption would run sideways over the meter: the comparison stays in aria-valuetext.
  ghost.style.display = spec.ghost && !spec.vertical ? '' : 'none';
  if (spec.ghost) {
    ghost.textContent = spec.ghost.text;
    ghost.style.left = `${THUMB / 2 + ((spec.ghost.value - spec.min) / (spec.max - spec.min)) * spec.w}px`;
  }
  return input;
}

export function removeKnob(layer: HtmlLayer, id: string): void {
  layer.removeElement(`knob-${id}`);
}
