// Chapter 1 "Sit, Bit!": draws the sit machine's snapshots and forwards the player's input.
// Every number on screen comes from the model through sitView(); the scene keeps only what is
// pure presentation (whether the box view is open, running animations).
import Phaser from 'phaser';
import type { SitLevel } from '../../levels/ch1/sitLevel';
import type { SitEvent } from '../../levels/ch1/sitMachine';
import type { SitView } from '../../levels/ch1/sitView';
import type { Feedback } from '../../levels/ch1/sitModel';
import { artUrl, chapterSceneKey, type ArtKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ButtonSpec } from '../ui/htmlLayer';
import { FONT, H, W, textResolution } from './BaseScene';
import { ChapterScene } from './ChapterScene';
import type { ChartText } from '../views/chartText';
import { ProbabilityBox, type BoxRow } from '../views/ch1/probabilityBox';

const BIT_HOME = { x: 340, y: 360, size: 330 };
const BIT_SMALL = { x: 340, y: 474, size: 190 };
const PANEL_X = 700;
/** The top bar and the command panel, cream with an ink border (painted on the backdrop). */
const PANELS = [
  { x: 16, y: 10, w: 650, h: 52, r: 18 },
  { x: PANEL_X - 16, y: 70, w: 580, h: 480, r: 22 },
];
/** Half a panel's border, which is centred on its edge. */
const PANEL_PAD = 2;

export default class SitScene extends ChapterScene<SitView, SitEvent, SitLevel> {
  private boxOpen = false;
  private bit!: Phaser.GameObjects.Image;
  private bubble!: Phaser.GameObjects.Container;
  private bubbleText!: Phaser.GameObjects.Text;
  private chose!: Phaser.GameObjects.Text;
  private trials!: Phaser.GameObjects.Text;
  private box!: ProbabilityBox;
  private background!: Phaser.GameObjects.Image;
  private judge!: Phaser.GameObjects.Image;
  private showList!: Phaser.GameObjects.Container;
  private lastDraws = 0;
  private lastFeedbackSeen = -1;
  private primed = false;
  private showPlayed = -1;
  private showRevealed = 0;
  private lastCommand: string | null = null;
  /** The twist opens the box once, so the rising habit can be watched. */
  private twistBoxShown = false;
  private ribbonStars: Phaser.GameObjects.Image[] = [];

  constructor() {
    super(chapterSceneKey(1));
  }

  protected resetPresentation(): void {
    this.boxOpen = false;
    this.lastDraws = 0;
    this.lastFeedbackSeen = -1;
    this.primed = false;
    this.showPlayed = -1;
    this.showRevealed = 0;
    this.lastCommand = null;
    this.twistBoxShown = false;
  }

  protected override presentation(): Record<string, unknown> {
    return { boxOpen: this.boxOpen, revealed: this.showRevealed };
  }

