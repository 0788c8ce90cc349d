// Chapter 6's "Bit learns your handwriting": the offer after the drawings, the labelling cards
// (each drawing, Bit's reading, the player's digit with − / +, in or out of training), the
// retrain's progress (Bit's reading of each drawing as it relearns) and the outcome (the held-out
// score before and after, Bit's rereading). Marks are words and ✓ / ✗, never colour alone.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import type { TeachView } from '../../../levels/ch6/teachView';
import { fillBar } from '../demonPanel';
import { paintDigit } from '../drawingPad';
import { onward, PANEL, part, textPart, type PanelKit } from './kit';

const CARD_W = 272;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The offer under the drawings' results, once the drawings are done. */
export function teachOffer(kit: PanelKit, view: DigitDemonView): void {
  if (view.fight.canDraw) return;
  textPart(kit, 'teach-offer', 'div', { x: 20, y: 200, w: 820 }, kit.dt('ch6.teach.offer'));
  kit.groups['ch6-c'] = [
    {
      id: 'teach',
      x: PANEL.x + 20,
      y: PANEL.y + 268,
      w: 360,
      h: 56,
      label: kit.dt('ch6.teach.open'),
      onPress: () => kit.send({ type: 'teach.open' }),
    },
  ];
}

function card(kit: PanelKit, k: number, bytes: number[], lines: string[]): void {
  const x = 20 + k * (CARD_W + 8);
  const img = part(kit, `img${k}`, 'canvas', { x, y: 110 }, 'digit');
  img.style.width = '84px';
  img.style.height = '84px';
  img.setAttribute('role', 'img');
  img.setAttribute('aria-label', lines[0]);
  if (img.dataset.painted !== String(bytes.length + bytes[400] + bytes[300])) {
    paintDigit(img, bytes);
    img.dataset.painted = String(bytes.length + bytes[400] + bytes[300]);
  }
  lines.forEach((text, i) => textPart(kit, `c${k}-${i}`, 'div', { x: x + 94, y: 110 + i * 28, w: CARD_W - 98 }, text));
}

function labelling(kit: PanelKit, t: TeachView): void {
  const { dt, send } = kit;
  t.drawings.slice(0, 3).forEach((d, k) => {
    const x = PANEL.x + 20 + k * (CARD_W + 8);
    card(kit, k, d.bytes, [
      dt('ch6.teach.drawing', { n: k + 1 }),
      dt('ch6.teach.read', { read: d.read, mark: mark(d.hit) }),
      dt('ch6.teach.label', { digit: d.digit }),
    ]);
    kit.groups['ch6-a'].push(
      {
        id: `less${k}`,
        x: x + 94,
        y: PANEL.y + 204,
        w: 84,
        h: 56,
        label: '−',
        ariaLabel: dt('ch6.teach.less', { n: k + 1 }),
        onPress: () => send({ type: 'teach.label', index: k, digit: (d.digit + 9) % 10 }),
      },
      {
        id: `more${k}`,
        x: x + 186,
        y: PANEL.y + 204,
        w: 84,
        h: 56,
        label: '+',
        ariaLabel: dt('ch6.teach.more', { n: k + 1 }),
        onPress: () => send({ type: 'teach.label', index: k, digit: (d.digit + 1) % 10 }),
      },
    );
    kit.groups['ch6-b'].push({
      id: `use${k}`,
      x,
      y: PANEL.y + 296,
      w: CARD_W - 8,
      h: 56,
      label: dt(d.use ? 'ch6.teach.in' : 'ch6.teach.out'),
      ariaLabel: dt('ch6.teach.useAria', { n: k + 1, digit: d.digit }),
      pressed: d.use,
      variant: d.use ? undefined : 'quiet',
      onPress: () => send({ type: 'teach.use', index: k, use: !d.use }),
    });
  });
  kit.groups['ch6-d'] = [
    {
      id: 'skip',
      x: PANEL.x + 280,
      y: PANEL.y + 410,
      w: 300,
      h: 60,
      label: dt('ch6.teach.skip'),
      onPress: () => send({ type: 'phase.next' }),
    },
    {
      id: 'teach',
      x: PANEL.x + 600,
      y: PANEL.y + 410,
      w: 240,
      h: 60,
      label: t0(kit, t),
      variant: 'primary',
      disabled: !t.canStart,
      onPress: () => send({ type: 'teach.start' }),
    },
  ];
}

