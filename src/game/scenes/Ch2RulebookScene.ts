// Chapter 2 "The Expert's Rulebook": draws the rulebook machine's snapshots and forwards the
// player's edits. Every number comes from the model through rulebookView(); the scene keeps only
// presentation state (which rule and tile are selected, which "why?" is open, the reveal).
import type Phaser from 'phaser';
import type { RulebookData } from '../../levels/ch2/rulebookLevel';
import type { RulebookEvent } from '../../levels/ch2/rulebookMachine';
import type { RulebookView, StripCard } from '../../levels/ch2/rulebookView';
import { tilesOf } from '../../levels/ch2/rulebookModel';
import { chapterSceneKey } from '../keys';
import { COLORS, CSS } from '../palette';
import type { ButtonSpec } from '../ui/htmlLayer';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';
import {
  EDITOR,
  iconOf,
  paletteSpecs,
  rowY,
  ruleSpecs,
  tileX,
  toolSpecs,
  type EditorHandlers,
  type Selection,
} from '../views/ruleEditor';
import { drawStrip, layoutCards, STRIP, type CardBox } from '../views/rulebookStrip';
import { whyLines, type Tr } from '../views/ruleText';
import { renderNote, renderTray, renderWhy } from '../views/rulebookPanels';
import { basketCards, cardWords, renderRulebookPanels } from '../views/rulebookScreen';
import '../ui/rulebook.css';
import { renderHistoryCard } from '../views/historyCard';
import type { ChartText } from '../views/chartText';

const PART_KEY: Record<string, string> = {
  weather: 'ch2.part.weather',
  stall: 'ch2.part.stall',
  conflict: 'ch2.part.conflict',
  season: 'ch2.part.season',
  challenge: 'ch2.part.challenge',
  verdict: 'ch2.part.challenge',
};
const ACTION = { x: 1040, y: EDITOR.toolsY, w: 224, h: 52 };
/** Game time per day when the week runs, and the pause on the finished week before the check. */
const DAY_MS = 450;

export default class RulebookScene extends ChapterScene<RulebookView, RulebookEvent, RulebookData> {
  private sel: Selection = { rule: 0, tile: null };
  private why: string | null = null;
  private conflictOpen = true;
  private revealed = 0;
  private revealFor = -1;
  /** The weather week being run day by day: how many days have run so far; null when not running. */
  private week: { reached: number } | null = null;
  private background!: Phaser.GameObjects.Image;
  private title!: Phaser.GameObjects.Text;
  private part!: Phaser.GameObjects.Text;
  private count!: Phaser.GameObjects.Text;
  private paletteLabel!: Phaser.GameObjects.Text;
  /** Where the tools tray ends (0 without one): notes in the same row keep clear of it. */
  private toolsRight = 0;
  private strip!: Phaser.GameObjects.Container;
  private judge!: Phaser.GameObjects.Image;
  private lastStrip = '';
  private arrows!: Phaser.GameObjects.Graphics;
  private ribbonStars: Phaser.GameObjects.Image[] = [];

  constructor() {
    super(chapterSceneKey(2));
  }

  protected resetPresentation(): void {
    this.sel = { rule: 0, tile: null };
    this.why = null;
    this.conflictOpen = true;
    this.revealed = 0;
    this.revealFor = -1;
    this.week = null;
    this.lastStrip = '';
  }

  protected override presentation(): Record<string, unknown> {
    return { selection: this.sel, why: this.why, revealed: this.revealed, week: this.week };
  }

