// Chapter 2 "The Expert's Rulebook": draws the rulebook machine's snapshots and forwards the
// player's edits. Every number comes from the model through rulebookView(); the scene keeps only
// presentation state (which rule and tile are selected, which "why?" is open, the reveal) and
// wires the painters in views/ch2 to it.
import type Phaser from 'phaser';
import type { RulebookData } from '../../levels/ch2/rulebookLevel';
import type { RulebookEvent } from '../../levels/ch2/rulebookMachine';
import type { RulebookView } from '../../levels/ch2/rulebookView';
import { chapterSceneKey } from '../keys';
import { CSS } from '../palette';
import { drawPanel } from '../ui/panelBackdrop';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';
import { actionSpecs, type ActionHandlers } from '../views/ch2/actionsPainter';
import { EditorPainter } from '../views/ch2/editorPainter';
import { EDITOR, type EditorHandlers, type Selection } from '../views/ch2/ruleEditor';
import type { Tr } from '../views/ch2/ruleText';
import { PART_KEY, renderRulebookPanels } from '../views/ch2/rulebookScreen';
import { StripPainter, type StripState } from '../views/ch2/stripPainter';
import '../ui/rulebook.css';
import { renderHistoryCard } from '../views/historyCard';
import type { ChartText } from '../views/chartText';
import { VerdictReveal } from '../views/ch2/verdictReveal';

export default class RulebookScene extends ChapterScene<RulebookView, RulebookEvent, RulebookData> {
  private sel: Selection = { rule: 0, tile: null };
  private why: string | null = null;
  private conflictOpen = true;
  private verdict?: VerdictReveal;
  /** The days of the running week already drawn (for their sounds and the check at its end). */
  private weekDrawn: number | null = null;
  private background!: Phaser.GameObjects.Image;
  private title!: Phaser.GameObjects.Text;
  private part!: Phaser.GameObjects.Text;
  private count!: Phaser.GameObjects.Text;
  private editor!: EditorPainter;
  private strip!: StripPainter;
  private judge!: Phaser.GameObjects.Image;
  private ribbonStars: Phaser.GameObjects.Image[] = [];

  constructor() {
    super(chapterSceneKey(2));
  }

  protected resetPresentation(): void {
    this.sel = { rule: 0, tile: null };
    this.why = null;
    this.conflictOpen = true;
    this.verdict?.reset();
    this.weekDrawn = null;
  }

  protected override presentation(): Record<string, unknown> {
    return { selection: this.sel, why: this.why, revealed: this.revealed };
  }

  protected buildStage(): void {
    this.background = this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    drawPanel(this.add.graphics(), { x: 16, y: 8, w: 1092, h: 50, r: 16, alpha: 0.94 });
    this.title = this.label(30, 10, 26);
    this.part = this.label(0, 16, 20, CSS.blue);
    this.count = this.label(1094, 16, 20, CSS.inkSoft).setOrigin(1, 0);
    const paletteLabel = this.label(20, EDITOR.paletteY + 14, 20, CSS.ink).setStroke(CSS.cream, 6);
    this.strip = new StripPainter(this, this.services.ui, this.add.container(0, 0));
    this.editor = new EditorPainter(paletteLabel, this.add.graphics());
    // The judge stands in the gap between the rulebook's THEN chips and the Judge button, not behind them.
    this.judge = this.add.image(1062, 300, 'judge').setDisplaySize(88, 88).setVisible(false);
    // The stage backdrop's ribbon has three stars painted on: cover them with the real ones.
    this.ribbonStars = [0, 1, 2].map((k) =>
      this.add
        .image(580 + k * 60, 150, 'star-empty')
        .setDisplaySize(50, 50)
        .setVisible(false),
    );
  }

  /** Text lookup whose params may themselves be text keys (fruit, seller and tile names). */
  private readonly tr: Tr = (key, params) => this.dtKeys(key, params);

  private stripState(): StripState {
    const locale = this.services.app.getSnapshot().context.save.settings.locale;
    const { tr, why, revealed, reducedMotion } = this;
    return { tr, locale, reducedMotion, why, revealed, week: this.view.week };
  }