  protected buildStage(): void {
    this.background = this.add.image(0, 0, this.stageTexture('bg-yard')).setOrigin(0, 0);
    // Both backdrops (the yard, the show's stage) are opaque and fill the screen.
    this.coversScreen();
    this.label(34, 14, 30).setData('role', 'title').setName('title');
    this.trials = this.label(652, 18, 22, CSS.inkSoft).setOrigin(1, 0);
    this.label(PANEL_X, 78, 22, CSS.inkSoft).setName('commandsLabel');
    this.label(PANEL_X, 262, 22, CSS.inkSoft).setName('feedbackLabel');

    this.judge = this.add.image(560, 330, 'judge').setDisplaySize(210, 210).setVisible(false);
    this.bit = this.add.image(BIT_HOME.x, BIT_HOME.y, 'bit-idle').setDisplaySize(BIT_HOME.size, BIT_HOME.size);
    this.chose = this.label(BIT_HOME.x, 530, 24).setOrigin(0.5).setStroke(CSS.cream, 8);

    const bg = this.add.graphics();
    bg.fillStyle(COLORS.white)
      .fillRoundedRect(-110, -34, 220, 60, 22)
      .lineStyle(4, COLORS.ink)
      .strokeRoundedRect(-110, -34, 220, 60, 22);
    bg.fillStyle(COLORS.white)
      .fillTriangle(-14, 24, 14, 24, -30, 50)
      .lineStyle(4, COLORS.ink)
      .lineBetween(-14, 26, -30, 50)
      .lineBetween(14, 26, -30, 50);
    this.bubbleText = this.add
      .text(0, -4, '', { fontFamily: FONT, fontSize: '28px', color: CSS.ink, fontStyle: 'bold' })
      .setOrigin(0.5)
      .setResolution(textResolution(this));
    this.bubble = this.add.container(BIT_HOME.x + 150, 120, [bg, this.bubbleText]).setVisible(false);

    this.box = new ProbabilityBox(this, 'ch1-box');
    this.showList = this.add.container(PANEL_X, 90).setVisible(false);
    // The stage backdrop's ribbon has three stars painted on; stars are earned on the results card.
    this.ribbonStars = [0, 1, 2].map((k) =>
      this.add
        .image(580 + k * 60, 150, 'star-empty')
        .setDisplaySize(50, 50)
        .setVisible(false),
    );
  }

  /**
   * The backdrop with the top bar and the command panel painted on, made once per backdrop: they
   * never move, so each frame copies one picture instead of three (the canvas renderer, which a
   * slow laptop without WebGL uses, copies every picture's pixels on every frame).
   */
  private stageTexture(backdrop: 'bg-yard' | 'bg-stage'): string {
    const key = `ch1-${backdrop}`;
    // A scene object is reused when the chapter is played again: so is its texture.
    if (this.textures.exists(key)) return key;
    const stage = this.textures.createCanvas(key, W, H)!;
    const ctx = stage.getContext();
    ctx.drawImage(this.textures.get(backdrop).getSourceImage() as CanvasImageSource, 0, 0, W, H);
    for (const p of PANELS) {
      // Each panel is drawn on a canvas of its own, then copied on: the same pixels as a panel
      // drawn as a picture of its own over the backdrop.
      const w = p.w + 2 * PANEL_PAD;
      const h = p.h + 2 * PANEL_PAD;
      const panel = Phaser.Display.Canvas.CanvasPool.create2D(this, w, h);
      const g = this.make.graphics({}, false);
      g.fillStyle(COLORS.cream, 1)
        .fillRoundedRect(PANEL_PAD, PANEL_PAD, p.w, p.h, p.r)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(PANEL_PAD, PANEL_PAD, p.w, p.h, p.r);
      g.generateTexture(panel, w, h);
      g.destroy();
      ctx.drawImage(panel, p.x - PANEL_PAD, p.y - PANEL_PAD);
      Phaser.Display.Canvas.CanvasPool.remove(panel);
    }
    stage.refresh();
    return key;
  }

  private poseOf(action: string): ArtKey {
    return (this.level.actions.find((a) => a.id === action)?.pose ?? 'bit-idle') as ArtKey;
  }

  protected renderView(view: SitView): void {
    const step = view.step;

    (this.children.getByName('title') as Phaser.GameObjects.Text).setText(this.t('ch1.title'));
    (this.children.getByName('commandsLabel') as Phaser.GameObjects.Text).setText(this.t('ch1.commands'));
    (this.children.getByName('feedbackLabel') as Phaser.GameObjects.Text).setText(this.t('ch1.feedback'));
    this.trials.setText(this.t('ch1.trials', { n: view.trainingTrials }));

    if (step === 'twist' && !this.twistBoxShown) {
      this.twistBoxShown = true;
      this.boxOpen = true;
    }
    this.react(view);
    this.renderBox(view);
    this.renderControls(view);
    this.renderShow(view);
    // On stage the verdict waits until the judge's last round has been shown.
    const revealed = view.step === 'show' && this.showRevealed >= (view.show?.rounds.length ?? 0);
    const line = revealed && view.showVerdict ? view.showVerdict : view.line;
    this.renderMentor(this.dtKeys(line.key, line.params), line.notice, step === 'intro', (e) => this.send(e));
  }