  protected buildStage(): void {
    this.background = this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    const bar = this.add.graphics();
    bar
      .fillStyle(COLORS.cream, 0.94)
      .fillRoundedRect(16, 8, 1092, 50, 16)
      .lineStyle(4, COLORS.ink)
      .strokeRoundedRect(16, 8, 1092, 50, 16);
    this.title = this.label(30, 10, 26);
    this.part = this.label(0, 16, 20, CSS.blue);
    this.count = this.label(1094, 16, 20, CSS.inkSoft).setOrigin(1, 0);
    this.paletteLabel = this.label(20, EDITOR.paletteY + 14, 20, CSS.ink).setStroke(CSS.cream, 6);
    this.strip = this.add.container(0, 0);
    this.arrows = this.add.graphics();
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

  protected renderView(view: RulebookView): void {
    const step = view.step;
    this.clampSelection(view);
    this.title.setText(this.t('ch2.title'));
    this.part.setText(PART_KEY[step] ? this.tr(PART_KEY[step]) : '').setX(this.title.x + this.title.width + 16);
    this.count.setText(view.editor ? this.tr('ch2.rulesCount', { n: view.editor.ruleCount }) : '');
    this.background.setTexture(step === 'verdict' ? 'bg-stage' : 'bg-yard');
    this.judge.setVisible(step === 'verdict' || step === 'challenge');
    this.renderEditor(view);
    this.renderStrip(view);
    this.renderPanels(view);
    this.renderActions(view);
    renderHistoryCard(
      this.services.ui,
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
        if (this.week || !this.accepts(e)) return;
        this.send(e);
        this.services.audio.play('click');
        if (e.type === 'rule.add') this.sel = { rule: (this.view.editor?.rules.length ?? 1) - 1, tile: null };
        if (e.type === 'tile.remove' || e.type === 'rule.remove') {
          this.sel = { rule: e.type === 'rule.remove' ? Math.max(0, e.rule - 1) : e.rule, tile: null };
          this.services.ui.focus('ch2-rules', `rule-${this.sel.rule}`);
        }
        this.why = null;
        this.refresh();
        this.services.announce(`${say} ${this.scoreLine()}`);
      },
      select: (sel, say) => {
        if (this.week) return;
        this.sel = sel;
        this.refresh();
        if (sel.tile !== null) this.services.ui.focus('ch2-tools', 'not');
        this.services.announce(say);
      },
    };
  }

  private scoreLine(): string {
    const strip = this.view.strip;
    return strip?.checked ? this.tr('ch2.live.score', { correct: strip.correct, size: strip.checked }) : '';
  }

  private renderEditor(view: RulebookView): void {
    const ui = this.services.ui;
    const ed = view.editor;
    const hidden = !ed || (view.step === 'conflict' && this.conflictOpen) || view.step === 'verdict';
    this.paletteLabel.setText(ed && !hidden && ed.editable && !this.week ? this.tr('ch2.palette') : '');
    this.toolsRight = 0;
    this.arrows.clear();
    for (let r = 0; r < this.level.level.limits.maxRules; r++) {
      ui.removeElement(`ch2-then-${r}`);
      ui.removeElement(`ch2-empty-${r}`);
    }
    if (!ed || hidden) {
      for (const g of ['ch2-palette', 'ch2-rules', 'ch2-tools']) ui.clearGroup(g);
      ui.removeElement('ch2-tray');
      return;
    }
    const on = this.handlers();
    // While the week runs, the rulebook stays as it is: palette and tools go, its rules still show.
    const running = this.week !== null;
    ui.sync('ch2-palette', ed.editable && !running ? paletteSpecs(ed, this.sel, this.tr, on) : []);
    ui.sync('ch2-rules', ruleSpecs(ed, this.sel, this.tr, on));
    ed.rules.forEach((rule, r) => {
      rule.tiles.forEach((t, k) => {
        const q = (id: string) => ui.root.querySelector<HTMLElement>(`button[data-group="ch2-rules"][data-id="${id}"]`);
        q(`placed-${r}-${k}`)?.setAttribute('data-not', String(t.not));
        if (k > 0) q(`chip-${r}-${k}`)?.setAttribute('data-join', t.join);
      });
      const endX = rule.tiles.length ? tileX(rule.tiles.length - 1) + EDITOR.tileW + 10 : EDITOR.tileX;
      if (!rule.tiles.length)
        renderNote(ui, `ch2-empty-${r}`, { x: EDITOR.tileX, y: rowY(r) + 6, w: 330, h: 48 }, this.tr('ch2.emptyRule'));
      const thenX = Math.max(rule.tiles.length ? endX : EDITOR.tileX + 340, 1098);
      this.arrows.lineStyle(4, COLORS.ink, 0.7);
      for (let x = rule.tiles.length ? endX : EDITOR.tileX + 340; x < 1086; x += 18)
        this.arrows.lineBetween(x, rowY(r) + 30, Math.min(x + 10, 1086), rowY(r) + 30);
      this.arrows.fillStyle(COLORS.ink, 0.7).fillTriangle(1084, rowY(r) + 22, 1096, rowY(r) + 30, 1084, rowY(r) + 38);
      renderNote(
        ui,
        `ch2-then-${r}`,
        { x: Math.min(thenX, 1098), y: rowY(r) + 4, w: 166, h: 52 },
        `${this.tr('ch2.then')} ${this.tr(ed.conclusion.labelKey)}`,
        iconOf(ed.conclusion.art),
      );
      ui.root.querySelector(`[data-owned="ch2-then-${r}"]`)?.classList.add('then');
    });
    const tools = running ? [] : toolSpecs(ed, this.sel, this.tr, on);
    // The tray goes in first, so the tools synced after it stack on top of it.
    const tray = renderTray(
      ui,
      'ch2-tray',
      tools,
      this.sel.tile !== null ? this.tr('ch2.tools') : this.tr('ch2.toolsRule', { n: this.sel.rule + 1 }),
    );
    this.toolsRight = tray ? tray.x + tray.w : 0;
    ui.sync('ch2-tools', tools);
  }

