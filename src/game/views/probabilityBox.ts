// "Open the box": one row per command, one bar per action, each bar's height the probability the
// engine's policy gives that action. The action the command should lead to is marked by a
// striped bar and a ★, so it never relies on colour alone.
import type Phaser from 'phaser';
import { COLORS, CSS } from '../palette';
import { FONT } from '../scenes/BaseScene';

export interface BoxRow {
  label: string;
  cells: { label: string; p: number; target: boolean }[];
}

const ROW_H = 54;
const LABEL_W = 120;
const CELL_W = 100;

export function drawProbabilityBox(
  scene: Phaser.Scene,
  container: Phaser.GameObjects.Container,
  spec: { x: number; y: number; title: string; rows: BoxRow[] },
): void {
  container.removeAll(true);
  const cols = spec.rows[0]?.cells.length ?? 0;
  const width = LABEL_W + cols * CELL_W + 24;
  const height = 86 + spec.rows.length * ROW_H;
  const g = scene.add.graphics();
  g.fillStyle(COLORS.boxDark, 0.94).fillRoundedRect(spec.x, spec.y, width, height, 18);
  g.lineStyle(4, COLORS.ink).strokeRoundedRect(spec.x, spec.y, width, height, 18);
  container.add(g);
  const text = (x: number, y: number, s: string, size: number, color: string, originX = 0) =>
    container.add(
      scene.add
        .text(x, y, s, { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: 'bold' })
        .setOrigin(originX, 0)
        .setResolution(2),
    );
  text(spec.x + 16, spec.y + 8, spec.title, 19, CSS.yellow);
  spec.rows[0]?.cells.forEach((c, j) =>
    text(spec.x + LABEL_W + j * CELL_W + CELL_W / 2, spec.y + 40, c.label, 15, CSS.cream, 0.5),
  );
  spec.rows.forEach((row, i) => {
    const top = spec.y + 70 + i * ROW_H;
    text(spec.x + 14, top + 16, row.label, 19, CSS.cream);
    row.cells.forEach((cell, j) => {
      const left = spec.x + LABEL_W + j * CELL_W + 12;
      const barW = CELL_W - 24;
      const maxH = ROW_H - 24;
      const h = Math.max(2, cell.p * maxH);
      const bottom = top + ROW_H - 10;
      g.fillStyle(COLORS.boxTop, 1).fillRect(left, bottom - maxH, barW, maxH);
      g.fillStyle(cell.target ? COLORS.yellow : COLORS.sky, 1).fillRect(left, bottom - h, barW, h);
      if (cell.target) {
        // Diagonal stripes mark the right action in shape as well as colour.
        g.lineStyle(3, COLORS.ink, 0.55);
        for (let k = -maxH; k < barW; k += 10) {
          const x0 = left + Math.max(0, k);
          const y0 = bottom - Math.max(0, -k);
          const len = Math.min(barW - Math.max(0, k), h - Math.max(0, -k));
          if (len > 0) g.lineBetween(x0, y0, x0 + len, y0 - len);
        }
      }
      const pct = `${cell.target ? '★ ' : ''}${Math.round(cell.p * 100)}%`;
      // A dark outline keeps the number readable over the yellow stripes of a tall bar.
      const label = scene.add
        .text(left + barW / 2, bottom - maxH - 4, pct, {
          fontFamily: FONT,
          fontSize: '15px',
          color: CSS.white,
          fontStyle: 'bold',
        })
        .setOrigin(0.5, 0)
        .setStroke(CSS.ink, 5)
        .setResolution(2);
      container.add(label);
    });
  });
}
