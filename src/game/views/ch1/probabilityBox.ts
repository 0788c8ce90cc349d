// "Open the box": one row per command, one bar per action, each bar's height the probability the
// engine's policy gives that action. The action the command should lead to is marked by a
// striped bar and a ★, so it never relies on colour alone.
//
// The whole box is painted into one canvas texture, and only when what it shows changes: the
// scene then draws a single image per frame instead of a shape and some twenty-five text objects
// (which cost a slow laptop its frame rate, and rebuilding them on every trial cost more).
import Phaser from 'phaser';
import { COLORS, CSS } from '../../palette';
import { FONT, textResolution } from '../../scenes/BaseScene';

export interface BoxRow {
  label: string;
  cells: { label: string; p: number; target: boolean }[];
}

export interface BoxSpec {
  x: number;
  y: number;
  title: string;
  rows: BoxRow[];
}

const ROW_H = 54;
const LABEL_W = 120;
const CELL_W = 100;

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

export class ProbabilityBox {
  private readonly image: Phaser.GameObjects.Image;
  private readonly texture: Phaser.Textures.CanvasTexture;
  private drawn = '';
  /** Painted at the resolution of our text: twice the game's pixels with WebGL, 1× on canvas. */
  private readonly res: number;

  constructor(scene: Phaser.Scene, key: string) {
    // A scene object is reused when its chapter is played again: so is its texture.
    const existing = scene.textures.exists(key) ? scene.textures.get(key) : null;
    this.texture =
      existing instanceof Phaser.Textures.CanvasTexture ? existing : scene.textures.createCanvas(key, 2, 2)!;
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setVisible(false);
    this.res = textResolution(scene);
  }

  setVisible(visible: boolean): this {
    this.image.setVisible(visible);
    return this;
  }

  /** Paints the box if it differs from what is shown. */
  draw(spec: BoxSpec): void {
    const key = JSON.stringify(spec);
    if (key === this.drawn) return;
    this.drawn = key;
    const cols = spec.rows[0]?.cells.length ?? 0;
    const width = LABEL_W + cols * CELL_W + 24;
    const height = 86 + spec.rows.length * ROW_H;
    // Room for the frame's stroke, which is centred on the box's edge.
    const pad = 2;
    const res = this.res;
    const texW = (width + 2 * pad) * res;
    const texH = (height + 2 * pad) * res;
    if (this.texture.width !== texW || this.texture.height !== texH) this.texture.setSize(texW, texH);
    const ctx = this.texture.getContext();
    ctx.setTransform(res, 0, 0, res, pad * res, pad * res);
    ctx.clearRect(-pad, -pad, width + 2 * pad, height + 2 * pad);

    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, 18);
    ctx.fillStyle = hex(COLORS.boxDark);
    ctx.globalAlpha = 0.94;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 4;
    ctx.strokeStyle = hex(COLORS.ink);
    ctx.stroke();

    ctx.textBaseline = 'top';
    const text = (x: number, y: number, s: string, size: number, color: string, align: CanvasTextAlign = 'left') => {
      ctx.font = `bold ${size}px ${FONT}`;
      ctx.textAlign = align;
      ctx.fillStyle = color;
      ctx.fillText(s, x, y);
    };
    text(16, 8, spec.title, 19, CSS.yellow);
    spec.rows[0]?.cells.forEach((c, j) =>
      text(LABEL_W + j * CELL_W + CELL_W / 2, 40, c.label, 15, CSS.cream, 'center'),
    );
    spec.rows.forEach((row, i) => {
      const top = 70 + i * ROW_H;
      text(14, top + 16, row.label, 19, CSS.cream);
      row.cells.forEach((cell, j) => {
        const left = LABEL_W + j * CELL_W + 12;
        const barW = CELL_W - 24;
        const maxH = ROW_H - 24;
        const h = Math.max(2, cell.p * maxH);
        const bottom = top + ROW_H - 10;
        ctx.fillStyle = hex(COLORS.boxTop);
        ctx.fillRect(left, bottom - maxH, barW, maxH);
        ctx.fillStyle = hex(cell.target ? COLORS.yellow : COLORS.sky);
        ctx.fillRect(left, bottom - h, barW, h);
        if (cell.target) {
          // Diagonal stripes mark the right action in shape as well as colour.
          ctx.beginPath();
          for (let k = -maxH; k < barW; k += 10) {
            const x0 = left + Math.max(0, k);
            const y0 = bottom - Math.max(0, -k);
            const len = Math.min(barW - Math.max(0, k), h - Math.max(0, -k));
            if (len > 0) {
              ctx.moveTo(x0, y0);
              ctx.lineTo(x0 + len, y0 - len);
            }
          }
          ctx.lineWidth = 3;
          ctx.strokeStyle = hex(COLORS.ink);
          ctx.globalAlpha = 0.55;
          ctx.stroke();
          ctx.globalAlpha = 1;
        }
        // A dark outline keeps the number readable over the yellow stripes of a tall bar.
        const pct = `${cell.target ? '★ ' : ''}${Math.round(cell.p * 100)}%`;
        ctx.font = `bold 15px ${FONT}`;
        ctx.textAlign = 'center';
        ctx.lineWidth = 5;
        ctx.lineJoin = 'round';
        ctx.strokeStyle = CSS.ink;
        ctx.strokeText(pct, left + barW / 2, bottom - maxH - 2);
        ctx.fillStyle = CSS.white;
        ctx.fillText(pct, left + barW / 2, bottom - maxH - 2);
      });
    });
    this.texture.refresh();
    this.image
      .setTexture(this.texture.key)
      .setSizeToFrame()
      .setDisplaySize(width + 2 * pad, height + 2 * pad)
      .setPosition(spec.x - pad, spec.y - pad);
  }
}