  /**
   * The card strip in words for screen readers (the cards are drawn on the canvas): what has been
   * shown, how many the rulebook got right, and a table card by card. While the week runs only
   * the days already run count; at the verdict only the cards revealed so far.
   */
  protected override chartTexts(view: RulebookView): readonly ChartText[] {
    const verdict = view.step === 'verdict' && view.challenge;
    const cards: StripCard[] = verdict
      ? basketCards(this.level, view).slice(0, this.revealed)
      : (view.strip?.cards ?? []);
    if (!cards.length) return [];
    const run = this.week && view.step === 'weather' ? this.week.reached : null;
    const shown = run === null ? cards : cards.slice(0, run);
    const say = this.sayOf(verdict ? { ...view, strip: { kind: 'fruits', cards, correct: 0, checked: 0 } } : view);
    const right = shown.filter((c) => c.correct === true).length;
    const wrong = shown.filter((c) => c.correct === false).length;
    const kind = verdict ? 'fruits' : (view.strip?.kind ?? 'fruits');
    const mark = (c: StripCard, i: number) =>
      run !== null && i >= run
        ? this.tr('ch2.chart.waiting')
        : this.tr(
            c.correct === true ? 'ch2.chart.right' : c.correct === false ? 'ch2.chart.wrong' : 'ch2.chart.unknown',
          );
    return [
      {
        id: 'strip',
        x: STRIP.x,
        y: STRIP.y,
        w: STRIP.right - STRIP.x,
        h: STRIP.h,
        label: this.tr('ch2.chart.strip', {
          what: this.tr(kind === 'days' ? 'ch2.chart.days' : 'ch2.chart.fruits'),
          shown: shown.length,
          total: cards.length,
          right,
          wrong,
        }),
        table: [
          [this.tr('ch2.chart.col.card'), this.tr('ch2.chart.col.rule'), this.tr('ch2.chart.col.mark')],
          ...cards.map((c, i) => [this.tr(c.labelKey), say(c.predicted), mark(c, i)]),
        ],
      },
    ];
  }

  private sayOf(view: RulebookView): (yes: boolean) => string {
    const weather = view.strip?.kind === 'days';
    return (yes) =>
      this.tr(weather ? (yes ? 'ch2.say.rain' : 'ch2.say.dry') : yes ? 'ch2.say.apple' : 'ch2.say.notApple');
  }

