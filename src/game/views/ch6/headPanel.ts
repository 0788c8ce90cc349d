// Inside Bit's head (chapter 6, after training): a page of hidden neurons as thumbnails with ◀ ▶,
// the chosen neuron's 784 knobs as a 28 × 28 red/blue picture with a legend (+ / −, brightness =
// size) and a scale with its numbers, and the held-out digits that excite it most. Also the sample
// digit's ten probabilities and loss while training. Every number comes from the view-model
// (headView.ts); this only paints it.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { answerMark, paintDigitBox } from '../demonPanel';
import { paintDigit } from '../drawingPad';
import './head.css';
import { PANEL, part, setText, textPart, type PanelKit } from './kit';

/** A neuron's button (its picture above its number): as large as a phone's touch target. */
const UNIT = 84;
const GAP = 10;

/** A 28 × 28 canvas painted from grey levels (signed: red +, blue −) only when its key changes. */
function digitCanvas(
  kit: PanelKit,
  id: string,
  at: { x: number; y: number },
  size: number,
  key: string,
  bytes: ArrayLike<number>,
  signed: boolean,
): HTMLCanvasElement {
  const c = part(kit, id, 'canvas', at, 'digit');
  c.style.width = `${size}px`;
  c.style.height = `${size}px`;
  if (c.dataset.key !== key) {
    c.dataset.key = key;
    paintDigit(c, bytes, signed);
  }
  return c;
}

/** The "Look inside Bit's head" button beside the report card's buttons. */
export function headButton(kit: PanelKit, view: DigitDemonView): void {
  if (!view.head.canOpen) return;
  kit.groups['ch6-d'].push({
    id: 'head',
    x: PANEL.x + 280,
    y: PANEL.y + 400,
    w: 300,
    h: 60,
    label: kit.t('ch6.head.open'),
    ariaLabel: kit.t('ch6.head.openAria'),
    onPress: () => kit.send({ type: 'head.open' }),
  });
}

/** Thumbnails as data URLs (a button's icon), kept for the current training run only. */
const thumbs = new Map<number, string>();
let thumbsRun = -1;

function thumbnail(run: number, unit: number, signed: ArrayLike<number>): string {
  if (run !== thumbsRun) {
    thumbs.clear();
    thumbsRun = run;
  }
  let url = thumbs.get(unit);
  if (!url) {
    const c = document.createElement('canvas');
    paintDigit(c, signed, true);
    url = c.toDataURL();
    thumbs.set(unit, url);
  }
  return url;
}

/** The page of neurons: each button is the neuron's picture with its number; ◀ ▶ turn the page. */
function thumbnails(kit: PanelKit, view: DigitDemonView): void {
  const { t, send, groups } = kit;
  const h = view.head;
  const run = view.training.run;
  const x0 = 110;
  groups['ch6-a'] = [
    {
      id: 'prev',
      x: PANEL.x + 20,
      y: PANEL.y + 62,
      w: 72,
      h: UNIT,
      label: '◀',
      ariaLabel: t('ch6.head.prev'),
      disabled: h.page.prev === null || !h.canChoose,
      onPress: () => h.page.prev !== null && send({ type: 'head.unit', unit: h.page.prev }),
    },
    ...h.page.units.map((u, k) => ({
      id: `u${k}`,
      x: PANEL.x + x0 + k * (UNIT + GAP),
      y: PANEL.y + 62,
      w: UNIT,
      h: UNIT,
      icon: thumbnail(run, u.unit, u.signed),
      label: String(u.unit + 1),
      ariaLabel: t('ch6.head.unitAria', { unit: u.unit + 1 }),
      pressed: u.selected,
      disabled: !h.canChoose && !u.selected,
      onPress: () => send({ type: 'head.unit', unit: u.unit }),
    })),
    {
      id: 'next',
      x: PANEL.x + x0 + 6 * (UNIT + GAP),
      y: PANEL.y + 62,
      w: 72,
      h: UNIT,
      label: '▶',
      ariaLabel: t('ch6.head.next'),
      disabled: h.page.next === null || !h.canChoose,
      onPress: () => h.page.next !== null && send({ type: 'head.unit', unit: h.page.next }),
    },
  ];
}

