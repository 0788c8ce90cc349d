// What chapter 5's painters are handed: the scene's layers (drawn afresh each render), the hiker,
// the bowl and fog images, a pool of small labels and the fixed labels, the text functions, and
// the panels' places on the stage.
import Phaser from 'phaser';
import type { MessageKey, Params } from '../../../i18n/i18n';
import { CSS } from '../../palette';

export const PLOT = { x: 36, y: 96, w: 450, h: 300 };
export const BAR = { x: 36, y: 440, w: 450, h: 26 };
export const RIGHT = { x: 520, y: 70, w: 736, h: 486 };
export const MAP = { x: 560, y: 96, size: 380 };
export const PROFILE = { x: 570, y: 110, w: 650, h: 280 };
export const CHART = { x: 580, y: 100, w: 440, h: 176 };
export const PATH = { x: 1050, y: 100, size: 190 };
export const GEAR_Y = 200;
export const GEAR_X = [620, 800, 980, 1160];
export const GEAR_R = [58, 50, 44, 54];

export const fmt = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

/** A number with a true minus sign and fixed decimals, for the arithmetic under a step. */
export const signed = (v: number, decimals = 2): string => {
  const text = Math.abs(v).toFixed(decimals);
  return v < 0 && Number(text) !== 0 ? `−${text}` : text;
};

/** One knob's step as arithmetic: "K1: −2.40 − 0.10 × (−3.20) = −2.08". */
export function sumLine(
  t: (key: MessageKey, params?: Params) => string,
  s: { knob: number; from: number; size: number; slope: number; to: number },
): string {
  return t('ch5.sum', { n: s.knob, from: signed(s.from), size: s.size, slope: signed(s.slope), to: signed(s.to) });
}

export const FIXED = [
  'title',
  'part',
  'loss',
  'lossTitle',
  'info1',
  'info2',
  'info3',
  'info4',
  'axisX',
  'axisY',
  'legend',
] as const;
export type FixedLabel = (typeof FIXED)[number];

export interface Kit {
  scene: Phaser.Scene;
  g: Phaser.GameObjects.Graphics;
  fogLayer: Phaser.GameObjects.Graphics;
  top: Phaser.GameObjects.Graphics;
  hiker: Phaser.GameObjects.Image;
  bowlImage: Phaser.GameObjects.Image;
  fogImage: Phaser.GameObjects.Image;
  gearArt: Phaser.GameObjects.Graphics[];
  reducedMotion(): boolean;
  t(key: MessageKey, params?: Params): string;
  dt(key: string, params?: Params): string;
  /** A pooled small label for this render. */
  tag(x: number, y: number, text: string, size?: number, color?: string): Phaser.GameObjects.Text;
  /** A fixed label, marked as used by this render. */
  txt(key: FixedLabel): Phaser.GameObjects.Text;
}

/** The pooled labels: reused render after render, the unused ones hidden at the end. */
export class Labels {
  private pool: Phaser.GameObjects.Text[] = [];
  private used = 0;
  readonly touched = new Set<FixedLabel>();

  constructor(
    private readonly make: (size: number, color: string) => Phaser.GameObjects.Text,
    readonly fixed: Record<FixedLabel, Phaser.GameObjects.Text>,
  ) {}

  begin(): void {
    this.used = 0;
    this.touched.clear();
    for (const k of FIXED)
      if (k !== 'title' && k !== 'part' && k !== 'loss' && k !== 'lossTitle') this.fixed[k].setText('');
  }

  tag(x: number, y: number, text: string, size = 14, color: string = CSS.ink): Phaser.GameObjects.Text {
    let t = this.pool[this.used];
    if (!t) {
      t = this.make(size, color);
      this.pool.push(t);
    }
    this.used++;
    if (t.text !== text) t.setText(text);
    if (t.style.fontSize !== `${size}px`) t.setFontSize(size);
    if (t.style.color !== color) t.setColor(color);
    if (t.x !== x || t.y !== y) t.setPosition(x, y);
    if (t.originX !== 0.5) t.setOrigin(0.5);
    if (!t.visible) t.setVisible(true);
    return t;
  }

  txt(key: FixedLabel): Phaser.GameObjects.Text {
    this.touched.add(key);
    return this.fixed[key];
  }

  end(): void {
    for (let i = this.used; i < this.pool.length; i++) if (this.pool[i].visible) this.pool[i].setVisible(false);
  }
}

/** An arrow from (x1, y1) to (x2, y2) with a filled head. */
export function arrow(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  color: number,
  width: number,
): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 2) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const head = Math.min(16, len * 0.5) + width;
  g.lineStyle(width, color, 1).lineBetween(x1, y1, x2 - ux * head * 0.6, y2 - uy * head * 0.6);
  g.fillStyle(color, 1).fillTriangle(
    x2,
    y2,
    x2 - ux * head - uy * head * 0.55,
    y2 - uy * head + ux * head * 0.55,
    x2 - ux * head + uy * head * 0.55,
    y2 - uy * head - ux * head * 0.55,
  );
}

/** Shading of the bowl: a light valley to darker slopes. */
export function groundColor(t: number): number {
  const shade = Phaser.Display.Color.Interpolate.ColorWithColor(
    Phaser.Display.Color.ValueToColor(0xe8f5d0),
    Phaser.Display.Color.ValueToColor(0x4a7c59),
    100,
    Math.round(t * 100),
  );
  return Phaser.Display.Color.GetColor(shade.r, shade.g, shade.b);
}
