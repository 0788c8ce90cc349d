// Chapter 4's part B network beside the plane: the two inputs, the hidden neurons (each in its
// line's colour), the output, every weight as an edge (blue solid for positive, vermilion dashed
// for negative, thicker for larger), and the table of what each neuron says at each XOR point; and
// the same in words and a table for a screen reader. The 1969 book's frost is drawn here too.
import type Phaser from 'phaser';
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import type { MinskyView } from '../../../levels/ch4/minskyView';
import { COLORS, CSS } from '../../palette';
import { GAME_WIDTH as W } from '../../ui/htmlLayer';
import { lineStyle } from '../boundaryView';
import type { ChartText } from '../chartText';
import { dashes, formatNumber } from '../neuronLayout';
import type { PainterKit } from '../painterKit';
import { type Board, PLANE, RIGHT_X } from './board';

type Graphics = Phaser.GameObjects.Graphics;

export class NetworkPainter {
  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
  ) {}

  render(g: Graphics, view: MinskyView): void {
    const b = view.build;
    if (!b || !view.showNetwork) return;
    const { t } = this.kit;
    const { board } = this;
    const x0 = RIGHT_X + 30;
    const x1 = RIGHT_X + 180;
    const x2 = RIGHT_X + 330;
    // Drawn above the Add / Remove buttons (their top is at y 228): the lowest circle ends by 216.
    const top = 80;
    const inY = [top + 30, top + 100];
    const hY = b.hidden.map((_, i) => top + 6 + ((i + 0.5) * 122) / b.hidden.length);
    const oY = top + 56;
    const edge = (xa: number, ya: number, xb: number, yb: number, w: number) => {
      if (w === 0) return;
      g.lineStyle(Math.min(10, 2 + Math.abs(w) * 3), w > 0 ? COLORS.blue : COLORS.vermilion, 0.9);
      for (const [a1, b1, a2, b2] of dashes(xa, ya, xb, yb, w > 0 ? null : [12, 8])) g.lineBetween(a1, b1, a2, b2);
    };
    b.hidden.forEach((h, j) => {
      h.perceptron.weights.forEach((w, i) => edge(x0, inY[i], x1, hY[j], w));
      edge(x1, hY[j], x2, oY, b.output.perceptron.weights[j]);
    });
    inY.forEach((y, i) => {
      g.fillStyle(COLORS.white).fillCircle(x0, y, 18).lineStyle(3, COLORS.ink).strokeCircle(x0, y, 18);
      board.small(x0 - 10, y - 12, `x${i + 1}`, 15);
    });
    b.hidden.forEach((_, j) => {
      const style = lineStyle(j);
      g.fillStyle(COLORS.cream).fillCircle(x1, hY[j], 22).lineStyle(5, style.color).strokeCircle(x1, hY[j], 22);
      board.small(x1 - 11, hY[j] - 12, `${j + 1}`, 17, style.css);
    });
    g.fillStyle(COLORS.yellow).fillCircle(x2, oY, 24).lineStyle(4, COLORS.ink).strokeCircle(x2, oY, 24);
    board.small(x2 - 28, oY + 26, t('ch4.neuron.out'), 14);
    // The table: each point, what each hidden neuron says, the output.
    board.small(RIGHT_X, 282, t('ch4.ui.table'), 15, CSS.inkSoft);
    b.trace.forEach((row, k) => {
      const hs = row.hidden.map((v) => (v ? '●' : '○')).join(' ');
      const mark = t(row.right ? 'ch4.ui.yes' : 'ch4.ui.no');
      board.small(
        RIGHT_X,
        306 + k * 24,
        `(${row.x[0]},${row.x[1]})  ${hs}  Σ=${formatNumber(row.sum)}  → ${t(row.output ? 'ch4.ui.lit' : 'ch4.ui.dark')} ${mark}`,
        16,
        row.right ? CSS.ink : CSS.vermilion,
      );
    });
  }

  /** The 1969 book falls: frost over the stage and its caption. */
  frost(g: Graphics): void {
    const { t } = this.kit;
    g.fillStyle(0xdff3ff, 0.55).fillRect(0, 60, W, 500);
    for (let k = 0; k < 40; k++) {
      const x = (k * 197) % W;
      const y = 70 + ((k * 89) % 480);
      g.lineStyle(2, 0xffffff, 0.9);
      for (let a = 0; a < 3; a++) {
        const ang = (a * Math.PI) / 3;
        g.lineBetween(x - 8 * Math.cos(ang), y - 8 * Math.sin(ang), x + 8 * Math.cos(ang), y + 8 * Math.sin(ang));
      }
    }
    g.fillStyle(COLORS.cream, 0.97).fillRoundedRect(380, 326, 520, 104, 14).lineStyle(3, COLORS.ink);
    g.strokeRoundedRect(380, 326, 520, 104, 14);
    this.board.small(400, 332, t('ch4.book.title'), 24, CSS.blue);
    this.board.small(400, 368, t('ch4.book.caption'), 17).setWordWrapWidth(480);
  }

  /** Part B's network: what each hidden neuron and the output say at each point. */
  chartText(view: MinskyView): ChartText | null {
    const b = view.build;
    if (!b || !view.showNetwork) return null;
    const { t } = this.kit;
    const pt = (x: readonly number[]) => `(${x[0]}, ${x[1]})`;
    const litWord = (on: boolean | number) => t(on ? 'ch4.ui.lit' : 'ch4.ui.dark');
    const mark = (right: boolean) => t(right ? 'ch4.ui.yes' : 'ch4.ui.no');
    return {
      id: 'network',
      x: RIGHT_X,
      y: PLANE.y + 20,
      w: 376,
      h: 200 + b.trace.length * 24,
      label: t('ch4.chart.network', { n: b.hidden.length, right: b.right, size: b.trace.length }),
      table: [
        [
          t('ch4.chart.col.point'),
          t('ch4.chart.col.hidden'),
          t('ch4.chart.col.sum'),
          t('ch4.chart.col.says'),
          t('ch4.chart.col.right'),
        ],
        ...b.trace.map((row) => [
          pt(row.x),
          row.hidden.map((v) => litWord(v)).join(', '),
          formatNumber(row.sum),
          litWord(row.output),
          mark(row.right),
        ]),
      ],
    };
  }
}
