// Chapter 3's neuron, drawn from plain numbers: input bulbs (lit: yellow with rays and "1";
// unlit: grey, hollow, dotted, "0"), each connection's line (thickness |w|; + blue solid,
// − vermilion dashed, 0 faint dotted; faded when its input is 0, since nothing flows), the chip
// with w·x, the Σ body, the upright sum meter with the threshold across it, and the lamp.
// The knobs themselves are HTML sliders placed by the scene over the gap between bulbs and lines.
import type Phaser from 'phaser';
import { COLORS, CSS } from '../palette';
import { FONT, textResolution } from '../scenes/BaseScene';
import { LAYOUT, dashPattern, dashes, formatNumber, lineWidth, meterY, rowY, signOf } from './neuronLayout';

export interface NeuronRow {
  word: string;
  input: number;
  weight: number;
  contribution: number;
}

export interface NeuronSpec {
  rows: NeuronRow[];
  sum: number;
  threshold: number;
  lit: boolean;
  meter: { min: number; max: number };
  labels: { inputs: string; knobs: string; sum: string; threshold: string; lamp: string; compare: string };
}

const SIGN_COLOR = { plus: COLORS.positive, minus: COLORS.negative, zero: COLORS.locked } as const;

export class NeuronView {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly words: Phaser.GameObjects.Text[] = [];
  private readonly bits: Phaser.GameObjects.Text[] = [];
  private readonly chips: Phaser.GameObjects.Text[] = [];
  private readonly ticks: Phaser.GameObjects.Text[] = [];
  private readonly lamp: Phaser.GameObjects.Image;
  private readonly text: Record<
    'inputs' | 'knobs' | 'sumTitle' | 'sigma' | 'sum' | 'threshold' | 'lamp' | 'compare' | 'sumTag',
    Phaser.GameObjects.Text
  >;

  constructor(
    readonly scene: Phaser.Scene,
    rows: number,
    meter: { min: number; max: number },
  ) {
    this.g = scene.add.graphics();
    const t = (x: number, y: number, size: number, color: string = CSS.ink) =>
      scene.add
        .text(x, y, '', { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: 'bold' })
        .setResolution(textResolution(scene));
    for (let i = 0; i < rows; i++) {
      this.words.push(t(LAYOUT.inputs.wordX, rowY(i), 20).setOrigin(0, 0.5));
      this.bits.push(t(LAYOUT.inputs.bulbX, rowY(i), 16).setOrigin(0.5));
      this.chips.push(t(LAYOUT.chipX, rowY(i), 17).setOrigin(0.5));
    }
    for (let v = Math.ceil(meter.min); v <= meter.max; v += 2)
      this.ticks.push(
        t(LAYOUT.meter.x - 6, meterY(v, meter), 13, CSS.inkSoft)
          .setOrigin(1, 0.5)
          .setText(formatNumber(v)),
      );
    this.lamp = scene.add
      .image(LAYOUT.lamp.x, LAYOUT.lamp.y, 'lamp-off')
      .setDisplaySize(LAYOUT.lamp.size, LAYOUT.lamp.size);
    const { x, y } = LAYOUT.neuron;
    this.text = {
      inputs: t(LAYOUT.inputs.bulbX - 16, 68, 20, CSS.inkSoft),
      knobs: t(LAYOUT.knobs.x - 8, 68, 20, CSS.inkSoft),
      sumTitle: t(LAYOUT.meter.x + LAYOUT.meter.w / 2, LAYOUT.meter.y0 - 18, 16, CSS.inkSoft).setOrigin(0.5, 1),
      sigma: t(x, y - 12, 30).setOrigin(0.5),
      sum: t(x, y + 18, 22).setOrigin(0.5),
      threshold: t(1012, LAYOUT.meter.y1 + 8, 16, CSS.ink).setOrigin(1, 0),
      lamp: t(LAYOUT.lamp.x - 70, LAYOUT.lamp.y - 10, 22).setOrigin(1, 0.5),
      compare: t(850, 528, 20).setOrigin(0.5),
      sumTag: t(0, 0, 15, CSS.white).setOrigin(1, 0.5),
    };
  }

