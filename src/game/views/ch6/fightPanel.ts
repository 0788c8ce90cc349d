// Chapter 6's phase 1: the Demon holds up a held-out digit and the player calls whether Bit will
// read it (two buttons); then the last throw (how Bit read it, the call, the damage), and once the
// throws are over the report card's confusion matrix and the net's most confident mistakes.
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
    if (kit.root.querySelector('[data-part="holding"]')) kit.root.replaceChildren();
    confusionPanel(kit, view);
    groups['ch6-d'] = [onward(() => send({ type: 'phase.next' }), t('ch6.fight.next'))];
    return;
  }
  textPart(kit, 'holding-t', 'div', { x: 20, y: 4, w: 220 }, t('ch6.fight.holding'), 'hint');
  const holding = part(kit, 'holding', 'canvas', { x: 20, y: 30 }, 'digit');
  holding.style.width = '196px';
  holding.style.height = '196px';
  paintDigit(holding, f.holding ?? EMPTY);
  textPart(
    kit,
    'count',
    'div',
    { x: 20, y: 236, w: 220 },
    t('ch6.fight.throwCount', { n: f.throws.length + 1, count: f.throwsTotal }),
  );
  const ask = textPart(kit, 'call-t', 'h3', { x: 250, y: 4, w: 580 }, t('ch6.fight.call'));
  ask.style.fontSize = '24px';
  textPart(kit, 'rules', 'div', { x: 250, y: 110, w: 580 }, t('ch6.fight.rules'), 'hint');
  textPart(
    kit,
    'calls',
    'div',
    { x: 250, y: 156, w: 580 },
    t('ch6.fight.calls', { right: f.callsRight, n: f.throws.length, need: f.callsForStar }),
  );
  const last = f.throws[f.throws.length - 1];
  const lastPic = part(kit, 'thrown', 'canvas', { x: 250, y: 200 }, 'digit');
  lastPic.style.width = '84px';
  lastPic.style.height = '84px';
  lastPic.style.visibility = last ? 'visible' : 'hidden';
  paintDigit(lastPic, f.thrown ?? EMPTY);
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  textPart(
    kit,
    'last',
    'div',
    { x: 350, y: 204, w: 480 },
    last ? t('ch6.fight.last', { label: last.label, predicted: last.predicted, mark: mark(last.hit) }) : '',
  );
  textPart(
    kit,
    'last-call',
    'div',
    { x: 350, y: 234, w: 480 },
    last
      ? `${t('ch6.fight.lastCall', {
          // The call's name without its button mark: the mark after it says whether it was right.
          call: t(last.call === 'read' ? 'ch6.fight.callRead' : 'ch6.fight.callMiss').replace(/\s*[✓✗]$/, ''),
          mark: mark(last.called),
        })}${last.demonLoss ? ` · ${t('ch6.fight.demon')} −${last.demonLoss}` : ''}${
          last.playerLoss ? ` · ${t('ch6.fight.you')} −${last.playerLoss}` : ''
        }`
      : '',
    'hint',
  );
  groups['ch6-d'] = (['read', 'miss'] as const).map((call, k) => ({
    id: `call-${call}`,
    x: PANEL.x + 250 + k * 296,
    y: PANEL.y + 44,
    w: 280,
    h: 58,
    label: t(call === 'read' ? 'ch6.fight.callRead' : 'ch6.fight.callMiss'),
    ariaLabel: t(call === 'read' ? 'ch6.fight.callReadLabel' : 'ch6.fight.callMissLabel'),
    variant: call === 'read' ? ('primary' as const) : undefined,
    onPress: () => send({ type: 'fight.throw', call }),
  }));
}
