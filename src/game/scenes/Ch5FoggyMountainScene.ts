// Chapter 5 "Foggy Mountain": draws the foggy-mountain machine's view-model and forwards the
// player's input. Every number on screen comes from foggyView(); the scene keeps only
// presentation state: whether automatic descent is playing, its game-time accumulator, and what
// was last announced or played. Automatic descent advances by game time (a slow frame rate slows
// it, never skips or breaks it), in smaller, calmer batches with reduced motion.
import Phaser from 'phaser';
import { polyValue } from '../../engine/polynomial';
import type { FoggyLevel } from '../../levels/ch5/foggyLevel';
import { MAX_AUTO_BATCH, type FoggyEvent } from '../../levels/ch5/foggyMachine';
import { bowl, GRID } from '../../levels/ch5/foggyMap';
import type { FoggyView, WalkView } from '../../levels/ch5/foggyView';
import { chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ButtonSpec } from '../ui/htmlLayer';
import { removeKnob, renderKnob } from '../ui/knob';
import type { ChartText } from '../views/chartText';
import { renderHistoryCard } from '../views/historyCard';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

type Text = Phaser.GameObjects.Text;

const PLOT = { x: 36, y: 96, w: 450, h: 300 };
const BAR = { x: 36, y: 440, w: 450, h: 26 };
const RIGHT = { x: 520, y: 70, w: 736, h: 486 };
const MAP = { x: 560, y: 96, size: 380 };
const PROFILE = { x: 570, y: 110, w: 650, h: 300 };
const CHART = { x: 580, y: 100, w: 440, h: 200 };
const PATH = { x: 1050, y: 100, size: 190 };
const GEAR_Y = 200;
const GEAR_X = [620, 800, 980, 1160];
const GEAR_R = [58, 50, 44, 54];
/** Automatic descent: steps per second of game time (fewer, larger updates with reduced motion). */
const AUTO_RATE = 30;
const fmt = (v: number, digits = 3) => String(Number(v.toPrecision(digits)));

export default class FoggyMountainScene extends ChapterScene<FoggyView, FoggyEvent, FoggyLevel> {
  private playing = false;
  private autoClock = 0;
  private tickClock = 0;
  private lastCue = '';
  private lastSpoken = '';
  private g!: Phaser.GameObjects.Graphics;
  private fogLayer!: Phaser.GameObjects.Graphics;
  private top!: Phaser.GameObjects.Graphics;
  private hiker!: Phaser.GameObjects.Image;
  private bowlImage!: Phaser.GameObjects.Image;
  private fogImage!: Phaser.GameObjects.Image;
  private fogKey = '';
  private gearArt: Phaser.GameObjects.Graphics[] = [];
  private texts!: Record<
    'title' | 'part' | 'loss' | 'lossTitle' | 'info1' | 'info2' | 'info3' | 'info4' | 'axisX' | 'axisY' | 'legend',
    Text
  >;
  private pool: Text[] = [];
  private readonly touched = new Set<string>();
  private poolUsed = 0;
  private view_: FoggyView | null = null;

  constructor() {
    super(chapterSceneKey(5));
  }

  protected resetPresentation(): void {
    this.playing = false;
    this.autoClock = 0;
    this.tickClock = 0;
    this.lastCue = '';
    this.lastSpoken = '';
    this.pool = [];
    this.poolUsed = 0;
    this.gearArt = [];
    this.view_ = null;
    this.fogKey = '';
  }

  protected override presentation(): Record<string, unknown> {
    return { playing: this.playing };
  }

