// Chapter 3's basket panel: every basket fruit with its lamp (and the goal, where there is one),
// or the hidden basket as the last challenge run met it; the comparison of your setting with
// Bit's; the note on look-alike fruits; and all of it in words and a table for a screen reader.
import type Phaser from 'phaser';
import type { AppleLampEvent } from '../../../levels/ch3/appleLampMachine';
import type { AppleLampView } from '../../../levels/ch3/appleLampView';
import { CSS } from '../../palette';
import { BasketView, type BasketItem } from '../basketView';
import type { ChartText } from '../chartText';
import { LAYOUT } from '../neuronLayout';
import type { PainterKit } from '../painterKit';

type Text = Phaser.GameObjects.Text;

/** The rigged basket's new fruit start at the last row's first cell (the basket fits in three rows). */
const RIGGED_NEW_CELL = 9;

export class BasketPainter {
  private readonly basket: BasketView;
  private texts!: Record<'basketTitle' | 'basketTag' | 'compare1' | 'compare2', Text>;

  constructor(private readonly kit: PainterKit<AppleLampEvent>) {
    this.basket = new BasketView(kit.scene);
  }

  /** The panel's words, added after the stage's (the order they are drawn in). */
  addLabels(): void {
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.kit.label(x, y, size, color);
    this.texts = {
      basketTitle: L(LAYOUT.basket.x + 12, LAYOUT.basket.y + 6, 20, CSS.inkSoft),
      basketTag: L(LAYOUT.basket.x + LAYOUT.basket.w - 10, LAYOUT.basket.y + 9, 15, CSS.inkSoft).setOrigin(1, 0),
      compare1: L(LAYOUT.basket.x + 12, 440, 17),
      compare2: L(LAYOUT.basket.x + 12, 470, 17),
    };
  }

  render(view: AppleLampView): void {
    if (view.rigged) {
      this.renderRigged(view);
      return;
    }
    const { t, dt, ui } = this.kit;
    const run = view.run;
    const items = view.runMarks
      ? view.runMarks.map((r) => ({ art: r.art, lit: r.lit, wanted: r.apple }))
      : view.basket.map((m, i) => ({ art: m.art, lit: m.lit, wanted: m.wanted, current: i === view.fruit.index }));
    this.basket.render(view.step === 'history' ? [] : items);
    this.texts.basketTitle.setText(run ? t('ch3.challenge.hidden') : t('ch3.basket'));
    this.texts.basketTag.setText(!run && items.some((i) => i.wanted !== null) ? t('ch3.goalTag') : '');
    const size = view.basket.length;
    const line = (who: 'mine' | 'bit') => {
      const s = view[who];
      return s
        ? `${t(who === 'mine' ? 'ch3.compare.mine' : 'ch3.compare.bit')}: ${t('ch3.compare.right', { right: s.right, size })} · ${t('ch3.compare.knobs', { n: s.knobs })}`
        : '';
    };
    const comparing = view.step === 'tune' || view.step === 'challenge';
    this.texts.compare1.setText(
      run
        ? t('ch3.challenge.score', { correct: run.correct, size: run.size, knobs: run.knobs })
        : comparing
          ? line('mine')
          : '',
    );
    this.texts.compare2.setText(run ? '' : comparing ? line('bit') : '');
    const note = run && view.lookalikeNames.length ? view.lookalikeNames[0] : null;
    const el = note ? ui.element('ch3-lookalike', 'div', 'bbd-label') : null;
    if (el && note) {
      Object.assign(el.style, {
        left: `${LAYOUT.basket.x + 12}px`,
        top: '468px',
        width: `${LAYOUT.basket.w - 24}px`,
        fontSize: '15px',
        lineHeight: '1.3',
        fontWeight: '600',
      });
      el.textContent = t('ch3.challenge.lookalike', { a: dt(note[0]), b: dt(note[1]) });
    } else ui.removeElement('ch3-lookalike');
  }