export function headPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, send, groups } = kit;
  const h = view.head;
  const p = h.picture;
  if (!p) return;
  const unit = h.unit + 1;
  const title = textPart(kit, 'title', 'h3', { x: 20, y: 10, w: 820 }, t('ch6.head.title', { unit, units: h.units }));
  title.setAttribute('aria-live', 'polite');
  textPart(
    kit,
    'page',
    'div',
    { x: 20, y: 38, w: 820 },
    t('ch6.head.page', { from: h.page.from + 1, to: h.page.to, units: h.units }),
    'hint',
  );
  thumbnails(kit, view);

  // The chosen neuron's knobs, big, with what the colours and their strength mean.
  const max = p.maxAbs.toFixed(2);
  const describe = t('ch6.head.describe', { plus: p.plus, minus: p.minus, max });
  const big = digitCanvas(kit, 'picture', { x: 20, y: 158 }, 140, `${view.training.run}:${h.unit}`, p.signed, true);
  big.setAttribute('role', 'img');
  big.setAttribute('aria-label', `${t('ch6.head.title', { unit, units: h.units })}. ${describe}`);
  const scale = part(kit, 'scale', 'div', { x: 20, y: 304, w: 144 });
  scale.setAttribute('aria-hidden', 'true');
  Object.assign(scale.style, {
    height: '12px',
    border: '2px solid #222',
    borderRadius: '4px',
    background: 'linear-gradient(90deg, #0000ff, #ffffff, #ff0000)',
  });
  textPart(kit, 'scale-min', 'div', { x: 20, y: 322, w: 60 }, `−${max}`, 'hint');
  textPart(kit, 'scale-zero', 'div', { x: 86, y: 322, w: 20 }, '0', 'hint');
  const right = textPart(kit, 'scale-max', 'div', { x: 104, y: 322, w: 60 }, `+${max}`, 'hint');
  right.style.textAlign = 'right';
  textPart(kit, 'plus', 'div', { x: 180, y: 158, w: 260 }, t('ch6.head.legendPlus'), 'hint');
  textPart(kit, 'minus', 'div', { x: 180, y: 202, w: 260 }, t('ch6.head.legendMinus'), 'hint');
  textPart(kit, 'size', 'div', { x: 180, y: 246, w: 260 }, t('ch6.head.legendSize'), 'hint');
  textPart(kit, 'describe', 'div', { x: 180, y: 296, w: 260 }, describe, 'hint').setAttribute('aria-hidden', 'true');

  // The held-out digits that excite it most.
  textPart(kit, 'exciting-t', 'div', { x: 460, y: 158, w: 390 }, t('ch6.head.exciting'), 'hint');
  const grid = part(kit, 'exciting', 'div', { x: 460, y: 182 }, 'samples');
  grid.setAttribute('aria-hidden', 'true');
  const key = `${view.training.run}:${h.unit}`;
  if (grid.dataset.key !== key) {
    grid.dataset.key = key;
    grid.replaceChildren(
      ...h.exciting.map((e) => {
        const fig = document.createElement('figure');
        const c = document.createElement('canvas');
        c.className = 'digit';
        paintDigit(c, e.bytes);
        const cap = document.createElement('figcaption');
        cap.textContent = `${e.label} · ${e.activation.toFixed(1)}`;
        cap.style.fontSize = '13px';
        fig.append(c, cap);
        return fig;
      }),
    );
  }
  const list = h.exciting.map((e) => `${e.label} (${e.activation.toFixed(1)})`).join(', ');
  textPart(
    kit,
    'exciting-sr',
    'p',
    { x: 0, y: 0 },
    h.exciting.length ? t('ch6.head.excitingAria', { unit, list }) : '',
    'sr-only',
  );
  textPart(
    kit,
    'blotchy',
    'div',
    { x: 460, y: 262, w: 390 },
    t(h.exciting.length ? 'ch6.head.blotchy' : 'ch6.head.none'),
  );
  textPart(kit, 'limit', 'div', { x: 460, y: 330, w: 390 }, h.canChoose ? '' : t('ch6.head.limit'), 'hint');
  groups['ch6-d'] = [
    {
      id: 'back',
      x: PANEL.x + 20,
      y: PANEL.y + 400,
      w: 260,
      h: 60,
      label: t('ch6.head.back'),
      onPress: () => send({ type: 'head.close' }),
    },
    {
      id: 'fight',
      x: PANEL.x + 600,
      y: PANEL.y + 400,
      w: 240,
      h: 60,
      label: t('ch6.trained.fight'),
      variant: 'primary',
      onPress: () => send({ type: 'fight.start' }),
    },
  ];
}