  render(spec: NeuronSpec): void {
    const g = this.g.clear();
    const { x: nx, y: ny, r } = LAYOUT.neuron;
    this.text.inputs.setText(spec.labels.inputs);
    this.text.knobs.setText(spec.labels.knobs);
    this.text.sumTitle.setText(spec.labels.sum);
    spec.rows.forEach((row, i) => {
      const y = rowY(i);
      const on = row.input === 1;
      this.bulb(LAYOUT.inputs.bulbX, y, on);
      this.bits[i].setText(on ? '1' : '0').setColor(on ? CSS.ink : CSS.inkSoft);
      this.words[i].setText(row.word).setColor(on ? CSS.ink : CSS.inkSoft);
      // The connection: from the chip to the body's rim, aimed at its centre.
      const sign = signOf(row.weight);
      const angle = Math.atan2(ny - y, nx - LAYOUT.lineX);
      const ex = nx - Math.cos(angle) * (r + 2);
      const ey = ny - Math.sin(angle) * (r + 2);
      g.lineStyle(lineWidth(row.weight), SIGN_COLOR[sign], sign === 'zero' ? 0.45 : on ? 1 : 0.35);
      for (const [a, b, c, d] of dashes(LAYOUT.lineX, y, ex, ey, dashPattern(sign))) g.lineBetween(a, b, c, d);
      // The chip shows w·x, what this connection adds to the sum right now.
      g.fillStyle(on && row.weight !== 0 ? COLORS.white : COLORS.sand, 1).fillRoundedRect(
        LAYOUT.chipX - 26,
        y - 14,
        52,
        28,
        10,
      );
      g.lineStyle(2, COLORS.ink, on ? 1 : 0.4).strokeRoundedRect(LAYOUT.chipX - 26, y - 14, 52, 28, 10);
      const c = row.contribution;
      this.chips[i]
        .setText(c > 0 ? `+${formatNumber(c)}` : formatNumber(c))
        .setColor(on && c !== 0 ? CSS.ink : CSS.inkSoft);
    });
    // The body: Σ and the sum, with a wire up to the lamp.
    g.lineStyle(6, COLORS.ink, 1).lineBetween(nx, ny - r, nx, LAYOUT.lamp.y + LAYOUT.lamp.size / 2 - 14);
    g.fillStyle(spec.lit ? COLORS.yellow : COLORS.cream, 1).fillCircle(nx, ny, r);
    g.lineStyle(5, COLORS.ink, 1).strokeCircle(nx, ny, r);
    this.text.sigma.setText('Σ');
    this.text.sum.setText(formatNumber(spec.sum));
    this.lamp.setTexture(spec.lit ? 'lamp-on' : 'lamp-off');
    this.text.lamp.setText(spec.labels.lamp).setColor(spec.lit ? CSS.ink : CSS.inkSoft);
    this.meter(spec);
    this.text.compare.setText(spec.labels.compare);
  }

  private bulb(x: number, y: number, on: boolean): void {
    const g = this.g;
    if (on) {
      // Rays: a lit bulb differs in shape, not only in colour.
      g.lineStyle(3, COLORS.orange, 1);
      for (let k = 0; k < 8; k++) {
        const a = (k * Math.PI) / 4;
        g.lineBetween(x + Math.cos(a) * 19, y + Math.sin(a) * 19, x + Math.cos(a) * 25, y + Math.sin(a) * 25);
      }
      g.fillStyle(COLORS.yellow, 1).fillCircle(x, y, 16);
      g.lineStyle(3, COLORS.ink, 1).strokeCircle(x, y, 16);
    } else {
      g.fillStyle(COLORS.stone, 0.5).fillCircle(x, y, 14);
      g.lineStyle(2, COLORS.inkSoft, 1);
      for (let k = 0; k < 12; k += 2)
        g.beginPath()
          .arc(x, y, 14, (k * Math.PI) / 6, ((k + 1) * Math.PI) / 6)
          .strokePath();
    }
  }

  private meter(spec: NeuronSpec): void {
    const g = this.g;
    const { x, w, y0, y1 } = LAYOUT.meter;
    g.fillStyle(COLORS.white, 1).fillRoundedRect(x, y0, w, y1 - y0, 8);
    // The sum as a bar from 0; striped when it passes the threshold (lit), plain otherwise.
    const zeroY = meterY(0, spec.meter);
    const sumY = meterY(spec.sum, spec.meter);
    const top = Math.min(zeroY, sumY);
    const h = Math.max(2, Math.abs(zeroY - sumY));
    g.fillStyle(spec.lit ? COLORS.yellow : COLORS.sky, 1).fillRect(x + 3, top, w - 6, h);
    if (spec.lit) {
      g.lineStyle(2, COLORS.orange, 1);
      for (let yy = top + 6; yy < top + h; yy += 8) g.lineBetween(x + 3, yy, x + w - 3, yy - 5);
    }
    g.lineStyle(1, COLORS.inkSoft, 0.7);
    for (let v = Math.ceil(spec.meter.min); v <= spec.meter.max; v++) {
      const yy = meterY(v, spec.meter);
      g.lineBetween(x - (v % 2 === 0 ? 5 : 2), yy, x, yy);
    }
    g.lineStyle(2, COLORS.ink, 1).lineBetween(x, zeroY, x + w, zeroY);
    g.lineStyle(4, COLORS.ink, 1).strokeRoundedRect(x, y0, w, y1 - y0, 8);
    // The threshold: a thick bar across the meter reaching out to its knob.
    const ty = meterY(spec.threshold, spec.meter);
    g.lineStyle(5, COLORS.ink, 1).lineBetween(x - 8, ty, LAYOUT.thresholdKnobX, ty);
    g.fillStyle(COLORS.ink, 1).fillTriangle(x - 14, ty - 8, x - 14, ty + 8, x - 4, ty);
    this.text.threshold.setText(`${spec.labels.threshold} ${formatNumber(spec.threshold)}`);
    // Where the sum stands: a tag pointing at the bar's end.
    g.fillStyle(COLORS.ink, 1)
      .fillRoundedRect(x - 62, sumY - 12, 44, 24, 8)
      .fillTriangle(x - 18, sumY - 7, x - 18, sumY + 7, x - 8, sumY);
    this.text.sumTag.setText(formatNumber(spec.sum)).setPosition(x - 24, sumY);
    this.ticks.forEach((tk) => tk.setVisible(Math.abs(tk.y - sumY) > 14));
  }
}
