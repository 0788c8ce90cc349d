// Chapter 5 "Foggy Mountain": draws the foggy-mountain machine's view-model and forwards the
// player's input. Every number on screen comes from foggyView(); each panel is a painter in
// ../views/ch5/ (the plot and loss bar, the fog profile and map, automatic descent, the gears, the
// controls). Automatic descent plays on the machine's own clock ('auto.play' / 'auto.pause'); the
// scene keeps only what was last announced or played, and the footsteps' sound.
import type Phaser from 'phaser';
import type { FoggyLevel } from '../../levels/ch5/foggyLevel';
import type { FoggyEvent } from '../../levels/ch5/foggyMachine';
import type { FoggyView } from '../../levels/ch5/foggyView';
import { chapterBackdrop, chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ChartText } from '../views/chartText';
import { Footsteps, paintAuto } from '../views/ch5/autoPainter';
import { foggyChartTexts } from '../views/ch5/chartTexts';
import { renderActions, renderKnobs, renderSoundCaption, type Controls } from '../views/ch5/controls';
import { FogMap, paintProfile } from '../views/ch5/fogPainter';
import { paintGears } from '../views/ch5/gearsPainter';
import { paintOverfit, paintValleys } from '../views/ch5/labPainter';
import { GEAR_X, GEAR_Y, Labels, RIGHT, type FixedLabel, type Kit } from '../views/ch5/kit';
import { paintLossBar, paintPlot } from '../views/ch5/plotPainter';
import { renderHistoryCard } from '../views/historyCard';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

const PARTS: Record<string, string> = {
  hand: 'ch5.part.hand',
  fog1: 'ch5.part.fog1',
  fog2: 'ch5.part.fog2',
  valleys: 'ch5.part.valleys',
  auto: 'ch5.part.auto',
  overfit: 'ch5.part.overfit',
  gears: 'ch5.part.gears',
  challenge: 'ch5.part.challenge',
  challengeResult: 'ch5.part.challenge',
  history: 'ch5.part.history',
};

export default class FoggyMountainScene extends ChapterScene<FoggyView, FoggyEvent, FoggyLevel> {
  private lastCue = '';
  private lastSpoken = '';
  private kit!: Kit;
  private labels!: Labels;
  private readonly fogMap = new FogMap();
  private readonly footsteps = new Footsteps();
  private shown: FoggyView | null = null;

  constructor() {
    super(chapterSceneKey(5));
  }

  protected resetPresentation(): void {
    this.lastCue = '';
    this.lastSpoken = '';
    this.shown = null;
    this.fogMap.reset();
    this.footsteps.reset();
  }