  private renderStrip(view: RulebookView): void {
    let cards: StripCard[] = view.strip?.cards ?? [];
    let boxes: CardBox[];
    const verdict = view.step === 'verdict' && view.challenge;
    if (verdict) {
      cards = basketCards(this.level, view).slice(0, this.revealed);
      boxes = layoutCards(view.challenge!.size, STRIP.right - STRIP.x);
    } else if (view.step === 'season') {
      boxes = layoutCards(cards.length, 600);
    } else {
      boxes = layoutCards(cards.length, STRIP.right - STRIP.x);
    }
    const compact = cards.length > 12;
    const say = this.sayOf(verdict ? { ...view, strip: { kind: 'fruits', cards, correct: 0, checked: 0 } } : view);
    const run = this.week && view.step === 'weather' ? this.week : undefined;
    const key = JSON.stringify([
      view.step,
      this.services.app.getSnapshot().context.save.settings.locale,
      cards.map((c) => [c.id, c.predicted, c.correct]),
      run?.reached ?? null,
    ]);
    if (key !== this.lastStrip) {
      this.lastStrip = key;
      const lit = drawStrip(this, this.strip, cards, boxes, this.tr, {
        kind: view.strip?.kind ?? 'fruits',
        say,
        compact,
        ...(run ? { run } : {}),
      });
      // The day that has just run turns over and lifts (still, with reduced motion).
      if (lit && !this.reducedMotion) {
        lit.setScale(0.05, 1);
        this.tweens.add({ targets: lit, scaleX: 1, y: lit.y - 6, duration: 220, ease: 'Back.easeOut' });
      }
    }
    const specs: ButtonSpec[] =
      verdict || run
        ? []
        : cards.map((c, i) => ({
            id: c.id,
            x: boxes[i].x + (compact ? 3 : 8),
            y: STRIP.y + STRIP.h - 36,
            w: boxes[i].w - (compact ? 6 : 16),
            h: 30,
            label: compact ? '?' : this.tr('ch2.btn.why'),
            pressed: this.why === c.id,
            ariaLabel: this.tr('ch2.aria.why', { card: cardWords(this.tr, c, say) }),
            onPress: () => {
              this.why = this.why === c.id ? null : c.id;
              this.refresh();
              if (this.why) this.services.announce(this.whyText(view, c, say).join(' '));
            },
          }));
    this.services.ui.sync('ch2-why', specs);
    const open = cards.find((c) => c.id === this.why);
    if (open) {
      const lines = this.whyText(view, open, say);
      const close = () => {
        const id = this.why;
        this.why = null;
        this.refresh();
        if (id) this.services.ui.focus('ch2-why', id);
      };
      // Opened just now: focus goes into the panel (its Close button); Escape or Close gives it
      // back to the card's "why?" button.
      const fresh = renderWhy(
        this.services.ui,
        { x: 130, y: 66, w: 900, maxH: STRIP.y - 74 },
        lines[0],
        lines.slice(1),
        { label: this.tr('ch2.btn.close'), onClose: close },
      );
      if (fresh) this.services.ui.focusElement('ch2-why', 'button');
    } else {
      this.services.ui.removeElement('ch2-why');
    }
  }

  private whyText(view: RulebookView, c: StripCard, say: (yes: boolean) => string): string[] {
    const part = view.strip?.kind === 'days' ? 'weather' : 'apple';
    const defs = tilesOf(this.level, part);
    const label = (fact: string) => defs.find((d) => d.fact === fact)?.labelKey ?? fact;
    const title = this.tr('ch2.why.title', { what: say(c.predicted), name: c.labelKey });
    return [title, ...whyLines(this.tr, c.prediction, label, say(c.predicted))];
  }

  private renderPanels(view: RulebookView): void {
    renderRulebookPanels(
      {
        ui: this.services.ui,
        tr: this.tr,
        data: this.level,
        conflictOpen: this.conflictOpen,
        revealed: this.revealed,
        toolsRight: this.toolsRight,
      },
      view,
      (seller, nameKey) => {
        this.services.audio.play('click');
        this.send({ type: 'conflict.pick', seller });
        this.conflictOpen = false;
        this.refresh();
        this.services.ui.focus('ch2-rules', 'rule-0');
        this.services.announce(this.tr('ch2.notice.picked', { seller: nameKey }));
      },
    );
  }

  private renderActions(view: RulebookView): void {
    const specs: ButtonSpec[] = [];
    const action = (
      id: string,
      label: string,
      onPress: () => void,
      variant: ButtonSpec['variant'] = 'primary',
    ): ButtonSpec => ({ id, ...ACTION, label, variant, onPress });
    if (view.step === 'weather' && this.week) {
      const size = view.strip?.cards.length ?? 0;
      specs.push({
        ...action(
          'check',
          this.tr('ch2.btn.weekRunning', { n: Math.max(1, Math.min(this.week.reached, size)), size }),
          () => {},
        ),
        disabled: true,
      });
    } else if (view.canCheck && !(view.step === 'conflict' && this.conflictOpen)) {
      specs.push(
        action('check', this.tr(view.step === 'weather' ? 'ch2.btn.checkWeek' : 'ch2.btn.checkStall'), () =>
          view.step === 'weather' ? this.runWeek() : this.check(),
        ),
      );
    }
    if (view.step === 'conflict' && !this.conflictOpen) {
      specs.push({
        id: 'side',
        x: ACTION.x,
        y: 280,
        w: ACTION.w,
        h: 52,
        label: this.tr('ch2.btn.changeSide'),
        variant: 'quiet',
        onPress: () => {
          this.conflictOpen = true;
          this.refresh();
        },
      });
    }
    if (view.step === 'season')
      specs.push(action('next', this.tr('ch2.btn.seasonNext'), () => this.send({ type: 'season.next' })));
    if (view.step === 'challenge') specs.push(action('judge', this.tr('ch2.btn.judge'), () => this.judgeBasket()));
    if (view.step === 'verdict') this.reveal(view);
    const finish = view.finish;
    if (finish && (view.history || (view.challenge && this.revealed >= view.challenge.size))) {
      specs.push({
        ...action('finish', this.tr('ch2.btn.finish'), () => this.send(finish)),
        y: view.history ? 510 : 330,
      });
    }
    specs.push(this.mapButton());
    this.services.ui.sync('ch2-actions', specs);
  }

