// Chapter 4's plane in parts A and B: the blocks where the current machine lights (the grid the
// view computed), the axes, each neuron's line in its own colour and dash, the four XOR points as
// stars and rings with a tick or cross each, Bit's current point; and all of it in words and a
// table for a screen reader.
import type Phaser from 'phaser';
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import type { MinskyView, Segment } from '../../../levels/ch4/minskyView';
import { COLORS, CSS } from '../../palette';
import { lineStyle, planeToScreen } from '../boundaryView';
import type { ChartText } from '../chartText';
import { short } from '../chartWords';
import { dashes } from '../neuronLayout';
import type { PainterKit } from '../painterKit';
import { type Board, PLANE } from './board';

type Graphics = Phaser.GameObjects.Graphics;

export class PlanePainter {
  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
  ) {}

  private toScreen(view: MinskyView, x: number, y: number): [number, number] {
    return planeToScreen(view.plane, PLANE, x, y);
  }

  render(g: Graphics, view: MinskyView): void {
    const { t } = this.kit;
    const { board } = this;
    // Shade where the current machine lights: pale blue polygons that end exactly on the lines,
    // dotted (a dot at each lit block's centre) so the shading is not told by colour alone.
    const { cells, lit } = view.xorGrid;
    const cell = PLANE.size / cells;
    g.fillStyle(0xffffff, 1).fillRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    g.fillStyle(0xcfe6f7, 1);
    for (const poly of view.litPolygons)
      g.fillPoints(
        poly.map(([x, y]) => {
          const [sx, sy] = this.toScreen(view, x, y);
          return { x: sx, y: sy };
        }) as Phaser.Math.Vector2[],
        true,
      );
    g.fillStyle(COLORS.sky, 0.8);
    for (let r = 0; r < cells; r++)
      for (let c = 0; c < cells; c++)
        if (lit[r * cells + c]) g.fillCircle(PLANE.x + c * cell + cell / 2, PLANE.y + r * cell + cell / 2, 1.6);
    g.lineStyle(3, COLORS.ink).strokeRect(PLANE.x, PLANE.y, PLANE.size, PLANE.size);
    // Axes at 0.
    const [ox, oy] = this.toScreen(view, 0, 0);
    g.lineStyle(1, COLORS.inkSoft, 0.6).lineBetween(PLANE.x, oy, PLANE.x + PLANE.size, oy);
    g.lineBetween(ox, PLANE.y, ox, PLANE.y + PLANE.size);
    const lines = view.planeLines;
    // Each line's name goes where it covers no point, tick or other name (first free spot along it).
    const taken = view.xor.map((pt) => {
      const [x, y] = this.toScreen(view, pt.x[0], pt.x[1]);
      return { x: x - 30, y: y - 40, w: 80, h: 80 };
    });
    const free = (r: { x: number; y: number; w: number; h: number }) =>
      taken.every((o) => r.x + r.w <= o.x || o.x + o.w <= r.x || r.y + r.h <= o.y || o.y + o.h <= r.y);
    lines.forEach((n, i) => {
      this.segment(g, view, n.segment, i);
      if (n.segment && lines.length > 1) {
        const text = t('ch4.neuron.h', { n: i + 1 });
        const w = 12 + 8 * [...text].length;
        const [a, b] = [this.toScreen(view, ...n.segment[0]), this.toScreen(view, ...n.segment[1])];
        const spot = (f: number) => {
          const x = Math.min(PLANE.x + PLANE.size - w - 4, Math.max(PLANE.x + 4, a[0] + f * (b[0] - a[0]) + 6));
          const y = Math.min(PLANE.y + PLANE.size - 24, Math.max(PLANE.y + 4, a[1] + f * (b[1] - a[1]) - 10));
          return { x, y, w, h: 20 };
        };
        const place = [0.08, 0.92, 0.3, 0.7, 0.5, 0.18, 0.82].map(spot).find(free) ?? spot(0.08);
        taken.push(place);
        board.small(place.x, place.y, text, 14, lineStyle(i).css).setBackgroundColor('#ffffffcc');
      }
    });
    view.xor.forEach((pt, i) => {
      const [x, y] = this.toScreen(view, pt.x[0], pt.x[1]);
      if (pt.label === 1) this.star(g, x, y, 20);
      else g.lineStyle(7, COLORS.vermilion).strokeCircle(x, y, 16);
      // A tick or a cross beside each point: right or wrong, not by colour alone.
      board.small(x + 18, y - 34, t(pt.right ? 'ch4.ui.yes' : 'ch4.ui.no'), 22, pt.right ? CSS.green : CSS.vermilion);
      board.small(x - 22, y + 18, `(${pt.x[0]},${pt.x[1]})`, 13, CSS.inkSoft);
      if (view.bit && view.step === 'bit' && view.bit.point === i) g.lineStyle(3, COLORS.orange).strokeCircle(x, y, 28);
    });
    const right = view.xor.filter((p) => p.right).length;
    board.texts.counter.setText(t('ch4.ui.right', { right }));
    board.texts.status.setText(`${t('ch4.ui.star')}   ${t('ch4.ui.ring')}`);
    if (view.step === 'line') board.texts.planeTag.setText(t('ch4.ui.tries', { tries: view.partA.tries }));
    if (view.step === 'bit' && view.bit) board.texts.planeTag.setText(t('ch4.ui.bitPass', { n: view.bit.pass }));
    if (view.step === 'build' && view.build) board.texts.planeTag.setText('');
  }

  private segment(g: Graphics, view: MinskyView, seg: Segment, index: number): void {
    if (!seg) return;
    const style = lineStyle(index);
    const [a, b] = [this.toScreen(view, ...seg[0]), this.toScreen(view, ...seg[1])];
    g.lineStyle(5, style.color, 1);
    for (const [x1, y1, x2, y2] of dashes(a[0], a[1], b[0], b[1], style.dash)) g.lineBetween(x1, y1, x2, y2);
  }

  private star(g: Graphics, x: number, y: number, r: number): void {
    const pts: Phaser.Types.Math.Vector2Like[] = [];
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      const rr = k % 2 ? r * 0.45 : r;
      pts.push({ x: x + rr * Math.cos(a), y: y + rr * Math.sin(a) });
    }
    g.fillStyle(COLORS.blue, 1)
      .fillPoints(pts as Phaser.Math.Vector2[], true)
      .lineStyle(2, COLORS.ink)
      .strokePoints(pts as Phaser.Math.Vector2[], true);
  }

  private neuronName(id: string): string {
    const { t } = this.kit;
    if (id === 'line' || id === 'bit') return t('ch4.neuron.line');
    return t('ch4.neuron.h', { n: Number(id.slice(1)) || 1 });
  }

  /** The four points (a table) and each neuron's line, in words. */
  chartText(view: MinskyView): ChartText {
    const { t } = this.kit;
    const pt = (x: readonly number[]) => `(${x[0]}, ${x[1]})`;
    const litWord = (on: boolean | number) => t(on ? 'ch4.ui.lit' : 'ch4.ui.dark');
    const mark = (right: boolean) => t(right ? 'ch4.ui.yes' : 'ch4.ui.no');
    const lit = view.xor.filter((p) => p.says === 1).map((p) => pt(p.x));
    const right = view.xor.filter((p) => p.right).length;
    const lineWords = view.planeLines.map((n) =>
      n.segment
        ? t('ch4.chart.line', {
            neuron: this.neuronName(n.id),
            x1: short(n.segment[0][0], 2),
            y1: short(n.segment[0][1], 2),
            x2: short(n.segment[1][0], 2),
            y2: short(n.segment[1][1], 2),
          })
        : t('ch4.chart.noLine', { neuron: this.neuronName(n.id) }),
    );
    return {
      id: 'plane',
      x: PLANE.x,
      y: PLANE.y,
      w: PLANE.size,
      h: PLANE.size,
      label: [
        t('ch4.chart.plane', {
          right,
          size: view.xor.length,
          lit: lit.length ? lit.join(', ') : t('ch4.chart.nowhere'),
        }),
        ...lineWords,
      ].join(' '),
      table: [
        [t('ch4.chart.col.point'), t('ch4.chart.col.should'), t('ch4.chart.col.says'), t('ch4.chart.col.right')],
        ...view.xor.map((p) => [pt(p.x), litWord(p.label), litWord(p.says), mark(p.right)]),
      ],
    };
  }
}
