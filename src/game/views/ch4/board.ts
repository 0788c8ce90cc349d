// Chapter 4's drawing surface, shared by its painters: the yard and the three panels, the lab's
// map textures (underneath), one graphics layer cleared every render, the 1969 book, the fixed
// labels, and a pool of small labels a render reuses in order instead of making new text objects.
import type Phaser from 'phaser';
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import { COLORS, CSS } from '../../palette';
import { GAME_HEIGHT as H, GAME_WIDTH as W } from '../../ui/htmlLayer';
import type { PainterKit } from '../painterKit';

export const PLANE = { x: 28, y: 70, size: 400 };
export const MID_X = 452;
export const RIGHT_X = 868;
/** Small maps (one per hidden neuron) the lab can show at most. */
export const MINI_COUNT = 16;

type Text = Phaser.GameObjects.Text;
export type TextName = 'title' | 'counter' | 'status' | 'planeTag' | 'midTag' | 'rightTag' | 'loss';

/** Side of each hidden neuron's small map: as big as a row of n allows, at most 62 px. */
export function miniSize(n: number): number {
  return Math.min(62, Math.floor(376 / n) - 4);
}

/** Width of each "Tune n" button under the first layer's maps: as wide as a row of n allows. */
export function handButtonWidth(n: number): number {
  return Math.min(90, Math.floor(376 / n) - 4);
}

/** The lab's maps are painted this many pixels per grid cell a side (bilinear between cells). */
export const HEAT_SCALE = 5;
export const MINI_SCALE = 2;

/** Presentation state the painters share: which first-layer neuron's hand knobs are open. */
export interface Ch4Choice {
  handUnit: number | null;
}

export interface MapImage {
  tex: Phaser.Textures.CanvasTexture;
  img: Phaser.GameObjects.Image;
}

export class Board {
  readonly g: Phaser.GameObjects.Graphics;
  readonly book: Phaser.GameObjects.Image;
  readonly texts: Record<TextName, Text>;
  readonly heat: MapImage;
  readonly minis: MapImage[] = [];
  private readonly smallTexts: Text[] = [];
  private smallUsed = 0;

  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    grid: number,
  ) {
    const { scene } = kit;
    scene.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    const bg = scene.add.graphics();
    const panel = (x: number, y: number, w: number, h: number) =>
      bg
        .fillStyle(COLORS.cream, 0.95)
        .fillRoundedRect(x, y, w, h, 16)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 16);
    panel(12, 8, 1256, 50);
    panel(PLANE.x - 12, PLANE.y - 8, PLANE.size + 24, 488);
    panel(MID_X - 12, PLANE.y - 8, 400, 488);
    panel(RIGHT_X - 12, PLANE.y - 8, 400, 488);
    const textures = scene.textures;
    for (const key of ['ch4-heat', ...Array.from({ length: MINI_COUNT }, (_, i) => `ch4-mini-${i}`)])
      if (textures.exists(key)) textures.remove(key);
    this.heat = {
      tex: textures.createCanvas('ch4-heat', grid * HEAT_SCALE, grid * HEAT_SCALE)!,
      img: scene.add
        .image(PLANE.x, PLANE.y, 'ch4-heat')
        .setOrigin(0, 0)
        .setDisplaySize(PLANE.size, PLANE.size)
        .setVisible(false),
    };
    for (let i = 0; i < MINI_COUNT; i++) {
      const tex = textures.createCanvas(`ch4-mini-${i}`, grid * MINI_SCALE, grid * MINI_SCALE)!;
      const img = scene.add.image(0, 0, `ch4-mini-${i}`).setOrigin(0, 0).setDisplaySize(64, 64).setVisible(false);
      this.minis.push({ tex, img });
    }
    this.g = scene.add.graphics();
    this.book = scene.add.image(640, 200, 'ch4-book').setDisplaySize(180, 225).setVisible(false);
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => kit.label(x, y, size, color);
    this.texts = {
      title: L(26, 12, 26),
      counter: L(1254, 14, 22, CSS.blue).setOrigin(1, 0),
      status: L(PLANE.x, PLANE.y + PLANE.size + 6, 18),
      planeTag: L(PLANE.x, PLANE.y + PLANE.size + 34, 16, CSS.inkSoft),
      midTag: L(MID_X, PLANE.y - 4, 19, CSS.inkSoft),
      rightTag: L(RIGHT_X, PLANE.y - 4, 19, CSS.inkSoft),
      loss: L(RIGHT_X, 300, 16, CSS.inkSoft),
    };
    this.texts.status.setWordWrapWidth(PLANE.size);
    this.texts.planeTag.setWordWrapWidth(PLANE.size);
  }

  /** Starts a render: the graphics cleared, the small labels free to reuse. */
  begin(): Phaser.GameObjects.Graphics {
    this.smallUsed = 0;
    return this.g.clear();
  }

  /** Ends a render: hides the pooled labels it did not use. */
  end(): void {
    for (let i = this.smallUsed; i < this.smallTexts.length; i++) this.smallTexts[i].setVisible(false);
  }

  /** A small label from the pool, placed and styled for this render. */
  small(x: number, y: number, text: string, size = 15, color: string = CSS.ink): Text {
    let t = this.smallTexts[this.smallUsed];
    if (!t) {
      t = this.kit.label(x, y, size, color);
      this.smallTexts.push(t);
    }
    this.smallUsed++;
    // Restyling redraws a text's texture: only when something really changed.
    if (t.style.fontSize !== `${size}px`) t.setFontSize(size);
    if (t.style.color !== color) t.setColor(color);
    if (t.style.wordWrapWidth) t.setWordWrapWidth(null);
    return t.setPosition(x, y).setOrigin(0, 0).setText(text).setVisible(true);
  }
}
