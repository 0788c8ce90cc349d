// Chapter 4's lab (part C): the output's heatmap with the training points (squares and rings),
// each hidden neuron's small map (row per layer, the hand-tuned one outlined), the loss curves
// (training solid blue, test dashed vermilion, both named in words, where overfitting starts
// marked); and all of it in words for a
// screen reader. The maps are painted from the grids the view computed, once per network.
import type Phaser from 'phaser';
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import type { LabView } from '../../../levels/ch4/minskyView';
import { COLORS, CSS } from '../../palette';
import { heatmapPixels, planeToScreen, toUnit } from '../boundaryView';
import type { ChartText } from '../chartText';
import { regionOf, type RegionFacts } from '../chartWords';
import type { PainterKit } from '../painterKit';
import { type Board, type Ch4Choice, HEAT_SCALE, MINI_SCALE, PLANE, RIGHT_X, miniSize } from './board';

type Graphics = Phaser.GameObjects.Graphics;

/** Top of the first row of small maps (its tag sits just above). */
const MINI_TOP = PLANE.y + 42;
type Grids = LabView['grids'];

export class LabPainter {
  private painted: Grids | null = null;
  /** Where each map of the lab's current network is lit (output first), read once per network. */
  private regions: { grids: Grids; output: RegionFacts; hidden: RegionFacts[][] } | null = null;

  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
    private readonly choice: Ch4Choice,
  ) {}

  /** Shows or hides the lab's maps (hidden maps stay hidden until render places them). */
  show(on: boolean): void {
    this.board.heat.img.setVisible(on);
    for (const m of this.board.minis) m.img.setVisible(false);
    if (!on) this.kit.ui.removeElement('ch4-loss');
  }

  private paintMaps(lab: LabView): void {
    if (this.painted === lab.grids) return;
    this.painted = lab.grids;
    const { heat, minis } = this.board;
    const layers = lab.grids.layers;
    heatmapPixels(heat.tex.context, layers[layers.length - 1][0], 'output', lab.grids.size, HEAT_SCALE);
    heat.tex.refresh();
    let k = 0;
    layers.slice(0, -1).forEach((units) =>
      units.forEach((grid) => {
        if (k >= minis.length) return;
        heatmapPixels(minis[k].tex.context, grid, lab.activation, lab.grids.size, MINI_SCALE);
        minis[k].tex.refresh();
        k++;
      }),
    );
  }

  render(g: Graphics, lab: LabView): void {
    const { t } = this.kit;
    const { board } = this;
    const handUnit = this.choice.handUnit;
    this.paintMaps(lab);
    g.lineStyle(3, COLORS.ink).strokeRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    for (const p of lab.points) {
      const [x, y] = planeToScreen(lab.box, PLANE, p.x, p.y);
      if (p.label === 1) {
        g.fillStyle(COLORS.blue, 1)
          .fillRect(x - 4, y - 4, 8, 8)
          .lineStyle(1.5, COLORS.white)
          .strokeRect(x - 4, y - 4, 8, 8);
      } else {
        g.lineStyle(3, COLORS.vermilion, 1).strokeCircle(x, y, 4.5);
      }
    }
    board.texts.counter.setText(
      `${t('ch4.ui.epochs', { n: lab.epochs })} · ${t('ch4.ui.neurons', { n: lab.neurons, max: lab.maxNeurons })}`,
    );
    board.texts.status.setText(t('ch4.ui.trainRight', { right: lab.trainRight, size: lab.trainSize }));
    // The legend names the marks as drawn: squares should light, rings stay dark.
    board.texts.planeTag.setText(`${t('ch4.ui.square')}   ${t('ch4.ui.ring')}`);
    // Small maps: one per hidden neuron, row per layer, each row under its own tag.
    board.texts.rightTag.setText(t('ch4.ui.what'));
    let k = 0;
    lab.layers.forEach((n, l) => {
      board.small(RIGHT_X, MINI_TOP - 20 + l * 84, t('ch4.ui.layer', { n: l + 1, count: n }), 14, CSS.inkSoft);
      for (let u = 0; u < n; u++) {
        const m = board.minis[k++];
        if (!m) continue;
        const sz = miniSize(n);
        const x = RIGHT_X + u * (sz + 4);
        const y = MINI_TOP + l * 84;
        m.img.setPosition(x, y).setDisplaySize(sz, sz).setVisible(true);
        const picked = handUnit === u && l === 0;
        g.lineStyle(picked ? 4 : 2, picked ? COLORS.orange : COLORS.ink);
        g.strokeRect(x, y, sz, sz);
      }
    });
    if (handUnit !== null) {
      board.small(RIGHT_X, 326, t('ch4.ui.hand', { n: handUnit + 1 }), 16, CSS.orange);
      this.kit.ui.removeElement('ch4-loss');
      return;
    }
    this.lossCurve(g, lab);
  }

  /**
   * Loss curves: training solid blue, test dashed vermilion (the dash runs on along the whole
   * curve, not restarted at every sample, so it shows as dashes); where overfitting starts, a
   * dotted upright with its name. The legend is HTML with the test loss explained on hover/focus.
   */
  private lossCurve(g: Graphics, lab: LabView): void {
    const { t, ui } = this.kit;
    const cx = RIGHT_X;
    const cy = 410;
    const cw = 370;
    const ch = 96;
    g.fillStyle(COLORS.white).fillRect(cx, cy, cw, ch).lineStyle(2, COLORS.ink).strokeRect(cx, cy, cw, ch);
    const all = [...lab.curve.train, ...lab.curve.test];
    const max = Math.max(0.1, ...all);
    const last = Math.max(1, lab.curve.epochs[lab.curve.epochs.length - 1] ?? 1);
    const points = (values: number[]) =>
      values.map((v, i) => [cx + (lab.curve.epochs[i] / last) * cw, cy + ch - (v / max) * ch] as [number, number]);
    g.lineStyle(3, COLORS.blue, 1);
    const train = points(lab.curve.train);
    for (let i = 1; i < train.length; i++) g.lineBetween(train[i - 1][0], train[i - 1][1], train[i][0], train[i][1]);
    g.lineStyle(3, COLORS.vermilion, 1);
    for (const [a1, b1, a2, b2] of dashedPath(points(lab.curve.test), 9, 6)) g.lineBetween(a1, b1, a2, b2);
    if (lab.overfit) {
      const x = cx + lab.overfit.at * cw;
      g.lineStyle(2, COLORS.ink, 1);
      for (const [a1, b1, a2, b2] of dashedPath(
        [
          [x, cy],
          [x, cy + ch],
        ],
        3,
        4,
      ))
        g.lineBetween(a1, b1, a2, b2);
      const text = t('ch4.ui.overfit');
      const w = 8 * [...text].length + 8;
      const lx = x + w + 6 <= cx + cw ? x + 4 : Math.max(cx + 2, x - w - 4);
      this.board.small(lx, cy + 3, text, 14, CSS.ink).setBackgroundColor('#ffffffdd');
    }
    this.board.texts.loss.setText('');
    const legend = ui.element('ch4-loss', 'div', 'bbd-ch4-legend');
    if (!legend.dataset.ready) {
      legend.dataset.ready = '1';
      legend.tabIndex = 0;
      legend.setAttribute('role', 'note');
      legend.innerHTML =
        '<div class="title"></div><span class="train"><i class="swatch solid"></i> <b></b></span>&nbsp;&nbsp;&nbsp;<span class="test"><i class="swatch dashed"></i> <b></b></span>';
    }
    Object.assign(legend.style, { left: `${cx - 4}px`, top: `${cy - 52}px`, width: `${cw + 8}px` });
    const set = (sel: string, text: string) => {
      const el = legend.querySelector(sel) as HTMLElement;
      if (el.textContent !== text) el.textContent = text;
    };
    set('.title', t('ch4.ui.loss'));
    set('.train b', t('ch4.ui.trainLoss', { v: lab.trainLoss.toFixed(3) }));
    set('.test b', t('ch4.ui.testLoss', { v: lab.testLoss.toFixed(3) }));
  }

  private where(r: RegionFacts): string {
    return this.kit.t(`ch4.chart.where.${r.where}` as 'ch4.chart.where.none');
  }

  /** The output heatmap, each hidden neuron's small map, and the loss curve, in words. */
  chartTexts(lab: LabView): ChartText[] {
    const { t } = this.kit;
    if (this.regions?.grids !== lab.grids) {
      const layers = lab.grids.layers;
      const size = lab.grids.size;
      this.regions = {
        grids: lab.grids,
        output: regionOf(layers[layers.length - 1][0], size),
        hidden: layers.slice(0, -1).map((units) =>
          units.map((grid) => {
            const unit = toUnit(grid, lab.activation);
            return regionOf(grid.map(unit), size);
          }),
        ),
      };
    }
    const out = this.regions.output;
    const pc = (v: number) => Math.round(v * 100);
    const charts: ChartText[] = [
      {
        id: 'heatmap',
        x: PLANE.x,
        y: PLANE.y,
        w: PLANE.size,
        h: PLANE.size,
        label: t('ch4.chart.heat', {
          dataset: t(`ch4.data.${lab.dataset}` as 'ch4.data.circle'),
          right: lab.trainRight,
          size: lab.trainSize,
          lit: pc(out.lit),
          where: this.where(out),
          unsure: pc(out.unsure),
        }),
      },
    ];
    const list = this.regions.hidden.flatMap((units, l) =>
      units.map((r, u) => t('ch4.chart.mini', { layer: l + 1, n: u + 1, where: this.where(r) })),
    );
    if (list.length)
      charts.push({
        id: 'neurons',
        x: RIGHT_X,
        y: MINI_TOP - 20,
        w: 380,
        h: lab.layers.length * 84 - 4,
        label: t('ch4.chart.minis', { list: list.join('; ') }),
      });
    if (this.choice.handUnit === null) {
      const train = lab.curve.train;
      charts.push({
        id: 'loss',
        x: RIGHT_X,
        y: 360,
        w: 370,
        h: 146,
        label:
          lab.epochs > 0 && train.length
            ? t('ch4.chart.loss', {
                epochs: lab.epochs,
                train: lab.trainLoss.toFixed(3),
                first: train[0].toFixed(3),
                test: lab.testLoss.toFixed(3),
              }) + (lab.overfit ? ` ${t('ch4.chart.overfit', { epoch: lab.overfit.epoch })}` : '')
            : t('ch4.chart.lossEmpty'),
      });
    }
    return charts;
  }
}

/** Dash segments along a polyline, the pattern running on from one piece to the next. */
export function dashedPath(
  points: readonly [number, number][],
  on: number,
  off: number,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let phase = 0;
  for (let i = 1; i < points.length; i++) {
    const [xa, ya] = points[i - 1];
    const [xb, yb] = points[i];
    const len = Math.hypot(xb - xa, yb - ya);
    let d = 0;
    while (d < len) {
      const inOn = phase < on;
      const step = Math.min(len - d, inOn ? on - phase : on + off - phase);
      if (inOn) {
        const f0 = d / len;
        const f1 = (d + step) / len;
        out.push([xa + f0 * (xb - xa), ya + f0 * (yb - ya), xa + f1 * (xb - xa), ya + f1 * (yb - ya)]);
      }
      d += step;
      phase = (phase + step) % (on + off);
    }
  }
  return out;
}
