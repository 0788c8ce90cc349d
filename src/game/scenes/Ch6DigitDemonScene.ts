// Chapter 6 "The Digit Demon" (the boss): draws the digit-demon machine's snapshots and forwards
// the player's input. Training runs in a Web Worker (BossTrainerClient); its progress (loss and
// accuracy curves, sample digits, time left) is presentation only, and its final weights are
// handed to the machine through the trained-nets cache before the recorded 'train.done', so the
// machine does not train again. Panels, the drawing pad and the slider are DOM widgets over the
// canvas; the Demon, the health bars and the hits are drawn by Phaser.
import type Phaser from 'phaser';
import { sampleDigitIndices, type TrainProgress } from '../../levels/ch6/bossTraining';
import { drawingToInput, inkCount, type Stroke } from '../../levels/ch6/digitDrawing';
import type { DigitDemonChapterLevel, DigitDemonEvent } from '../../levels/ch6/digitDemonMachine';
import type { DigitDemonView } from '../../levels/ch6/digitDemonView';
import { keepTrained } from '../../levels/ch6/trainedNets';
import { chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ButtonSpec } from '../ui/htmlLayer';
import '../ui/ch6.css';
import { BossTrainerClient } from '../views/bossTrainerClient';
import type { ChartText } from '../views/chartText';
import { digitFigures, digitRows, fillBar, panelPart } from '../views/demonPanel';
import { DrawingPad, paintDigit } from '../views/drawingPad';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

const PANEL = { x: 392, y: 66, w: 872, h: 490 };
const px = (v: number) => `${v}px`;

export default class DigitDemonScene extends ChapterScene<DigitDemonView, DigitDemonEvent, DigitDemonChapterLevel> {
  private trainer = new BossTrainerClient();
  private startedRun = -1;
  private history: TrainProgress[] = [];
  private trainMs = 0;
  private trainError = '';
  private pad: DrawingPad | null = null;
  private padStrokes: readonly Stroke[] = [];
  private padDigit = -1;
  private panelStep = '';
  private lastCue = '';
  private lastSpoken = '';
  private demon!: Phaser.GameObjects.Image;
  private bars!: Phaser.GameObjects.Graphics;
  private texts!: Record<'title' | 'step' | 'demon' | 'player', Phaser.GameObjects.Text>;

  constructor() {
    super(chapterSceneKey(6));
  }

  protected resetPresentation(): void {
    this.trainer.cancel();
    this.startedRun = -1;
    this.history = [];
    this.trainMs = 0;
    this.trainError = '';
    this.pad = null;
    this.padStrokes = [];
    this.padDigit = -1;
    this.panelStep = '';
    this.lastCue = '';
    this.lastSpoken = '';
  }

  protected override presentation(): Record<string, unknown> {
    const last = this.history[this.history.length - 1];
    return {
      trainingProgress: last
        ? { fraction: last.fraction, testAccuracy: last.testAccuracy, loss: last.loss, reports: this.history.length }
        : null,
      trainMs: Math.round(this.trainMs),
      trainError: this.trainError || null,
      padInk: this.padStrokes.length,
      padDigit: this.padDigit,
    };
  }