  private mapButton(): ButtonSpec {
    return {
      id: 'map',
      x: 1124,
      y: 8,
      w: 140,
      h: 50,
      label: this.t('ch2.btn.map'),
      variant: 'quiet',
      onPress: () => this.quitToMap(),
    };
  }

  /**
   * "Run the week": the rulebook meets the days one at a time, each day's card turning over and
   * lighting up in turn, then the week is checked. Days advance on the scene's game clock, one
   * per timer: a slow frame rate slows the run down but never skips a day. With reduced motion
   * the finished week shows at once.
   */
  private runWeek(): void {
    if (this.week) return;
    const size = this.view.strip?.cards.length ?? 0;
    this.why = null;
    this.sel = { rule: this.sel.rule, tile: null };
    this.services.audio.play('click');
    if (this.reducedMotion || size === 0) {
      this.check();
      return;
    }
    this.week = { reached: 0 };
    this.refresh();
    this.nextDay();
  }

  private nextDay(): void {
    this.time.delayedCall(DAY_MS, () => {
      const cards = this.view.strip?.cards;
      if (!this.week || this.view.step !== 'weather' || !cards) {
        this.week = null;
        return;
      }
      const reached = this.week.reached + 1;
      this.week = { reached };
      this.services.audio.play(cards[reached - 1]?.correct ? 'treat' : 'scold');
      this.refresh();
      if (reached < cards.length) this.nextDay();
      else
        this.time.delayedCall(DAY_MS, () => {
          if (!this.week) return;
          this.week = null;
          this.check();
          if (this.view.step === 'weather') this.services.ui.focus('ch2-actions', 'check');
        });
    });
  }

  /** Checks the rulebook: success moves on (with a fanfare), anything else stays with a hint. */
  private check(): void {
    const before = this.view.step;
    this.send({ type: 'rules.check' });
    const view = this.view;
    const moved = view.step !== before;
    this.services.audio.play(moved ? 'success' : 'failure');
    this.why = null;
    this.sel = { rule: 0, tile: null };
    this.refresh();
    this.services.announce(this.tr(view.line.key, view.line.params));
    if (moved) this.services.ui.focus('ch2-rules', 'rule-0');
    if (moved && view.step === 'conflict') this.services.ui.focus('ch2-pick', 'wang');
    if (moved && view.step === 'season') this.services.ui.focus('ch2-actions', 'next');
  }

  private judgeBasket(): void {
    this.services.audio.play('click');
    this.why = null;
    this.send({ type: 'challenge.run' });
  }

  /** The verdict: the basket's fruits come out one by one, each with ✓ or ✗, then the score. */
  private reveal(view: RulebookView): void {
    const attempt = view.challengeRuns;
    if (this.revealFor === attempt || !view.challenge) return;
    this.revealFor = attempt;
    this.revealed = 0;
    const c = view.challenge;
    const stepMs = this.reducedMotion ? 150 : 550;
    c.fruits.forEach((f, i) => {
      this.time.delayedCall(stepMs * (i + 1), () => {
        this.revealed = i + 1;
        this.services.audio.play(f.correct ? 'treat' : 'scold');
        if (i === c.fruits.length - 1) {
          this.services.audio.play(c.passed ? 'success' : 'failure');
          this.refresh();
          const verdict = this.view.verdictLine;
          if (verdict) this.services.announce(this.tr(verdict.key, verdict.params));
          this.services.ui.focus('ch2-actions', 'finish');
        } else this.refresh();
      });
    });
  }
}
