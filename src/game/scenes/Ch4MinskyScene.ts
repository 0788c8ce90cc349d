// Chapter 4 "Minsky's Riddle": draws the Minsky machine's snapshots and forwards the player's
// input. Every number on screen comes from minskyView(); the scene keeps only presentation state
// (whether training is playing, which neuron's hand knobs are open, what sound played last).
import type Phaser from 'phaser';
import type { MinskyLevel } from '../../levels/ch4/minskyLevel';
import type { MinskyEvent } from '../../levels/ch4/minskyMachine';
import type { KnobView, MinskyView, NeuronLineView, Segment } from '../../levels/ch4/minskyView';
import { chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ButtonSpec } from '../ui/htmlLayer';
import { removeKnob, renderKnob } from '../ui/knob';
import { renderHistoryCard } from '../views/historyCard';
import { heatmapPixels, lineStyle, planeToScreen, toUnit } from '../views/boundaryView';
import type { ChartText } from '../views/chartText';
import { regionOf, short, type RegionFacts } from '../views/chartWords';
import { dashes, formatNumber } from '../views/neuronLayout';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

const PLANE = { x: 28, y: 70, size: 400 };
const MID_X = 452;
const RIGHT_X = 868;
/** Time budget for training per frame, so the page keeps its frame rate. */
const TRAIN_MS = 5;

type Text = Phaser.GameObjects.Text;

/** Side of each hidden neuron's small map: as big as a row of n allows, at most 76 px. */
function miniSize(n: number): number {
  return Math.min(76, Math.floor(376 / n) - 4);
}

export default class MinskyScene extends ChapterScene<MinskyView, MinskyEvent, MinskyLevel> {
  private playing = false;
  private perFrame = 2;
  private handUnit: number | null = null;
  private lastCue = '';
  private knobIds = new Set<string>();
  private g!: Phaser.GameObjects.Graphics;
  private heat!: Phaser.Textures.CanvasTexture;
  private heatImage!: Phaser.GameObjects.Image;
  private minis: { tex: Phaser.Textures.CanvasTexture; img: Phaser.GameObjects.Image }[] = [];
  private book!: Phaser.GameObjects.Image;
  private texts!: Record<'title' | 'counter' | 'status' | 'planeTag' | 'midTag' | 'rightTag' | 'loss', Text>;
  /** Small labels are pooled: a render reuses them in order instead of making new text objects. */
  private smallTexts: Text[] = [];
  private smallUsed = 0;
  private paintedNet: unknown = null;
  /** Where each map of the lab's current network is lit (output first), read once per network. */
  private regions: { net: unknown; output: RegionFacts; hidden: RegionFacts[][] } | null = null;

  constructor() {
    super(chapterSceneKey(4));
  }

  protected resetPresentation(): void {
    this.playing = false;
    this.perFrame = 2;
    this.handUnit = null;
    this.lastCue = '';
    this.knobIds = new Set();
    this.minis = [];
    this.smallTexts = [];
    this.paintedNet = null;
    this.regions = null;
  }