  /** Animations for what just happened: a new action, or feedback on it. */
  private react(view: SitView): void {
    const { draws, lastFeedback } = view;
    // A resumed run starts with old feedback in its view: that is history, not news to cheer.
    if (!this.primed) {
      this.primed = true;
      this.lastFeedbackSeen = lastFeedback?.serial ?? -1;
    }
    if (view.step === 'show') return;
    const motion = !this.reducedMotion;
    if (view.pending && draws !== this.lastDraws) {
      this.lastDraws = draws;
      const cmd = this.level.commands.find((c) => c.id === view.pending!.command)!;
      this.bubbleText.setText(this.dt(cmd.labelKey));
      this.bubble.setVisible(true);
      this.bit.setTexture(this.poseOf(view.pending.action));
      this.chose.setText(
        this.dtKeys('ch1.live.action', { command: cmd.labelKey, action: this.actionKey(view.pending.action) }),
      );
      if (motion)
        this.tweens.add({ targets: this.bit, y: this.bit.y - 30, duration: 160, yoyo: true, ease: 'Quad.easeOut' });
      this.services.announce(this.chose.text);
    }
    if (lastFeedback && lastFeedback.serial !== this.lastFeedbackSeen) {
      this.lastFeedbackSeen = lastFeedback.serial;
      const { trial, feedback } = lastFeedback;
      const cmd = this.level.commands.find((c) => c.id === trial.command)!;
      const params = { command: cmd.labelKey, action: this.actionKey(trial.action) };
      this.bubble.setVisible(false);
      this.chose.setText('');
      if (feedback === 'treat') {
        this.services.audio.play('treat');
        this.bit.setTexture('bit-happy');
        this.flyIcon('treat');
        this.services.announce(this.dtKeys('ch1.live.treat', params));
      } else if (feedback === 'scold') {
        this.services.audio.play('scold');
        this.bit.setTexture('bit-confused');
        this.flyIcon('scold');
        this.services.announce(this.dtKeys('ch1.live.scold', params));
      } else {
        this.flyIcon('ignore');
        this.bit.setTexture('bit-idle');
        this.services.announce(this.t('ch1.live.ignore'));
      }
      this.time.delayedCall(motion ? 900 : 300, () => {
        const now = this.view;
        if (!now.pending && now.step !== 'show') this.bit.setTexture('bit-idle');
      });
    }
  }

  private actionKey(action: string): string {
    return this.level.actions.find((a) => a.id === action)?.labelKey ?? action;
  }

  private flyIcon(key: ArtKey): void {
    const icon = this.add.image(PANEL_X + 100, 320, key).setDisplaySize(80, 80);
    if (this.reducedMotion) {
      icon.setPosition(this.bit.x + 120, this.bit.y - 120);
      this.time.delayedCall(600, () => icon.destroy());
      return;
    }
    this.tweens.add({
      targets: icon,
      x: this.bit.x + 110,
      y: this.bit.y - 120,
      duration: 420,
      ease: 'Quad.easeOut',
      onComplete: () =>
        this.tweens.add({ targets: icon, alpha: 0, duration: 400, delay: 250, onComplete: () => icon.destroy() }),
    });
  }

  /** The open box's rows: each visible command with its actions' probabilities. */
  private boxRows(view: SitView): BoxRow[] {
    return view.box
      .filter((row) => view.commands.find((c) => c.id === row.command)?.visible)
      .map((row) => ({
        label: this.dt(this.level.commands.find((c) => c.id === row.command)!.labelKey),
        cells: row.probs.map((p) => ({
          label: this.dt(this.actionKey(p.action)),
          p: p.p,
          target: p.action === row.target,
        })),
      }));
  }

