// Chapter 3 "The Apple Lamp": wires the painters of src/game/views/ch3 to the apple-lamp
// machine's view-model and forwards the player's input. Every number on screen comes from
// appleLampView(); Bit's tuning plays on the machine's own clock. The scene keeps only what was
// last said and sounded, and when the last tuning step landed (for the test API).
import type { AppleLampLevel } from '../../levels/ch3/appleLampLevel';
import type { AppleLampEvent } from '../../levels/ch3/appleLampMachine';
import type { RuleOffer } from '../../levels/ch3/appleLampRule';
import type { AppleLampView } from '../../levels/ch3/appleLampView';
import { chapterSceneKey } from '../keys';
import type { ChartText } from '../views/chartText';
import { ActionsPainter } from '../views/ch3/actionsPainter';
import { BasketPainter } from '../views/ch3/basketPainter';
import { KnobsPainter } from '../views/ch3/knobsPainter';
import { MeterPainter } from '../views/ch3/meterPainter';
import { StagePainter } from '../views/ch3/stagePainter';
import { renderHistoryCard } from '../views/historyCard';
import type { PainterKit } from '../views/painterKit';
import { ChapterScene } from './ChapterScene';

export default class AppleLampScene extends ChapterScene<AppleLampView, AppleLampEvent, AppleLampLevel> {
  private lastSpoken = '';
  private lastLit: boolean | null = null;
  private lastCue = '';
  /** The tuning steps drawn last, and the page's clock (ms) when a played step was first drawn. */
  private stepsDrawn = -1;
  private stepAtMs = 0;
  private stage!: StagePainter;
  private meter!: MeterPainter;
  private basket!: BasketPainter;
  private knobs!: KnobsPainter;
  private actions!: ActionsPainter;

  constructor() {
    super(chapterSceneKey(3));
  }

  protected resetPresentation(): void {
    this.lastSpoken = '';
    this.lastLit = null;
    this.lastCue = '';
    this.stepsDrawn = -1;
    this.stepAtMs = 0;
  }

  protected override presentation(): Record<string, unknown> {
    const { playing, fast, tickMs } = this.view.playback;
    return { playing, fast, tickMs, stepAtMs: Math.round(this.stepAtMs) };
  }

  protected buildStage(): void {
    const kit: PainterKit<AppleLampEvent> = {
      scene: this,
      ui: this.services.ui,
      t: (key, params) => this.t(key, params),
      dt: (key, params) => this.dt(key, params),
      label: (x, y, size, color) => this.label(x, y, size, color),
      play: (sound) => this.services.audio.play(sound),
      send: (event) => this.send(event),
    };
    this.stage = new StagePainter(kit);
    this.meter = new MeterPainter(kit, this.level.features.length, this.level.meter);
    this.basket = new BasketPainter(kit);
    this.stage.addLabels();
    this.basket.addLabels();
    this.knobs = new KnobsPainter(kit);
    this.actions = new ActionsPainter(kit, () => this.quitToMap());
  }

  private ruleWords(view: AppleLampView, offer: RuleOffer): string {
    if (offer.status !== 'ok') return '';
    const word = (f: string) => this.dt(view.features.find((x) => x.id === f)?.labelKey ?? f);
    const parts = offer.literals.map((l) =>
      l.positive ? word(l.feature) : this.t('ch3.rule.not', { feature: word(l.feature) }),
    );
    return parts.join(this.t(offer.join === 'or' ? 'ch3.rule.or' : 'ch3.rule.and'));
  }

  // Bit's tuning re-renders on every step the machine's clock plays; focus survives it because
  // HtmlLayer.sync puts focus back on a button it moves, and knobs and the dialogue update in place.
  protected renderView(view: AppleLampView): void {
    const steps = view.tune?.steps ?? -1;
    if (steps !== this.stepsDrawn) {
      if (view.playback.playing) this.stepAtMs = performance.now();
      this.stepsDrawn = steps;
    }
    this.stage.render(view);
    this.meter.render(view);
    this.basket.render(view);
    this.knobs.render(view);
    // The card first, so the buttons (appended after it) stay on top and clickable.
    renderHistoryCard(
      this.services.ui,
      view.history
        ? {
            title: this.t('ch3.history.title'),
            items: view.history.map((h) => ({ year: h.year, text: this.dt(h.textKey) })),
          }
        : null,
    );
    this.actions.render(view);
    this.react(view);
    const line =
      view.line.key === 'ch3.rule.ok'
        ? this.t('ch3.rule.ok', { rule: this.ruleWords(view, view.rule) })
        : this.dtKeys(view.line.key, view.line.params);
    this.renderMentor(line, view.line.notice, view.step === 'intro', (e) => this.send(e));
  }

  /** The sum meter (inputs, weights, sum, threshold, lamp) and the basket, in words and tables. */
  protected override chartTexts(view: AppleLampView): readonly ChartText[] {
    if (view.step === 'history') return [];
    return [this.meter.chartText(view), this.basket.chartText(view)];
  }

  /** Sounds and spoken news for what just changed: the lamp, a task check, the challenge. */
  private react(view: AppleLampView): void {
    const lit = view.reading.lit;
    const playing = view.playback.playing;
    if (this.lastLit === false && lit && !playing) this.services.audio.play('lamp');
    this.lastLit = lit;
    const spoken = this.t('ch3.live.reading', {
      fruit: this.dt(view.fruit.nameKey),
      ...MeterPainter.compare(view),
      state: this.t(lit ? 'ch3.lamp.on' : 'ch3.lamp.off'),
    });
    if (spoken !== this.lastSpoken && view.step !== 'intro' && !playing) {
      this.lastSpoken = spoken;
      this.services.announce(spoken);
    }
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      this.services.audio.play(view.cue.sound);
    }
  }
}
