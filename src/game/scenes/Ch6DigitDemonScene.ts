// Chapter 6 "The Digit Demon" (the boss): draws the digit-demon machine's view-model and forwards
// the player's input. The machine trains the net through its trainBoss actor (a Web Worker on the
// page, see ../chapterProviders.ts) and hands the progress to the view-model; each panel is a
// painter in ../views/ch6/. Panels, the drawing pad and the slider are DOM widgets over the
// canvas; the Demon and the health bars are drawn by Phaser.
import type Phaser from 'phaser';
import type { DigitDemonChapterLevel, DigitDemonEvent } from '../../levels/ch6/digitDemonMachine';
import type { DigitDemonView } from '../../levels/ch6/digitDemonView';
import { chapterBackdrop, chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import '../ui/ch6.css';
import type { ChartText } from '../views/chartText';
import { buildPanel, introPanel } from '../views/ch6/buildPanel';
import { noteParts, PanelLayer, sweepParts } from '../views/demonPanel';
import { digitDemonChartTexts } from '../views/ch6/chartTexts';
import { DrawPanel } from '../views/ch6/drawPanel';
import { phase1Panel } from '../views/ch6/fightPanel';
import { headButton, headPanel, sampleBars } from '../views/ch6/headPanel';
import { GROUPS, PANEL, type GroupId, type PanelKit } from '../views/ch6/kit';
import { DemonStage } from '../views/ch6/stage';
import { teachOffer, teachPanel } from '../views/ch6/teachPanel';
import { rehearseTrainingPaint, trainedPanel, trainingPanel } from '../views/ch6/trainingPanel';
import { endingPanel, epiloguePanel, trickPanel } from '../views/ch6/trickPanel';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

const STEP_NAMES: Partial<Record<DigitDemonView['step'], 'build' | 'train' | 'phase1' | 'phase2' | 'phase3'>> = {
  build: 'build',
  training: 'train',
  trained: 'train',
  phase1: 'phase1',
  phase2: 'phase2',
  teach: 'phase2',
  teaching: 'phase2',
  taught: 'phase2',
  trick: 'phase3',
};

export default class DigitDemonScene extends ChapterScene<DigitDemonView, DigitDemonEvent, DigitDemonChapterLevel> {
  private draw!: DrawPanel;
  private layer!: PanelLayer;
  private panelStep = '';
  private lastCue = '';
  private lastSpoken = '';
  private stage!: DemonStage;
  private texts!: Record<'title' | 'step' | 'demon' | 'player', Phaser.GameObjects.Text>;

  constructor() {
    super(chapterSceneKey(6));
  }

  protected resetPresentation(): void {
    this.draw = new DrawPanel(this.services.ui, () => this.refresh());
    this.panelStep = '';
    this.lastCue = '';
    this.lastSpoken = '';
  }

  protected override presentation(): Record<string, unknown> {
    const tr = this.view.training;
    const last = tr.last;
    return {
      trainingProgress: last
        ? { fraction: last.fraction, testAccuracy: last.testAccuracy, loss: last.loss, reports: tr.reports }
        : null,
      trainMs: Math.round(tr.ms),
      trainError: tr.error,
      padInk: this.draw.strokes.length,
      padDigit: this.draw.digit,
    };
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, chapterBackdrop(6)).setDisplaySize(W, H);
    const g = this.add.graphics();
    const panel = (x: number, y: number, w: number, h: number, alpha: number) =>
      g
        .fillStyle(COLORS.cream, alpha)
        .fillRoundedRect(x, y, w, h, 18)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 18);
    // Opaque: the arena never shows through a panel.
    panel(16, 8, 1248, 50, 1);
    panel(16, 66, 366, 490, 1);
    panel(PANEL.x, PANEL.y, PANEL.w, PANEL.h, 1);
    // The drawing layer goes in before the panel's root, so the root's parts lie over it.
    this.services.ui.removeElement('ch6-panel');
    this.layer = new PanelLayer(this.services.ui.element('ch6-layer', 'canvas', 'ch6-layer'), PANEL.w, PANEL.h);
    this.stage = new DemonStage(
      this,
      () => this.reducedMotion,
      (x, y, size) => this.label(x, y, size),
    );
    this.texts = {
      title: this.label(30, 12, 26),
      step: this.label(1250, 16, 21, CSS.blue).setOrigin(1, 0),
      demon: this.label(36, 400, 18),
      player: this.label(36, 470, 18),
    };
  }

  protected renderView(view: DigitDemonView): void {
    this.texts.title.setText(this.t('ch6.title'));
    const name = STEP_NAMES[view.step];
    this.texts.step.setText(name ? this.t(`ch6.step.${name}`) : '');
    const line = this.dt(view.line.key, view.line.params);
    this.renderMentor(line, false, view.intro, (e) => this.send(e));
    if (line !== this.lastSpoken && !view.intro) {
      this.lastSpoken = line;
      this.services.announce(line);
    }
    this.renderHealth(view);
    this.renderPanel(view);
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      this.services.audio.play(view.cue.sound);
    }
  }

  private renderHealth(view: DigitDemonView): void {
    const f = view.fight;
    const show = ['phase1', 'phase2', 'trick'].includes(view.step);
    this.texts.demon.setVisible(show);
    this.texts.player.setVisible(show);
    this.stage.paint(view);
    if (!show) return;
    const health = (who: 'ch6.fight.demon' | 'ch6.fight.you', hp: number, max: number) =>
      this.t('ch6.fight.health', { name: this.t(who), hp, max });
    this.texts.demon.setText(health('ch6.fight.demon', f.demonHealth, f.demonMax));
    this.texts.player.setText(health('ch6.fight.you', f.playerHealth, f.playerMax));
  }

  protected override chartTexts(view: DigitDemonView): readonly ChartText[] {
    return digitDemonChartTexts((key, params) => this.t(key, params), view);
  }

  /**
   * The panel's root: emptied, with its widgets, whenever the step changes, except when training
   * gives way to its result: the curves and the sample digits stay where they are (drawing them
   * anew was most of a long frame at that moment), and what the result does not draw goes after it.
   */
  private panelRoot(step: string): { root: HTMLDivElement; carried: boolean } {
    const ui = this.services.ui;
    const el = ui.element('ch6-panel', 'div', 'ch6-panel');
    const carried = this.panelStep === 'training' && step === 'trained';
    if (this.panelStep !== step) {
      this.panelStep = step;
      if (!carried) el.replaceChildren();
      ui.removeElement('ch6-pad');
      ui.removeElement('ch6-range');
      for (const g of GROUPS) ui.clearGroup(g);
      this.draw.drop();
    }
    return { root: el, carried };
  }

  private renderPanel(view: DigitDemonView): void {
    const groups = { 'ch6-a': [], 'ch6-b': [], 'ch6-c': [], 'ch6-d': [] } as PanelKit['groups'];
    // Inside Bit's head replaces the report card within the trained step.
    const { root, carried } = this.panelRoot(view.head.open ? 'head' : view.step);
    if (carried) noteParts(root);
    this.layer.begin();
    const kit: PanelKit = {
      root,
      layer: this.layer,
      t: (key, params) => this.t(key, params),
      dt: (key, params) => this.dt(key, params),
      send: (e) => this.send(e),
      groups,
    };
    switch (view.step) {
      case 'intro':
        introPanel(kit, view);
        break;
      case 'build':
        buildPanel(kit, view);
        rehearseTrainingPaint(view);
        break;
      case 'training':
        trainingPanel(kit, view);
        sampleBars(kit, view);
        break;
      case 'trained':
        if (view.head.open) headPanel(kit, view);
        else {
          trainedPanel(kit, view);
          headButton(kit, view);
        }
        break;
      case 'phase1':
        phase1Panel(kit, view);
        break;
      case 'phase2':
        this.draw.paint(kit, view);
        teachOffer(kit, view);
        break;
      case 'teach':
      case 'teaching':
      case 'taught':
        teachPanel(kit, view);
        break;
      case 'trick':
        trickPanel(kit, view, this.services.ui);
        break;
      case 'epilogue':
        epiloguePanel(kit, view);
        break;
      default:
        endingPanel(kit, view);
    }
    this.layer.end();
    if (carried) sweepParts(root);
    for (const g of GROUPS) this.services.ui.sync(g, groups[g as GroupId]);
  }
}