  /** The open box in words (each command's likeliest action) and as a table of every probability. */
  protected override chartTexts(view: SitView): readonly ChartText[] {
    if (!this.boxOpen || view.step === 'show') return [];
    const rows = this.boxRows(view);
    const pc = (p: number) => Math.round(p * 100);
    const likeliest = rows.map((r) => {
      const best = r.cells.reduce((a, b) => (b.p > a.p ? b : a));
      return this.t('ch1.box.cell', { command: r.label, action: best.label, percent: pc(best.p) });
    });
    const cols = rows[0]?.cells.length ?? 0;
    return [
      {
        id: 'box',
        x: 24,
        y: 70,
        w: 144 + cols * 100,
        h: 86 + rows.length * 54,
        label: [this.t('ch1.box.title'), ...likeliest].join(' · '),
        table: [
          [this.t('ch1.commands'), ...(rows[0]?.cells.map((c) => c.label) ?? [])],
          ...rows.map((r) => [r.label, ...r.cells.map((c) => `${pc(c.p)}%${c.target ? ' ★' : ''}`)]),
        ],
      },
    ];
  }

  private renderBox(view: SitView): void {
    const open = this.boxOpen && view.step !== 'show';
    this.box.setVisible(open);
    const home = open ? BIT_SMALL : BIT_HOME;
    this.bit.setPosition(home.x, home.y).setDisplaySize(home.size, home.size);
    this.chose.setPosition(home.x, 530).setVisible(!open);
    this.bubble.setPosition(home.x + 150, open ? 330 : 120);
    if (!open) return;
    this.box.draw({
      x: 24,
      y: 70,
      title: this.t('ch1.box.title'),
      rows: this.boxRows(view),
    });
  }

  private renderControls(view: SitView): void {
    const ui = this.services.ui;
    if (view.step === 'show') {
      ui.clearGroup('commands');
      ui.clearGroup('feedback');
      ui.sync('tools', [
        this.mapButton(),
        ...(this.showRevealed >= (view.show?.rounds.length ?? 0)
          ? [
              {
                id: 'finish',
                x: PANEL_X,
                y: 478,
                w: 360,
                h: 56,
                label: this.t('ch1.btn.finishShow'),
                variant: 'primary' as const,
                onPress: () => this.send({ type: 'show.finish' }),
              },
            ]
          : []),
      ]);
      return;
    }
    const visible = view.commands.filter((c) => c.visible);
    ui.sync(
      'commands',
      visible.map((c, i) => ({
        id: c.id,
        x: PANEL_X + (i % 2) * 276,
        y: 118 + Math.floor(i / 2) * 72,
        w: 262,
        h: 60,
        label: this.dt(c.labelKey),
        // How sure Bit is, and whether that is enough for the show (by the show's real odds).
        tag: c.ready
          ? this.t('ch1.readyTag', { percent: Math.round(c.sure * 100) })
          : this.t('ch1.shakyTag', { percent: Math.round(c.sure * 100) }),
        tagKind: c.ready ? undefined : 'warn',
        ariaLabel: this.t(c.ready ? 'ch1.aria.ready' : 'ch1.aria.shaky', {
          command: this.dt(c.labelKey),
          percent: Math.round(c.sure * 100),
        }),
        disabled: !c.enabled,
        onPress: () => {
          this.lastCommand = c.id;
          this.services.audio.play('click');
          this.send({ type: 'trial.command', command: c.id });
          if (this.view.pending) ui.focus('feedback', 'treat');
        },
      })),
    );
    const feedback = (id: Feedback, x: number, variant: ButtonSpec['variant'], icon: ArtKey): ButtonSpec => ({
      id,
      x,
      y: 296,
      w: 176,
      h: 80,
      label: this.t(`ch1.btn.${id}`),
      icon: artUrl(icon),
      variant,
      disabled: !view.canFeedback,
      onPress: () => {
        this.send({ type: 'trial.feedback', feedback: id });
        if (this.lastCommand && this.view.commands.some((c) => c.id === this.lastCommand && c.visible)) {
          ui.focus('commands', this.lastCommand);
        }
      },
    });
    ui.sync('feedback', [
      feedback('treat', PANEL_X, 'good', 'treat'),
      feedback('scold', PANEL_X + 188, 'bad', 'scold'),
      feedback('ignore', PANEL_X + 376, 'quiet', 'ignore'),
    ]);
    ui.sync('tools', [
      {
        id: 'box',
        x: PANEL_X,
        y: 400,
        w: 262,
        h: 60,
        label: this.t(this.boxOpen ? 'ch1.btn.closeBox' : 'ch1.btn.openBox'),
        icon: artUrl('bit-brain-open'),
        pressed: this.boxOpen,
        onPress: () => {
          this.boxOpen = !this.boxOpen;
          this.refresh();
        },
      },
      {
        id: 'show',
        x: PANEL_X + 276,
        y: 400,
        w: 262,
        h: 60,
        label: this.t('ch1.btn.show'),
        icon: artUrl('whistle'),
        variant: view.canStartShow ? 'primary' : undefined,
        disabled: !view.canStartShow,
        onPress: () => this.send({ type: 'show.start' }),
      },
      this.mapButton(),
    ]);
  }