  protected override presentation(): Record<string, unknown> {
    return { playing: this.view.auto?.playing ?? false };
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, chapterBackdrop(5)).setDisplaySize(W, H);
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
    const g = this.add.graphics();
    // The bowl and its fog are baked into textures (redrawn only when the trail changes), so a
    // frame draws two images instead of thousands of cells and contour segments.
    const bowlImage = this.add.image(560, 96, '__DEFAULT').setOrigin(0).setVisible(false);
    const fogImage = this.add.image(560, 96, '__DEFAULT').setOrigin(0).setVisible(false);
    const fogLayer = this.add.graphics();
    const top = this.add.graphics();
    const gearArt = GEAR_X.map((x) => this.add.graphics({ x, y: GEAR_Y }));
    const hiker = this.add.image(0, 0, 'ch5-hiker').setDisplaySize(44, 44).setVisible(false);
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.label(x, y, size, color);
    const fixed: Record<FixedLabel, Phaser.GameObjects.Text> = {
      title: L(30, 12, 26),
      part: L(1100, 16, 21, CSS.blue).setOrigin(1, 0),
      lossTitle: L(36, 440 - 34, 18, CSS.inkSoft),
      loss: L(36, 440 + 30, 20),
      info1: L(1030, 110, 18),
      info2: L(1030, 150, 18),
      info3: L(1030, 190, 18),
      info4: L(1030, 240, 18),
      axisX: L(0, 0, 15, CSS.inkSoft),
      axisY: L(0, 0, 15, CSS.inkSoft),
      legend: L(36, 96 - 26, 13, CSS.inkSoft),
    };
    fixed.legend.setWordWrapWidth(460);
    for (const k of ['info1', 'info2', 'info3', 'info4'] as const) fixed[k].setWordWrapWidth(220);
    this.labels = new Labels((size, color) => this.label(0, 0, size, color), fixed);
    const labels = this.labels;
    this.kit = {
      scene: this,
      g,
      fogLayer,
      top,
      hiker,
      bowlImage,
      fogImage,
      gearArt,
      reducedMotion: () => this.reducedMotion,
      t: (key, params) => this.t(key, params),
      dt: (key, params) => this.dt(key, params),
      tag: (x, y, text, size, color) => labels.tag(x, y, text, size, color),
      txt: (key) => labels.txt(key),
    };
  }

  override update(_time: number, delta: number): void {
    this.footsteps.update(delta, this.shown, (pitch) => this.services.audio.blip(pitch, 70, 0.05));
  }

  protected renderView(view: FoggyView): void {
    this.shown = view;
    const k = this.kit;
    this.labels.begin();
    k.g.clear();
    k.fogLayer.clear();
    k.top.clear();
    k.hiker.setVisible(false);
    k.bowlImage.setVisible(false);
    k.fogImage.setVisible(false);
    for (const gear of k.gearArt) gear.clear();
    k.txt('title').setText(this.t('ch5.title'));
    k.txt('part').setText(PARTS[view.step] ? this.dt(PARTS[view.step]) : '');

    paintPlot(k, view);
    paintLossBar(k, view);
    if (view.walk?.kind === 'fog1') paintProfile(k, view.walk);
    else if (view.map) this.fogMap.paint(k, view.map, view.mapWalk, view.walk !== null);
    if (view.valleys) paintValleys(k, view);
    if (view.overfit) paintOverfit(k, view);
    if (view.auto) paintAuto(k, view);
    if (view.gears) paintGears(k, view);
    this.labels.end();

    const controls: Controls = {
      ui: this.services.ui,
      t: (key, params) => this.t(key, params),
      send: (e) => this.send(e),
      click: () => this.services.audio.play('click'),
      tag: (x, y, text, size, color) => k.tag(x, y, text, size, color),
      quitToMap: () => this.quitToMap(),
      calm: this.reducedMotion,
    };
    renderKnobs(controls, view);
    renderHistoryCard(
      this.services.ui,
      view.history
        ? {
            title: this.t('ch5.history.title'),
            items: view.history.map((h) => ({ year: h.year, text: this.dt(h.textKey) })),
          }
        : null,
    );
    renderActions(controls, view);
    renderSoundCaption(controls, view);
    this.react(view);
    this.renderMentor(this.dt(view.line.key, view.line.params), view.line.notice, view.intro, (e) => this.send(e));
  }

  protected override chartTexts(view: FoggyView): readonly ChartText[] {
    return foggyChartTexts(
      (key, params) => this.t(key, params),
      (key) => this.dt(key),
      view,
    );
  }

  /** Sounds and spoken news for what just changed. */
  private react(view: FoggyView): void {
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      if (view.cue.sound !== 'click') this.services.audio.play(view.cue.sound);
    }
    // The live region says what the view-model says now, and is cleared when its moment passes.
    const spoken = view.live ? this.dt(view.live.key, view.live.params) : '';
    if (spoken !== this.lastSpoken) {
      if (this.lastSpoken !== '' && spoken !== '' && view.sound) {
        // One footstep per step taken, at the loss's pitch.
        this.services.audio.blip(view.sound.pitch, 120, 0.08);
      }
      this.lastSpoken = spoken;
      this.services.announce(spoken);
    }
  }
}