  protected override onShutdown(): void {
    this.trainer.cancel();
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, 'bg-stage').setDisplaySize(W, H);
    const g = this.add.graphics();
    g.fillStyle(COLORS.cream, 0.93).fillRoundedRect(16, 8, 1248, 50, 18);
    g.lineStyle(4, COLORS.ink).strokeRoundedRect(16, 8, 1248, 50, 18);
    g.fillStyle(COLORS.cream, 0.93).fillRoundedRect(16, 66, 366, 490, 18);
    g.lineStyle(4, COLORS.ink).strokeRoundedRect(16, 66, 366, 490, 18);
    g.fillStyle(COLORS.cream, 0.96).fillRoundedRect(PANEL.x, PANEL.y, PANEL.w, PANEL.h, 18);
    g.lineStyle(4, COLORS.ink).strokeRoundedRect(PANEL.x, PANEL.y, PANEL.w, PANEL.h, 18);
    this.demon = this.add.image(199, 250, 'map-ch6-demon').setDisplaySize(230, 230);
    this.bob(this.demon, 10, 1200);
    this.bars = this.add.graphics();
    this.texts = {
      title: this.label(30, 12, 26),
      step: this.label(1250, 16, 21, CSS.blue).setOrigin(1, 0),
      demon: this.label(36, 400, 18),
      player: this.label(36, 470, 18),
    };
  }

  protected renderView(view: DigitDemonView): void {
    this.texts.title.setText(this.t('ch6.title'));
    this.texts.step.setText(this.stepName(view.step));
    const line = this.dt(view.line.key, view.line.params);
    this.renderMentor(line, false, view.intro, (e) => this.send(e));
    if (line !== this.lastSpoken && !view.intro) {
      this.lastSpoken = line;
      this.services.announce(line);
    }
    this.renderHealth(view);
    this.followTraining(view);
    this.renderPanel(view);
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      this.services.audio.play(view.cue.sound);
      this.hitEffect(view.cue.sound);
    }
  }

  private stepName(step: DigitDemonView['step']): string {
    switch (step) {
      case 'build':
        return this.t('ch6.step.build');
      case 'training':
      case 'trained':
        return this.t('ch6.step.train');
      case 'phase1':
        return this.t('ch6.step.phase1');
      case 'phase2':
        return this.t('ch6.step.phase2');
      case 'trick':
        return this.t('ch6.step.phase3');
      default:
        return '';
    }
  }

  private renderHealth(view: DigitDemonView): void {
    const f = view.fight;
    const show = ['phase1', 'phase2', 'trick'].includes(view.step);
    const g = this.bars.clear();
    this.texts.demon.setVisible(show);
    this.texts.player.setVisible(show);
    if (!show) return;
    const bar = (y: number, value: number, max: number, color: number) => {
      g.fillStyle(COLORS.white, 1).fillRoundedRect(36, y, 320, 24, 10);
      g.fillStyle(color, 1).fillRoundedRect(36, y, Math.max(0, (320 * value) / max), 24, 10);
      // Segment ticks: the count can be read without colour.
      g.lineStyle(2, COLORS.ink, 0.6);
      for (let k = 1; k < max; k++) g.lineBetween(36 + (320 * k) / max, y, 36 + (320 * k) / max, y + 24);
      g.lineStyle(3, COLORS.ink).strokeRoundedRect(36, y, 320, 24, 10);
    };
    this.texts.demon.setText(
      this.t('ch6.fight.health', { name: this.t('ch6.fight.demon'), hp: f.demonHealth, max: f.demonMax }),
    );
    bar(428, f.demonHealth, f.demonMax, COLORS.purple);
    this.texts.player.setText(
      this.t('ch6.fight.health', { name: this.t('ch6.fight.you'), hp: f.playerHealth, max: f.playerMax }),
    );
    bar(498, f.playerHealth, f.playerMax, COLORS.green);
    this.demon.setAlpha(f.demonDown ? 0.35 : 1);
  }

  private hitEffect(sound: string): void {
    if (this.reducedMotion) return;
    if (sound === 'success') {
      this.demon.setTint(0xff8080);
      this.tweens.add({ targets: this.demon, angle: { from: -8, to: 8 }, duration: 80, yoyo: true, repeat: 2 });
      this.time.delayedCall(400, () => this.demon.clearTint().setAngle(0));
    } else if (sound === 'scold') {
      this.cameras.main.shake(200, 0.006);
    }
  }

  // ---- text alternatives ----

  protected override chartTexts(view: DigitDemonView): readonly ChartText[] {
    const charts: ChartText[] = [];
    const training = view.step === 'training';
    if (training || view.step === 'trained') {
      const top = PANEL.y + (training ? 140 : 70);
      const last = this.history[this.history.length - 1];
      const first = this.history.find((p, i) => i > 0 && Number.isFinite(p.loss));
      charts.push({
        id: 'curves',
        x: PANEL.x + 20,
        y: top,
        w: 420,
        h: 220,
        label:
          last && first
            ? this.t('ch6.chart.curves', {
                percent: Math.round(last.fraction * 100),
                loss: last.loss.toFixed(3),
                first: first.loss.toFixed(3),
                train: Math.round(last.trainAccuracy * 100),
                test: Math.round(last.testAccuracy * 100),
              })
            : this.t('ch6.chart.curvesEmpty'),
      });
      charts.push(this.samplesText({ x: PANEL.x + 470, y: top }, last?.samplePredictions ?? null));
    }
    if (['phase1', 'phase2', 'trick'].includes(view.step)) {
      const f = view.fight;
      charts.push({
        id: 'health',
        x: 36,
        y: 400,
        w: 320,
        h: 124,
        label: this.t('ch6.chart.health', {
          demon: this.t('ch6.fight.health', { name: this.t('ch6.fight.demon'), hp: f.demonHealth, max: f.demonMax }),
          you: this.t('ch6.fight.health', { name: this.t('ch6.fight.you'), hp: f.playerHealth, max: f.playerMax }),
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
          ? this.t('ch6.chart.probs', {
              best: order[0][1],
              p: Math.round(order[0][0] * 100),
              second: order[1][1],
              q: Math.round(order[1][0] * 100),
            })
          : this.t('ch6.chart.probsEmpty'),
        ...(p
          ? {
              table: [
                [this.t('ch6.chart.col.digit'), this.t('ch6.chart.col.chance')],
                ...p.map((v, d) => [String(d), `${Math.round(v * 100)}%`]),
              ],
            }
          : {}),
      });
    }
    return charts;
  }

  /** The sample digits and what the network reads them as, in words and a table. */
  private samplesText(at: { x: number; y: number }, predictions: number[] | null): ChartText {
    const labels = this.level.digits.data.test.labels;
    const truth = this.sampleIndices().map((i) => labels[i]);
    const box = { id: 'samples', ...at, w: 390, h: 220 };
    if (!predictions) return { ...box, label: this.t('ch6.chart.samplesWaiting', { n: truth.length }) };
    const wrong = truth
      .map((label, k) => ({ label, predicted: predictions[k] }))
      .filter((d) => d.predicted !== undefined && d.predicted !== d.label);
    const summary = this.t('ch6.chart.samples', { n: truth.length, right: truth.length - wrong.length });
    return {
      ...box,
      label: wrong.length
        ? `${summary} ${this.t('ch6.chart.misread', { list: wrong.map((d) => this.t('ch6.chart.as', d)).join(', ') })}`
        : summary,
      table: [
        [this.t('ch6.chart.col.digit'), this.t('ch6.chart.col.read')],
        ...truth.map((label, k) => [
          String(label),
          predictions[k] === undefined ? '?' : `${predictions[k]} ${predictions[k] === label ? '✓' : '✗'}`,
        ]),
      ],
    };
  }

  // ---- training in the worker ----

  private followTraining(view: DigitDemonView): void {
    if (view.step === 'training' && view.training.run !== this.startedRun) {
      this.startedRun = view.training.run;
      this.history = [];
      this.trainMs = 0;
      this.trainError = '';
      const key = view.training.key;
      this.trainer.start(this.level.file, this.level.digits, view.training.seed, view.build.choices, {
        progress: (p, ms) => {
          this.history.push(p);
          this.trainMs = ms;
          this.refresh();
        },
        done: (weights, ms) => {
          this.trainMs = ms;
          keepTrained(key, weights);
          this.send({ type: 'train.done' });
        },
        failed: (message) => {
          this.trainError = message;
          console.warn(`Training failed: ${message}`);
          this.refresh();
        },
      });
    } else if (view.step !== 'training' && this.trainer.running) {
      this.trainer.cancel();
    }
  }

  // ---- the panel ----

  private panelRoot(step: string): HTMLDivElement {
    const el = this.services.ui.element('ch6-panel', 'div', 'ch6-panel');
    if (this.panelStep !== step) {
      this.panelStep = step;
      el.replaceChildren();
      this.services.ui.removeElement('ch6-pad');
      this.services.ui.removeElement('ch6-range');
      for (const g of ['ch6-a', 'ch6-b', 'ch6-c', 'ch6-d']) this.services.ui.clearGroup(g);
      this.pad = null;
    }
    return el;
  }

  /** A child of the panel, created once per step, at panel-relative coordinates. */
  private part<K extends keyof HTMLElementTagNameMap>(
    root: HTMLElement,
    id: string,
    tag: K,
    at: { x: number; y: number; w?: number },
    className = '',
  ): HTMLElementTagNameMap[K] {
    return panelPart(root, id, tag, at, className);
  }

  private setText(el: HTMLElement, text: string): void {
    if (el.textContent !== text) el.textContent = text;
  }

  private renderPanel(view: DigitDemonView): void {
    const root = this.panelRoot(view.step);
    const ui = this.services.ui;
    const groups: Record<string, ButtonSpec[]> = { 'ch6-a': [], 'ch6-b': [], 'ch6-c': [], 'ch6-d': [] };
    switch (view.step) {
      case 'intro':
        this.introPanel(root);
        break;
      case 'build':
        this.buildPanel(root, view, groups);
        break;
      case 'training':
        this.trainingPanel(root, view, groups);
        break;
      case 'trained':
        this.trainedPanel(root, view, groups);
        break;
      case 'phase1':
        this.phase1Panel(root, view, groups);
        break;
      case 'phase2':
        this.phase2Panel(root, view, groups);
        break;
      case 'trick':
        this.trickPanel(root, view, groups);
        break;
      case 'epilogue':
        this.epiloguePanel(root, view, groups);
        break;
      default:
        this.endingPanel(root, view, groups);
    }
    for (const [g, specs] of Object.entries(groups)) ui.sync(g, specs);
  }

  private introPanel(root: HTMLElement): void {
    const train = this.level.digits.data.train;
    digitFigures(
      this.part(root, 'samples', 'div', { x: 20, y: 60 }, 'samples'),
      Array.from({ length: 18 }, (_, i) => ({
        bytes: train.pixels.subarray(i * 784, (i + 1) * 784),
        caption: String(train.labels[i]),
      })),
    );
  }

  private buildPanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const b = view.build;
    const X = PANEL.x + 20;
    this.setText(this.part(root, 'h-hidden', 'h3', { x: 20, y: 6 }), this.t('ch6.build.hidden'));
    groups['ch6-a'] = b.hidden.map((h, i) => ({
      id: `h${h.units}`,
      x: X + i * 150,
      y: PANEL.y + 38,
      w: 136,
      h: 52,
      label: String(h.units),
      pressed: h.selected,
      onPress: () => this.send({ type: 'build.hidden', units: h.units }),
    }));
    const hiddenHint = b.hidden.find((h) => h.selected)?.hintKey ?? '';
    this.setText(this.part(root, 'hint-hidden', 'div', { x: 20, y: 96, w: 820 }, 'hint'), this.dt(hiddenHint));
    this.setText(this.part(root, 'h-rate', 'h3', { x: 20, y: 126 }), this.t('ch6.build.rate'));
    groups['ch6-b'] = b.rates.map((r, i) => ({
      id: `r${r.rate}`,
      x: X + i * 150,
      y: PANEL.y + 158,
      w: 136,
      h: 52,
      label: String(r.rate),
      pressed: r.selected,
      onPress: () => this.send({ type: 'build.rate', rate: r.rate }),
    }));
    const rateHint = b.rates.find((r) => r.selected)?.hintKey ?? '';
    this.setText(this.part(root, 'hint-rate', 'div', { x: 20, y: 216, w: 820 }, 'hint'), this.dt(rateHint));
    this.setText(
      this.part(root, 'h-epochs', 'h3', { x: 20, y: 246 }),
      this.t('ch6.build.epochs', { n: b.epochs.value }),
    );
    groups['ch6-c'] = [
      {
        id: 'less',
        x: X,
        y: PANEL.y + 278,
        w: 136,
        h: 52,
        label: '−',
        ariaLabel: this.t('ch6.build.epochsLess'),
        disabled: b.epochs.value <= b.epochs.min,
        onPress: () => this.send({ type: 'build.epochs', epochs: b.epochs.value - 1 }),
      },
      {
        id: 'more',
        x: X + 150,
        y: PANEL.y + 278,
        w: 136,
        h: 52,
        label: '+',
        ariaLabel: this.t('ch6.build.epochsMore'),
        disabled: b.epochs.value >= b.epochs.max,
        onPress: () => this.send({ type: 'build.epochs', epochs: b.epochs.value + 1 }),
      },
    ];
    this.setText(this.part(root, 'hint-epochs', 'div', { x: 20, y: 336, w: 820 }, 'hint'), this.dt(b.epochs.hintKey));
    const budget = this.part(root, 'budget', 'div', { x: 20, y: 366, w: 560 });
    this.setText(
      budget,
      `${this.t('ch6.build.budget', { used: b.budget.used, total: b.budget.total })} — ${this.dt(b.budget.hintKey)}`,
    );
    const meter = this.part(root, 'budget-bar', 'div', { x: 20, y: 396, w: 520 }, 'bar');
    fillBar(meter, b.budget.used / b.budget.total);
    groups['ch6-d'] = [
      {
        id: 'train',
        x: PANEL.x + 600,
        y: PANEL.y + 400,
        w: 240,
        h: 64,
        label: this.t('ch6.build.train'),
        variant: 'primary',
        onPress: () => this.send({ type: 'train.start' }),
      },
    ];
  }

  private drawCurves(canvas: HTMLCanvasElement): void {
    const g = canvas.getContext('2d')!;
    const w = canvas.width;
    const h = canvas.height;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = '#ccc';
    g.lineWidth = 1;
    for (let k = 1; k < 4; k++) {
      g.beginPath();
      g.moveTo(0, (h * k) / 4);
      g.lineTo(w, (h * k) / 4);
      g.stroke();
    }
    const pts = this.history;
    if (pts.length < 2) return;
    const maxLoss = Math.max(0.5, ...pts.map((p) => p.loss));
    const line = (value: (p: TrainProgress) => number, color: string, dash: number[], from = 0) => {
      g.strokeStyle = color;
      g.lineWidth = 3;
      g.setLineDash(dash);
      g.beginPath();
      pts.slice(from).forEach((p, i) => {
        const x = p.fraction * (w - 4) + 2;
        const y = h - 2 - value(p) * (h - 4);
        if (i === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      });
      g.stroke();
      g.setLineDash([]);
    };
    // The first report comes before any batch, with no loss yet.
    line((p) => Math.min(1, p.loss / maxLoss), '#d64545', [], 1);
    line((p) => p.trainAccuracy, '#3a6fc4', [8, 5]);
    line((p) => p.testAccuracy, '#2e9a4a', [2, 4]);
  }

  private sampleGrid(root: HTMLElement, at: { x: number; y: number }, predictions: number[] | null): void {
    const grid = this.part(root, 'grid', 'div', at, 'samples');
    grid.setAttribute('aria-hidden', 'true');
    const indices = this.sampleIndices();
    const test = this.level.digits.data.test;
    digitFigures(
      grid,
      indices.map((i) => ({ bytes: test.pixels.subarray(i * 784, (i + 1) * 784), caption: '' })),
    );
    indices.forEach((i, k) => {
      const cap = grid.children[k]?.querySelector('figcaption');
      if (!cap) return;
      const p = predictions?.[k];
      const label = this.level.digits.data.test.labels[i];
      this.setText(cap, p === undefined ? '?' : `${p} ${p === label ? '✓' : '✗'}`);
    });
  }

  private sampleIndicesCache: number[] | null = null;
  private sampleIndices(): number[] {
    if (!this.sampleIndicesCache) {
      // The same seeded choice the worker reports predictions for (bossTraining.sampleDigitIndices).
      this.sampleIndicesCache = sampleDigitIndicesFor(this.level, this.run.seed);
    }
    return this.sampleIndicesCache;
  }

  private trainingPanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const last = this.history[this.history.length - 1];
    const fraction = last?.fraction ?? 0;
    const bar = this.part(root, 'bar', 'div', { x: 20, y: 14, w: 820 }, 'bar');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
    fillBar(bar, fraction);
    const left = fraction > 0.02 ? Math.max(0, Math.round(((this.trainMs / fraction) * (1 - fraction)) / 1000)) : null;
    const status = last
      ? `${this.t('ch6.train.progress', {
          epoch: Math.min(view.build.choices.epochs, last.epoch + 1),
          epochs: view.build.choices.epochs,
          percent: Math.round(fraction * 100),
        })}${left !== null ? ` · ${this.t('ch6.train.left', { seconds: left })}` : ''}`
      : this.t('ch6.train.waiting');
    this.setText(this.part(root, 'status', 'div', { x: 20, y: 44, w: 820 }), this.trainError || status);
    if (last) {
      this.setText(
        this.part(root, 'numbers', 'div', { x: 20, y: 70, w: 820 }, 'hint'),
        `${this.t('ch6.train.loss', { loss: last.loss.toFixed(3) })} · ${this.t('ch6.train.accuracy', {
          train: Math.round(last.trainAccuracy * 100),
          test: Math.round(last.testAccuracy * 100),
        })}`,
      );
    }
    this.setText(this.part(root, 'curves-t', 'div', { x: 20, y: 96, w: 420 }, 'hint'), this.t('ch6.train.curves'));
    const canvas = this.part(root, 'curves', 'canvas', { x: 20, y: 140 });
    if (canvas.width !== 420) {
      canvas.width = 420;
      canvas.height = 220;
      // Read through its text alternative (chartTexts), which says what the curves show.
      canvas.setAttribute('aria-hidden', 'true');
    }
    this.drawCurves(canvas);
    this.setText(this.part(root, 'samples-t', 'div', { x: 470, y: 96, w: 380 }, 'hint'), this.t('ch6.train.samples'));
    this.sampleGrid(root, { x: 470, y: 140 }, last?.samplePredictions ?? null);
    groups['ch6-d'] = [
      {
        id: 'cancel',
        x: PANEL.x + 20,
        y: PANEL.y + 400,
        w: 200,
        h: 60,
        label: this.t('ch6.train.cancel'),
        onPress: () => this.send({ type: 'train.cancel' }),
      },
      {
        id: 'restart',
        x: PANEL.x + 240,
        y: PANEL.y + 400,
        w: 200,
        h: 60,
        label: this.t('ch6.train.restart'),
        onPress: () => {
          this.send({ type: 'train.cancel' });
          this.send({ type: 'train.start' });
        },
      },
    ];
  }

  private trainedPanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const r = view.report;
    const h = this.part(root, 'acc', 'h3', { x: 20, y: 14, w: 820 });
    this.setText(h, this.t('ch6.trained.accuracy', { percent: pct(r?.accuracy ?? 0) }));
    h.style.fontSize = '28px';
    const canvas = this.part(root, 'curves', 'canvas', { x: 20, y: 70 });
    if (canvas.width !== 420) {
      canvas.width = 420;
      canvas.height = 220;
      // Read through its text alternative (chartTexts), which says what the curves show.
      canvas.setAttribute('aria-hidden', 'true');
    }
    this.drawCurves(canvas);
    const last = this.history[this.history.length - 1];
    this.sampleGrid(root, { x: 470, y: 70 }, last?.samplePredictions ?? null);
    groups['ch6-d'] = [
      {
        id: 'again',
        x: PANEL.x + 20,
        y: PANEL.y + 400,
        w: 240,
        h: 60,
        label: this.t('ch6.trained.again'),
        onPress: () => this.send({ type: 'train.again' }),
      },
      {
        id: 'fight',
        x: PANEL.x + 600,
        y: PANEL.y + 400,
        w: 240,
        h: 60,
        label: this.t('ch6.trained.fight'),
        variant: 'primary',
        onPress: () => this.send({ type: 'fight.start' }),
      },
    ];
  }

  private confusionPanel(root: HTMLElement, view: DigitDemonView): void {
    const r = view.report;
    if (!r) return;
    this.setText(this.part(root, 'conf-t', 'div', { x: 20, y: 8, w: 820 }, 'hint'), this.t('ch6.confusion.title'));
    const table = this.part(root, 'conf', 'table', { x: 20, y: 34 }, 'confusion');
    if (!table.childElementCount) {
      const max = Math.max(1, ...r.confusion.flatMap((row, t) => row.filter((_, p) => p !== t)));
      const head = `<tr><th></th>${r.confusion.map((_, p) => `<th>${p}</th>`).join('')}</tr>`;
      const rows = r.confusion
        .map(
          (row, t) =>
            `<tr><th>${t}</th>${row
              .map((n, p) => {
                const a = p === t ? 0 : n / max;
                const bg = p === t ? '#e8f4e8' : `rgba(214, 69, 69, ${a.toFixed(2)})`;
                return `<td style="background:${bg}">${n}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      table.innerHTML = head + rows;
    }
    const top = r.topMixUp
      ? this.t('ch6.confusion.top', {
          label: r.topMixUp.label,
          predicted: r.topMixUp.predicted,
          count: r.topMixUp.count,
        })
      : this.t('ch6.confusion.perfect');
    this.setText(this.part(root, 'conf-top', 'div', { x: 20, y: 280, w: 380 }, 'hint'), top);
    this.setText(this.part(root, 'worst-t', 'h3', { x: 440, y: 30 }), this.t('ch6.confusion.worst'));
    const worst = this.part(root, 'worst', 'div', { x: 440, y: 64, w: 400 });
    const test = this.level.digits.data.test;
    digitRows(
      worst,
      r.worst.map((m) => ({
        bytes: test.pixels.subarray(m.index * 784, (m.index + 1) * 784),
        text: this.t('ch6.confusion.mistake', {
          label: m.label,
          predicted: m.predicted,
          percent: Math.round(m.confidence * 100),
        }),
      })),
    );
  }

  private phase1Panel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const f = view.fight;
    if (!f.canThrow) {
      if (root.querySelector('[data-part="thrown"]')) root.replaceChildren();
      this.confusionPanel(root, view);
      groups['ch6-d'] = [this.onward(() => this.send({ type: 'phase.next' }))];
      return;
    }
    const last = f.throws[f.throws.length - 1];
    const canvas = this.part(root, 'thrown', 'canvas', { x: 40, y: 40 }, 'digit');
    canvas.style.width = '224px';
    canvas.style.height = '224px';
    const bytes = last
      ? this.level.digits.data.test.pixels.subarray(last.index * 784, (last.index + 1) * 784)
      : new Uint8Array(784);
    paintDigit(canvas, bytes);
    this.setText(
      this.part(root, 'count', 'div', { x: 300, y: 40, w: 500 }),
      this.t('ch6.fight.throwCount', { n: f.throws.length, count: f.throwsTotal }),
    );
    const read = this.part(root, 'read', 'h3', { x: 300, y: 80, w: 520 });
    read.style.fontSize = '30px';
    this.setText(
      read,
      last ? `${this.t('ch6.fight.read', { predicted: last.predicted })} ${last.hit ? '✓' : '✗'}` : '',
    );
    groups['ch6-d'] = [
      {
        id: 'throw',
        x: PANEL.x + 600,
        y: PANEL.y + 400,
        w: 240,
        h: 64,
        label: this.t('ch6.fight.throw'),
        variant: 'primary',
        onPress: () => this.send({ type: 'fight.throw' }),
      },
    ];
  }

  private onward(onPress: () => void, label = this.t('ch6.fight.next')): ButtonSpec {
    return { id: 'next', x: PANEL.x + 600, y: PANEL.y + 410, w: 240, h: 60, label, variant: 'primary', onPress };
  }

  private padChanged(strokes: readonly Stroke[]): void {
    this.padStrokes = strokes;
    const pixels = Array.from(drawingToInput(strokes));
    this.send({ type: 'draw.preview', pixels: inkCount(pixels) > 0 ? pixels : null });
  }

  private phase2Panel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const f = view.fight;
    if (!f.canDraw) {
      this.services.ui.removeElement('ch6-pad');
      this.pad = null;
      groups['ch6-d'] = [this.onward(() => this.send({ type: 'phase.next' }))];
      this.setText(
        this.part(root, 'draws', 'div', { x: 20, y: 20, w: 820 }),
        f.drawings.map((d) => `${d.digit} → ${d.predicted} ${d.hit ? '✓' : '✗'}`).join('   '),
      );
      return;
    }
    if (!this.pad) {
      this.pad = new DrawingPad(224, this.t('ch6.draw.pad'), (s) => this.padChanged(s));
      const holder = this.services.ui.element('ch6-pad', 'div', 'ch6-pad-holder');
      holder.replaceChildren(this.pad.canvas);
      Object.assign(this.pad.canvas.style, {
        left: px(PANEL.x + 20),
        top: px(PANEL.y + 40),
        width: '224px',
        height: '224px',
      });
      this.padStrokes = [];
      this.padDigit = -1;
    }
    this.setText(
      this.part(root, 'count', 'div', { x: 20, y: 8, w: 300 }),
      this.t('ch6.draw.count', { n: f.drawings.length + 1, count: f.drawingsTotal }),
    );
    this.setText(this.part(root, 'sees-t', 'div', { x: 256, y: 8, w: 150 }, 'hint'), this.t('ch6.draw.sees'));
    const sees = this.part(root, 'sees', 'canvas', { x: 270, y: 40 }, 'digit');
    sees.style.width = '112px';
    sees.style.height = '112px';
    paintDigit(sees, view.preview?.pixels ?? new Array(784).fill(0));
    this.setText(this.part(root, 'bars-t', 'div', { x: 440, y: 8, w: 300 }, 'hint'), this.t('ch6.draw.bars'));
    const probs = this.part(root, 'probs', 'div', { x: 440, y: 34, w: 400 }, 'probs');
    probs.setAttribute('aria-hidden', 'true');
    const p = view.preview?.probabilities ?? new Array(10).fill(0);
    const best = view.preview ? p.indexOf(Math.max(...p)) : -1;
    const html = p
      .map(
        (v, d) =>
          `<span>${d}</span><div><div class="p${d === best ? ' top' : ''}" style="width:${Math.round(v * 100)}%"></div></div><span>${Math.round(v * 100)}%${d === best ? ' ★' : ''}</span>`,
      )
      .join('');
    if (probs.dataset.html !== html) {
      probs.innerHTML = html;
      probs.dataset.html = html;
    }
    this.setText(this.part(root, 'which', 'div', { x: 20, y: 272, w: 400 }), this.t('ch6.draw.which'));
    groups['ch6-a'] = Array.from({ length: 10 }, (_, d) => ({
      id: `d${d}`,
      x: PANEL.x + 20 + d * 52,
      y: PANEL.y + 298,
      w: 46,
      h: 46,
      label: String(d),
      pressed: this.padDigit === d,
      onPress: () => {
        this.padDigit = d;
        this.refresh();
      },
    }));
    groups['ch6-b'] = [
      {
        id: 'undo',
        x: PANEL.x + 560,
        y: PANEL.y + 298,
        w: 130,
        h: 46,
        label: this.t('ch6.draw.undo'),
        onPress: () => this.pad?.undo(),
      },
      {
        id: 'clear',
        x: PANEL.x + 700,
        y: PANEL.y + 298,
        w: 130,
        h: 46,
        label: this.t('ch6.draw.clear'),
        onPress: () => this.pad?.clear(),
      },
    ];
    this.setText(this.part(root, 'samples-t', 'div', { x: 20, y: 352, w: 500 }, 'hint'), this.t('ch6.draw.samples'));
    groups['ch6-c'] = this.level.file.samples.map((s, k) => ({
      id: `s${s.digit}`,
      x: PANEL.x + 20 + k * 52,
      y: PANEL.y + 378,
      w: 46,
      h: 40,
      label: String(s.digit),
      ariaLabel: this.t('ch6.draw.sample', { digit: s.digit }),
      variant: 'quiet' as const,
      onPress: () => {
        this.padDigit = s.digit;
        this.pad?.setStrokes(s.strokes);
      },
    }));
    const ready = this.padDigit >= 0 && view.preview !== null;
    groups['ch6-d'] = [
      {
        id: 'attack',
        x: PANEL.x + 560,
        y: PANEL.y + 410,
        w: 280,
        h: 64,
        label: ready
          ? this.t('ch6.draw.attack', { digit: this.padDigit })
          : view.preview
            ? this.t('ch6.draw.which')
            : this.t('ch6.draw.empty'),
        variant: 'primary',
        disabled: !ready,
        onPress: () => {
          if (!ready || !view.preview) return;
          this.send({ type: 'draw.submit', digit: this.padDigit, pixels: view.preview.pixels });
          this.pad?.clear();
          this.padDigit = -1;
        },
      },
    ];
  }

  private trickPanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const t = view.trick;
    const r = t.result;
    const img = (id: string, x: number, bytes: number[] | null, noise: boolean) => {
      const c = this.part(root, id, 'canvas', { x, y: 40 }, 'digit');
      c.style.width = '140px';
      c.style.height = '140px';
      paintDigit(c, bytes ?? new Array(784).fill(0), noise);
    };
    img('orig', 20, r?.original ?? null, false);
    img('adv', 190, r?.attacked ?? null, false);
    img('noise', 360, r ? r.noise.map((v) => Math.max(-255, Math.min(255, v * 10))) : null, true);
    if (r) {
      this.setText(
        this.part(root, 'orig-t', 'div', { x: 20, y: 186, w: 160 }, 'hint'),
        this.t('ch6.trick.original', { before: r.before, percent: Math.round(r.confidenceBefore * 100) }),
      );
      this.setText(
        this.part(root, 'adv-t', 'div', { x: 190, y: 186, w: 160 }, 'hint'),
        this.t('ch6.trick.attacked', { after: r.after, percent: Math.round(r.confidenceAfter * 100) }),
      );
    }
    this.setText(this.part(root, 'noise-t', 'div', { x: 360, y: 186, w: 160 }, 'hint'), this.t('ch6.trick.noise'));
    this.setText(this.part(root, 'title', 'h3', { x: 20, y: 6 }), this.t('ch6.trick.title'));
    this.setText(
      this.part(root, 'eps', 'div', { x: 20, y: 244, w: 820 }),
      this.t('ch6.trick.epsilon', { eps: t.epsilon, levels: Math.round(t.epsilon * 255) }),
    );
    const range = this.services.ui.element('ch6-range', 'input', 'ch6-range');
    if (range.type !== 'range') {
      range.type = 'range';
      range.min = '0';
      range.step = '1';
      Object.assign(range.style, { left: px(PANEL.x + 20), top: px(PANEL.y + 274), width: '360px' });
      range.addEventListener('input', () => {
        const eps = view.trick.epsilons[Number(range.value)];
        if (eps !== undefined) this.send({ type: 'trick.epsilon', epsilon: eps });
      });
    }
    range.max = String(t.epsilons.length - 1);
    range.value = String(t.epsilons.indexOf(t.epsilon));
    range.setAttribute(
      'aria-label',
      this.t('ch6.trick.epsilon', { eps: t.epsilon, levels: Math.round(t.epsilon * 255) }),
    );
    const i = t.epsilons.indexOf(t.epsilon);
    groups['ch6-a'] = [
      {
        id: 'less',
        x: PANEL.x + 400,
        y: PANEL.y + 266,
        w: 60,
        h: 40,
        label: '−',
        ariaLabel: this.t('ch6.trick.less'),
        disabled: i <= 0,
        onPress: () => this.send({ type: 'trick.epsilon', epsilon: t.epsilons[i - 1] }),
      },
      {
        id: 'more',
        x: PANEL.x + 470,
        y: PANEL.y + 266,
        w: 60,
        h: 40,
        label: '+',
        ariaLabel: this.t('ch6.trick.more'),
        disabled: i >= t.epsilons.length - 1,
        onPress: () => this.send({ type: 'trick.epsilon', epsilon: t.epsilons[i + 1] }),
      },
    ];
    const picks: ButtonSpec[] = [
      ...t.digits.map((_, k) => ({
        id: `t${k}`,
        label: this.t('ch6.trick.digit', { n: k + 1 }),
        pressed: t.pick.source === 'test' && t.pick.index === k,
        onPress: () => this.send({ type: 'trick.pick', source: 'test', index: k }),
      })),
      ...Array.from({ length: t.drawings }, (_, k) => ({
        id: `w${k}`,
        label: this.t('ch6.trick.drawing', { n: k + 1 }),
        pressed: t.pick.source === 'drawing' && t.pick.index === k,
        onPress: () => this.send({ type: 'trick.pick', source: 'drawing', index: k }),
      })),
    ].map((b, k) => ({
      ...b,
      x: PANEL.x + 540 + (k % 2) * 150,
      y: PANEL.y + 20 + Math.floor(k / 2) * 50,
      w: 140,
      h: 42,
    }));
    groups['ch6-b'] = picks;
    this.setText(this.part(root, 'explain', 'div', { x: 20, y: 318, w: 560 }, 'hint'), this.t('ch6.trick.explain'));
    groups['ch6-d'] = [this.onward(() => this.send({ type: 'phase.next' }), this.t('ch6.trick.done'))];
  }

  private epiloguePanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const page = view.epilogue.page;
    const h = this.part(root, 'title', 'h3', { x: 20, y: 14, w: 820 });
    h.style.fontSize = '28px';
    this.setText(h, this.dt(`ch6.epilogue.${page}.title`));
    const body = this.part(root, 'body', 'p', { x: 20, y: 60, w: 480 });
    body.style.fontSize = '19px';
    this.setText(body, this.dt(`ch6.epilogue.${page}.body`));
    const art = this.part(root, 'art', 'div', { x: 540, y: 60, w: 300 });
    if (art.dataset.page !== page) {
      art.dataset.page = page;
      art.innerHTML = EPILOGUE_ART[page] ?? '';
    }
    groups['ch6-d'] = [this.onward(() => this.send({ type: 'epilogue.next' }), this.t('ch6.epilogue.next'))];
  }

  private endingPanel(root: HTMLElement, view: DigitDemonView, groups: Record<string, ButtonSpec[]>): void {
    const r = view.result;
    const h = this.part(root, 'title', 'h3', { x: 0, y: 20, w: 836 }, 'credits');
    h.style.fontSize = '40px';
    this.setText(h, this.t('ch6.ending.title'));
    this.setText(
      this.part(root, 'won', 'div', { x: 0, y: 90, w: 836 }, 'credits'),
      r?.won ? this.t('ch6.ending.won') : this.t('ch6.ending.lost'),
    );
    if (r)
      this.setText(
        this.part(root, 'score', 'div', { x: 0, y: 130, w: 836 }, 'credits'),
        this.t('ch6.ending.score', { hidden: r.hidden, epochs: r.epochs, percent: pct(r.accuracy) }),
      );
    this.setText(this.part(root, 'credits', 'div', { x: 60, y: 200, w: 716 }, 'credits'), this.t('ch6.ending.credits'));
    groups['ch6-d'] = [this.onward(() => this.send({ type: 'ending.done' }), this.t('ch6.ending.done'))];
  }
}

