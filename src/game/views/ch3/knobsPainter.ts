// Chapter 3's knobs: one slider per input's weight beside its row, the threshold upright beside
// the meter, and a ghost mark for a second setting (the offered rule, or yours beside Bit's).
import type { AppleLampEvent } from '../../../levels/ch3/appleLampMachine';
import type { AppleLampView } from '../../../levels/ch3/appleLampView';
import { removeKnob, renderKnob } from '../../ui/knob';
import type { MessageKey } from '../../../i18n/i18n';
import { LAYOUT, formatNumber, meterY, rowY } from '../neuronLayout';
import type { PainterKit } from '../painterKit';

export class KnobsPainter {
  constructor(private readonly kit: PainterKit<AppleLampEvent>) {}

  render(view: AppleLampView): void {
    const { ui, t, dt, send } = this.kit;
    if (view.step === 'history') {
      for (const k of view.knobs) removeKnob(ui, k.id);
      ui.removeElement('knobs-off');
      return;
    }
    const offText = view.knobsOff ? t(view.knobsOff as MessageKey) : undefined;
    this.renderOff(offText);
    const ghostSetting =
      view.step === 'rule' && view.rule.status === 'ok'
        ? view.rule.perceptron
        : view.step === 'tune' || view.step === 'challenge'
          ? view.mine?.setting
          : undefined;
    const ghostLabel = t('ch3.compare.mine');
    view.knobs.forEach((k, i) => {
      const threshold = i === view.features.length;
      const ghostValue = ghostSetting ? (threshold ? ghostSetting.threshold : ghostSetting.weights[i]) : undefined;
      const name = dt(k.labelKey);
      renderKnob(ui, {
        id: k.id,
        x: threshold ? LAYOUT.thresholdKnobX : LAYOUT.knobs.x,
        y: threshold ? meterY(k.min, view.meter) : rowY(i),
        w: threshold ? meterY(k.min, view.meter) - meterY(k.max, view.meter) : LAYOUT.knobs.w,
        vertical: threshold,
        min: k.min,
        max: k.max,
        step: k.step,
        fineStep: k.fineStep,
        value: k.value,
        label: t('ch3.knob.aria', { name }),
        valueText: formatNumber(k.value),
        disabled: !view.editable,
        offText,
        ghost:
          ghostValue === undefined
            ? undefined
            : { value: ghostValue, text: `${ghostLabel} ${formatNumber(ghostValue)}` },
        onSet: (value) => {
          if (value !== k.value) send({ type: 'knob.set', id: k.id, value });
        },
        onNudge: (by) => send({ type: 'knob.nudge', id: k.id, by }),
      });
    });
  }

  /** "Knobs off" in words over the knob column while they do not work (not colour alone). */
  private renderOff(text: string | undefined): void {
    const { ui } = this.kit;
    if (!text) {
      ui.removeElement('knobs-off');
      return;
    }
    const tag = ui.element('knobs-off', 'div', 'bbd-label');
    Object.assign(tag.style, {
      left: `${LAYOUT.knobs.x - 18}px`,
      top: `${LAYOUT.inputs.top - 42}px`,
      width: `${LAYOUT.knobs.w + 36}px`,
      fontSize: '14px',
      lineHeight: '1.15',
      fontWeight: '800',
      textAlign: 'center',
      padding: '2px 4px',
      borderRadius: '8px',
      border: '2px dashed currentColor',
      background: '#fff8e7',
    });
    tag.setAttribute('aria-hidden', 'true');
    tag.textContent = `🔒 ${text}`;
  }
}
