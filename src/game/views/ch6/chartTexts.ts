// Chapter 6's text alternatives for what it draws: the learning curves, the sample digits, the
// health bars and the pad's probabilities, in words and tables, from the same view-model.
import type { MessageKey, Params } from '../../../i18n/i18n';
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import type { ChartText } from '../chartText';
import { PANEL } from './kit';

type T = (key: MessageKey, params?: Params) => string;

/** The sample digits and what the network reads them as, in words and a table. */
function samplesText(t: T, at: { x: number; y: number }, view: DigitDemonView): ChartText {
  const samples = view.training.samples;
  const box = { id: 'samples', ...at, w: 390, h: 220 };
  if (!view.training.last) return { ...box, label: t('ch6.chart.samplesWaiting', { n: samples.length }) };
  const wrong = samples
    .filter((d) => d.predicted !== null && d.predicted !== d.label)
    .map((d) => ({ label: d.label, predicted: d.predicted as number }));
  const summary = t('ch6.chart.samples', { n: samples.length, right: samples.length - wrong.length });
  return {
    ...box,
    label: wrong.length
      ? `${summary} ${t('ch6.chart.misread', { list: wrong.map((d) => t('ch6.chart.as', d)).join(', ') })}`
      : summary,
    table: [
      [t('ch6.chart.col.digit'), t('ch6.chart.col.read')],
      ...samples.map((d) => [
        String(d.label),
        d.predicted === null ? '?' : `${d.predicted} ${d.predicted === d.label ? '✓' : '✗'}`,
      ]),
    ],
  };
}

export function digitDemonChartTexts(t: T, view: DigitDemonView): ChartText[] {
  const charts: ChartText[] = [];
  const training = view.step === 'training';
  if (training || view.step === 'trained') {
    const top = PANEL.y + (training ? 140 : 70);
    const last = view.training.last;
    const first = view.training.firstLoss;
    charts.push({
      id: 'curves',
      x: PANEL.x + 20,
      y: top,
      w: 420,
      h: 220,
      label:
        last && first !== null
          ? t('ch6.chart.curves', {
              percent: Math.round(last.fraction * 100),
              loss: last.loss.toFixed(3),
              first: first.toFixed(3),
              train: Math.round(last.trainAccuracy * 100),
              test: Math.round(last.testAccuracy * 100),
            })
          : t('ch6.chart.curvesEmpty'),
    });
    charts.push(samplesText(t, { x: PANEL.x + 470, y: top }, view));
  }
  if (['phase1', 'phase2', 'trick'].includes(view.step)) {
    const f = view.fight;
    charts.push({
      id: 'health',
      x: 36,
      y: 400,
      w: 320,
      h: 124,
      label: t('ch6.chart.health', {
        demon: t('ch6.fight.health', { name: t('ch6.fight.demon'), hp: f.demonHealth, max: f.demonMax }),
        you: t('ch6.fight.health', { name: t('ch6.fight.you'), hp: f.playerHealth, max: f.playerMax }),
      }),
    });
  }
  if (view.step === 'phase2' && view.fight.canDraw) {
    const p = view.preview?.probabilities ?? null;
    const order = p ? p.map((v, d) => [v, d] as const).sort((a, b) => b[0] - a[0]) : [];
    charts.push({
      id: 'probs',
      x: PANEL.x + 440,
      y: PANEL.y + 34,
      w: 400,
      h: 240,
      label: p
        ? t('ch6.chart.probs', {
            best: order[0][1],
            p: Math.round(order[0][0] * 100),
            second: order[1][1],
            q: Math.round(order[1][0] * 100),
          })
        : t('ch6.chart.probsEmpty'),
      ...(p
        ? {
            table: [
              [t('ch6.chart.col.digit'), t('ch6.chart.col.chance')],
              ...p.map((v, d) => [String(d), `${Math.round(v * 100)}%`]),
            ],
          }
        : {}),
    });
  }
  return charts;
}