function pct(v: number): number {
  return Math.round(v * 1000) / 10;
}

function sampleDigitIndicesFor(level: DigitDemonChapterLevel, seed: number): number[] {
  return sampleDigitIndices(level.file, seed, level.digits.test.inputs.rows);
}

// Our own drawings for the epilogue: a curled-up shiba beside a round loaf (they do look alike),
// a desk with a robot arm and a person, and a path of books.
const EPILOGUE_ART: Record<string, string> = {
  shiba: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <ellipse cx="80" cy="120" rx="62" ry="44" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <ellipse cx="80" cy="128" rx="34" ry="20" fill="#f6e3c5"/>
    <polygon points="40,92 52,62 66,90" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <polygon points="94,88 108,60 120,90" fill="#e0a458" stroke="#2b2118" stroke-width="4"/>
    <circle cx="66" cy="110" r="5" fill="#2b2118"/><circle cx="96" cy="110" r="5" fill="#2b2118"/>
    <ellipse cx="81" cy="122" rx="6" ry="4" fill="#2b2118"/>
    <ellipse cx="220" cy="124" rx="64" ry="42" fill="#d99a4e" stroke="#2b2118" stroke-width="4"/>
    <path d="M176 112 q12 -14 24 0 M204 108 q12 -14 24 0 M232 112 q12 -14 24 0" stroke="#8a5a2b" stroke-width="4" fill="none"/>
    <text x="150" y="190" text-anchor="middle" font-size="26" font-weight="700" fill="#2b2118">?</text>
  </svg>`,
  work: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <rect x="20" y="130" width="260" height="14" rx="6" fill="#8a5a2b" stroke="#2b2118" stroke-width="4"/>
    <rect x="40" y="96" width="60" height="34" fill="#fff" stroke="#2b2118" stroke-width="4"/>
    <path d="M50 106 h40 M50 116 h30" stroke="#2b2118" stroke-width="3"/>
    <path d="M120 130 v-50 l30 -20 l20 20" stroke="#5b6b7b" stroke-width="10" fill="none" stroke-linecap="round"/>
    <circle cx="170" cy="80" r="9" fill="#f2b632" stroke="#2b2118" stroke-width="3"/>
    <circle cx="235" cy="70" r="20" fill="#f6d2b0" stroke="#2b2118" stroke-width="4"/>
    <path d="M205 130 q30 -60 60 0" fill="#4a90d9" stroke="#2b2118" stroke-width="4"/>
    <path d="M228 52 q12 -8 22 4" stroke="#2b2118" stroke-width="4" fill="none"/>
  </svg>`,
  learn: `<svg viewBox="0 0 300 200" width="300" height="200" role="img" aria-hidden="true">
    <rect x="30" y="140" width="90" height="22" fill="#d64545" stroke="#2b2118" stroke-width="4"/>
    <rect x="40" y="118" width="80" height="22" fill="#4a90d9" stroke="#2b2118" stroke-width="4"/>
    <rect x="34" y="96" width="84" height="22" fill="#2e9a4a" stroke="#2b2118" stroke-width="4"/>
    <path d="M140 150 q40 -10 60 -50 t70 -60" stroke="#2b2118" stroke-width="4" stroke-dasharray="10 8" fill="none"/>
    <polygon points="262,30 284,36 268,52" fill="#f2b632" stroke="#2b2118" stroke-width="4"/>
  </svg>`,
};