  /**
   * The rigged basket: its fruits (with what was added) in the first three rows, the new fruit in
   * the last row once Bit has tuned, and the two scores under them.
   */
  private renderRigged(view: AppleLampView): void {
    const { t, ui } = this.kit;
    const r = view.rigged!;
    // BasketView leaves a cell with no item empty: the new fruit always sit in the last row.
    const items: BasketItem[] = [];
    view.basket.forEach((m, i) => {
      items[i] = { art: m.art, lit: m.lit, wanted: m.wanted };
    });
    if (r.tunes)
      r.tests.forEach((x, j) => {
        items[RIGGED_NEW_CELL + j] = { art: x.art, lit: x.lit === true, wanted: x.apple, current: x.fruit === r.shown };
      });
    this.basket.render(items);
    this.texts.basketTitle.setText(t('ch3.basket'));
    this.texts.basketTag.setText(t('ch3.goalTag'));
    // The new fruit's score first, right under them.
    const newRight = t('ch3.rigged.newRight', { right: r.testRight, tests: r.tests.length });
    this.texts.compare1.setText(r.tunes ? newRight : '');
    this.texts.compare2.setText(
      r.tunes ? t('ch3.rigged.basketRight', { right: r.basketRight, size: r.basketSize }) : '',
    );
    ui.removeElement('ch3-lookalike');
  }

  /** The basket (or the hidden basket's run) in words and a table. */
  chartText(view: AppleLampView): ChartText {
    const { t, dt } = this.kit;
    if (view.rigged) return this.riggedChart(view);
    const yesNo = (b: boolean) => t(b ? 'ch3.chart.yes' : 'ch3.chart.no');
    const box = { x: LAYOUT.basket.x, y: LAYOUT.basket.y + 36, w: LAYOUT.basket.w, h: LAYOUT.basket.h - 36 };
    const head = [t('ch3.chart.col.fruit'), t('ch3.chart.col.lamp'), t('ch3.chart.col.goal'), t('ch3.chart.col.right')];
    const lamp = (lit: boolean) => t(lit ? 'ch3.lamp.on' : 'ch3.lamp.off');
    const run = view.run;
    if (run && view.runMarks) {
      const rows = view.runMarks.map((r) => [dt(r.nameKey), lamp(r.lit), yesNo(r.apple), yesNo(r.correct)]);
      return {
        id: 'basket',
        ...box,
        label: t('ch3.chart.run', { right: run.correct, size: run.size }),
        table: [head, ...rows],
      };
    }
    const size = view.basket.length;
    const lit = view.basket.filter((m) => m.lit).length;
    const judged = view.basket.every((m) => m.wanted !== null);
    const right = view.basket.filter((m) => m.wanted === m.lit).length;
    const rows = view.basket.map((m) => [
      dt(m.nameKey),
      lamp(m.lit),
      m.wanted === null ? '—' : yesNo(m.wanted),
      m.wanted === null ? '—' : yesNo(m.wanted === m.lit),
    ]);
    return {
      id: 'basket',
      ...box,
      label: judged ? t('ch3.chart.basketGoal', { size, lit, right }) : t('ch3.chart.basket', { size, lit }),
      table: [head, ...rows],
    };
  }

  /** The rigged basket and the new fruit in words and a table. */
  private riggedChart(view: AppleLampView): ChartText {
    const { t, dt } = this.kit;
    const r = view.rigged!;
    const yesNo = (b: boolean) => t(b ? 'ch3.chart.yes' : 'ch3.chart.no');
    const lamp = (lit: boolean) => t(lit ? 'ch3.lamp.on' : 'ch3.lamp.off');
    const head = [
      t('ch3.chart.col.fruit'),
      t('ch3.chart.col.set'),
      t('ch3.chart.col.lamp'),
      t('ch3.chart.col.goal'),
      t('ch3.chart.col.right'),
    ];
    const rows = view.basket.map((m) => [
      dt(m.nameKey),
      t('ch3.chart.inBasket'),
      lamp(m.lit),
      yesNo(m.wanted === true),
      yesNo(m.wanted === m.lit),
    ]);
    if (r.tunes)
      for (const x of r.tests)
        rows.push([
          dt(x.nameKey),
          t('ch3.chart.isNew'),
          lamp(x.lit === true),
          yesNo(x.apple),
          yesNo(x.correct === true),
        ]);
    return {
      id: 'basket',
      x: LAYOUT.basket.x,
      y: LAYOUT.basket.y + 36,
      w: LAYOUT.basket.w,
      h: LAYOUT.basket.h - 36,
      label: t('ch3.chart.rigged', {
        size: r.basketSize,
        right: r.tunes ? r.basketRight : view.basket.filter((m) => m.wanted === m.lit).length,
        newRight: r.testRight,
        tests: r.tests.length,
      }),
      table: [head, ...rows],
    };
  }
}
