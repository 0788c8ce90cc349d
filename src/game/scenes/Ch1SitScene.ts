// Chapter 1 "Sit, Bit!": draws the sit machine's snapshots and forwards the player's input.
// Every number on screen comes from the model through sitView(); the scene keeps only what is
// pure presentation (whether the box view is open, running animations) and wires the painters
// in views/ch1 to it.
import Phaser from 'phaser';
import type { SitLevel } from '../../levels/ch1/sitLevel';
import type { SitEvent } from '../../levels/ch1/sitMachine';
import type { SitView } from '../../levels/ch1/sitView';
import type { Feedback } from '../../levels/ch1/sitModel';
import { chapterSceneKey, type ArtKey } from '../keys';
import { CSS } from '../palette';
import { bakedBackdrop } from '../ui/panelBackdrop';
import { soundButton } from '../ui/soundButton';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';
import type { ChartText } from '../views/chartText';
import { BitPainter } from '../views/ch1/bitPainter';
import { BOX_AT, boxChartText, boxRows, type BoxText } from '../views/ch1/boxPainter';
import {
  commandSpecs,
  feedbackSpecs,
  showToolSpecs,
  toolSpecs,
  type ControlText,
  type ToolHandlers,
} from '../views/ch1/controlsPainter';
import { ProbabilityBox } from '../views/ch1/probabilityBox';
import { ShowPainter } from '../views/ch1/showPainter';
import { PANEL_X, PANELS, panelRows } from '../views/ch1/sitLayout';
import { isPhone, redrawOnPhoneChange } from '../ui/phoneLayout';

/** What each answer does to Bit: its face and the icon that flies to it. */
const ANSWER: Record<Feedback, { pose: ArtKey; icon: ArtKey }> = {
  treat: { pose: 'bit-happy', icon: 'treat' },
  scold: { pose: 'bit-confused', icon: 'scold' },
  ignore: { pose: 'bit-idle', icon: 'ignore' },
};

export default class SitScene extends ChapterScene<SitView, SitEvent, SitLevel> {
  private boxOpen = false;
  private bit!: BitPainter;
  private trials!: Phaser.GameObjects.Text;
  private box!: ProbabilityBox;
  private background!: Phaser.GameObjects.Image;
  private judge!: Phaser.GameObjects.Image;
  private show!: ShowPainter;
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

  private readonly text: ControlText & BoxText = {
    t: (key, params) => this.t(key, params),
    dt: (key) => this.dt(key),
  };

