// Chapter 6's training panels: while the net trains (progress bar, time left, the learning curves
// and the sample digits as the net reads them now) and its report card after (accuracy, curves,
// samples). The curves and the digits come ready-made in the view-model; this only paints them.
import { thousands } from '../../../i18n/i18n';
import type { Curves } from '../../../levels/ch6/digitDemonPictures';
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { answerMark, fillBar, paintDigitBox } from '../demonPanel';
import { paintBars } from './headPanel';
import { PANEL, part, pct, textPart, type PanelKit } from './kit';

const LEGEND = [
  { key: 'ch6.chart.legend.loss', color: '#d64545', border: 'solid' },
  { key: 'ch6.chart.legend.train', color: '#3a6fc4', border: 'dashed' },
  { key: 'ch6.chart.legend.test', color: '#2e9a4a', border: 'dotted' },
] as const;

/** The chart's legend (a line sample of each curve and its name) and axis names, under the chart. */
function chartKey(kit: PanelKit, at: { x: number; y: number }): void {
  const { t } = kit;
  const legend = part(kit, 'legend', 'div', { x: at.x, y: at.y, w: 430 }, 'legend');
  const html = LEGEND.map((l) => `<span><i style="border-top:4px ${l.border} ${l.color}"></i>${t(l.key)}</span>`).join(
    '',
  );
  if (legend.dataset.html !== html) {
    legend.innerHTML = html;
    legend.dataset.html = html;
  }
  textPart(kit, 'axis-y', 'div', { x: at.x, y: at.y - 268, w: 200 }, t('ch6.chart.axis.y'), 'hint axis');
  textPart(kit, 'axis-x', 'div', { x: at.x + 230, y: at.y - 24, w: 200 }, t('ch6.chart.axis.x'), 'hint axis right');
}

