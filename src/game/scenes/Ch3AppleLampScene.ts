// Chapter 3 "The Apple Lamp": draws the apple-lamp machine's snapshots and forwards the player's
// input. Every number on screen comes from the model through appleLampView(); the scene keeps
// only presentation state (whether Bit's tuning is playing, what was last announced).
import type Phaser from 'phaser';
import type { AppleLampLevel } from '../../levels/ch3/appleLampLevel';
import type { AppleLampEvent } from '../../levels/ch3/appleLampMachine';
import type { RuleOffer } from '../../levels/ch3/appleLampRule';
import type { AppleLampView } from '../../levels/ch3/appleLampView';
import { chapterSceneKey, type ArtKey } from '../keys';
import { COLORS, CSS } from '../palette';
import { removeKnob, renderKnob } from '../ui/knob';
import type { ButtonSpec } from '../ui/htmlLayer';
import { NeuronView } from '../views/neuronView';
import { BasketView } from '../views/basketView';
import type { ChartText } from '../views/chartText';
import { renderHistoryCard } from '../views/historyCard';
import { LAYOUT, formatNumber, meterY, rowY } from '../views/neuronLayout';
import { H, W } from './BaseScene';
import { ChapterScene } from './ChapterScene';

// Bit's tuning plays at a calm pace or fast (×4): 42 steps take about 13 s or 3 s.
const TUNE_TICK_MS = { calm: 300, fast: 75 } as const;
const ACTION_Y = [396, 450, 504];

export default class AppleLampScene extends ChapterScene<AppleLampView, AppleLampEvent, AppleLampLevel> {
  private playing = false;
  private fast = false;
  private tuneTimer: Phaser.Time.TimerEvent | null = null;
  /** Game time spent playing the tuning (it slows with the frame rate), and its value at the last step played. */
  private playedMs = 0;
  private stepAtMs = 0;
  private lastSpoken = '';
  private lastLit: boolean | null = null;
  private lastCue = '';
  private neuron!: NeuronView;
  private basket!: BasketView;
  private fruit!: Phaser.GameObjects.Image;
  private texts!: Record<
    'title' | 'goal' | 'name' | 'count' | 'inUse' | 'basketTitle' | 'basketTag' | 'compare1' | 'compare2',
    Phaser.GameObjects.Text
  >;

  constructor() {
    super(chapterSceneKey(3));
  }

  protected resetPresentation(): void {
    this.playing = false;
    this.fast = false;
    this.tuneTimer = null;
    this.playedMs = 0;
    this.stepAtMs = 0;
    this.lastSpoken = '';
    this.lastLit = null;
    this.lastCue = '';
  }

  protected override presentation(): Record<string, unknown> {
    return {
      playing: this.playing,
      fast: this.fast,
      tickMs: TUNE_TICK_MS[this.fast ? 'fast' : 'calm'],
      stepAtMs: Math.round(this.stepAtMs),
    };
  }

  protected override onShutdown(): void {
    this.stopTuning();
  }

