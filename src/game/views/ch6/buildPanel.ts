// Chapter 6's first panels: the intro's training digits and the build choices (hidden units,
// learning rate, epochs within the budget) with the Train button.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { digitFigures, fillBar } from '../demonPanel';
import { PANEL, part, setText, textPart, type PanelKit } from './kit';

export function introPanel(kit: PanelKit, view: DigitDemonView): void {
  digitFigures(
    part(kit, 'samples', 'div', { x: 20, y: 60 }, 'samples'),
    view.introDigits.map((d) => ({ bytes: d.bytes, caption: String(d.label) })),
  );
}

export function buildPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, dt, send, groups } = kit;
  const b = view.build;
  const X = PANEL.x + 20;
  textPart(kit, 'h-hidden', 'h3', { x: 20, y: 6 }, t('ch6.build.hidden'));
  groups['ch6-a'] = b.hidden.map((h, i) => ({
    id: `h${h.units}`,
    x: X + i * 150,
    y: PANEL.y + 38,
    w: 136,
    h: 52,
    label: String(h.units),
    pressed: h.selected,
    onPress: () => send({ type: 'build.hidden', units: h.units }),
  }));
  const hiddenHint = b.hidden.find((h) => h.selected)?.hintKey ?? '';
  textPart(kit, 'hint-hidden', 'div', { x: 20, y: 96, w: 820 }, dt(hiddenHint), 'hint');
  textPart(kit, 'h-rate', 'h3', { x: 20, y: 126 }, t('ch6.build.rate'));
  groups['ch6-b'] = b.rates.map((r, i) => ({
    id: `r${r.rate}`,
    x: X + i * 150,
    y: PANEL.y + 158,
    w: 136,
    h: 52,
    label: String(r.rate),
    pressed: r.selected,
    onPress: () => send({ type: 'build.rate', rate: r.rate }),
  }));
  const rateHint = b.rates.find((r) => r.selected)?.hintKey ?? '';
  textPart(kit, 'hint-rate', 'div', { x: 20, y: 216, w: 820 }, dt(rateHint), 'hint');
  textPart(kit, 'h-epochs', 'h3', { x: 20, y: 246 }, t('ch6.build.epochs', { n: b.epochs.value }));
  groups['ch6-c'] = [
    {
      id: 'less',
      x: X,
      y: PANEL.y + 278,
      w: 136,
      h: 52,
      label: '−',
      ariaLabel: t('ch6.build.epochsLess'),
      disabled: b.epochs.value <= b.epochs.min,
      onPress: () => send({ type: 'build.epochs', epochs: b.epochs.value - 1 }),
    },
    {
      id: 'more',
      x: X + 150,
      y: PANEL.y + 278,
      w: 136,
      h: 52,
      label: '+',
      ariaLabel: t('ch6.build.epochsMore'),
      disabled: b.epochs.value >= b.epochs.max,
      onPress: () => send({ type: 'build.epochs', epochs: b.epochs.value + 1 }),
    },
  ];
  textPart(kit, 'hint-epochs', 'div', { x: 20, y: 336, w: 820 }, dt(b.epochs.hintKey), 'hint');
  const budget = part(kit, 'budget', 'div', { x: 20, y: 366, w: 560 });
  setText(budget, t('ch6.build.budget', { used: b.budget.used, total: b.budget.total }));
  fillBar(part(kit, 'budget-bar', 'div', { x: 20, y: 394, w: 520 }, 'bar'), b.budget.used / b.budget.total);
  textPart(kit, 'budget-hint', 'div', { x: 20, y: 426, w: 540 }, dt(b.budget.hintKey), 'hint');
  groups['ch6-d'] = [
    {
      id: 'train',
      x: PANEL.x + 600,
      y: PANEL.y + 400,
      w: 240,
      h: 64,
      label: t('ch6.build.train'),
      variant: 'primary',
      onPress: () => send({ type: 'train.start' }),
    },
  ];
}
