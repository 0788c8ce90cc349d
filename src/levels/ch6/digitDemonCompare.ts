// Chapter 6's data for the compare screen, a pure function of the final snapshot's context: the
// network's settings, its accuracy on the held-out digits and the fight as facts, the Demon's
// throws hit (1) or missed (0) in order, and the confusion matrix on the held-out digits as a
// 10 × 10 grid (row: the true digit, column: the net's answer), each row divided by its total.
// When the player taught Bit their drawings: the held-out score before and after that retrain.
//
// No learning curves: the loss and accuracies during training are reported by the training
// worker as it goes and are not part of the model, so a replay does not have them (recomputing
// them would train the network a second time).
import type { CompareData } from '../contract';
import type { DigitDemonContext } from './digitDemonMachine';
import { sampleReading } from './insideHead';

export function confusionGrid(confusion: readonly (readonly number[])[]): number[] {
  return confusion.flatMap((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

export function digitDemonCompare(context: DigitDemonContext): CompareData {
  const m = context.model;
  const hits = m.throws.filter((t) => t.hit).length;
  const data: CompareData = {
    facts: [
      { key: 'ch6.compare.net', params: { hidden: m.choices.hidden, epochs: m.choices.epochs, rate: m.choices.rate } },
      { key: 'ch6.compare.accuracy', params: { percent: Math.round((m.report?.accuracy ?? 0) * 1000) / 10 } },
      { key: 'ch6.compare.hits', params: { hits, throws: m.throws.length } },
    ],
    series: { throws: m.throws.map((t) => (t.hit ? 1 : 0)) },
  };
  // Teaching Bit the drawings: the held-out score before and after the retrain.
  const taught = context.teach?.outcome;
  if (taught) {
    const pctOf = (right: number) => Math.round((right / taught.total) * 1000) / 10;
    data.facts.push({
      key: 'ch6.compare.teach',
      params: { before: pctOf(taught.beforeRight), after: pctOf(taught.afterRight), drawings: taught.rereads.length },
    });
    data.series = { ...data.series, teach: [taught.beforeRight / taught.total, taught.afterRight / taught.total] };
  }
  if (m.report) data.grids = [{ name: 'confusion', rows: 10, cols: 10, values: confusionGrid(m.report.confusion) }];
  data.facts.push(...headFacts(context));
  return data;
}

/**
 * Inside Bit's head: how many hidden units the player looked at, and the level's sample digit as
 * the trained net reads it (the probability of the right answer and the loss, computed again from
 * the net, so a replay gives the very numbers the training's last report showed).
 */
export function headFacts(context: DigitDemonContext): CompareData['facts'] {
  const net = context.model.net;
  if (!net) return [];
  const facts: CompareData['facts'] = [
    { key: 'ch6.compare.head', params: { units: context.head.inspected.length, hidden: net.layers[0].units } },
  ];
  const r = sampleReading(net, context.digits, context.level.head.sampleDigit);
  if (r)
    facts.push({
      key: 'ch6.compare.sample',
      params: {
        label: r.label,
        percent: Math.round(r.probabilities[r.label] * 1000) / 10,
        loss: Math.round(r.loss * 100) / 100,
      },
    });
  return facts;
}