  protected buildStage(): void {
    this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    const g = this.add.graphics();
    const panel = (x: number, y: number, w: number, h: number) =>
      g
        .fillStyle(COLORS.cream, 0.93)
        .fillRoundedRect(x, y, w, h, 18)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 18);
    panel(16, 8, 980, 50);
    panel(LAYOUT.conveyor.x - 4, LAYOUT.conveyor.y, LAYOUT.conveyor.w + 8, LAYOUT.conveyor.h);
    panel(248, LAYOUT.conveyor.y, 770, LAYOUT.conveyor.h);
    panel(LAYOUT.basket.x, LAYOUT.basket.y, LAYOUT.basket.w, LAYOUT.basket.h);
    // The belt under the fruit: a band with rollers.
    const { fruitX, fruitY } = LAYOUT.conveyor;
    g.fillStyle(COLORS.inkSoft, 1).fillRoundedRect(fruitX - 100, fruitY + 70, 200, 22, 11);
    g.fillStyle(COLORS.stone, 1);
    for (let k = 0; k < 6; k++) g.fillCircle(fruitX - 80 + k * 32, fruitY + 81, 7);
    this.fruit = this.add
      .image(fruitX, fruitY, 'fruit-apple')
      .setDisplaySize(LAYOUT.conveyor.fruitSize, LAYOUT.conveyor.fruitSize);
    this.neuron = new NeuronView(this, this.level.features.length, this.level.meter);
    this.basket = new BasketView(this);
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.label(x, y, size, color);
    this.texts = {
      title: L(30, 12, 26),
      goal: L(982, 16, 21, CSS.blue).setOrigin(1, 0),
      name: L(fruitX, fruitY + 116, 24).setOrigin(0.5),
      count: L(fruitX, fruitY + 142, 17, CSS.inkSoft).setOrigin(0.5),
      inUse: L(fruitX, 370, 18, CSS.inkSoft).setOrigin(0.5),
      basketTitle: L(LAYOUT.basket.x + 12, LAYOUT.basket.y + 6, 20, CSS.inkSoft),
      basketTag: L(LAYOUT.basket.x + LAYOUT.basket.w - 10, LAYOUT.basket.y + 9, 15, CSS.inkSoft).setOrigin(1, 0),
      compare1: L(LAYOUT.basket.x + 12, 440, 17),
      compare2: L(LAYOUT.basket.x + 12, 470, 17),
    };
  }

  private ruleWords(offer: RuleOffer): string {
    if (offer.status !== 'ok') return '';
    const word = (f: string) => this.dt(this.level.featureLabels[this.level.features.indexOf(f)]);
    const parts = offer.literals.map((l) =>
      l.positive ? word(l.feature) : this.t('ch3.rule.not', { feature: word(l.feature) }),
    );
    return parts.join(this.t(offer.join === 'or' ? 'ch3.rule.or' : 'ch3.rule.and'));
  }

  // Bit's tuning re-renders on a timer; focus survives it because HtmlLayer.sync puts focus back
  // on a button it moves, and knobs and the dialogue are updated in place.
  protected renderView(view: AppleLampView): void {
    const step = view.step;
    if (this.playing && view.tune?.finished) this.stopTuning();

    const reading = view.reading;
    const fruitName = this.dt(view.fruit.nameKey);
    this.texts.title.setText(this.t('ch3.title'));
    this.texts.goal.setText(this.goalText(view));
    this.fruit.setTexture(view.fruit.art as ArtKey);
    this.texts.name.setText(fruitName);
    // The hidden basket's fruits are not the training basket's: no "n / 12" there.
    const hidden = step === 'challenge' || step === 'challengeResult';
    this.texts.count.setText(hidden ? '' : this.t('ch3.fruitOf', { n: view.fruit.index + 1, count: view.fruit.count }));
    this.texts.inUse.setText(this.t('ch3.knobsInUse', { n: view.knobsInUse }));
    const compare = { sum: formatNumber(reading.sum), threshold: formatNumber(reading.threshold) };
    this.neuron.render({
      rows: view.features.map((f, i) => ({
        word: this.dt(f.labelKey),
        input: reading.inputs[i],
        weight: view.knobs[i].value,
        contribution: reading.contributions[i],
      })),
      sum: reading.sum,
      threshold: reading.threshold,
      lit: reading.lit,
      meter: view.meter,
      labels: {
        inputs: this.t('ch3.inputs'),
        knobs: this.t('ch3.knobs'),
        sum: this.t('ch3.sum'),
        threshold: this.t('ch3.knob.threshold'),
        lamp: this.t(reading.lit ? 'ch3.lamp.on' : 'ch3.lamp.off'),
        compare: this.t(reading.lit ? 'ch3.meter.above' : 'ch3.meter.below', compare),
      },
    });
    this.renderBasket(view);
    this.renderKnobs(view);
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
    this.renderActions(view);
    this.react(view, fruitName, compare);
    const line =
      view.line.key === 'ch3.rule.ok'
        ? this.t('ch3.rule.ok', { rule: this.ruleWords(view.rule) })
        : this.dtKeys(view.line.key, view.line.params);
    this.renderMentor(line, view.line.notice, step === 'intro', (e) => this.send(e));
  }

  /** The sum meter (inputs, weights, sum, threshold, lamp) and the basket, in words and tables. */
  protected override chartTexts(view: AppleLampView): readonly ChartText[] {
    if (view.step === 'history') return [];
    const r = view.reading;
    const yesNo = (b: boolean) => this.t(b ? 'ch3.chart.yes' : 'ch3.chart.no');
    const words = view.features.map((f) => this.dt(f.labelKey));
    const parts = r.contributions
      .map((c, i) => (c === 0 ? '' : this.t('ch3.chart.part', { feature: words[i], value: formatNumber(c) })))
      .filter(Boolean);
    const meter: ChartText = {
      id: 'meter',
      x: LAYOUT.lamp.x - LAYOUT.lamp.size / 2,
      y: LAYOUT.meter.y0,
      w: LAYOUT.meter.x + LAYOUT.meter.w - (LAYOUT.lamp.x - LAYOUT.lamp.size / 2),
      h: LAYOUT.meter.y1 - LAYOUT.meter.y0,
      label: this.t('ch3.chart.meter', {
        fruit: this.dt(view.fruit.nameKey),
        parts: parts.length ? parts.join(' + ') : this.t('ch3.chart.noInput'),
        sum: formatNumber(r.sum),
        threshold: formatNumber(r.threshold),
        verdict: this.t(r.lit ? 'ch3.chart.above' : 'ch3.chart.below'),
      }),
      table: [
        [
          this.t('ch3.chart.col.feature'),
          this.t('ch3.chart.col.input'),
          this.t('ch3.chart.col.weight'),
          this.t('ch3.chart.col.part'),
        ],
        ...words.map((w, i) => [
          w,
          yesNo(r.inputs[i] > 0),
          formatNumber(view.knobs[i].value),
          formatNumber(r.contributions[i]),
        ]),
      ],
    };
    const basketBox = { x: LAYOUT.basket.x, y: LAYOUT.basket.y + 36, w: LAYOUT.basket.w, h: LAYOUT.basket.h - 36 };
    const head = [
      this.t('ch3.chart.col.fruit'),
      this.t('ch3.chart.col.lamp'),
      this.t('ch3.chart.col.goal'),
      this.t('ch3.chart.col.right'),
    ];
    const lamp = (lit: boolean) => this.t(lit ? 'ch3.lamp.on' : 'ch3.lamp.off');
    const run = view.run;
    if (run) {
      const rows = run.rounds.map((round) => {
        const name = this.dt(this.level.fruits[round.fruit].nameKey);
        return [name, lamp(round.lit), yesNo(round.apple), yesNo(round.correct)];
      });
      return [
        meter,
        {
          id: 'basket',
          ...basketBox,
          label: this.t('ch3.chart.run', { right: run.correct, size: run.size }),
          table: [head, ...rows],
        },
      ];
    }
    const size = view.basket.length;
    const lit = view.basket.filter((m) => m.lit).length;
    const judged = view.basket.every((m) => m.wanted !== null);
    const right = view.basket.filter((m) => m.wanted === m.lit).length;
    const rows = view.basket.map((m) => [
      this.dt(m.nameKey),
      lamp(m.lit),
      m.wanted === null ? '—' : yesNo(m.wanted),
      m.wanted === null ? '—' : yesNo(m.wanted === m.lit),
    ]);
    return [
      meter,
      {
        id: 'basket',
        ...basketBox,
        label: judged
          ? this.t('ch3.chart.basketGoal', { size, lit, right })
          : this.t('ch3.chart.basket', { size, lit }),
        table: [head, ...rows],
      },
    ];
  }

  private goalText(view: AppleLampView): string {
    if (view.task)
      return `${this.t('ch3.fruitOf', { n: view.task.index + 1, count: view.task.count })} · ${this.dt(`ch3.goal.${view.task.id}`)}`;
    if (view.step === 'tune' && view.tune)
      return this.t('ch3.tune.progress', { steps: view.tune.steps, mistakes: view.tune.mistakes });
    if (view.step === 'challenge' || view.step === 'challengeResult') return this.t('ch3.challenge.hidden');
    return '';
  }

  private renderBasket(view: AppleLampView): void {
    const run = view.run;
    const items = run
      ? run.rounds.map((r) => ({ art: this.level.fruits[r.fruit].art, lit: r.lit, wanted: r.apple }))
      : view.basket.map((m, i) => ({ art: m.art, lit: m.lit, wanted: m.wanted, current: i === view.fruit.index }));
    this.basket.render(view.step === 'history' ? [] : items);
    this.texts.basketTitle.setText(run ? this.t('ch3.challenge.hidden') : this.t('ch3.basket'));
    this.texts.basketTag.setText(!run && items.some((i) => i.wanted !== null) ? this.t('ch3.goalTag') : '');
    const size = this.level.basket.length;
    const line = (who: 'mine' | 'bit') => {
      const s = view[who];
      return s
        ? `${this.t(who === 'mine' ? 'ch3.compare.mine' : 'ch3.compare.bit')}: ${this.t('ch3.compare.right', { right: s.right, size })} · ${this.t('ch3.compare.knobs', { n: s.knobs })}`
        : '';
    };
    const comparing = view.step === 'tune' || view.step === 'challenge';
    this.texts.compare1.setText(
      run
        ? this.t('ch3.challenge.score', { correct: run.correct, size: run.size, knobs: run.knobs })
        : comparing
          ? line('mine')
          : '',
    );
    this.texts.compare2.setText(run ? '' : comparing ? line('bit') : '');
    const note = run && view.lookalikes.length ? view.lookalikes[0] : null;
    const el = note ? this.services.ui.element('ch3-lookalike', 'div', 'bbd-label') : null;
    if (el && note) {
      Object.assign(el.style, {
        left: `${LAYOUT.basket.x + 12}px`,
        top: '468px',
        width: `${LAYOUT.basket.w - 24}px`,
        fontSize: '15px',
        lineHeight: '1.3',
        fontWeight: '600',
      });
      el.textContent = this.t('ch3.challenge.lookalike', {
        a: this.dt(this.level.fruits[note[0]].nameKey),
        b: this.dt(this.level.fruits[note[1]].nameKey),
      });
    } else this.services.ui.removeElement('ch3-lookalike');
  }

  private renderKnobs(view: AppleLampView): void {
    const ui = this.services.ui;
    if (view.step === 'history') {
      for (const k of view.knobs) removeKnob(ui, k.id);
      return;
    }
    // A second setting shown as a ghost mark: the offered rule, or your own beside Bit's.
    const ghostSetting =
      view.step === 'rule' && view.rule.status === 'ok'
        ? view.rule.perceptron
        : view.step === 'tune' || view.step === 'challenge'
          ? view.mine?.setting
          : undefined;
    const ghostLabel = this.t('ch3.compare.mine');
    view.knobs.forEach((k, i) => {
      const threshold = i === view.features.length;
      const ghostValue = ghostSetting ? (threshold ? ghostSetting.threshold : ghostSetting.weights[i]) : undefined;
      const name = this.dt(k.labelKey);
      renderKnob(ui, {
        id: k.id,
        x: threshold ? LAYOUT.thresholdKnobX : LAYOUT.knobs.x,
        y: threshold ? meterY(k.min, view.meter) : rowY(i),
        w: threshold ? meterY(k.min, view.meter) - meterY(k.max, view.meter) : LAYOUT.knobs.w,
        vertical: threshold,
        min: k.min,
        max: k.max,
        step: k.step,
        fineStep: k.fineStep,
        value: k.value,
        label: this.t('ch3.knob.aria', { name }),
        valueText: formatNumber(k.value),
        disabled: !view.editable,
        ghost:
          ghostValue === undefined
            ? undefined
            : { value: ghostValue, text: `${ghostLabel} ${formatNumber(ghostValue)}` },
        onSet: (value) => {
          if (value !== k.value) this.send({ type: 'knob.set', id: k.id, value });
        },
        onNudge: (by) => this.send({ type: 'knob.nudge', id: k.id, by }),
      });
    });
  }

  private button(
    id: string,
    label: string,
    slot: number,
    onPress: () => void,
    extra: Partial<ButtonSpec> = {},
  ): ButtonSpec {
    return {
      id,
      x: 24,
      y: ACTION_Y[slot],
      w: 208,
      h: 48,
      label,
      onPress: () => {
        this.services.audio.play('click');
        onPress();
      },
      ...extra,
    };
  }

  private renderActions(view: AppleLampView): void {
    const ui = this.services.ui;
    const step = view.step;
    // No conveyor buttons under the history card: later-appended buttons would sit on top of it.
    ui.sync(
      'conveyor',
      step === 'history'
        ? []
        : [
            {
              id: 'prev',
              x: 24,
              y: 306,
              w: 100,
              h: 44,
              label: '◀',
              ariaLabel: this.t('ch3.btn.prev'),
              disabled: !view.editable,
              onPress: () => this.send({ type: 'conveyor.prev' }),
            },
            {
              id: 'next',
              x: 132,
              y: 306,
              w: 100,
              h: 44,
              label: '▶',
              ariaLabel: this.t('ch3.btn.next'),
              disabled: !view.editable,
              onPress: () => this.send({ type: 'conveyor.next' }),
            },
          ],
    );
    const actions: ButtonSpec[] = [];
    if (step === 'rule') {
      if (view.rule.status === 'ok') {
        const p = view.rule.perceptron;
        actions.push(
          this.button(
            'useRule',
            this.t('ch3.btn.useRule'),
            0,
            () => this.send({ type: 'knobs.load', source: 'rule', weights: [...p.weights], threshold: p.threshold }),
            { variant: 'primary' },
          ),
        );
      }
      actions.push(
        this.button(
          'startBlank',
          this.t('ch3.btn.startBlank'),
          actions.length,
          () => this.send({ type: 'rule.skip' }),
          view.rule.status === 'ok' ? {} : { variant: 'primary' },
        ),
      );
    } else if (step === 'task') {
      actions.push(
        this.button('check', this.t('ch3.btn.check'), 0, () => this.send({ type: 'task.check' }), {
          variant: 'primary',
          h: 56,
        }),
      );
    } else if (step === 'tune' && view.tune) {
      if (view.tune.finished) {
        actions.push(
          this.button('toChallenge', this.t('ch3.btn.toChallenge'), 0, () => this.send({ type: 'tune.done' }), {
            variant: 'primary',
          }),
        );
      } else {
        actions.push(this.button('step', this.t('ch3.btn.step'), 0, () => this.send({ type: 'tune.step' })));
        actions.push(
          this.button('play', this.t(this.playing ? 'ch3.btn.pause' : 'ch3.btn.play'), 1, () => this.togglePlay(), {
            pressed: this.playing,
            variant: 'primary',
          }),
        );
        actions.push(
          this.button('finish', this.t('ch3.btn.finish'), 2, () => this.send({ type: 'tune.finish' }), { w: 140 }),
        );
        actions.push(
          this.button(
            'speed',
            this.t(this.fast ? 'ch3.btn.speedFast' : 'ch3.btn.speedCalm'),
            2,
            () => this.toggleSpeed(),
            {
              x: 170,
              w: 62,
              pressed: this.fast,
              ariaLabel: this.t('ch3.aria.speed'),
            },
          ),
        );
      }
    } else if (step === 'challenge') {
      const load = (source: 'mine' | 'bit') => {
        const s = view[source]?.setting;
        if (s) this.send({ type: 'knobs.load', source, weights: [...s.weights], threshold: s.threshold });
      };
      if (view.mine)
        actions.push(this.button('useMine', this.t('ch3.btn.useMine'), actions.length, () => load('mine')));
      if (view.bit) actions.push(this.button('useBit', this.t('ch3.btn.useBit'), actions.length, () => load('bit')));
      actions.push(
        this.button('run', this.t('ch3.btn.run'), 2, () => this.send({ type: 'challenge.run' }), {
          variant: 'primary',
        }),
      );
    } else if (step === 'challengeResult' && view.run) {
      if (view.run.passed)
        actions.push(
          this.button('keep', this.t('ch3.btn.keep'), 0, () => this.send({ type: 'challenge.accept' }), {
            variant: 'primary',
          }),
        );
      actions.push(
        this.button('retry', this.t('ch3.btn.retry'), actions.length, () => this.send({ type: 'challenge.retry' })),
      );
    } else if (step === 'history') {
      actions.push({
        id: 'continue',
        x: 890,
        y: 422,
        w: 220,
        h: 52,
        label: this.t('ch3.btn.continue'),
        variant: 'primary',
        onPress: () => this.send({ type: 'history.done' }),
      });
    }
    ui.sync('actions', actions);
    ui.sync('tools', [
      {
        id: 'map',
        x: 1134,
        y: 8,
        w: 128,
        h: 48,
        label: this.t('ch3.btn.map'),
        variant: 'quiet',
        onPress: () => this.services.app.send({ type: 'chapter.quit' }),
      },
    ]);
  }

  private togglePlay(): void {
    if (this.playing) {
      this.stopTuning();
    } else {
      this.playing = true;
      this.startTimer();
    }
    this.refresh();
  }

  private startTimer(): void {
    this.tuneTimer?.remove();
    this.tuneTimer = this.time.addEvent({
      delay: TUNE_TICK_MS[this.fast ? 'fast' : 'calm'],
      loop: true,
      callback: () => {
        this.stepAtMs = this.playedMs;
        this.send({ type: 'tune.step' });
      },
    });
  }

  /** Counts the game time that playback runs (the test API shows it at each step played). */
  override update(_time: number, delta: number): void {
    if (this.playing) this.playedMs += delta;
  }

  /** Calm or fast playback; a running playback keeps going at the new pace. */
  private toggleSpeed(): void {
    this.fast = !this.fast;
    if (this.playing) this.startTimer();
    this.refresh();
  }

  private stopTuning(): void {
    this.playing = false;
    this.tuneTimer?.remove();
    this.tuneTimer = null;
  }

  /** Sounds and spoken news for what just changed: the lamp, a task check, the challenge. */
  private react(view: AppleLampView, fruitName: string, compare: { sum: string; threshold: string }): void {
    const lit = view.reading.lit;
    if (this.lastLit === false && lit && !this.playing) this.services.audio.play('lamp');
    this.lastLit = lit;
    const spoken = this.t('ch3.live.reading', {
      fruit: fruitName,
      ...compare,
      state: this.t(lit ? 'ch3.lamp.on' : 'ch3.lamp.off'),
    });
    if (spoken !== this.lastSpoken && view.step !== 'intro' && !this.playing) {
      this.lastSpoken = spoken;
      this.services.announce(spoken);
    }
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      this.services.audio.play(view.cue.sound);
    }
  }
}