/** The loss (solid red), training accuracy (blue dashes) and held-out accuracy (green dots), w x h. */
export function paintCurves(g: CanvasRenderingContext2D, w: number, h: number, curves: Curves): void {
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#5c5f7a';
  g.font = '600 13px sans-serif';
  g.fillText('100', 4, 14);
  g.fillText('50', 4, h / 2 + 4);
  g.fillText('0', 4, h - 6);
  g.strokeStyle = '#ccc';
  g.lineWidth = 1;
  for (let k = 1; k < 4; k++) {
    g.beginPath();
    g.moveTo(0, (h * k) / 4);
    g.lineTo(w, (h * k) / 4);
    g.stroke();
  }
  const line = (pts: [number, number][], color: string, dash: number[]) => {
    if (pts.length === 0) return;
    g.strokeStyle = color;
    g.lineWidth = 3;
    g.setLineDash(dash);
    g.beginPath();
    pts.forEach(([fx, fy], i) => {
      const x = fx * (w - 4) + 2;
      const y = h - 2 - fy * (h - 4);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    g.stroke();
    g.setLineDash([]);
  };
  line(curves.loss, '#d64545', []);
  line(curves.train, '#3a6fc4', [8, 5]);
  line(curves.test, '#2e9a4a', [2, 4]);
}

/** The sample grid's cells: 6 across, each a 44 px digit in a 58 px column, its answer under it. */
const CELL = { across: 6, w: 58, gapX: 10, h: 66, gapY: 6, box: 44 };
const GRID = { w: CELL.across * CELL.w + (CELL.across - 1) * CELL.gapX, h: 2 * CELL.h + CELL.gapY };

/**
 * The sample digits and the net's answer under each ("7 ✓", "1 ✗", "?" before its first answer),
 * two rows of six; the marks are drawn, not looked up in a font.
 */
export function paintSamples(g: CanvasRenderingContext2D, samples: DigitDemonView['training']['samples']): void {
  g.textAlign = 'center';
  g.font = '600 15px sans-serif';
  g.fillStyle = '#2b2d42';
  samples.forEach((s, k) => {
    const cx = (k % CELL.across) * (CELL.w + CELL.gapX) + CELL.w / 2;
    const top = Math.floor(k / CELL.across) * (CELL.h + CELL.gapY);
    paintDigitBox(g, cx - CELL.box / 2, top, CELL.box, s.bytes);
    const y = top + CELL.box + 17;
    if (s.predicted === null) {
      g.fillText('?', cx, y);
      return;
    }
    g.fillText(String(s.predicted), cx - 8, y);
    answerMark(g, cx + 8, y - 6, s.predicted === s.label);
  });
}

function sampleGrid(kit: PanelKit, at: { x: number; y: number }, view: DigitDemonView): void {
  const samples = view.training.samples;
  kit.layer.region({
    id: 'grid',
    ...at,
    ...GRID,
    key: samples.map((s) => `${s.label}${s.predicted ?? '?'}`).join(','),
    paint: (g) => paintSamples(g, samples),
  });
}

/** The learning curves, 420 x 210, at `at`. */
function curvesChart(kit: PanelKit, at: { x: number; y: number }, curves: Curves): void {
  kit.layer.region({
    id: 'curves',
    ...at,
    w: 420,
    h: 210,
    key: JSON.stringify(curves),
    paint: (g) => paintCurves(g, 420, 210, curves),
  });
}

let rehearsed = false;

/**
 * Runs the training panel's three painters once, on a canvas off the page, at the page's next
 * quiet moment (once a page): run while the build step waits, so the press on Train does not
 * also pay for the canvas fonts' first lookup and the painters' first run (about 10 ms each on a
 * 2-core machine, in the frame that answers the press).
 */
export function rehearseTrainingPaint(view: DigitDemonView): void {
  if (rehearsed) return;
  rehearsed = true;
  const samples = view.training.samples.map((s, k) => ({ ...s, predicted: k % 3 ? s.label : (s.label + 1) % 10 }));
  const go = () => {
    const g = Object.assign(document.createElement('canvas'), { width: 420, height: 210 }).getContext('2d')!;
    const rise: [number, number][] = [
      [0, 0.1],
      [1, 0.9],
    ];
    paintCurves(g, 420, 210, { loss: rise.map(([x, y]) => [x, 1 - y]), train: rise, test: rise });
    paintSamples(g, samples);
    paintBars(g, [0.05, 0.05, 0.05, 0.55, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], 3);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 200);
}

export function trainingPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, send, groups } = kit;
  const tr = view.training;
  const last = tr.last;
  const fraction = last?.fraction ?? 0;
  const bar = part(kit, 'bar', 'div', { x: 20, y: 14, w: 820 }, 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  fillBar(bar, fraction);
  const epochs = view.build.choices.epochs;
  const status = last
    ? `${t('ch6.train.progress', {
        epoch: Math.min(epochs, last.epoch + 1),
        epochs,
        percent: Math.round(fraction * 100),
      })}${tr.secondsLeft !== null ? ` · ${t('ch6.train.left', { seconds: tr.secondsLeft })}` : ''}`
    : t('ch6.train.waiting');
  textPart(kit, 'status', 'div', { x: 20, y: 44, w: 820 }, tr.error || status);
  if (last) {
    textPart(
      kit,
      'numbers',
      'div',
      { x: 20, y: 70, w: 820 },
      `${t('ch6.train.loss', { loss: last.loss.toFixed(3) })} · ${t('ch6.train.accuracy', {
        train: Math.round(last.trainAccuracy * 100),
        test: Math.round(last.testAccuracy * 100),
      })}`,
      'hint',
    );
  }
  // Read through its text alternative (the chart texts), which says what the curves show.
  curvesChart(kit, { x: 20, y: 124 }, tr.curves);
  chartKey(kit, { x: 20, y: 364 });
  textPart(kit, 'samples-t', 'div', { x: 470, y: 96, w: 380 }, t('ch6.train.samples'), 'hint');
  sampleGrid(kit, { x: 470, y: 124 }, view);
  groups['ch6-d'] = [
    {
      id: 'cancel',
      x: PANEL.x + 20,
      y: PANEL.y + 400,
      w: 200,
      h: 60,
      label: t('ch6.train.cancel'),
      onPress: () => send({ type: 'train.cancel' }),
    },
    {
      id: 'restart',
      x: PANEL.x + 240,
      y: PANEL.y + 400,
      w: 200,
      h: 60,
      label: t('ch6.train.restart'),
      onPress: () => {
        send({ type: 'train.cancel' });
        send({ type: 'train.start' });
      },
    },
  ];
}

export function trainedPanel(kit: PanelKit, view: DigitDemonView): void {
  const { t, send, groups } = kit;
  const h = textPart(
    kit,
    'acc',
    'h3',
    { x: 20, y: 14, w: 820 },
    t('ch6.trained.accuracy', { percent: pct(view.report?.accuracy ?? 0) }),
  );
  h.style.fontSize = '28px';
  curvesChart(kit, { x: 20, y: 96 }, view.training.curves);
  chartKey(kit, { x: 20, y: 336 });
  sampleGrid(kit, { x: 470, y: 96 }, view);
  const left = view.build.trainingsLeft;
  textPart(
    kit,
    'left',
    'div',
    { x: 470, y: 250, w: 370 },
    t(left > 0 ? 'ch6.trained.oneMore' : 'ch6.trained.noMore'),
    'hint',
  );
  // The scale of it: this network's knobs beside a large language model's.
  textPart(
    kit,
    'knobs',
    'div',
    { x: 470, y: 306, w: 370 },
    t('ch6.trained.knobs', { knobs: thousands(view.build.knobs) }),
    'hint',
  );
  groups['ch6-d'] = [
    ...(left > 0
      ? [
          {
            id: 'again',
            x: PANEL.x + 20,
            y: PANEL.y + 400,
            w: 240,
            h: 60,
            label: t('ch6.trained.again'),
            onPress: () => send({ type: 'train.again' }),
          },
        ]
      : []),
    {
      id: 'fight',
      x: PANEL.x + 600,
      y: PANEL.y + 400,
      w: 240,
      h: 60,
      label: t('ch6.trained.fight'),
      variant: 'primary',
      onPress: () => send({ type: 'fight.start' }),
    },
  ];
}