  protected buildStage(): void {
    this.background = this.add.image(0, 0, this.stageTexture('bg-yard')).setOrigin(0, 0);
    // Both backdrops (the yard, the show's stage) are opaque and fill the screen.
    this.coversScreen();
    this.label(34, 14, 30).setData('role', 'title').setName('title');
    this.trials = this.label(652, 18, 22, CSS.inkSoft).setOrigin(1, 0);
    this.label(PANEL_X, 78, 22, CSS.inkSoft).setName('commandsLabel');
    this.label(PANEL_X, panelRows(isPhone()).feedbackLabelY, 22, CSS.inkSoft).setName('feedbackLabel');
    // A phone turned into landscape (or out of it) lays the panel out again for its controls' size.
    const phone = redrawOnPhoneChange('ch1', () => this.refresh());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => phone.stop());
    this.judge = this.add.image(560, 330, 'judge').setDisplaySize(210, 210).setVisible(false);
    this.bit = new BitPainter(this, (x, y, size, color) => this.label(x, y, size, color));
    this.box = new ProbabilityBox(this, 'ch1-box');
    this.show = new ShowPainter(this, (x, y, size, color) => this.label(x, y, size, color));
    // The stage backdrop's ribbon has stars painted on; these cover the ones left of the command
    // panel (the third lies under it) until stars are earned on the results card.
    this.ribbonStars = [0, 1].map((k) =>
      this.add
        .image(580 + k * 60, 150, 'star-empty')
        .setDisplaySize(50, 50)
        .setVisible(false),
    );
  }

  /** The backdrop with the top bar and the command panel painted on, made once per backdrop. */
  private stageTexture(backdrop: 'bg-yard' | 'bg-stage'): string {
    return bakedBackdrop(this, `ch1-${backdrop}`, backdrop, { w: W, h: H }, PANELS);
  }

  private poseOf(action: string): ArtKey {
    return (this.level.actions.find((a) => a.id === action)?.pose ?? 'bit-idle') as ArtKey;
  }

  private actionKey(action: string): string {
    return this.level.actions.find((a) => a.id === action)?.labelKey ?? action;
  }

  private commandKey(command: string): string {
    return this.level.commands.find((c) => c.id === command)!.labelKey;
  }

  protected renderView(view: SitView): void {
    const step = view.step;
    (this.children.getByName('title') as Phaser.GameObjects.Text).setText(this.t('ch1.title'));
    (this.children.getByName('commandsLabel') as Phaser.GameObjects.Text).setText(this.t('ch1.commands'));
    (this.children.getByName('feedbackLabel') as Phaser.GameObjects.Text)
      .setText(this.t('ch1.feedback'))
      .setY(panelRows(isPhone()).feedbackLabelY);
    this.trials.setText(this.dtKeys(view.trials.key, view.trials.params));

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
      const command = this.commandKey(view.pending.command);
      const chose = this.dtKeys('ch1.live.action', { command, action: this.actionKey(view.pending.action) });
      this.bit.acts(this.dt(command), this.poseOf(view.pending.action), chose, motion);
      this.services.announce(chose);
    }
    if (lastFeedback && lastFeedback.serial !== this.lastFeedbackSeen) {
      this.lastFeedbackSeen = lastFeedback.serial;
      const { trial, feedback } = lastFeedback;
      const params = { command: this.commandKey(trial.command), action: this.actionKey(trial.action) };
      if (feedback !== 'ignore') this.services.audio.play(feedback);
      this.bit.answered(ANSWER[feedback].pose, ANSWER[feedback].icon, motion);
      this.services.announce(
        feedback === 'ignore' ? this.t('ch1.live.ignore') : this.dtKeys(`ch1.live.${feedback}`, params),
      );
      this.bit.settleLater(motion ? 900 : 300, () => {
        const now = this.view;
        return !now.pending && now.step !== 'show';
      });
    }
  }

  /** The open box in words (each command's likeliest action) and as a table of every probability. */
  protected override chartTexts(view: SitView): readonly ChartText[] {
    if (!this.boxOpen || view.step === 'show') return [];
    return [boxChartText(boxRows(view, this.level, this.text), this.text)];
  }

  private renderBox(view: SitView): void {
    const open = this.boxOpen && view.step !== 'show';
    this.box.setVisible(open);
    this.bit.place(open);
    if (!open) return;
    this.box.draw({ ...BOX_AT, title: this.t('ch1.box.title'), rows: boxRows(view, this.level, this.text) });
  }

  private renderControls(view: SitView): void {
    const ui = this.services.ui;
    const on: ToolHandlers = {
      toggleBox: () => {
        this.boxOpen = !this.boxOpen;
        this.refresh();
      },
      startShow: () => this.send({ type: 'show.start' }),
      finishShow: () => this.send({ type: 'show.finish' }),
      moreTwist: () => {
        this.send({ type: 'twist.more' });
        this.services.ui.focus('commands', this.level.twist.command);
      },
      map: () => this.quitToMap(),
    };
    if (view.step === 'show') {
      ui.clearGroup('commands');
      ui.clearGroup('feedback');
      ui.sync('tools', showToolSpecs(this.showRevealed >= (view.show?.rounds.length ?? 0), this.text, on));
      return;
    }
    const audio = this.services.audio;
    ui.sync(
      'commands',
      commandSpecs(view, this.text, (id) => {
        this.lastCommand = id;
        this.send({ type: 'trial.command', command: id });
        if (this.view.pending) ui.focus('feedback', 'treat');
      }).map((spec) => soundButton(audio, spec)),
    );
    ui.sync(
      'feedback',
      feedbackSpecs(view, this.text, (id) => {
        this.send({ type: 'trial.feedback', feedback: id });
        if (this.lastCommand && this.view.commands.some((c) => c.id === this.lastCommand && c.visible)) {
          ui.focus('commands', this.lastCommand);
        }
      }),
    );
    ui.sync('tools', toolSpecs(view, this.boxOpen, this.text, on));
  }

  /** Show time: reveal the judge's rounds one by one, then offer Continue. */
  private renderShow(view: SitView): void {
    const inShow = view.step === 'show' && view.show !== null;
    this.judge.setVisible(inShow);
    this.show.setVisible(inShow);
    this.background.setTexture(this.stageTexture(inShow ? 'bg-stage' : 'bg-yard'));
    for (const star of this.ribbonStars) star.setVisible(inShow);
    for (const name of ['commandsLabel', 'feedbackLabel'])
      (
        this.children.getByName(name) as Phaser.GameObjects.Components.Visible & Phaser.GameObjects.GameObject
      ).setVisible(!inShow);
    if (!inShow) return;
    const attempt = view.showsRun;
    if (this.showPlayed === attempt) return;
    this.showPlayed = attempt;
    this.showRevealed = 0;
    this.bit.quiet();
    this.show.clear();
    const show = view.show!;
    const stepMs = this.reducedMotion ? 250 : 700;
    this.show.reveal(show.rounds.length, stepMs, (i) => {
      const round = show.rounds[i];
      const command = this.commandKey(round.command);
      this.bit.hears(this.dt(command), this.poseOf(round.action));
      const line = this.dtKeys('ch1.show.round', {
        command,
        action: this.actionKey(round.action),
        mark: round.correct ? 'ch1.show.right' : 'ch1.show.wrong',
      });
      this.show.addRound(i, line, round.correct);
      this.showRevealed = i + 1;
      if (i < show.rounds.length - 1) return;
      const size = this.level.challenge.size;
      this.services.audio.play(show.passed ? 'success' : 'failure');
      this.bit.pose(show.passed ? 'bit-happy' : 'bit-confused');
      this.services.announce(
        this.t(show.passed ? 'ch1.show.passed' : 'ch1.notice.showFailed', { correct: show.correct, size }),
      );
      this.refresh();
      this.services.ui.focus('tools', 'finish');
    });
  }
}
