// The card strip under the rulebook: the week's days or the stall's fruits with ✓ / ✗, each with
// its "why?" button and the trace it opens, or at the verdict the basket's fruits as they come
// out. Also the strip in words for screen readers (the cards are drawn on the canvas).
import type Phaser from 'phaser';
import type { RulebookView, StripCard } from '../../../levels/ch2/rulebookView';
import type { ButtonSpec, HtmlLayer } from '../../ui/htmlLayer';
import type { ChartText } from '../chartText';
import { renderWhy } from './rulebookPanels';
import { cardWords } from './rulebookScreen';
import { drawStrip, layoutCards, STRIP, type CardBox } from './rulebookStrip';
import { WHY_BOX } from './stripLayout';
import { whyLines, type Tr } from './ruleText';

/** What the scene holds that changes what the strip shows. */
export interface StripState {
  tr: Tr;
  locale: string;
  reducedMotion: boolean;
  /** The card whose "why?" is open. */
  why: string | null;
  /** How many of the verdict's basket fruits are out. */
  revealed: number;
  /** The weather week being run day by day, if it is. */
  week: { reached: number } | null;
}

export interface StripHandlers {
  /** A card's "why?" was pressed (it opens, or closes when open). */
  toggleWhy(card: StripCard, lines: string[]): void;
  /** The open "why?" panel's Close button or Escape. */
  closeWhy(): void;
}

/** The cards the strip shows now: at the verdict, the basket's fruits revealed so far. */
function shownCards(view: RulebookView, revealed: number): { cards: StripCard[]; verdict: boolean } {
  const verdict = view.step === 'verdict' && view.challenge !== null;
  return { cards: verdict ? view.basket.slice(0, revealed) : (view.strip?.cards ?? []), verdict };
}

/** Words for what was predicted: "rain" / "no rain" on the week, "apple" / "not apple" on fruit. */
function sayOf(tr: Tr, weather: boolean): (yes: boolean) => string {
  return (yes) => tr(weather ? (yes ? 'ch2.say.rain' : 'ch2.say.dry') : yes ? 'ch2.say.apple' : 'ch2.say.notApple');
}

/** The "why?" trace of a card: its title, then one line per rule and tile. */
function whyText(tr: Tr, view: RulebookView, c: StripCard, say: (yes: boolean) => string): string[] {
  const label = (fact: string) => view.factLabels[fact] ?? fact;
  const title = tr('ch2.why.title', { what: say(c.predicted), name: c.labelKey });
  return [title, ...whyLines(tr, c.prediction, label, say(c.predicted))];
}

export class StripPainter {
  /** What the strip last drew: it is drawn again only when that changes. */
  private lastStrip = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly ui: HtmlLayer,
    private readonly layer: Phaser.GameObjects.Container,
  ) {}

  paint(view: RulebookView, s: StripState, on: StripHandlers): void {
    const { cards, verdict } = shownCards(view, s.revealed);
    let boxes: CardBox[];
    if (verdict) boxes = layoutCards(view.challenge!.size, STRIP.right - STRIP.x);
    else if (view.step === 'season') boxes = layoutCards(cards.length, 600);
    else boxes = layoutCards(cards.length, STRIP.right - STRIP.x);
    const compact = cards.length > 12;
    const say = sayOf(s.tr, !verdict && view.strip?.kind === 'days');
    const run = s.week && view.step === 'weather' ? s.week : undefined;
    const key = JSON.stringify([
      view.step,
      s.locale,
      cards.map((c) => [c.id, c.predicted, c.correct]),
      run?.reached ?? null,
    ]);
    if (key !== this.lastStrip) {
      this.lastStrip = key;
      const lit = drawStrip(this.scene, this.layer, cards, boxes, s.tr, {
        kind: view.strip?.kind ?? 'fruits',
        say,
        compact,
        ...(run ? { run } : {}),
      });
      // The day that has just run turns over and lifts (still, with reduced motion).
      if (lit && !s.reducedMotion) {
        lit.setScale(0.05, 1);
        this.scene.tweens.add({ targets: lit, scaleX: 1, y: lit.y - 6, duration: 220, ease: 'Back.easeOut' });
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
            label: compact ? '?' : s.tr('ch2.btn.why'),
            pressed: s.why === c.id,
            ariaLabel: s.tr('ch2.aria.why', { card: cardWords(s.tr, c, say) }),
            onPress: () => on.toggleWhy(c, whyText(s.tr, view, c, say)),
          }));
    this.ui.sync('ch2-why', specs);
    const open = cards.find((c) => c.id === s.why);
    if (!open) {
      this.ui.removeElement('ch2-why');
      return;
    }
    const lines = whyText(s.tr, view, open, say);
    // Opened just now: focus goes into the panel (its Close button); Escape or Close gives it
    // back to the card's "why?" button.
    const fresh = renderWhy(this.ui, WHY_BOX, lines[0], lines.slice(1), {
      label: s.tr('ch2.btn.close'),
      onClose: () => on.closeWhy(),
    });
    if (fresh) this.ui.focusElement('ch2-why', 'button');
  }

  /**
   * The strip in words: what has been shown, how many the rulebook got right, and a table card by
   * card. While the week runs only the days already run count; at the verdict only the cards
   * revealed so far.
   */
  chartText(view: RulebookView, s: StripState): ChartText[] {
    const { cards, verdict } = shownCards(view, s.revealed);
    if (!cards.length) return [];
    const tr = s.tr;
    const run = s.week && view.step === 'weather' ? s.week.reached : null;
    const shown = run === null ? cards : cards.slice(0, run);
    const say = sayOf(tr, !verdict && view.strip?.kind === 'days');
    const right = shown.filter((c) => c.correct === true).length;
    const wrong = shown.filter((c) => c.correct === false).length;
    const kind = verdict ? 'fruits' : (view.strip?.kind ?? 'fruits');
    const mark = (c: StripCard, i: number) =>
      run !== null && i >= run
        ? tr('ch2.chart.waiting')
        : tr(c.correct === true ? 'ch2.chart.right' : c.correct === false ? 'ch2.chart.wrong' : 'ch2.chart.unknown');
    return [
      {
        id: 'strip',
        x: STRIP.x,
        y: STRIP.y,
        w: STRIP.right - STRIP.x,
        h: STRIP.h,
        label: tr('ch2.chart.strip', {
          what: tr(kind === 'days' ? 'ch2.chart.days' : 'ch2.chart.fruits'),
          shown: shown.length,
          total: cards.length,
          right,
          wrong,
        }),
        table: [
          [tr('ch2.chart.col.card'), tr('ch2.chart.col.rule'), tr('ch2.chart.col.mark')],
          ...cards.map((c, i) => [tr(c.labelKey), say(c.predicted), mark(c, i)]),
        ],
      },
    ];
  }
}