  private mapButton(): ButtonSpec {
    return {
      id: 'map',
      x: PANEL_X + 376,
      y: 478,
      w: 176,
      h: 56,
      label: this.t('ch1.btn.quit'),
      variant: 'quiet',
      onPress: () => this.quitToMap(),
    };
  }

  /** Show time: reveal the judge's rounds one by one, then offer Continue. */
  private renderShow(view: SitView): void {
    const inShow = view.step === 'show' && view.show !== null;
    this.judge.setVisible(inShow);
    this.showList.setVisible(inShow);
    this.background.setTexture(this.stageTexture(inShow ? 'bg-stage' : 'bg-yard'));
    for (const star of this.ribbonStars) star.setVisible(inShow);
    for (const name of ['commandsLabel', 'feedbackLabel'])
      (
        this.children.getByName(name) as Phaser.GameObjects.Components.Visible & Phaser.GameObjects.GameObject
      ).setVisible(!inShow);
    if (!inShow) return;
    const attempt = view.showsRun;
    if (this.showPlayed !== attempt) {
      this.showPlayed = attempt;
      this.showRevealed = 0;
      this.bubble.setVisible(false);
      this.chose.setText('');
      this.showList.removeAll(true);
      const rounds = view.show!.rounds;
      const stepMs = this.reducedMotion ? 250 : 700;
      rounds.forEach((round, i) => {
        this.time.delayedCall(stepMs * (i + 1), () => {
          const cmd = this.level.commands.find((c) => c.id === round.command)!;
          this.bubbleText.setText(this.dt(cmd.labelKey));
          this.bubble.setVisible(true);
          this.bit.setTexture(this.poseOf(round.action));
          const line = this.dtKeys('ch1.show.round', {
            command: cmd.labelKey,
            action: this.actionKey(round.action),
            mark: round.correct ? 'ch1.show.right' : 'ch1.show.wrong',
          });
          const row = this.label(0, i * 37, 18, round.correct ? '#00603f' : '#9a3600');
          row.setText(`${i + 1}. ${line}`);
          // Long names (a paw, in English) shrink to fit the panel instead of being cut off.
          if (row.width > 548) row.setScale(548 / row.width, 1);
          this.showList.add(row);
          this.showRevealed = i + 1;
          if (i === rounds.length - 1) {
            const passed = view.show!.passed;
            this.services.audio.play(passed ? 'success' : 'failure');
            this.bit.setTexture(passed ? 'bit-happy' : 'bit-confused');
            this.services.announce(
              passed
                ? this.t('ch1.show.passed', { correct: view.show!.correct, size: this.level.challenge.size })
                : this.t('ch1.notice.showFailed', { correct: view.show!.correct, size: this.level.challenge.size }),
            );
            this.refresh();
            this.services.ui.focus('tools', 'finish');
          }
        });
      });
    }
  }
}