  protected override presentation(): Record<string, unknown> {
    return { playing: this.playing, handUnit: this.handUnit };
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    const bg = this.add.graphics();
    const panel = (x: number, y: number, w: number, h: number) =>
      bg
        .fillStyle(COLORS.cream, 0.95)
        .fillRoundedRect(x, y, w, h, 16)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 16);
    panel(12, 8, 1256, 50);
    panel(PLANE.x - 12, PLANE.y - 8, PLANE.size + 24, 488);
    panel(MID_X - 12, PLANE.y - 8, 400, 488);
    panel(RIGHT_X - 12, PLANE.y - 8, 400, 488);
    for (const key of ['ch4-heat', ...Array.from({ length: 16 }, (_, i) => `ch4-mini-${i}`)])
      if (this.textures.exists(key)) this.textures.remove(key);
    this.heat = this.textures.createCanvas('ch4-heat', this.level.lab.grid, this.level.lab.grid)!;
    this.heatImage = this.add
      .image(PLANE.x, PLANE.y, 'ch4-heat')
      .setOrigin(0, 0)
      .setDisplaySize(PLANE.size, PLANE.size)
      .setVisible(false);
    for (let i = 0; i < 16; i++) {
      const tex = this.textures.createCanvas(`ch4-mini-${i}`, this.level.lab.grid, this.level.lab.grid)!;
      const img = this.add.image(0, 0, `ch4-mini-${i}`).setOrigin(0, 0).setDisplaySize(64, 64).setVisible(false);
      this.minis.push({ tex, img });
    }
    this.g = this.add.graphics();
    this.book = this.add.image(640, 200, 'ch4-book').setDisplaySize(180, 225).setVisible(false);
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.label(x, y, size, color);
    this.texts = {
      title: L(26, 12, 26),
      counter: L(1254, 14, 22, CSS.blue).setOrigin(1, 0),
      status: L(PLANE.x, PLANE.y + PLANE.size + 6, 18),
      planeTag: L(PLANE.x, PLANE.y + PLANE.size + 34, 16, CSS.inkSoft),
      midTag: L(MID_X, PLANE.y - 4, 19, CSS.inkSoft),
      rightTag: L(RIGHT_X, PLANE.y - 4, 19, CSS.inkSoft),
      loss: L(RIGHT_X, 300, 16, CSS.inkSoft),
    };
    this.texts.status.setWordWrapWidth(PLANE.size);
    this.texts.planeTag.setWordWrapWidth(PLANE.size);
  }

  override update(): void {
    if (!this.playing) return;
    const view = this.view;
    if (view.step !== 'lab' || !view.lab?.canTrain) {
      this.playing = false;
      this.refresh();
      return;
    }
    // Adapt the epochs per frame to the time they take, within the level's per-step limit.
    const t0 = performance.now();
    this.send({ type: 'train.run', epochs: this.perFrame });
    const ms = performance.now() - t0;
    // The cost of one send is a fixed part (view, drawing) plus the epochs; grow while under budget.
    if (ms < TRAIN_MS) this.perFrame = Math.min(view.lab.maxEpochsPerStep, this.perFrame + 2);
    else if (ms > 2 * TRAIN_MS && this.perFrame > 1) this.perFrame = Math.max(1, Math.floor(this.perFrame * 0.7));
  }

  protected override onShutdown(): void {
    this.playing = false;
  }

  // ---------- drawing ----------

  protected renderView(view: MinskyView): void {
    const g = this.g.clear();
    this.smallUsed = 0;
    this.texts.title.setText(this.t('ch4.title'));
    const inLab = view.lab !== null && view.step !== 'history' && view.step !== 'done';
    this.heatImage.setVisible(inLab);
    for (const m of this.minis) m.img.setVisible(false);
    this.book.setVisible(view.step === 'book');
    this.texts.midTag.setText('');
    this.texts.rightTag.setText('');
    this.texts.loss.setText('');
    this.texts.planeTag.setText('');
    if (inLab) this.drawLab(g, view);
    else this.drawXor(g, view);
    if (view.step === 'book') this.drawFrost(g);
    this.renderKnobs(view);
    this.renderButtons(view);
    renderHistoryCard(
      this.services.ui,
      view.history
        ? {
            title: this.t('ch4.history.title'),
            items: view.history.map((h) => ({ year: h.year, text: this.dt(h.textKey) })),
          }
        : null,
    );
    this.renderMentor(this.dtKeys(view.line.key, view.line.params), view.line.notice, view.step === 'intro', (e) =>
      this.send(e),
    );
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      if (view.cue.sound !== 'tick' || this.playing) this.services.audio.play(view.cue.sound);
    }
    this.hideUnusedSmall();
  }

  private small(x: number, y: number, text: string, size = 15, color: string = CSS.ink): Text {
    let t = this.smallTexts[this.smallUsed];
    if (!t) {
      t = this.label(x, y, size, color);
      this.smallTexts.push(t);
    }
    this.smallUsed++;
    // Restyling redraws a text's texture: only when something really changed.
    if (t.style.fontSize !== `${size}px`) t.setFontSize(size);
    if (t.style.color !== color) t.setColor(color);
    if (t.style.wordWrapWidth) t.setWordWrapWidth(null);
    return t.setPosition(x, y).setOrigin(0, 0).setText(text).setVisible(true);
  }

  /** Hides the pooled labels this render did not use. */
  private hideUnusedSmall(): void {
    for (let i = this.smallUsed; i < this.smallTexts.length; i++) this.smallTexts[i].setVisible(false);
  }

  private toScreen(view: MinskyView, x: number, y: number): [number, number] {
    return planeToScreen(view.plane, PLANE, x, y);
  }

  private drawSegment(g: Phaser.GameObjects.Graphics, view: MinskyView, seg: Segment, index: number): void {
    if (!seg) return;
    const style = lineStyle(index);
    const [a, b] = [this.toScreen(view, ...seg[0]), this.toScreen(view, ...seg[1])];
    g.lineStyle(5, style.color, 1);
    for (const [x1, y1, x2, y2] of dashes(a[0], a[1], b[0], b[1], style.dash)) g.lineBetween(x1, y1, x2, y2);
  }

  /** Parts A and B: the four points, each neuron's line, and the lit side of the current machine. */
  private drawXor(g: Phaser.GameObjects.Graphics, view: MinskyView): void {
    // Shade every pixel block by what the current machine says there (lit = pale blue with dots).
    const cells = 20;
    const cell = PLANE.size / cells;
    const says = (x: number, y: number): boolean => {
      if (view.build && view.step !== 'line' && view.step !== 'bit') {
        const h = view.build.hidden.map((n) =>
          n.perceptron.weights[0] * x + n.perceptron.weights[1] * y > n.perceptron.threshold ? 1 : 0,
        );
        const o = view.build.output.perceptron;
        return h.reduce((s: number, v, i) => s + v * o.weights[i], 0) > o.threshold;
      }
      const p = view.step === 'bit' && view.bit ? view.bit.neuron.perceptron : view.partA.neuron.perceptron;
      return p.weights[0] * x + p.weights[1] * y > p.threshold;
    };
    const { xMin, xMax, yMin, yMax } = view.plane;
    g.fillStyle(0xffffff, 1).fillRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    for (let r = 0; r < cells; r++)
      for (let c = 0; c < cells; c++) {
        const x = xMin + ((c + 0.5) / cells) * (xMax - xMin);
        const y = yMax - ((r + 0.5) / cells) * (yMax - yMin);
        if (!says(x, y)) continue;
        g.fillStyle(0xcfe6f7, 1).fillRect(PLANE.x + c * cell, PLANE.y + r * cell, cell + 0.5, cell + 0.5);
        g.fillStyle(COLORS.sky, 0.8).fillCircle(PLANE.x + c * cell + cell / 2, PLANE.y + r * cell + cell / 2, 1.6);
      }
    g.lineStyle(3, COLORS.ink).strokeRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    // Axes at 0 and tick labels 0 / 1.
    const [ox, oy] = this.toScreen(view, 0, 0);
    g.lineStyle(1, COLORS.inkSoft, 0.6).lineBetween(PLANE.x, oy, PLANE.x + PLANE.size, oy);
    g.lineBetween(ox, PLANE.y, ox, PLANE.y + PLANE.size);
    const lines: NeuronLineView[] =
      view.step === 'line'
        ? [view.partA.neuron]
        : view.step === 'bit' && view.bit
          ? [view.bit.neuron]
          : (view.build?.hidden ?? [view.partA.neuron]);
    lines.forEach((n, i) => {
      this.drawSegment(g, view, n.segment, i);
      if (n.segment && lines.length > 1) {
        const [sx, sy] = this.toScreen(view, ...n.segment[0]);
        this.small(
          Math.min(PLANE.x + PLANE.size - 70, Math.max(PLANE.x + 4, sx)),
          Math.min(PLANE.y + PLANE.size - 24, Math.max(PLANE.y + 2, sy)),
          this.t('ch4.neuron.h', { n: i + 1 }),
          14,
          lineStyle(i).css,
        ).setBackgroundColor('#ffffffcc');
      }
    });
    view.xor.forEach((pt, i) => {
      const [x, y] = this.toScreen(view, pt.x[0], pt.x[1]);
      if (pt.label === 1) this.star(g, x, y, 20);
      else g.lineStyle(7, COLORS.vermilion).strokeCircle(x, y, 16);
      // A tick or a cross beside each point: right or wrong, not by colour alone.
      this.small(
        x + 18,
        y - 34,
        this.t(pt.right ? 'ch4.ui.yes' : 'ch4.ui.no'),
        22,
        pt.right ? CSS.green : CSS.vermilion,
      );
      this.small(x - 22, y + 18, `(${pt.x[0]},${pt.x[1]})`, 13, CSS.inkSoft);
      if (view.bit && view.step === 'bit' && view.bit.point === i) g.lineStyle(3, COLORS.orange).strokeCircle(x, y, 28);
    });
    const right = view.xor.filter((p) => p.right).length;
    this.texts.counter.setText(this.t('ch4.ui.right', { right }));
    this.texts.status.setText(`${this.t('ch4.ui.star')}   ${this.t('ch4.ui.ring')}`);
    if (view.step === 'line') this.texts.planeTag.setText(this.t('ch4.ui.tries', { tries: view.partA.tries }));
    if (view.step === 'bit' && view.bit) this.texts.planeTag.setText(this.t('ch4.ui.bitPass', { n: view.bit.pass }));
    if (view.build && view.step !== 'line' && view.step !== 'bit' && view.step !== 'book') this.drawNetwork(g, view);
  }

  private star(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
    const pts: Phaser.Types.Math.Vector2Like[] = [];
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      const rr = k % 2 ? r * 0.45 : r;
      pts.push({ x: x + rr * Math.cos(a), y: y + rr * Math.sin(a) });
    }
    g.fillStyle(COLORS.blue, 1)
      .fillPoints(pts as Phaser.Math.Vector2[], true)
      .lineStyle(2, COLORS.ink)
      .strokePoints(pts as Phaser.Math.Vector2[], true);
  }

  /** Part B's little network: inputs, hidden neurons (lit or not for the hovered point), output. */
  private drawNetwork(g: Phaser.GameObjects.Graphics, view: MinskyView): void {
    const b = view.build!;
    const x0 = RIGHT_X + 30;
    const x1 = RIGHT_X + 180;
    const x2 = RIGHT_X + 330;
    const top = 90;
    const inY = [top + 40, top + 120];
    const hY = b.hidden.map((_, i) => top + 10 + ((i + 0.5) * 160) / b.hidden.length);
    const oY = top + 80;
    const edge = (xa: number, ya: number, xb: number, yb: number, w: number) => {
      if (w === 0) return;
      g.lineStyle(Math.min(10, 2 + Math.abs(w) * 3), w > 0 ? COLORS.blue : COLORS.vermilion, 0.9);
      for (const [a1, b1, a2, b2] of dashes(xa, ya, xb, yb, w > 0 ? null : [12, 8])) g.lineBetween(a1, b1, a2, b2);
    };
    b.hidden.forEach((h, j) => {
      h.perceptron.weights.forEach((w, i) => edge(x0, inY[i], x1, hY[j], w));
      edge(x1, hY[j], x2, oY, b.output.perceptron.weights[j]);
    });
    inY.forEach((y, i) => {
      g.fillStyle(COLORS.white).fillCircle(x0, y, 18).lineStyle(3, COLORS.ink).strokeCircle(x0, y, 18);
      this.small(x0 - 10, y - 12, `x${i + 1}`, 15);
    });
    b.hidden.forEach((_, j) => {
      const style = lineStyle(j);
      g.fillStyle(COLORS.cream).fillCircle(x1, hY[j], 22).lineStyle(5, style.color).strokeCircle(x1, hY[j], 22);
      this.small(x1 - 11, hY[j] - 12, `${j + 1}`, 17, style.css);
    });
    g.fillStyle(COLORS.yellow).fillCircle(x2, oY, 24).lineStyle(4, COLORS.ink).strokeCircle(x2, oY, 24);
    this.small(x2 - 28, oY + 26, this.t('ch4.neuron.out'), 14);
    // The table: each point, what each hidden neuron says, the output.
    this.small(RIGHT_X, 282, this.t('ch4.ui.table'), 15, CSS.inkSoft);
    b.trace.forEach((t, k) => {
      const hs = t.hidden.map((v) => (v ? '●' : '○')).join(' ');
      const mark = this.t(t.right ? 'ch4.ui.yes' : 'ch4.ui.no');
      this.small(
        RIGHT_X,
        306 + k * 24,
        `(${t.x[0]},${t.x[1]})  ${hs}  Σ=${formatNumber(t.sum)}  → ${this.t(t.output ? 'ch4.ui.lit' : 'ch4.ui.dark')} ${mark}`,
        16,
        t.right ? CSS.ink : CSS.vermilion,
      );
    });
  }

  private drawFrost(g: Phaser.GameObjects.Graphics): void {
    g.fillStyle(0xdff3ff, 0.55).fillRect(0, 60, W, 500);
    for (let k = 0; k < 40; k++) {
      const x = (k * 197) % W;
      const y = 70 + ((k * 89) % 480);
      g.lineStyle(2, 0xffffff, 0.9);
      for (let a = 0; a < 3; a++) {
        const ang = (a * Math.PI) / 3;
        g.lineBetween(x - 8 * Math.cos(ang), y - 8 * Math.sin(ang), x + 8 * Math.cos(ang), y + 8 * Math.sin(ang));
      }
    }
    g.fillStyle(COLORS.cream, 0.97).fillRoundedRect(380, 326, 520, 104, 14).lineStyle(3, COLORS.ink);
    g.strokeRoundedRect(380, 326, 520, 104, 14);
    this.small(400, 332, this.t('ch4.book.title'), 24, CSS.blue);
    this.small(400, 368, this.t('ch4.book.caption'), 17).setWordWrapWidth(480);
  }

  /** Part C: the output heatmap with the training points, hidden neurons' small maps, loss curve. */
  private drawLab(g: Phaser.GameObjects.Graphics, view: MinskyView): void {
    const lab = view.lab!;
    if (this.paintedNet !== lab.net) {
      this.paintedNet = lab.net;
      const layers = lab.grids.layers;
      heatmapPixels(this.heat.context, layers[layers.length - 1][0], 'output', lab.grids.size);
      this.heat.refresh();
      let k = 0;
      layers.slice(0, -1).forEach((units) =>
        units.forEach((grid) => {
          if (k >= this.minis.length) return;
          heatmapPixels(this.minis[k].tex.context, grid, lab.activation, lab.grids.size);
          this.minis[k].tex.refresh();
          k++;
        }),
      );
    }
    g.lineStyle(3, COLORS.ink).strokeRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    const box = lab.box;
    const toS = (x: number, y: number) => planeToScreen(box, PLANE, x, y);
    for (const p of lab.points) {
      const [x, y] = toS(p.x, p.y);
      if (p.label === 1) {
        g.fillStyle(COLORS.blue, 1)
          .fillRect(x - 4, y - 4, 8, 8)
          .lineStyle(1.5, COLORS.white)
          .strokeRect(x - 4, y - 4, 8, 8);
      } else {
        g.lineStyle(3, COLORS.vermilion, 1).strokeCircle(x, y, 4.5);
      }
    }
    this.texts.counter.setText(
      `${this.t('ch4.ui.epochs', { n: lab.epochs })} · ${this.t('ch4.ui.neurons', { n: lab.neurons, max: lab.maxNeurons })}`,
    );
    this.texts.status.setText(this.t('ch4.ui.trainRight', { right: lab.trainRight, size: lab.trainSize }));
    this.texts.planeTag.setText(`■ ${this.t('ch4.ui.star')}   ○ ${this.t('ch4.ui.ring')}`);
    // Small maps: one per hidden neuron, row per layer.
    this.texts.rightTag.setText(this.t('ch4.ui.what'));
    let k = 0;
    lab.layers.forEach((n, l) => {
      for (let u = 0; u < n; u++) {
        const m = this.minis[k++];
        if (!m) continue;
        const sz = miniSize(n);
        const x = RIGHT_X + u * (sz + 4);
        const y = PLANE.y + 24 + l * 84;
        m.img.setPosition(x, y).setDisplaySize(sz, sz).setVisible(true);
        const picked = this.handUnit === u && l === 0;
        g.lineStyle(picked ? 4 : 2, picked ? COLORS.orange : COLORS.ink);
        g.strokeRect(x, y, sz, sz);
      }
      this.small(RIGHT_X + 300, PLANE.y + 2 + l * 84, this.t('ch4.ui.layer', { n: l + 1, count: n }), 14, CSS.inkSoft);
    });
    if (this.handUnit !== null) {
      this.small(RIGHT_X, 340, this.t('ch4.ui.hand', { n: this.handUnit + 1 }), 16, CSS.orange);
      return;
    }
    // Loss curve: training solid blue, test dashed orange; both named in text too.
    const cx = RIGHT_X;
    const cy = 410;
    const cw = 370;
    const ch = 96;
    g.fillStyle(COLORS.white).fillRect(cx, cy, cw, ch).lineStyle(2, COLORS.ink).strokeRect(cx, cy, cw, ch);
    const all = [...lab.curve.train, ...lab.curve.test];
    const max = Math.max(0.1, ...all);
    const last = Math.max(1, lab.curve.epochs[lab.curve.epochs.length - 1] ?? 1);
    const plot = (values: number[], color: number, dash: [number, number] | null) => {
      g.lineStyle(3, color, 1);
      for (let i = 1; i < values.length; i++) {
        const xa = cx + (lab.curve.epochs[i - 1] / last) * cw;
        const xb = cx + (lab.curve.epochs[i] / last) * cw;
        const ya = cy + ch - (values[i - 1] / max) * ch;
        const yb = cy + ch - (values[i] / max) * ch;
        for (const [a1, b1, a2, b2] of dashes(xa, ya, xb, yb, dash)) g.lineBetween(a1, b1, a2, b2);
      }
    };
    plot(lab.curve.train, COLORS.blue, null);
    plot(lab.curve.test, COLORS.orange, [8, 6]);
    this.texts.loss
      .setPosition(cx, cy - 50)
      .setText(
        `${this.t('ch4.ui.loss')}\n━ ${this.t('ch4.ui.trainLoss', { v: lab.trainLoss.toFixed(3) })}   ┅ ${this.t('ch4.ui.testLoss', { v: lab.testLoss.toFixed(3) })}`,
      );
  }

  // ---------- text alternatives ----------

  protected override chartTexts(view: MinskyView): readonly ChartText[] {
    if (view.step === 'history' || view.step === 'done') return [];
    const inLab = view.lab !== null;
    return inLab ? this.labTexts(view) : this.xorTexts(view);
  }

  private where(r: RegionFacts): string {
    return this.t(`ch4.chart.where.${r.where}` as 'ch4.chart.where.none');
  }

  private neuronName(id: string): string {
    if (id === 'line' || id === 'bit') return this.t('ch4.neuron.line');
    return this.t('ch4.neuron.h', { n: Number(id.slice(1)) || 1 });
  }

  /** Parts A and B: the four points (a table), each neuron's line, and part B's network. */
  private xorTexts(view: MinskyView): ChartText[] {
    const pt = (x: readonly number[]) => `(${x[0]}, ${x[1]})`;
    const litWord = (on: boolean | number) => this.t(on ? 'ch4.ui.lit' : 'ch4.ui.dark');
    const mark = (right: boolean) => this.t(right ? 'ch4.ui.yes' : 'ch4.ui.no');
    const lit = view.xor.filter((p) => p.says === 1).map((p) => pt(p.x));
    const right = view.xor.filter((p) => p.right).length;
    const lines =
      view.step === 'line'
        ? [view.partA.neuron]
        : view.step === 'bit' && view.bit
          ? [view.bit.neuron]
          : (view.build?.hidden ?? [view.partA.neuron]);
    const lineWords = lines.map((n) =>
      n.segment
        ? this.t('ch4.chart.line', {
            neuron: this.neuronName(n.id),
            x1: short(n.segment[0][0], 2),
            y1: short(n.segment[0][1], 2),
            x2: short(n.segment[1][0], 2),
            y2: short(n.segment[1][1], 2),
          })
        : this.t('ch4.chart.noLine', { neuron: this.neuronName(n.id) }),
    );
    const charts: ChartText[] = [
      {
        id: 'plane',
        x: PLANE.x,
        y: PLANE.y,
        w: PLANE.size,
        h: PLANE.size,
        label: [
          this.t('ch4.chart.plane', {
            right,
            size: view.xor.length,
            lit: lit.length ? lit.join(', ') : this.t('ch4.chart.nowhere'),
          }),
          ...lineWords,
        ].join(' '),
        table: [
          [
            this.t('ch4.chart.col.point'),
            this.t('ch4.chart.col.should'),
            this.t('ch4.chart.col.says'),
            this.t('ch4.chart.col.right'),
          ],
          ...view.xor.map((p) => [pt(p.x), litWord(p.label), litWord(p.says), mark(p.right)]),
        ],
      },
    ];
    const b = view.build;
    if (b && view.step !== 'line' && view.step !== 'bit' && view.step !== 'book')
      charts.push({
        id: 'network',
        x: RIGHT_X,
        y: PLANE.y + 20,
        w: 376,
        h: 200 + b.trace.length * 24,
        label: this.t('ch4.chart.network', { n: b.hidden.length, right: b.right, size: b.trace.length }),
        table: [
          [
            this.t('ch4.chart.col.point'),
            this.t('ch4.chart.col.hidden'),
            this.t('ch4.chart.col.sum'),
            this.t('ch4.chart.col.says'),
            this.t('ch4.chart.col.right'),
          ],
          ...b.trace.map((t) => [
            pt(t.x),
            t.hidden.map((v) => litWord(v)).join(', '),
            formatNumber(t.sum),
            litWord(t.output),
            mark(t.right),
          ]),
        ],
      });
    return charts;
  }

  /** Part C: the output heatmap, each hidden neuron's small map, and the loss curve. */
  private labTexts(view: MinskyView): ChartText[] {
    const lab = view.lab!;
    if (this.regions?.net !== lab.net) {
      const layers = lab.grids.layers;
      const size = lab.grids.size;
      this.regions = {
        net: lab.net,
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
        label: this.t('ch4.chart.heat', {
          dataset: this.t(`ch4.data.${lab.dataset}` as 'ch4.data.circle'),
          right: lab.trainRight,
          size: lab.trainSize,
          lit: pc(out.lit),
          where: this.where(out),
          unsure: pc(out.unsure),
        }),
      },
    ];
    const list = this.regions.hidden.flatMap((units, l) =>
      units.map((r, u) => this.t('ch4.chart.mini', { layer: l + 1, n: u + 1, where: this.where(r) })),
    );
    if (list.length)
      charts.push({
        id: 'neurons',
        x: RIGHT_X,
        y: PLANE.y + 24,
        w: 380,
        h: lab.layers.length * 84 - 8,
        label: this.t('ch4.chart.minis', { list: list.join('; ') }),
      });
    if (this.handUnit === null) {
      const train = lab.curve.train;
      charts.push({
        id: 'loss',
        x: RIGHT_X,
        y: 360,
        w: 370,
        h: 146,
        label:
          lab.epochs > 0 && train.length
            ? this.t('ch4.chart.loss', {
                epochs: lab.epochs,
                train: lab.trainLoss.toFixed(3),
                first: train[0].toFixed(3),
                test: lab.testLoss.toFixed(3),
              })
            : this.t('ch4.chart.lossEmpty'),
      });
    }
    return charts;
  }

  // ---------- controls ----------

  private knobLabel(id: string): string {
    const [neuron, param] = id.split('.');
    const name =
      neuron === 'line'
        ? this.t('ch4.neuron.line')
        : neuron === 'out'
          ? this.t('ch4.neuron.out')
          : this.t('ch4.neuron.h', { n: Number(neuron.slice(1)) });
    if (param.startsWith('v')) return this.t('ch4.knob.v', { neuron: name, n: Number(param.slice(1)) });
    return this.t(param === 'threshold' ? 'ch4.knob.threshold' : param === 'w1' ? 'ch4.knob.w1' : 'ch4.knob.w2', {
      neuron: name,
    });
  }

  private renderKnobs(view: MinskyView): void {
    const ui = this.services.ui;
    const wanted: {
      spec: KnobView;
      x: number;
      y: number;
      w: number;
      label: string;
      onSet: (v: number) => void;
      onNudge: (b: number) => void;
    }[] = [];
    const plain = (k: KnobView, x: number, y: number, w = 300) =>
      wanted.push({
        spec: k,
        x,
        y,
        w,
        label: this.knobLabel(k.id),
        onSet: (value) => {
          if (value !== k.value) this.send({ type: 'knob.set', id: k.id, value });
        },
        onNudge: (by) => this.send({ type: 'knob.nudge', id: k.id, by }),
      });
    if (view.step === 'line') {
      this.texts.midTag.setText(this.t('ch4.neuron.line'));
      view.partA.neuron.knobs.forEach((k, i) => plain(k, MID_X + 60, PLANE.y + 40 + i * 60));
    }
    if (view.step === 'build' && view.build) {
      view.build.hidden.forEach((n, j) => {
        this.small(MID_X, PLANE.y - 6 + j * 146, this.t('ch4.neuron.h', { n: j + 1 }), 17, lineStyle(j).css);
        n.knobs.forEach((k, i) => plain(k, MID_X + 60, PLANE.y + 40 + j * 146 + i * 38, 250));
      });
      view.build.output.knobs.forEach((k, i) => plain(k, RIGHT_X + 60, 420 + i * 36, 220));
    }
    const shortOf = (id: string) => {
      const p = id.split('.')[1];
      return p === 'threshold'
        ? this.t('ch4.short.threshold')
        : p.startsWith('v')
          ? this.t('ch4.short.v', { n: p.slice(1) })
          : this.t(p === 'w1' ? 'ch4.short.w1' : 'ch4.short.w2');
    };
    for (const k of wanted) this.small(k.x - 58, k.y - 12, shortOf(k.spec.id), 15, CSS.inkSoft);
    // Hand knobs in the lab (first-layer neuron, threshold form).
    const lab = view.lab;
    const hand: typeof wanted = [];
    if (view.step === 'lab' && lab && this.handUnit !== null && this.handUnit < lab.hand.length) {
      const unit = this.handUnit;
      lab.hand[unit].knobs.forEach((k, i) => {
        const id = `hand.${unit}.${k.param}`;
        hand.push({
          spec: { id, value: k.value, ...lab.handRange },
          x: RIGHT_X + 80,
          y: 372 + i * 54,
          w: 220,
          label: this.t(
            k.param === 'threshold' ? 'ch4.knob.threshold' : k.param === 'w1' ? 'ch4.knob.w1' : 'ch4.knob.w2',
            {
              neuron: this.t('ch4.neuron.h', { n: unit + 1 }),
            },
          ),
          onSet: (value) => {
            if (value !== k.value) this.send({ type: 'hand.set', unit, param: k.param, value });
          },
          onNudge: (by) => this.send({ type: 'hand.nudge', unit, param: k.param, by }),
        });
      });
    }
    const all = [...wanted, ...hand];
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
        onSet: k.onSet,
        onNudge: k.onNudge,
      });
  }

  private renderButtons(view: MinskyView): void {
    const b: ButtonSpec[] = [];
    const btn = (
      id: string,
      x: number,
      y: number,
      w: number,
      label: string,
      onPress: () => void,
      extra: Partial<ButtonSpec> = {},
    ) => b.push({ id, x, y, w, h: 44, label, onPress, ...extra });
    const send = (e: MinskyEvent) => () => this.send(e);
    const y2 = PLANE.y + 420;
    switch (view.step) {
      case 'line':
        btn('bit-try', MID_X, y2, 370, this.t('ch4.ui.bitTry'), send({ type: 'bit.start' }), {
          variant: 'primary',
          disabled: !view.partA.bitMayTry,
        });
        break;
      case 'bit':
        if (!view.bit?.finished) {
          btn('bit-step', MID_X, y2 - 56, 180, this.t('ch4.ui.bitStep'), send({ type: 'bit.step' }));
          btn('bit-finish', MID_X + 190, y2 - 56, 180, this.t('ch4.ui.bitFinish'), send({ type: 'bit.finish' }));
        } else
          btn('bit-done', MID_X, y2, 370, this.t('ch4.ui.continue'), send({ type: 'bit.done' }), {
            variant: 'primary',
          });
        break;
      case 'book':
        btn('book-read', 540, 446, 200, this.t('ch4.ui.continue'), send({ type: 'book.read' }), { variant: 'primary' });
        break;
      case 'build':
        btn('hidden-add', RIGHT_X, 228, 180, this.t('ch4.ui.addNeuron'), send({ type: 'hidden.add' }), {
          disabled: !view.build?.canAdd,
        });
        btn('hidden-remove', RIGHT_X + 190, 228, 180, this.t('ch4.ui.removeNeuron'), send({ type: 'hidden.remove' }), {
          disabled: !view.build?.canRemove,
          variant: 'quiet',
        });
        btn('build-check', MID_X, y2, 370, this.t('ch4.ui.check'), send({ type: 'build.check' }), {
          variant: 'primary',
        });
        break;
      case 'insight':
        btn('insight-done', MID_X, y2, 370, this.t('ch4.ui.continue'), send({ type: 'insight.done' }), {
          variant: 'primary',
        });
        break;
      case 'lab':
        this.labButtons(view, btn, send);
        break;
      case 'challengeResult':
        btn('challenge-retry', MID_X, y2 - 56, 370, this.t('ch4.ui.retry'), send({ type: 'challenge.retry' }));
        if (view.run?.passed)
          btn('challenge-accept', MID_X, y2, 370, this.t('ch4.ui.keep'), send({ type: 'challenge.accept' }), {
            variant: 'primary',
          });
        break;
      case 'history':
        btn('history-done', 540, 500, 200, this.t('ch4.ui.done'), send({ type: 'history.done' }), {
          variant: 'primary',
        });
        break;
    }
    this.services.ui.sync('ch4', b);
  }

  private labButtons(
    view: MinskyView,
    btn: (
      id: string,
      x: number,
      y: number,
      w: number,
      label: string,
      onPress: () => void,
      extra?: Partial<ButtonSpec>,
    ) => void,
    send: (e: MinskyEvent) => () => void,
  ): void {
    const lab = view.lab!;
    let y = PLANE.y + 10;
    this.small(MID_X, y - 14, this.t('ch4.ui.dataset'), 15, CSS.inkSoft);
    lab.datasets.forEach((d, i) =>
      btn(
        `data-${d}`,
        MID_X + i * 126,
        y + 8,
        120,
        this.t(`ch4.data.${d}` as 'ch4.data.circle'),
        send({ type: 'data.pick', dataset: d as 'circle' }),
        {
          pressed: lab.dataset === d,
        },
      ),
    );
    y += 72;
    this.small(MID_X, y - 14, this.t('ch4.ui.activation'), 15, CSS.inkSoft);
    lab.activations.forEach((a, i) =>
      btn(
        `act-${a}`,
        MID_X + i * 126,
        y + 8,
        120,
        this.t(`ch4.act.${a}`),
        send({ type: 'activation.set', activation: a }),
        {
          pressed: lab.activation === a,
        },
      ),
    );
    y += 72;
    this.small(MID_X, y - 14, this.t('ch4.ui.rate'), 15, CSS.inkSoft);
    lab.rates.forEach((r, i) =>
      btn(
        `rate-${i}`,
        MID_X + (i % 4) * 94,
        y + 8 + Math.floor(i / 4) * 46,
        90,
        String(r),
        send({ type: 'rate.set', rate: r }),
        {
          pressed: lab.rate === r,
          ariaLabel: `${this.t('ch4.ui.rate')} ${r}`,
        },
      ),
    );
    y += 112;
    lab.layers.forEach((n, l) => {
      this.small(MID_X, y + l * 48, this.t('ch4.ui.layer', { n: l + 1, count: n }), 16);
      btn(`layer-${l}-remove`, MID_X + 120, y - 8 + l * 48, 50, '−', send({ type: 'neuron.remove', layer: l }), {
        disabled: !lab.canRemove[l],
        ariaLabel: this.t('ch4.ui.layerRemove', { n: l + 1 }),
      });
      btn(`layer-${l}-add`, MID_X + 176, y - 8 + l * 48, 50, '+', send({ type: 'neuron.add', layer: l }), {
        disabled: !lab.canAdd[l],
        ariaLabel: this.t('ch4.ui.layerAdd', { n: l + 1 }),
      });
    });
    if (lab.layers.length < lab.maxLayers)
      btn('layer-add', MID_X + 232, y - 8, 144, this.t('ch4.ui.addLayer'), send({ type: 'layer.add' }), {
        disabled: !lab.canAddLayer,
        variant: 'quiet',
      });
    else
      btn('layer-remove', MID_X + 232, y - 8 + 48, 144, this.t('ch4.ui.removeLayer'), send({ type: 'layer.remove' }), {
        variant: 'quiet',
      });
    y = PLANE.y + 356;
    btn('train-play', MID_X, y, 110, this.t(this.playing ? 'ch4.ui.pause' : 'ch4.ui.train'), () => this.togglePlay(), {
      variant: 'primary',
      pressed: this.playing,
      disabled: !lab.canTrain && !this.playing,
    });
    btn('train-step', MID_X + 116, y, 130, this.t('ch4.ui.step'), send({ type: 'train.run', epochs: 1 }), {
      disabled: !lab.canTrain || this.playing,
    });
    btn('weights-reset', MID_X + 252, y, 124, this.t('ch4.ui.reset'), send({ type: 'weights.reset' }), {
      variant: 'quiet',
    });
    btn('challenge-run', MID_X, y + 50, 376, this.t('ch4.ui.challenge'), () => {
      this.playing = false;
      this.send({ type: 'challenge.run' });
    });
    // Hand tuning: one button per first-layer neuron (its small map), toggling its knobs.
    lab.hand.forEach((_, u) =>
      btn(
        `hand-${u}`,
        RIGHT_X + u * (miniSize(lab.layers[0]) + 4),
        262,
        miniSize(lab.layers[0]),
        this.t('ch4.ui.handShort', { n: u + 1 }),
        () => {
          this.handUnit = this.handUnit === u ? null : u;
          this.refresh();
        },
        {
          variant: 'quiet',
          pressed: this.handUnit === u,
          ariaLabel: this.t(this.handUnit === u ? 'ch4.ui.handOff' : 'ch4.ui.hand', { n: u + 1 }),
        },
      ),
    );
  }

  private togglePlay(): void {
    this.playing = !this.playing;
    this.refresh();
  }
}