  protected renderView(view: RulebookView): void {
    const step = view.step;
    const weekChecked = this.followWeek(view);
    if (step === 'verdict') this.reveal(view);
    this.clampSelection(view);
    this.title.setText(this.t('ch2.title'));
    this.part.setText(PART_KEY[step] ? this.tr(PART_KEY[step]) : '').setX(this.title.x + this.title.width + 16);
    this.count.setText(view.editor ? this.tr('ch2.rulesCount', { n: view.editor.ruleCount }) : '');
    this.background.setTexture(step === 'verdict' ? 'bg-stage' : 'bg-yard');
    this.judge.setVisible(step === 'verdict' || step === 'challenge');
    const toolsRight = this.editor.paint({
      ui: this.services.ui,
      tr: this.tr,
      editor: view.editor,
      hidden: (step === 'conflict' && this.conflictOpen) || step === 'verdict',
      running: view.week !== null,
      sel: this.sel,
      maxRules: this.level.level.limits.maxRules,
      on: this.handlers(),
    });
    this.strip.paint(view, this.stripState(), {
      toggleWhy: (card, lines) => {
        this.why = this.why === card.id ? null : card.id;
        this.refresh();
        if (this.why) this.services.announce(lines.join(' '));
      },
      closeWhy: () => {
        const id = this.why;
        this.why = null;
        this.refresh();
        if (id) this.services.ui.focus('ch2-why', id);
      },
    });
    const { conflictOpen, revealed } = this;
    const ui = this.services.ui;
    renderRulebookPanels({ ui, tr: this.tr, data: this.level, conflictOpen, revealed, toolsRight }, view, (s, name) =>
      this.pickSide(s, name),
    );
    const actions = actionSpecs(view, { tr: this.tr, week: view.week, conflictOpen, revealed }, this.actionHandlers());
    ui.sync('ch2-actions', actions);
    renderHistoryCard(
      ui,
      view.history && {
        title: this.tr(view.history.titleKey),
        items: view.history.items.map((h) => ({ year: h.year, text: this.tr(h.textKey) })),
      },
    );
    // The verdict's score is said only once the last fruit of the basket has been shown.
    const shown = step === 'verdict' && view.challenge !== null && this.revealed >= view.challenge.size;
    const line = shown && view.verdictLine ? view.verdictLine : view.line;
    const earned = shown ? (view.challenge?.stars ?? 0) : 0;
    this.ribbonStars.forEach((star, k) =>
      star
        .setVisible(step === 'verdict')
        .setTexture(k < earned ? 'star' : 'star-empty')
        .setDisplaySize(50, 50),
    );
    this.renderMentor(this.tr(line.key, line.params), line.notice, step === 'intro', (e) => this.send(e));
    if (weekChecked) {
      this.afterCheck('weather', view);
      if (step === 'weather') this.services.ui.focus('ch2-actions', 'check');
    }
  }

  /**
   * The machine runs the week: each day it turns sounds ✓ or ✗, and when the finished week has
   * been checked (the run is over) the check is answered as a pressed one. Returns whether it was.
   */
  private followWeek(view: RulebookView): boolean {
    const reached = view.week?.reached ?? null;
    const before = this.weekDrawn;
    if (reached === before) return false;
    this.weekDrawn = reached;
    if (reached !== null && reached > (before ?? 0)) {
      this.services.audio.play(view.strip?.cards[reached - 1]?.correct ? 'treat' : 'scold');
    }
    if (reached !== null || before === null) return false;
    this.why = null;
    this.sel = { rule: 0, tile: null };
    return true;
  }

  /** The card strip in words for screen readers (the cards are drawn on the canvas). */
  protected override chartTexts(view: RulebookView): readonly ChartText[] {
    return this.strip.chartText(view, this.stripState());
  }

  private clampSelection(view: RulebookView): void {
    const rules = view.editor?.rules ?? [];
    if (this.sel.rule >= rules.length) this.sel = { rule: Math.max(0, rules.length - 1), tile: null };
    if (this.sel.tile !== null && this.sel.tile >= (rules[this.sel.rule]?.tiles.length ?? 0))
      this.sel = { ...this.sel, tile: null };
  }

