// Chapter 6's last panels: the Demon's trick (the digit, the attacked digit and the noise, the
// epsilon slider and buttons, which digit to attack), the epilogue's pages and the credits.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import type { ButtonSpec, HtmlLayer } from '../../ui/htmlLayer';
import { paintDigit } from '../drawingPad';
import { EPILOGUE_ART } from './epilogueArt';
import { onward, PANEL, part, pct, textPart, type PanelKit } from './kit';

const px = (v: number) => `${v}px`;
const EMPTY = new Array<number>(784).fill(0);

export function trickPanel(kit: PanelKit, view: DigitDemonView, ui: HtmlLayer): void {
  const { t, send, groups } = kit;
  const tr = view.trick;
  const r = tr.result;
  const img = (id: string, x: number, bytes: number[] | null, noise: boolean) => {
    const c = part(kit, id, 'canvas', { x, y: 40 }, 'digit');
    c.style.width = '140px';
    c.style.height = '140px';
    paintDigit(c, bytes ?? EMPTY, noise);
  };
  img('orig', 20, r?.original ?? null, false);
  img('adv', 190, r?.attacked ?? null, false);
  img('noise', 360, tr.noise, true);
  if (r) {
    textPart(
      kit,
      'orig-t',
      'div',
      { x: 20, y: 186, w: 160 },
      t('ch6.trick.original', { before: r.before, percent: Math.round(r.confidenceBefore * 100) }),
      'hint',
    );
    textPart(
      kit,
      'adv-t',
      'div',
      { x: 190, y: 186, w: 160 },
      t('ch6.trick.attacked', { after: r.after, percent: Math.round(r.confidenceAfter * 100) }),
      'hint',
    );
  }
  textPart(kit, 'noise-t', 'div', { x: 360, y: 186, w: 160 }, t('ch6.trick.noise'), 'hint');
  textPart(kit, 'title', 'h3', { x: 20, y: 6 }, t('ch6.trick.title'));
  const epsText = t('ch6.trick.epsilon', { eps: tr.epsilon, levels: Math.round(tr.epsilon * 255) });
  textPart(kit, 'eps', 'div', { x: 20, y: 244, w: 820 }, epsText);
  const range = ui.element('ch6-range', 'input', 'ch6-range');
  if (range.type !== 'range') {
    range.type = 'range';
    range.min = '0';
    range.step = '1';
    Object.assign(range.style, { left: px(PANEL.x + 20), top: px(PANEL.y + 274), width: '360px' });
    range.addEventListener('input', () => {
      const eps = tr.epsilons[Number(range.value)];
      if (eps !== undefined) send({ type: 'trick.epsilon', epsilon: eps });
    });
  }
  range.max = String(tr.epsilons.length - 1);
  range.value = String(tr.epsilons.indexOf(tr.epsilon));
  range.setAttribute('aria-label', epsText);
  const i = tr.epsilons.indexOf(tr.epsilon);
  groups['ch6-a'] = [
    {
      id: 'less',
      x: PANEL.x + 400,
      y: PANEL.y + 266,
      w: 60,
      h: 40,
      label: '−',
      ariaLabel: t('ch6.trick.less'),
      disabled: i <= 0,
      onPress: () => send({ type: 'trick.epsilon', epsilon: tr.epsilons[i - 1] }),
    },
    {
      id: 'more',
      x: PANEL.x + 470,
      y: PANEL.y + 266,
      w: 60,
      h: 40,
      label: '+',
      ariaLabel: t('ch6.trick.more'),
      disabled: i >= tr.epsilons.length - 1,
      onPress: () => send({ type: 'trick.epsilon', epsilon: tr.epsilons[i + 1] }),
    },
  ];
  const picks: ButtonSpec[] = [
    ...tr.digits.map((_, k) => ({
      id: `t${k}`,
      label: t('ch6.trick.digit', { n: k + 1 }),
      pressed: tr.pick.source === 'test' && tr.pick.index === k,
      onPress: () => send({ type: 'trick.pick', source: 'test', index: k }),
    })),
    ...Array.from({ length: tr.drawings }, (_, k) => ({
      id: `w${k}`,
      label: t('ch6.trick.drawing', { n: k + 1 }),
      pressed: tr.pick.source === 'drawing' && tr.pick.index === k,
      onPress: () => send({ type: 'trick.pick', source: 'drawing', index: k }),
    })),
  ].map((b, k) => ({
    ...b,
    x: PANEL.x + 536 + (k % 2) * 164,
    y: PANEL.y + 14 + Math.floor(k / 2) * 57,
    w: 156,
    h: 48,
  }));
  groups['ch6-b'] = picks;
  textPart(kit, 'explain', 'div', { x: 20, y: 318, w: 560 }, t('ch6.trick.explain'), 'hint');
  groups['ch6-d'] = [onward(() => send({ type: 'phase.next' }), t('ch6.trick.done'))];
}

export function epiloguePanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, dt, send, groups } = kit;
  const page = view.epilogue.page;
  const h = textPart(kit, 'title', 'h3', { x: 20, y: 14, w: 820 }, dt(`ch6.epilogue.${page}.title`));
  h.style.fontSize = '28px';
  const body = textPart(kit, 'body', 'p', { x: 20, y: 60, w: 480 }, dt(`ch6.epilogue.${page}.body`));
  body.style.fontSize = '19px';
  const art = part(kit, 'art', 'div', { x: 540, y: 60, w: 300 });
  if (art.dataset.page !== page) {
    art.dataset.page = page;
    art.innerHTML = EPILOGUE_ART[page] ?? '';
  }
  groups['ch6-d'] = [onward(() => send({ type: 'epilogue.next' }), t('ch6.epilogue.next'))];
}

export function endingPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, dt, send, groups } = kit;
  const r = view.result;
  const h = textPart(kit, 'title', 'h3', { x: 0, y: 10, w: 836 }, t('ch6.ending.title'), 'credits');
  h.style.fontSize = '36px';
  textPart(kit, 'won', 'div', { x: 0, y: 62, w: 836 }, r?.won ? t('ch6.ending.won') : t('ch6.ending.lost'), 'credits');
  if (r)
    textPart(
      kit,
      'score',
      'div',
      { x: 0, y: 94, w: 836 },
      t('ch6.ending.score', { hidden: r.hidden, epochs: r.epochs, percent: pct(r.accuracy) }),
      'credits',
    );
  textPart(kit, 'stars-t', 'h3', { x: 40, y: 134, w: 760 }, t('ch6.ending.stars'));
  view.stars.forEach((s, k) =>
    textPart(
      kit,
      `star-${k}`,
      'div',
      { x: 40, y: 164 + k * 28, w: 760 },
      `${s.earned ? '★' : '☆'} ${t(s.earned ? 'ch6.star.earned' : 'ch6.star.missing')}: ${dt(s.key, s.params)}`,
    ),
  );
  textPart(kit, 'credits', 'div', { x: 60, y: 262, w: 716 }, t('ch6.ending.credits'), 'credits hint');
  groups['ch6-d'] = [onward(() => send({ type: 'ending.done' }), t('ch6.ending.done'))];
}
