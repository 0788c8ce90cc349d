// Chapter 4's knobs: the one line's three (part A), each hidden neuron's and the output's (part
// B), each with a short name beside it, and in the lab the hand knobs of the first-layer neuron
// whose map is open, in threshold form. Knobs no longer shown are removed.
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import type { KnobView, MinskyView } from '../../../levels/ch4/minskyView';
import { CSS } from '../../palette';
import { removeKnob, renderKnob } from '../../ui/knob';
import { lineStyle } from '../boundaryView';
import { formatNumber } from '../neuronLayout';
import type { PainterKit } from '../painterKit';
import { type Board, type Ch4Choice, MID_X, PLANE, RIGHT_X } from './board';

interface PlacedKnob {
  spec: KnobView;
  x: number;
  y: number;
  w: number;
  label: string;
  onSet: (v: number) => void;
  onNudge: (b: number) => void;
}

export class KnobsPainter {
  private knobIds = new Set<string>();

  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
    private readonly choice: Ch4Choice,
  ) {}

  private knobLabel(id: string): string {
    const { t } = this.kit;
    const [neuron, param] = id.split('.');
    const name =
      neuron === 'line' || neuron === 'bit'
        ? t('ch4.neuron.line')
        : neuron === 'out'
          ? t('ch4.neuron.out')
          : t('ch4.neuron.h', { n: Number(neuron.slice(1)) });
    if (param.startsWith('v')) return t('ch4.knob.v', { neuron: name, n: Number(param.slice(1)) });
    return t(param === 'threshold' ? 'ch4.knob.threshold' : param === 'w1' ? 'ch4.knob.w1' : 'ch4.knob.w2', {
      neuron: name,
    });
  }

  private shortName(id: string): string {
    const { t } = this.kit;
    const p = id.split('.')[1];
    return p === 'threshold'
      ? t('ch4.short.threshold')
      : p.startsWith('v')
        ? t('ch4.short.v', { n: p.slice(1) })
        : t(p === 'w1' ? 'ch4.short.w1' : 'ch4.short.w2');
  }

  render(view: MinskyView): void {
    const { ui, t, send } = this.kit;
    const { board } = this;
    const wanted: PlacedKnob[] = [];
    // Each knob's short name sits in a column of its own left of the track (LABEL px wide).
    const LABEL = 94;
    const plain = (k: KnobView, x: number, y: number, w = 290) =>
      wanted.push({
        spec: k,
        x,
        y,
        w,
        label: this.knobLabel(k.id),
        onSet: (value) => {
          if (value !== k.value) send({ type: 'knob.set', id: k.id, value });
        },
        onNudge: (by) => send({ type: 'knob.nudge', id: k.id, by }),
      });
    if (view.step === 'line') {
      board.texts.midTag.setText(t('ch4.neuron.line'));
      view.partA.neuron.knobs.forEach((k, i) => plain(k, MID_X + LABEL, PLANE.y + 40 + i * 60, 196));
    }
    // While Bit runs the rule, its knobs show where it turns them (not turnable: Bit's hands).
    if (view.step === 'bit' && view.bit) {
      board.texts.midTag.setText(t('ch4.ui.bitKnobs'));
      view.bit.neuron.knobs.forEach((k, i) => plain(k, MID_X + LABEL, PLANE.y + 40 + i * 60, 196));
    }
    if (view.step === 'build' && view.build) {
      view.build.hidden.forEach((n, j) => {
        board.small(MID_X, PLANE.y - 6 + j * 140, t('ch4.neuron.h', { n: j + 1 }), 17, lineStyle(j).css);
        n.knobs.forEach((k, i) => plain(k, MID_X + LABEL, PLANE.y + 34 + j * 140 + i * 40, 196));
      });
      view.build.output.knobs.forEach((k, i) => plain(k, RIGHT_X + LABEL, 420 + i * 40, 184));
    }
    for (const k of wanted) board.small(k.x - LABEL, k.y - 11, this.shortName(k.spec.id), 15, CSS.inkSoft);
    const all = [...wanted, ...this.handKnobs(view)];
    const ids = new Set(all.map((k) => k.spec.id));
    for (const id of this.knobIds) if (!ids.has(id)) removeKnob(ui, id);
    this.knobIds = ids;
    for (const k of all)
      renderKnob(ui, {
        id: k.spec.id,
        x: k.x,
        y: k.y,
        w: k.w,
        min: k.spec.min,
        max: k.spec.max,
        step: k.spec.step,
        fineStep: k.spec.fineStep,
        value: k.spec.value,
        label: k.label,
        valueText: formatNumber(k.spec.value),
        disabled: k.spec.disabled,
        onSet: k.onSet,
        onNudge: k.onNudge,
      });
  }

  /** Hand knobs in the lab (the open first-layer neuron, threshold form). */
  private handKnobs(view: MinskyView): PlacedKnob[] {
    const { t, send } = this.kit;
    const lab = view.lab;
    const unit = this.choice.handUnit;
    if (view.step !== 'lab' || !lab || unit === null || unit >= lab.hand.length) return [];
    return lab.hand[unit].knobs.map((k, i) => ({
      spec: { id: `hand.${unit}.${k.param}`, value: k.value, ...lab.handRange },
      x: RIGHT_X + 80,
      y: 372 + i * 54,
      w: 220,
      label: t(k.param === 'threshold' ? 'ch4.knob.threshold' : k.param === 'w1' ? 'ch4.knob.w1' : 'ch4.knob.w2', {
        neuron: t('ch4.neuron.h', { n: unit + 1 }),
      }),
      onSet: (value) => {
        if (value !== k.value) send({ type: 'hand.set', unit, param: k.param, value });
      },
      onNudge: (by) => send({ type: 'hand.nudge', unit, param: k.param, by }),
    }));
  }
}