  private handlers(): EditorHandlers {
    return {
      edit: (e, say) => {
        if (this.view.week || !this.accepts(e)) return;
        this.send(e);
        this.services.audio.play('click');
        if (e.type === 'rule.add') this.sel = { rule: (this.view.editor?.rules.length ?? 1) - 1, tile: null };
        if (e.type === 'tile.remove' || e.type === 'rule.remove') {
          this.sel = { rule: e.type === 'rule.remove' ? Math.max(0, e.rule - 1) : e.rule, tile: null };
          this.services.ui.focus('ch2-rules', `rule-${this.sel.rule}`);
        }
        this.why = null;
        this.refresh();
        const strip = this.view.strip;
        const score = strip?.checked ? this.tr('ch2.live.score', { correct: strip.correct, size: strip.checked }) : '';
        this.services.announce(`${say} ${score}`);
      },
      select: (sel, say) => {
        if (this.view.week) return;
        this.sel = sel;
        this.refresh();
        if (sel.tile !== null) this.services.ui.focus('ch2-tools', 'not');
        this.services.announce(say);
      },
    };
  }

  private actionHandlers(): ActionHandlers {
    return {
      runWeek: () => this.runWeek(),
      check: () => this.check(),
      changeSide: () => {
        this.conflictOpen = true;
        this.refresh();
      },
      seasonNext: () => this.send({ type: 'season.next' }),
      judge: () => {
        this.services.audio.play('click');
        this.why = null;
        this.send({ type: 'challenge.run' });
      },
      finish: (event) => this.send(event),
      map: () => this.quitToMap(),
    };
  }

  private pickSide(seller: string, nameKey: string): void {
    this.services.audio.play('click');
    this.send({ type: 'conflict.pick', seller });
    this.conflictOpen = false;
    this.refresh();
    this.services.ui.focus('ch2-rules', 'rule-0');
    this.services.announce(this.tr('ch2.notice.picked', { seller: nameKey }));
  }

  /**
   * "Run the week": the rulebook meets the days one at a time, each day's card turning over and
   * lighting up in turn, then the week is checked. The chapter machine keeps the week's clock; the
   * scene only paints the days reached. With reduced motion the finished week is checked at once.
   */
  private runWeek(): void {
    if (this.view.week) return;
    this.why = null;
    this.sel = { rule: this.sel.rule, tile: null };
    this.services.audio.play('click');
    if (this.reducedMotion) this.check({ type: 'week.run', instant: true });
    else this.send({ type: 'week.run' });
  }

  /**
   * Checks the rulebook (or the finished week at once): success moves on (with a fanfare),
   * anything else stays with a hint.
   */
  private check(event: RulebookEvent = { type: 'rules.check' }): void {
    const before = this.view.step;
    this.send(event);
    this.why = null;
    this.sel = { rule: 0, tile: null };
    this.refresh();
    this.afterCheck(before, this.view);
  }

  /** What answers a check, pressed or at the end of the week: the sound, the mentor's words, the focus. */
  private afterCheck(before: string, view: RulebookView): void {
    const moved = view.step !== before;
    this.services.audio.play(moved ? 'success' : 'failure');
    this.services.announce(this.tr(view.line.key, view.line.params));
    if (moved) this.services.ui.focus('ch2-rules', 'rule-0');
    if (moved && view.step === 'conflict') this.services.ui.focus('ch2-pick', 'wang');
    if (moved && view.step === 'season') this.services.ui.focus('ch2-actions', 'next');
  }

  /** The verdict: the basket's fruits come out one by one, each with ✓ or ✗, then the score. */
  private reveal(view: RulebookView): void {
    const c = view.challenge;
    if (!c) return;
    this.verdict ??= new VerdictReveal(this);
    this.verdict.start(view.challengeRuns, c.fruits.length, this.reducedMotion ? 150 : 550, (i, last) => {
      this.services.audio.play(c.fruits[i].correct ? 'treat' : 'scold');
      if (!last) return this.refresh();
      this.services.audio.play(c.passed ? 'success' : 'failure');
      this.refresh();
      const verdict = this.view.verdictLine;
      if (verdict) this.services.announce(this.tr(verdict.key, verdict.params));
      this.services.ui.focus('ch2-actions', 'finish');
    });
  }

  /** How many of the verdict's fruits are shown so far. */
  private get revealed(): number {
    return this.verdict?.revealed ?? 0;
  }
}
