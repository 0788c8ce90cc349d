// Chapter 3's lamp: the fruit's inputs, each knob's weight and part, the sum on the meter against
// the threshold, and the lamp, drawn by the shared neuron view; and the same in words and a table
// for a screen reader.
import type { AppleLampEvent } from '../../../levels/ch3/appleLampMachine';
import type { AppleLampView } from '../../../levels/ch3/appleLampView';
import type { ChartText } from '../chartText';
import { LAYOUT, formatNumber } from '../neuronLayout';
import { NeuronView } from '../neuronView';
import type { PainterKit } from '../painterKit';

export class MeterPainter {
  private readonly neuron: NeuronView;

  constructor(
    private readonly kit: PainterKit<AppleLampEvent>,
    features: number,
    meter: { min: number; max: number },
  ) {
    this.neuron = new NeuronView(kit.scene, features, meter);
  }

  /** The sum against the threshold in words ("3 above 2.5"), as the meter and the live region say it. */
  static compare(view: AppleLampView): { sum: string; threshold: string } {
    return { sum: formatNumber(view.reading.sum), threshold: formatNumber(view.reading.threshold) };
  }

  render(view: AppleLampView): void {
    const { t, dt } = this.kit;
    const reading = view.reading;
    const compare = MeterPainter.compare(view);
    this.neuron.render({
      rows: view.features.map((f, i) => ({
        word: dt(f.labelKey),
        input: reading.inputs[i],
        weight: view.knobs[i].value,
        contribution: reading.contributions[i],
      })),
      sum: reading.sum,
      threshold: reading.threshold,
      lit: reading.lit,
      meter: view.meter,
      labels: {
        inputs: t('ch3.inputs'),
        // While the knobs are off, their column's heading is the "knobs off" tag itself.
        knobs: view.knobsOff ? '' : t('ch3.knobs'),
        sum: t('ch3.sum'),
        threshold: t('ch3.knob.threshold'),
        lamp: t(reading.lit ? 'ch3.lamp.on' : 'ch3.lamp.off'),
        compare: t(reading.lit ? 'ch3.meter.above' : 'ch3.meter.below', compare),
      },
    });
  }

  /** The sum meter (inputs, weights, sum, threshold, lamp) in words and a table. */
  chartText(view: AppleLampView): ChartText {
    const { t, dt } = this.kit;
    const r = view.reading;
    const yesNo = (b: boolean) => t(b ? 'ch3.chart.yes' : 'ch3.chart.no');
    const words = view.features.map((f) => dt(f.labelKey));
    const parts = r.contributions
      .map((c, i) => (c === 0 ? '' : t('ch3.chart.part', { feature: words[i], value: formatNumber(c) })))
      .filter(Boolean);
    return {
      id: 'meter',
      x: LAYOUT.lamp.x - LAYOUT.lamp.size / 2,
      y: LAYOUT.meter.y0,
      w: LAYOUT.meter.x + LAYOUT.meter.w - (LAYOUT.lamp.x - LAYOUT.lamp.size / 2),
      h: LAYOUT.meter.y1 - LAYOUT.meter.y0,
      label: t('ch3.chart.meter', {
        fruit: dt(view.fruit.nameKey),
        parts: parts.length ? parts.join(' + ') : t('ch3.chart.noInput'),
        sum: formatNumber(r.sum),
        threshold: formatNumber(r.threshold),
        verdict: t(r.lit ? 'ch3.chart.above' : 'ch3.chart.below'),
      }),
      table: [
        [t('ch3.chart.col.feature'), t('ch3.chart.col.input'), t('ch3.chart.col.weight'), t('ch3.chart.col.part')],
        ...words.map((w, i) => [
          w,
          yesNo(r.inputs[i] > 0),
          formatNumber(view.knobs[i].value),
          formatNumber(r.contributions[i]),
        ]),
      ],
    };
  }
}
