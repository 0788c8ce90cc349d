// A grid of small fruits, each with a mini lamp (lit: yellow with rays; dark: grey ring) and,
// when there is a goal, a mark: ✓ when the lamp does what it should, ✗ when not, and a ★ on the
// fruits that should light. Shape and symbol carry the meaning, colour only repeats it.
import type Phaser from 'phaser';
import { COLORS, CSS } from '../palette';
import { FONT, textResolution } from '../scenes/BaseScene';
import { basketCell, LAYOUT } from './neuronLayout';

export interface BasketItem {
  art: string;
  lit: boolean;
  /** null: no goal to judge by (no marks). */
  wanted: boolean | null;
  /** The fruit in front of the lamp gets a frame. */
  current?: boolean;
}

export class BasketView {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly icons: Phaser.GameObjects.Image[] = [];
  private readonly marks: Phaser.GameObjects.Text[] = [];
  private readonly stars: Phaser.GameObjects.Text[] = [];

  constructor(private readonly scene: Phaser.Scene) {
    this.g = scene.add.graphics();
  }

  render(items: BasketItem[]): void {
    const g = this.g.clear();
    const size = LAYOUT.basket.cell;
    while (this.icons.length < items.length) {
      const text = (s: number) =>
        this.scene.add
          .text(0, 0, '', { fontFamily: FONT, fontSize: `${s}px`, fontStyle: 'bold' })
          .setResolution(textResolution(this.scene));
      this.icons.push(this.scene.add.image(0, 0, 'fruit-apple'));
      this.marks.push(text(22).setOrigin(0.5));
      this.stars.push(text(18).setOrigin(0.5).setColor(CSS.ink));
    }
    this.icons.forEach((icon, i) => {
      const item = items[i];
      const show = !!item;
      icon.setVisible(show);
      this.marks[i].setVisible(show);
      this.stars[i].setVisible(show);
      if (!item) return;
      const { x, y } = basketCell(i);
      const bad = item.wanted !== null && item.wanted !== item.lit;
      g.fillStyle(bad ? 0xfbe3d3 : COLORS.white, 1).fillRoundedRect(x, y, size - 6, size, 12);
      g.lineStyle(item.current ? 4 : 2, item.current ? COLORS.blue : COLORS.inkSoft, 1).strokeRoundedRect(
        x,
        y,
        size - 6,
        size,
        12,
      );
      icon
        .setTexture(item.art)
        .setDisplaySize(46, 46)
        .setPosition(x + (size - 6) / 2, y + 28);
      // The mini lamp, bottom left.
      const lx = x + 14;
      const ly = y + size - 13;
      if (item.lit) {
        g.lineStyle(2, COLORS.orange, 1);
        for (let k = 0; k < 8; k++) {
          const a = (k * Math.PI) / 4;
          g.lineBetween(lx + Math.cos(a) * 8, ly + Math.sin(a) * 8, lx + Math.cos(a) * 12, ly + Math.sin(a) * 12);
        }
        g.fillStyle(COLORS.yellow, 1).fillCircle(lx, ly, 7);
        g.lineStyle(2, COLORS.ink, 1).strokeCircle(lx, ly, 7);
      } else {
        g.lineStyle(2, COLORS.inkSoft, 1).strokeCircle(lx, ly, 6);
      }
      this.marks[i]
        .setPosition(x + size - 20, y + size - 13)
        .setText(item.wanted === null ? '' : bad ? '✗' : '✓')
        .setColor(bad ? CSS.vermilion : '#00603f');
      this.stars[i].setPosition(x + 12, y + 12).setText(item.wanted ? '★' : '');
    });
  }

  setVisible(visible: boolean): void {
    this.g.setVisible(visible);
    for (const list of [this.icons, this.marks, this.stars]) for (const o of list) o.setVisible(visible && o.visible);
  }
}