const t0 = (kit: PanelKit, t: TeachView) => (t.canStart ? kit.dt('ch6.teach.start') : kit.dt('ch6.teach.none'));

function relearning(kit: PanelKit, t: TeachView): void {
  const p = t.progress;
  const fraction = p?.fraction ?? 0;
  const bar = part(kit, 'tbar', 'div', { x: 20, y: 320, w: 820 }, 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  fillBar(bar, fraction);
  textPart(
    kit,
    'tprog',
    'div',
    { x: 20, y: 352, w: 820 },
    t.error
      ? kit.dt('ch6.teach.failed', { message: t.error })
      : kit.dt('ch6.teach.progress', { percent: Math.round(fraction * 100), loss: (p?.loss ?? 0).toFixed(3) }),
  );
  t.drawings
    .filter((d) => d.use)
    .slice(0, 3)
    .forEach((d, k) => {
      const read = p?.readings[k];
      card(kit, k, d.bytes, [
        kit.dt('ch6.teach.label', { digit: d.digit }),
        read === undefined ? '' : kit.dt('ch6.teach.now', { read, mark: mark(read === d.digit) }),
      ]);
    });
  kit.groups['ch6-d'] = [
    {
      id: 'stop',
      x: PANEL.x + 600,
      y: PANEL.y + 410,
      w: 240,
      h: 60,
      label: kit.dt('ch6.teach.stop'),
      onPress: () => kit.send({ type: 'teach.cancel' }),
    },
  ];
}

function outcome(kit: PanelKit, t: TeachView): void {
  const o = t.outcome;
  if (!o) return;
  o.rereads.slice(0, 3).forEach((r, k) =>
    card(kit, k, r.bytes, [
      kit.dt('ch6.teach.label', { digit: r.digit }),
      kit.dt('ch6.teach.reread', {
        digit: r.digit,
        before: r.before,
        after: r.after,
        mark: mark(r.after === r.digit),
      }),
    ]),
  );
  textPart(
    kit,
    'tscore',
    'p',
    { x: 20, y: 300, w: 820 },
    kit.dt('ch6.teach.score', { before: o.before, after: o.after }),
  );
  // Two bars, before and after, with their numbers beside them (the sentence above says it all).
  ([o.before, o.after] as const).forEach((v, i) => {
    const bar = part(kit, `tb${i}`, 'div', { x: 20, y: 344 + i * 32, w: 520 }, 'bar');
    bar.setAttribute('aria-hidden', 'true');
    fillBar(bar, v / 100);
    textPart(kit, `tb${i}-l`, 'div', { x: 552, y: 342 + i * 32, w: 200 }, `${v}%`).setAttribute('aria-hidden', 'true');
  });
  kit.groups['ch6-d'] = [onward(() => kit.send({ type: 'phase.next' }), kit.dt('ch6.teach.next'))];
}

/** The teach steps' panel. */
export function teachPanel(kit: PanelKit, view: DigitDemonView): void {
  const t = view.teach;
  if (!t) return;
  textPart(kit, 'th', 'h3', { x: 20, y: 8, w: 820 }, kit.dt('ch6.teach.title'));
  if (view.step === 'teach') {
    textPart(
      kit,
      'thow',
      'p',
      { x: 20, y: 40, w: 820 },
      kit.dt('ch6.teach.how', { copies: t.copies, mix: t.mix, epochs: t.epochs }),
      'hint',
    );
    labelling(kit, t);
  } else if (view.step === 'teaching') relearning(kit, t);
  else outcome(kit, t);
}