/** Ten probability bars on a 320 x 84 canvas: the right answer's hatched, outlined and ticked. */
export function paintBars(g: CanvasRenderingContext2D, probabilities: readonly number[], label: number): void {
  const slot = 32;
  const top = 4;
  const base = 62;
  g.font = '600 14px sans-serif';
  g.textAlign = 'center';
  probabilities.forEach((p, k) => {
    const x = k * slot + 6;
    const hgt = Math.max(1, Math.round(p * (base - top)));
    const right = k === label;
    g.fillStyle = right ? '#2e9a4a' : '#9fc5ee';
    g.fillRect(x, base - hgt, slot - 12, hgt);
    if (right) {
      // The right answer: hatched and outlined, not told by colour alone.
      g.strokeStyle = '#ffffff';
      g.lineWidth = 2;
      for (let y = base - hgt; y < base; y += 6) {
        g.beginPath();
        g.moveTo(x, y + 6);
        g.lineTo(x + slot - 12, y);
        g.stroke();
      }
    }
    g.strokeStyle = '#222';
    g.lineWidth = right ? 3 : 1;
    g.strokeRect(x, base - hgt, slot - 12, hgt);
    g.fillStyle = '#222';
    const mid = x + (slot - 12) / 2;
    g.fillText(String(k), right ? mid - 4 : mid, 80);
    if (right) answerMark(g, mid + 8, 75, true, 0.7);
  });
  g.strokeStyle = '#222';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, base);
  g.lineTo(320, base);
  g.stroke();
}

/** The sample digit while training: its picture, ten probability bars (the right one hatched) and its loss. */
export function sampleBars(kit: PanelKit, view: DigitDemonView): void {
  const s = view.sample;
  if (!s) return;
  const { t } = kit;
  const percent = Math.round(s.probabilities[s.label] * 1000) / 10;
  textPart(kit, 'sample-t', 'div', { x: 470, y: 280, w: 380 }, t('ch6.sample.title', { label: s.label }), 'hint');
  kit.layer.region({
    id: 'sample-digit',
    x: 470,
    y: 326,
    w: 52,
    h: 52,
    key: String(s.index),
    paint: (g) => paintDigitBox(g, 0, 0, 52, s.bytes),
  });
  kit.layer.region({
    id: 'sample-bars',
    x: 530,
    y: 318,
    w: 320,
    h: 84,
    key: s.probabilities.join(','),
    paint: (g) => paintBars(g, s.probabilities, s.label),
  });
  const list = s.probabilities.map((p, k) => `${k}: ${Math.round(p * 100)}%`).join(', ');
  setText(part(kit, 'sample-sr', 'p', { x: 0, y: 0 }, 'sr-only'), t('ch6.sample.aria', { label: s.label, list }));
  textPart(
    kit,
    'sample-loss',
    'div',
    { x: 470, y: 408, w: 380 },
    t('ch6.sample.loss', { loss: s.loss.toFixed(2), label: s.label, percent }),
    'hint',
  );
}