  protected override onShutdown(): void {
    this.playing = false;
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, 'bg-stage').setDisplaySize(W, H);
    const frame = this.add.graphics();
    const panel = (x: number, y: number, w: number, h: number) =>
      frame
        .fillStyle(COLORS.cream, 0.95)
        .fillRoundedRect(x, y, w, h, 18)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 18);
    panel(16, 8, 1100, 50);
    panel(16, 70, 490, 486);
    panel(RIGHT.x, RIGHT.y, RIGHT.w, RIGHT.h);
    this.g = this.add.graphics();
    // The bowl and its fog are baked into textures (redrawn only when the trail changes), so a
    // frame draws two images instead of thousands of cells and contour segments.
    this.bowlImage = this.add.image(MAP.x, MAP.y, '__DEFAULT').setOrigin(0).setVisible(false);
    this.fogImage = this.add.image(MAP.x, MAP.y, '__DEFAULT').setOrigin(0).setVisible(false);
    this.fogLayer = this.add.graphics();
    this.top = this.add.graphics();
    for (let i = 0; i < 4; i++) this.gearArt.push(this.add.graphics({ x: GEAR_X[i], y: GEAR_Y }));
    this.hiker = this.add.image(0, 0, 'ch5-hiker').setDisplaySize(44, 44).setVisible(false);
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.label(x, y, size, color);
    this.texts = {
      title: L(30, 12, 26),
      part: L(1100, 16, 21, CSS.blue).setOrigin(1, 0),
      lossTitle: L(BAR.x, BAR.y - 34, 18, CSS.inkSoft),
      loss: L(BAR.x, BAR.y + 30, 20),
      info1: L(1030, 110, 18),
      info2: L(1030, 150, 18),
      info3: L(1030, 190, 18),
      info4: L(1030, 230, 18),
      axisX: L(0, 0, 15, CSS.inkSoft),
      axisY: L(0, 0, 15, CSS.inkSoft),
      legend: L(PLOT.x, PLOT.y - 26, 13, CSS.inkSoft),
    };
    this.texts.legend.setWordWrapWidth(460);
    this.texts.info1.setWordWrapWidth(220);
    this.texts.info2.setWordWrapWidth(220);
    this.texts.info3.setWordWrapWidth(220);
    this.texts.info4.setWordWrapWidth(220);
  }

  /** A fixed label, marked as used by this render (unused ones are emptied at the end). */
  private txt(key: keyof FoggyMountainScene['texts']): Text {
    this.touched.add(key);
    return this.texts[key];
  }

  /** A pooled small label, reset on each render. */
  private tag(x: number, y: number, text: string, size = 14, color: string = CSS.ink): Text {
    let t = this.pool[this.poolUsed];
    if (!t) {
      t = this.label(0, 0, size, color);
      this.pool.push(t);
    }
    this.poolUsed++;
    if (t.text !== text) t.setText(text);
    if (t.style.fontSize !== `${size}px`) t.setFontSize(size);
    if (t.style.color !== color) t.setColor(color);
    if (t.x !== x || t.y !== y) t.setPosition(x, y);
    if (t.originX !== 0.5) t.setOrigin(0.5);
    if (!t.visible) t.setVisible(true);
    return t;
  }

  override update(_time: number, delta: number): void {
    const view = this.view_;
    if (!view || !this.playing || view.step !== 'auto' || !view.auto) return;
    if (view.auto.finished) {
      this.playing = false;
      this.refresh();
      return;
    }
    // Game time, clamped: a stalled frame never fires a burst of steps.
    const dt = Math.min(delta, 100);
    this.autoClock += dt;
    const interval = this.reducedMotion ? 250 : 1000 / AUTO_RATE;
    if (this.autoClock >= interval) {
      const count = Math.min(MAX_AUTO_BATCH, Math.max(1, Math.floor((this.autoClock / 1000) * AUTO_RATE)));
      this.autoClock = 0;
      this.send({ type: 'auto.step', count });
    }
    if (view.sound) {
      this.tickClock += dt;
      if (this.tickClock >= 1000 / view.sound.ticksPerSecond) {
        this.tickClock = 0;
        this.services.audio.blip(view.sound.pitch, 70, 0.05);
      }
    }
  }

  protected renderView(view: FoggyView): void {
    this.view_ = view;
    if (this.playing && view.auto?.finished) this.playing = false;
    this.poolUsed = 0;
    this.g.clear();
    this.fogLayer.clear();
    this.top.clear();
    this.hiker.setVisible(false);
    this.bowlImage.setVisible(false);
    this.fogImage.setVisible(false);
    for (const gear of this.gearArt) gear.clear();
    this.txt('title').setText(this.t('ch5.title'));
    this.txt('part').setText(this.partTitle(view.step));
    for (const k of ['info1', 'info2', 'info3', 'info4', 'axisX', 'axisY', 'legend'] as const)
      this.texts[k].setText('');

    this.drawPlot(view);
    this.drawLossBar(view);
    if (view.walk?.kind === 'fog1') this.drawProfile(view.walk);
    else if (view.walk) this.drawMap(view.walk);
    else if (view.run) this.drawMap(null);
    if (view.auto) this.drawAuto(view);
    if (view.gears) this.drawGears(view);
    for (let i = this.poolUsed; i < this.pool.length; i++) if (this.pool[i].visible) this.pool[i].setVisible(false);
    for (const k of ['info1', 'info2', 'info3', 'info4', 'axisX', 'axisY', 'legend'] as const)
      if (!this.touched.has(k) && this.texts[k].text !== '') this.texts[k].setText('');

    this.renderKnobs(view);
    renderHistoryCard(
      this.services.ui,
      view.history
        ? {
            title: this.t('ch5.history.title'),
            items: view.history.map((h) => ({ year: h.year, text: this.dt(h.textKey) })),
          }
        : null,
    );
    this.renderActions(view);
    this.renderSoundCaption(view);
    this.react(view);
    this.renderMentor(this.dt(view.line.key, view.line.params), view.line.notice, view.intro, (e) => this.send(e));
  }

  private partTitle(step: string): string {
    const part: Record<string, string> = {
      hand: 'ch5.part.hand',
      fog1: 'ch5.part.fog1',
      fog2: 'ch5.part.fog2',
      auto: 'ch5.part.auto',
      gears: 'ch5.part.gears',
      challenge: 'ch5.part.challenge',
      challengeResult: 'ch5.part.challenge',
      history: 'ch5.part.history',
    };
    return part[step] ? this.dt(part[step]) : '';
  }

  // ---------- the points and the curve (left) ----------

  private px(x: number): number {
    const p = this.level.plot;
    return PLOT.x + ((x - p.xMin) / (p.xMax - p.xMin)) * PLOT.w;
  }

  private py(y: number): number {
    const p = this.level.plot;
    const c = Math.min(p.yMax, Math.max(p.yMin, y));
    return PLOT.y + PLOT.h - ((c - p.yMin) / (p.yMax - p.yMin)) * PLOT.h;
  }

  private drawPlot(view: FoggyView): void {
    const g = this.g;
    g.fillStyle(COLORS.white, 1).fillRect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
    g.lineStyle(1, COLORS.stone, 1);
    g.lineBetween(PLOT.x, this.py(0), PLOT.x + PLOT.w, this.py(0));
    g.lineBetween(this.px(0), PLOT.y, this.px(0), PLOT.y + PLOT.h);
    g.lineStyle(3, COLORS.ink, 1).strokeRect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
    // Each point's error: a vermilion line from the point to the curve.
    g.lineStyle(3, COLORS.vermilion, 0.9);
    view.points.forEach((p, i) =>
      g.lineBetween(this.px(p.x), this.py(p.y), this.px(p.x), this.py(p.y + view.residuals[i])),
    );
    const styles: Record<string, [number, number, number]> = {
      main: [COLORS.blue, 4, 1],
      momentum: [COLORS.orange, 3, 1],
      hand: [COLORS.inkSoft, 2, 0.7],
    };
    for (const c of [...view.curves].reverse()) {
      const [color, width, alpha] = styles[c.id];
      this.curve(c.knobs, color, width, alpha, c.id === 'momentum' ? 10 : c.id === 'hand' ? 4 : 0);
    }
    for (const p of view.points) {
      g.fillStyle(COLORS.yellow, 1).fillCircle(this.px(p.x), this.py(p.y), 7);
      g.lineStyle(3, COLORS.ink, 1).strokeCircle(this.px(p.x), this.py(p.y), 7);
    }
    if (view.auto) {
      this.txt('legend').setText(
        `— ${this.t('ch5.plain', { loss: fmt(view.auto.plain.loss) })}   - - ${this.t('ch5.heavy', { loss: fmt(view.auto.heavy.loss) })}   ··· ${this.t('ch5.handFit', { loss: fmt(view.auto.handLoss) })}`,
      );
    }
  }

  /** A curve through the plot, solid or dashed (dash > 0: dash length in samples). */
  private curve(knobs: number[], color: number, width: number, alpha: number, dash: number): void {
    const g = this.g;
    const p = this.level.plot;
    const n = 120;
    g.lineStyle(width, color, alpha);
    let prev: [number, number] | null = null;
    for (let i = 0; i <= n; i++) {
      const x = p.xMin + ((p.xMax - p.xMin) * i) / n;
      const pt: [number, number] = [this.px(x), this.py(polyValue(knobs, x))];
      const on = dash === 0 || Math.floor(i / (dash / 2)) % 2 === 0;
      if (prev && on) g.lineBetween(prev[0], prev[1], pt[0], pt[1]);
      prev = pt;
    }
  }

  private drawLossBar(view: FoggyView): void {
    const g = this.g;
    // Log scale from the valley floor to the loss at all-zero knobs (and beyond, clamped).
    const t = (v: number) =>
      Math.min(1, Math.max(0, Math.log(v / view.bestLoss) / Math.log((view.lossScale * 20) / view.bestLoss)));
    g.fillStyle(COLORS.white, 1).fillRoundedRect(BAR.x, BAR.y, BAR.w, BAR.h, 8);
    g.fillStyle(COLORS.vermilion, 1).fillRoundedRect(BAR.x, BAR.y, Math.max(10, BAR.w * t(view.loss)), BAR.h, 8);
    g.lineStyle(3, COLORS.ink, 1).strokeRoundedRect(BAR.x, BAR.y, BAR.w, BAR.h, 8);
    const target = view.walk?.target ?? view.auto?.target ?? null;
    if (target !== null) {
      const x = BAR.x + BAR.w * t(target);
      g.lineStyle(4, COLORS.green, 1).lineBetween(x, BAR.y - 6, x, BAR.y + BAR.h + 6);
      this.tag(
        BAR.x + BAR.w - 70,
        BAR.y + BAR.h + 18,
        `| ${this.t('ch5.target', { value: fmt(target) })}`,
        15,
        CSS.green,
      );
    }
    this.txt('lossTitle').setText(this.t('ch5.lossTitle'));
    this.txt('loss').setText(this.t('ch5.loss', { value: fmt(view.loss, 4) }));
  }

  // ---------- part B: one knob in the fog ----------

  private drawProfile(walk: WalkView): void {
    const g = this.g;
    const [lo, hi] = walk.ranges[0];
    const top = Math.max(...walk.trail.map((t) => t.loss), 80);
    const kx = (k: number) => PROFILE.x + ((k - lo) / (hi - lo)) * PROFILE.w;
    // Square-root height keeps the valley floor visible next to the high slopes.
    const ly = (l: number) => PROFILE.y + PROFILE.h - Math.sqrt(Math.min(l, top) / top) * PROFILE.h;
    g.fillStyle(COLORS.skyBottom, 1).fillRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
    // The fog: soft grey bands over everything, then the uncovered ground drawn on top.
    this.fogLayer.fillStyle(COLORS.stone, 0.55).fillRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
    for (let i = 0; i < 6; i++)
      this.fogLayer
        .fillStyle(COLORS.white, 0.35)
        .fillEllipse(PROFILE.x + 60 + i * 110, PROFILE.y + 80 + (i % 2) * 120, 200, 60);
    this.tag(PROFILE.x + PROFILE.w - 40, PROFILE.y + 18, `☁ ${this.t('ch5.fog')}`, 15, CSS.inkSoft);
    for (const run of walk.seen ?? []) {
      this.top.fillStyle(COLORS.grass, 1);
      this.top.beginPath();
      this.top.moveTo(kx(run[0][0]), PROFILE.y + PROFILE.h);
      for (const [k, l] of run) this.top.lineTo(kx(k), ly(l));
      this.top.lineTo(kx(run[run.length - 1][0]), PROFILE.y + PROFILE.h);
      this.top.closePath();
      this.top.fillPath();
      this.top.lineStyle(4, COLORS.grassShade, 1);
      for (let i = 1; i < run.length; i++)
        this.top.lineBetween(kx(run[i - 1][0]), ly(run[i - 1][1]), kx(run[i][0]), ly(run[i][1]));
    }
    this.top.lineStyle(3, COLORS.ink, 1).strokeRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
    // The trail: numbered footprints.
    walk.trail.forEach((t, i) => {
      this.top.fillStyle(COLORS.ink, 1).fillCircle(kx(t.at[0]), ly(t.loss), 5);
      if (i < walk.trail.length - 1) this.tag(kx(t.at[0]), ly(t.loss) - 16, String(i), 12, CSS.inkSoft);
    });
    // Where you stand: the tangent (the slope) and an arrow downhill.
    const k = walk.position[0];
    const slope = walk.slope[0];
    const x0 = kx(k);
    const y0 = ly(walk.loss);
    const dk = (hi - lo) * 0.08;
    const tanY = (kk: number) => ly(Math.max(0, walk.loss + slope * (kk - k)));
    this.top.lineStyle(3, COLORS.blue, 1).lineBetween(kx(k - dk), tanY(k - dk), kx(k + dk), tanY(k + dk));
    const dir = slope > 0 ? -1 : 1;
    this.arrow(this.top, x0, y0 + 30, x0 + dir * 70, y0 + 30, COLORS.green, 5);
    this.hiker.setPosition(x0, y0 - 24).setVisible(true);
    this.tag(
      x0,
      Math.min(PROFILE.y + PROFILE.h - 10, y0 + 52),
      this.t('ch5.slope', { value: fmt(slope) }),
      15,
      CSS.blue,
    );
    this.txt('axisX')
      .setText('K1')
      .setPosition(PROFILE.x + PROFILE.w - 24, PROFILE.y + PROFILE.h + 4);
    this.tag(PROFILE.x + 12, PROFILE.y + PROFILE.h + 14, fmt(lo), 13, CSS.inkSoft);
    this.tag(PROFILE.x + PROFILE.w - 60, PROFILE.y + PROFILE.h + 14, fmt(hi), 13, CSS.inkSoft);
    this.txt('info1').setText('');
    this.tag(
      PROFILE.x + PROFILE.w / 2,
      PROFILE.y + PROFILE.h + 40,
      `${this.t('ch5.loss', { value: fmt(walk.loss) })} · ${this.t('ch5.target', { value: walk.target })} · ${this.t('ch5.steps', { steps: walk.steps, overshoots: walk.overshoots })}`,
      17,
    );
  }

  private arrow(
    g: Phaser.GameObjects.Graphics,
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    color: number,
    width: number,
  ): void {
    const len = Math.hypot(x2 - x1, y2 - y1);
    if (len < 2) return;
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const head = Math.min(16, len * 0.5) + width;
    g.lineStyle(width, color, 1).lineBetween(x1, y1, x2 - ux * head * 0.6, y2 - uy * head * 0.6);
    g.fillStyle(color, 1).fillTriangle(
      x2,
      y2,
      x2 - ux * head - uy * head * 0.55,
      y2 - uy * head + ux * head * 0.55,
      x2 - ux * head + uy * head * 0.55,
      y2 - uy * head - ux * head * 0.55,
    );
  }

  // ---------- part C and the challenge: two knobs, a map under fog ----------

  private drawMap(walk: WalkView | null): void {
    const b = bowl(this.level);
    const [r1, r2] = [this.level.fog2.range[0], this.level.fog2.range[1]];
    const mx = (k: number) => MAP.x + ((k - r1[0]) / (r1[1] - r1[0])) * MAP.size;
    const my = (k: number) => MAP.y + MAP.size - ((k - r2[0]) / (r2[1] - r2[0])) * MAP.size;
    const cell = MAP.size / (GRID - 1);
    const floor = this.level.bestLoss;
    const top = Math.max(...b.loss.flat());
    const fog = walk?.fog ?? null;
    if (!this.textures.exists('ch5-bowl')) {
      const g = this.make.graphics({}, false);
      // Ground colour by height (light valley, darker slopes); the contour rings carry the same
      // information in shape, so colour is never the only signal.
      for (let r = 0; r < GRID - 1; r++)
        for (let c = 0; c < GRID - 1; c++) {
          const l = (b.loss[r][c] + b.loss[r + 1][c + 1]) / 2;
          const t = Math.log(l / floor) / Math.log(top / floor);
          const shade = Phaser.Display.Color.Interpolate.ColorWithColor(
            Phaser.Display.Color.ValueToColor(0xe8f5d0),
            Phaser.Display.Color.ValueToColor(0x4a7c59),
            100,
            Math.round(t * 100),
          );
          g.fillStyle(Phaser.Display.Color.GetColor(shade.r, shade.g, shade.b), 1).fillRect(
            c * cell,
            MAP.size - (r + 1) * cell,
            cell + 0.5,
            cell + 0.5,
          );
        }
      g.lineStyle(2, COLORS.ink, 0.75);
      for (const s of b.segments) {
        const [x1, y1, x2, y2] = s.seg;
        g.lineBetween(mx(x1) - MAP.x, my(y1) - MAP.y, mx(x2) - MAP.x, my(y2) - MAP.y);
      }
      g.generateTexture('ch5-bowl', MAP.size, MAP.size);
      g.destroy();
    }
    this.bowlImage.setTexture('ch5-bowl').setVisible(true);
    // The fog: hidden cells covered in opaque mist.
    if (fog) {
      const key = fog.map((f) => (f ? 1 : 0)).join('');
      if (key !== this.fogKey || !this.textures.exists('ch5-fog')) {
        this.fogKey = key;
        if (this.textures.exists('ch5-fog')) this.textures.remove('ch5-fog');
        const g = this.make.graphics({}, false);
        g.fillStyle(0xdfe3ea, 1);
        fog.forEach((hidden, i) => {
          if (!hidden) return;
          const r = Math.floor(i / (GRID - 1));
          const c = i % (GRID - 1);
          g.fillRect(c * cell, MAP.size - (r + 1) * cell, cell + 0.5, cell + 0.5);
        });
        g.generateTexture('ch5-fog', MAP.size, MAP.size);
        g.destroy();
      }
      this.fogImage.setTexture('ch5-fog').setVisible(true);
      if (fog.some(Boolean)) this.tag(MAP.x + MAP.size - 40, MAP.y + 16, `☁ ${this.t('ch5.fog')}`, 15, CSS.inkSoft);
    }
    this.top.lineStyle(3, COLORS.ink, 1).strokeRect(MAP.x, MAP.y, MAP.size, MAP.size);
    this.txt('axisX')
      .setText('K1 →')
      .setPosition(MAP.x + MAP.size - 50, MAP.y + MAP.size + 2);
    this.txt('axisY')
      .setText('↑ K2')
      .setPosition(MAP.x - 40, MAP.y - 26);
    if (!walk) return;
    // The path of steps.
    const pts = walk.trail.map((t) => [mx(t.at[0]), my(t.at[1])] as const);
    this.top.lineStyle(4, COLORS.purple, 1);
    for (let i = 1; i < pts.length; i++) this.top.lineBetween(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
    pts.forEach(([x, y], i) => {
      this.top.fillStyle(COLORS.white, 1).fillCircle(x, y, 6);
      this.top.lineStyle(3, COLORS.ink, 1).strokeCircle(x, y, 6);
      if (i < pts.length - 1) this.tag(x + 12, y - 12, String(i), 12, CSS.ink);
    });
    // The two partial slopes (thin) and the gradient (thick), scaled to fit, pointing uphill.
    const [x0, y0] = pts[pts.length - 1];
    const [g1, g2] = walk.slope;
    const norm = Math.hypot(g1, g2);
    const scale = norm > 0 ? 80 / norm : 0;
    this.arrow(this.top, x0, y0, x0 + g1 * scale, y0, COLORS.sky, 3);
    this.arrow(this.top, x0, y0, x0, y0 - g2 * scale, COLORS.sky, 3);
    this.arrow(this.top, x0, y0, x0 + g1 * scale, y0 - g2 * scale, COLORS.vermilion, 6);
    this.hiker.setPosition(x0 - 30, y0 + 26).setVisible(true);
    this.txt('info1').setText(this.t('ch5.loss', { value: fmt(walk.loss) }));
    this.txt('info2').setText(`${this.t('ch5.target', { value: walk.target })}`);
    this.txt('info3').setText(this.t('ch5.gradient', { g1: fmt(g1), g2: fmt(g2) }));
    this.txt('info4').setText(
      walk.maxSteps !== null
        ? this.t('ch5.score', { score: walk.score, steps: walk.steps, max: walk.maxSteps })
        : this.t('ch5.steps', { steps: walk.steps, overshoots: walk.overshoots }),
    );
  }

  // ---------- part D: automatic descent ----------

  private drawAuto(view: FoggyView): void {
    const a = view.auto!;
    const g = this.g;
    const all = [...a.plain.losses, ...a.heavy.losses, a.target];
    const lo = Math.log10(Math.min(...all) * 0.8);
    const hi = Math.log10(Math.max(...all) * 1.2);
    const n = Math.max(a.maxSteps / 4, a.steps, 10);
    const cx = (i: number) => CHART.x + (i / n) * CHART.w;
    const cy = (l: number) => CHART.y + CHART.h - ((Math.log10(l) - lo) / (hi - lo)) * CHART.h;
    g.fillStyle(COLORS.white, 1).fillRect(CHART.x, CHART.y, CHART.w, CHART.h);
    g.lineStyle(3, COLORS.green, 1).lineBetween(CHART.x, cy(a.target), CHART.x + CHART.w, cy(a.target));
    this.tag(CHART.x + CHART.w - 60, cy(a.target) - 12, this.t('ch5.target', { value: a.target }), 13, CSS.green);
    const line = (ls: number[], color: number, dashed: boolean) => {
      g.lineStyle(3, color, 1);
      // At most ~150 segments however long the run: a long run stays cheap to draw.
      const stride = Math.max(1, Math.ceil(ls.length / 150));
      for (let i = stride, k = 0; i < ls.length + stride - 1; i += stride, k++) {
        const j = Math.min(i, ls.length - 1);
        if (!dashed || k % 4 < 2)
          g.lineBetween(cx(j - stride < 0 ? 0 : i - stride), cy(ls[i - stride]), cx(j), cy(ls[j]));
      }
    };
    line(a.plain.losses, COLORS.blue, false);
    line(a.heavy.losses, COLORS.orange, true);
    g.lineStyle(3, COLORS.ink, 1).strokeRect(CHART.x, CHART.y, CHART.w, CHART.h);
    this.tag(CHART.x + 70, CHART.y - 14, this.t('ch5.logScale'), 14, CSS.inkSoft);
    this.tag(
      CHART.x + CHART.w - 70,
      CHART.y - 14,
      this.t('ch5.autoSteps', { steps: a.steps, max: a.maxSteps }),
      14,
      CSS.inkSoft,
    );
    // The two paths over K1, K2 (a slice of the six-knob walk), plain solid and momentum dashed.
    const paths = [...a.plain.path, ...a.heavy.path];
    const ks = (i: 0 | 1) => paths.map((p) => p[i]);
    const span = (xs: number[]) => [Math.min(...xs, -0.5), Math.max(...xs, 0.5)] as const;
    const [x0, x1] = span(ks(0));
    const [y0, y1] = span(ks(1));
    const sx = (v: number) => PATH.x + ((v - x0) / (x1 - x0)) * PATH.size;
    const sy = (v: number) => PATH.y + PATH.size - ((v - y0) / (y1 - y0)) * PATH.size;
    g.fillStyle(COLORS.white, 1).fillRect(PATH.x, PATH.y, PATH.size, PATH.size);
    const drawPath = (p: [number, number][], color: number, dashed: boolean) => {
      g.lineStyle(3, color, 1);
      const stride = Math.max(1, Math.ceil(p.length / 150));
      for (let i = stride; i < p.length; i += stride)
        if (!dashed || (i / stride) % 4 < 2)
          g.lineBetween(sx(p[i - stride][0]), sy(p[i - stride][1]), sx(p[i][0]), sy(p[i][1]));
    };
    drawPath(a.plain.path, COLORS.blue, false);
    drawPath(a.heavy.path, COLORS.orange, true);
    const best = this.level.best;
    g.fillStyle(COLORS.green, 1).fillCircle(sx(best[1]), sy(best[2]), 6);
    g.lineStyle(3, COLORS.ink, 1).strokeRect(PATH.x, PATH.y, PATH.size, PATH.size);
    this.tag(PATH.x + PATH.size / 2, PATH.y - 14, this.t('ch5.pathTitle'), 14, CSS.inkSoft);
    this.tag(
      CHART.x + CHART.w / 2,
      CHART.y + CHART.h + 22,
      `— ${this.t('ch5.plain', { loss: fmt(a.plain.loss) })}   - - ${this.t('ch5.heavy', { loss: fmt(a.heavy.loss) })}`,
      15,
    );
  }

  // ---------- part E: the gears ----------

  private drawGears(view: FoggyView): void {
    const gv = view.gears!;
    gv.gears.forEach((gear, i) => {
      const art = this.gearArt[i];
      const r = GEAR_R[i];
      const teeth = 10 + i * 2;
      art.fillStyle(i === 0 ? COLORS.orange : i === 3 ? COLORS.vermilion : COLORS.sky, 1);
      art.lineStyle(4, COLORS.ink, 1);
      const pts: Phaser.Math.Vector2[] = [];
      for (let k = 0; k < teeth * 2; k++) {
        const ang = (k / (teeth * 2)) * Math.PI * 2;
        const rr = k % 2 === 0 ? r : r - 10;
        pts.push(new Phaser.Math.Vector2(Math.cos(ang) * rr, Math.sin(ang) * rr));
      }
      art.fillPoints(pts, true).strokePoints(pts, true);
      art
        .fillStyle(COLORS.cream, 1)
        .fillCircle(0, 0, r * 0.45)
        .strokeCircle(0, 0, r * 0.45);
      art.lineStyle(5, COLORS.ink, 1).lineBetween(0, 0, r * 0.42, 0);
      // Each gear turns by its own change; the ratios between neighbours set how much.
      const hidden = i === 3 && gv.hideLast;
      const angle = hidden ? 0 : gear.turn * 6;
      if (this.reducedMotion) art.setRotation(angle);
      else this.tweens.add({ targets: art, rotation: angle, duration: 400, ease: 'Sine.easeOut' });
      const x = GEAR_X[i];
      this.tag(x, GEAR_Y - r - 34, this.dt(`ch5.gear.${gear.name}`), 16);
      this.tag(x, GEAR_Y + r + 18, this.t('ch5.gear.value', { value: fmt(gear.value) }), 14);
      this.tag(
        x,
        GEAR_Y + r + 40,
        hidden ? this.t('ch5.gear.hidden') : this.t('ch5.gear.turn', { value: fmt(gear.turn) }),
        14,
        CSS.inkSoft,
      );
      if (gear.grad !== null)
        this.tag(x, GEAR_Y + r + 64, this.t('ch5.gear.grad', { value: fmt(gear.grad) }), 16, CSS.blue);
      if (i < 3) {
        const mid = (GEAR_X[i] + GEAR_X[i + 1]) / 2;
        this.top.fillStyle(COLORS.yellow, 1).fillRoundedRect(mid - 40, GEAR_Y - 122, 80, 30, 10);
        this.top.lineStyle(3, COLORS.ink, 1).strokeRoundedRect(mid - 40, GEAR_Y - 122, 80, 30, 10);
        this.tag(mid, GEAR_Y - 107, this.t('ch5.gear.ratio', { value: fmt(gv.ratios[i]) }), 16);
      }
    });
    this.tag(890, 452, this.t('ch5.gears.question'), 17);
    if (gv.done) this.tag(890, 540, this.t('ch5.gears.fd', { fd: fmt(gv.finiteDifference, 4) }), 16, CSS.green);
  }

  // ---------- text alternatives ----------

  protected override chartTexts(view: FoggyView): readonly ChartText[] {
    if (view.step === 'history' || view.history) return [];
    const charts: ChartText[] = [];
    const misses = view.residuals.map(Math.abs);
    const worst = misses.indexOf(Math.max(...misses));
    const mean = misses.reduce((a, b) => a + b, 0) / Math.max(1, misses.length);
    const plot = this.t('ch5.chart.plot', {
      n: view.points.length,
      mean: fmt(mean),
      x: fmt(view.points[worst]?.x ?? 0),
      miss: fmt(misses[worst] ?? 0),
    });
    const auto = view.auto;
    charts.push({
      id: 'plot',
      ...PLOT,
      label: auto
        ? `${plot} ${this.t('ch5.plain', { loss: fmt(auto.plain.loss) })} · ${this.t('ch5.heavy', { loss: fmt(auto.heavy.loss) })} · ${this.t('ch5.handFit', { loss: fmt(auto.handLoss) })}`
        : plot,
    });
    const target = view.walk?.target ?? view.auto?.target ?? null;
    charts.push({
      id: 'bar',
      x: BAR.x,
      y: BAR.y - 34,
      w: BAR.w,
      h: BAR.h + 64,
      label:
        target === null
          ? this.t('ch5.chart.bar', { value: fmt(view.loss, 4), floor: fmt(view.bestLoss) })
          : this.t('ch5.chart.barTarget', { value: fmt(view.loss, 4), target: fmt(target), floor: fmt(view.bestLoss) }),
    });
    const walk = view.walk;
    if (walk?.kind === 'fog1') {
      const slope = walk.slope[0];
      charts.push({
        id: 'mountain',
        x: PROFILE.x,
        y: PROFILE.y,
        w: PROFILE.w,
        h: PROFILE.h,
        label: this.t('ch5.chart.profile', {
          k: fmt(walk.position[0]),
          loss: fmt(walk.loss),
          slope: fmt(slope),
          dir: this.t(slope > 0 ? 'ch5.chart.toLeft' : slope < 0 ? 'ch5.chart.toRight' : 'ch5.chart.flat'),
          steps: walk.steps,
          target: fmt(walk.target),
        }),
      });
    } else if (walk) {
      const fog = walk.fog ? walk.fog.filter(Boolean).length / Math.max(1, walk.fog.length) : 0;
      charts.push({
        id: 'map',
        x: MAP.x,
        y: MAP.y,
        w: MAP.size,
        h: MAP.size,
        label: this.t('ch5.chart.map', {
          k1: fmt(walk.position[0]),
          k2: fmt(walk.position[1]),
          loss: fmt(walk.loss),
          first: fmt(walk.trail[0]?.loss ?? walk.loss),
          steps: walk.steps,
          g1: fmt(walk.slope[0]),
          g2: fmt(walk.slope[1]),
          fog: Math.round(fog * 100),
        }),
      });
    } else if (view.run) {
      charts.push({ id: 'map', x: MAP.x, y: MAP.y, w: MAP.size, h: MAP.size, label: this.t('ch5.chart.mapOpen') });
    }
    if (auto) {
      const end = (p: [number, number][]) => p[p.length - 1] ?? [0, 0];
      const [p1, p2] = end(auto.plain.path);
      const [h1, h2] = end(auto.heavy.path);
      charts.push(
        {
          id: 'descent',
          ...CHART,
          label: this.t('ch5.chart.auto', {
            steps: auto.steps,
            max: auto.maxSteps,
            plain: fmt(auto.plain.loss),
            plain0: fmt(auto.plain.losses[0] ?? auto.plain.loss),
            heavy: fmt(auto.heavy.loss),
            heavy0: fmt(auto.heavy.losses[0] ?? auto.heavy.loss),
            target: fmt(auto.target),
          }),
        },
        {
          id: 'paths',
          x: PATH.x,
          y: PATH.y,
          w: PATH.size,
          h: PATH.size,
          label: this.t('ch5.chart.paths', {
            p1: fmt(p1),
            p2: fmt(p2),
            h1: fmt(h1),
            h2: fmt(h2),
            b1: fmt(this.level.best[1]),
            b2: fmt(this.level.best[2]),
          }),
        },
      );
    }
    const gv = view.gears;
    if (gv)
      charts.push({
        id: 'gears',
        x: GEAR_X[0] - GEAR_R[0],
        y: GEAR_Y - 130,
        w: GEAR_X[3] + GEAR_R[3] - (GEAR_X[0] - GEAR_R[0]),
        h: 130 + GEAR_R[0] + 80,
        label: this.t('ch5.chart.gears', { ratios: gv.ratios.map((r) => `× ${fmt(r)}`).join(', ') }),
        table: [
          [
            this.t('ch5.chart.col.gear'),
            this.t('ch5.chart.col.value'),
            this.t('ch5.chart.col.turn'),
            this.t('ch5.chart.col.slope'),
          ],
          ...gv.gears.map((g, i) => [
            this.dt(`ch5.gear.${g.name}`),
            fmt(g.value),
            i === 3 && gv.hideLast ? '?' : fmt(g.turn),
            g.grad === null ? '—' : fmt(g.grad),
          ]),
        ],
      });
    return charts;
  }

  // ---------- HTML controls ----------

  private renderKnobs(view: FoggyView): void {
    const ui = this.services.ui;
    for (let i = 0; i < 6; i++) {
      const k = view.hand?.knobs[i];
      if (!k) {
        removeKnob(ui, `k${i}`);
        continue;
      }
      this.tag(600, 118 + i * 62, `K${i}`, 20);
      renderKnob(ui, {
        id: `k${i}`,
        x: 660,
        y: 118 + i * 62,
        w: 420,
        min: k.min,
        max: k.max,
        step: k.step,
        fineStep: k.fineStep,
        value: k.value,
        label: this.t('ch5.knob.aria', { n: i }),
        valueText: fmt(k.value),
        onSet: (value) => {
          if (value !== k.value) this.send({ type: 'knob.set', index: i, value });
        },
        onNudge: (by) => this.send({ type: 'knob.nudge', index: i, by }),
      });
    }
  }

  private btn(
    id: string,
    label: string,
    x: number,
    y: number,
    w: number,
    onPress: () => void,
    extra: Partial<ButtonSpec> = {},
  ): ButtonSpec {
    return {
      id,
      x,
      y,
      w,
      h: 46,
      label,
      onPress: () => {
        this.services.audio.play('click');
        onPress();
      },
      ...extra,
    };
  }

  private renderActions(view: FoggyView): void {
    const ui = this.services.ui;
    const actions: ButtonSpec[] = [];
    const choices: ButtonSpec[] = [];
    const step = view.step;
    if (step === 'hand' && view.hand?.mayEnd) {
      actions.push(
        this.btn('toFog', this.t('ch5.btn.toFog'), 1040, 496, 200, () => this.send({ type: 'hand.done' }), {
          variant: 'primary',
        }),
      );
    }
    if (view.walk) {
      const w = view.walk;
      const y = w.kind === 'fog1' ? 496 : 500;
      const x0 = w.kind === 'fog1' ? 560 : 960;
      const across = w.kind === 'fog1' ? 6 : 2;
      if (!(w.reached && w.kind !== 'challenge')) {
        view.stepSizes.forEach((size, i) => {
          const col = i % across;
          const row = Math.floor(i / across);
          choices.push(
            this.btn(
              `size-${size}`,
              `${size}`,
              x0 + col * (w.kind === 'fog1' ? 104 : 140),
              w.kind === 'fog1' ? y : 300 + row * 54,
              w.kind === 'fog1' ? 96 : 130,
              () => this.send({ type: 'fog.step', size }),
              {
                ariaLabel: this.t('ch5.stepSize.aria', { size }),
              },
            ),
          );
        });
        this.tag(
          w.kind === 'fog1' ? 1200 : 1090,
          w.kind === 'fog1' ? 478 : 282,
          this.t('ch5.stepSize'),
          15,
          CSS.inkSoft,
        );
      }
      if (w.reached && w.kind !== 'challenge')
        actions.push(
          this.btn('next', this.t('ch5.btn.next'), 1040, 496, 200, () => this.send({ type: 'fog.next' }), {
            variant: 'primary',
          }),
        );
    }
    if (view.auto) {
      const a = view.auto;
      this.tag(640, 330, this.t('ch5.lr'), 15, CSS.inkSoft);
      a.learningRates.forEach((lr, i) =>
        choices.push(
          this.btn(
            `lr-${lr}`,
            String(lr),
            700 + i * 92,
            312,
            86,
            () => {
              this.playing = false;
              this.send({ type: 'auto.set', lr, beta: a.beta });
            },
            { pressed: lr === a.lr, ariaLabel: this.t('ch5.lr.aria', { lr }) },
          ),
        ),
      );
      this.tag(640, 388, this.t('ch5.momentum'), 15, CSS.inkSoft);
      a.momenta.forEach((beta, i) =>
        choices.push(
          this.btn(
            `beta-${beta}`,
            String(beta),
            700 + i * 92,
            370,
            86,
            () => {
              this.playing = false;
              this.send({ type: 'auto.set', lr: a.lr, beta });
            },
            { pressed: beta === a.beta, ariaLabel: this.t('ch5.momentum.aria', { beta }) },
          ),
        ),
      );
      if (!a.finished) {
        actions.push(
          this.btn(
            'play',
            this.t(this.playing ? 'ch5.btn.pause' : 'ch5.btn.play'),
            560,
            440,
            150,
            () => this.togglePlay(),
            {
              variant: 'primary',
              pressed: this.playing,
            },
          ),
          this.btn('step', this.t('ch5.btn.step'), 720, 440, 150, () => this.send({ type: 'auto.step', count: 1 })),
        );
      }
      if (a.mayEnd)
        actions.push(
          this.btn(
            'next',
            this.t('ch5.btn.next'),
            1040,
            496,
            200,
            () => {
              this.playing = false;
              this.send({ type: 'auto.done' });
            },
            { variant: 'primary' },
          ),
        );
    }
    if (view.gears) {
      const gv = view.gears;
      const by = gv.turnStep;
      actions.push(
        this.btn('turnLess', this.t('ch5.btn.turnLess', { by }), 548, 340, 176, () =>
          this.send({ type: 'gears.turn', by: -by }),
        ),
        this.btn('turnMore', this.t('ch5.btn.turnMore', { by }), 736, 340, 176, () =>
          this.send({ type: 'gears.turn', by }),
        ),
      );
      if (gv.right !== true)
        gv.choices.forEach((value, i) =>
          choices.push(
            this.btn(
              `choice-${i}`,
              String(value),
              590 + i * 150,
              474,
              140,
              () => this.send({ type: 'gears.predict', value }),
              {
                ariaLabel: this.t('ch5.gears.choiceAria', { value }),
                disabled: gv.turned === 0,
                pressed: gv.predicted === value,
              },
            ),
          ),
        );
      else if (!gv.done)
        actions.push(
          this.btn('back', this.t('ch5.btn.back'), 820, 474, 220, () => this.send({ type: 'gears.back' }), {
            variant: 'primary',
          }),
        );
      else
        actions.push(
          this.btn('next', this.t('ch5.btn.next'), 1040, 496, 200, () => this.send({ type: 'gears.done' }), {
            variant: 'primary',
          }),
        );
    }
    if (view.run) {
      if (view.run.reached)
        actions.push(
          this.btn('keep', this.t('ch5.btn.keep'), 1000, 300, 220, () => this.send({ type: 'challenge.accept' }), {
            variant: 'primary',
          }),
        );
      actions.push(
        this.btn('retry', this.t('ch5.btn.retry'), 1000, 360, 220, () => this.send({ type: 'challenge.retry' })),
      );
    }
    if (view.history)
      actions.push(
        this.btn('continue', this.t('ch5.btn.continue'), 890, 422, 220, () => this.send({ type: 'history.done' }), {
          variant: 'primary',
        }),
      );
    ui.sync('choices', choices);
    ui.sync('actions', actions);
    ui.sync('tools', [
      {
        id: 'map',
        x: 1134,
        y: 8,
        w: 128,
        h: 48,
        label: this.t('ch5.btn.map'),
        variant: 'quiet',
        onPress: () => this.quitToMap(),
      },
    ]);
  }

  private togglePlay(): void {
    this.playing = !this.playing;
    this.autoClock = 0;
    this.refresh();
  }

  /** The caption of what the sound carries, shown whenever it plays (sound on or off). */
  private renderSoundCaption(view: FoggyView): void {
    const ui = this.services.ui;
    if (!view.sound) {
      ui.removeElement('ch5-sound');
      return;
    }
    const el = ui.element('ch5-sound', 'div', 'bbd-label');
    Object.assign(el.style, { left: '36px', top: '520px', width: '460px', fontSize: '14px', fontWeight: '700' });
    el.setAttribute('aria-hidden', 'true');
    el.textContent = this.t('ch5.sound.caption', { hz: view.sound.pitch, rate: view.sound.ticksPerSecond });
  }

  /** Sounds and spoken news for what just changed. */
  private react(view: FoggyView): void {
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      if (view.cue.sound !== 'click') this.services.audio.play(view.cue.sound);
    }
    if (view.walk) {
      const spoken = this.t('ch5.live.walk', {
        loss: fmt(view.walk.loss),
        slope: view.walk.slope.map((s) => fmt(s)).join(', '),
      });
      if (spoken !== this.lastSpoken) {
        if (this.lastSpoken !== '' && view.sound) {
          // One footstep per step taken, at the loss's pitch.
          this.services.audio.blip(view.sound.pitch, 120, 0.08);
        }
        this.lastSpoken = spoken;
        this.services.announce(spoken);
      }
    }
  }
}
