// Chapter 6's phase 1: the Demon throws held-out digits (the thrown digit and how the net read
// it), then the report card's confusion matrix and the net's most confident mistakes.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { digitRows } from '../demonPanel';
import { paintDigit } from '../drawingPad';
import { onward, PANEL, part, textPart, type PanelKit } from './kit';

const EMPTY = new Array<number>(784).fill(0);

function confusionPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t } = kit;
  const r = view.report;
  if (!r) return;
  textPart(kit, 'conf-t', 'div', { x: 20, y: 8, w: 820 }, t('ch6.confusion.title'), 'hint');
  const table = part(kit, 'conf', 'table', { x: 20, y: 34 }, 'confusion');
  if (!table.childElementCount) {
    const max = Math.max(1, ...r.confusion.flatMap((row, tr) => row.filter((_, p) => p !== tr)));
    const head = `<tr><th></th>${r.confusion.map((_, p) => `<th>${p}</th>`).join('')}</tr>`;
    const rows = r.confusion
      .map(
        (row, tr) =>
          `<tr><th>${tr}</th>${row
            .map((n, p) => {
              const a = p === tr ? 0 : n / max;
              const bg = p === tr ? '#e8f4e8' : `rgba(214, 69, 69, ${a.toFixed(2)})`;
              return `<td style="background:${bg}">${n}</td>`;
            })
            .join('')}</tr>`,
      )
      .join('');
    table.innerHTML = head + rows;
  }
  const top = r.topMixUp
    ? t('ch6.confusion.top', { label: r.topMixUp.label, predicted: r.topMixUp.predicted, count: r.topMixUp.count })
    : t('ch6.confusion.perfect');
  textPart(kit, 'conf-top', 'div', { x: 20, y: 280, w: 380 }, top, 'hint');
  textPart(kit, 'worst-t', 'h3', { x: 440, y: 30 }, t('ch6.confusion.worst'));
  digitRows(
    part(kit, 'worst', 'div', { x: 440, y: 64, w: 400 }),
    view.worst.map((m) => ({
      bytes: m.bytes,
      text: t('ch6.confusion.mistake', {
        label: m.label,
        predicted: m.predicted,
        percent: Math.round(m.confidence * 100),
      }),
    })),
  );
}

export function phase1Panel(kit: PanelKit, view: DigitDemonView): void {
  const { t, send, groups } = kit;
  const f = view.fight;
  if (!f.canThrow) {
    if (kit.root.querySelector('[data-part="thrown"]')) kit.root.replaceChildren();
    confusionPanel(kit, view);
    groups['ch6-d'] = [onward(() => send({ type: 'phase.next' }), t('ch6.fight.next'))];
    return;
  }
  const last = f.throws[f.throws.length - 1];
  const canvas = part(kit, 'thrown', 'canvas', { x: 40, y: 40 }, 'digit');
  canvas.style.width = '224px';
  canvas.style.height = '224px';
  paintDigit(canvas, f.thrown ?? EMPTY);
  textPart(
    kit,
    'count',
    'div',
    { x: 300, y: 40, w: 500 },
    t('ch6.fight.throwCount', { n: f.throws.length, count: f.throwsTotal }),
  );
  const read = textPart(
    kit,
    'read',
    'h3',
    { x: 300, y: 80, w: 520 },
    last ? `${t('ch6.fight.read', { predicted: last.predicted })} ${last.hit ? '✓' : '✗'}` : '',
  );
  read.style.fontSize = '30px';
  groups['ch6-d'] = [
    {
      id: 'throw',
      x: PANEL.x + 600,
      y: PANEL.y + 400,
      w: 240,
      h: 64,
      label: t('ch6.fight.throw'),
      variant: 'primary',
      onPress: () => send({ type: 'fight.throw' }),
    },
  ];
}
