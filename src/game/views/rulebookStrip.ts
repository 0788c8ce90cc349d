// The strip under the rule editor: one card per weather day or fruit, with its picture, what the
// rulebook predicted, and a mark. Marks differ in symbol and word, not colour alone: ✓ right,
// ✗ wrong, ? disputed. Drawn in Phaser; the "why?" buttons are HTML (see RulebookScene).
import type Phaser from 'phaser';
import type { StripCard } from '../../levels/ch2/rulebookView';
import type { ArtKey } from '../keys';
import { COLORS, CSS } from '../palette';
import { FONT } from '../scenes/BaseScene';
import type { Tr } from './ruleText';

export const STRIP = { x: 16, y: 408, h: 148, right: 1264 };

export interface CardBox {
  x: number;
  w: number;
}

/** Card boxes that share `width` evenly, with a gap between them. */
export function layoutCards(count: number, width: number, x0 = STRIP.x, maxW = 176): CardBox[] {
  const gap = count > 12 ? 4 : 8;
  const w = Math.min(maxW, Math.floor((width - gap * (count - 1)) / count));
  return Array.from({ length: count }, (_, i) => ({ x: x0 + i * (w + gap), w }));
}

function text(
  scene: Phaser.Scene,
  x: number,
  y: number,
  s: string,
  size: number,
  color: string = CSS.ink,
  wrap?: number,
) {
  return scene.add
    .text(x, y, s, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color,
      fontStyle: 'bold',
      align: 'center',
      ...(wrap ? { wordWrap: { width: wrap } } : {}),
    })
    .setResolution(2);
}

export interface StripOptions {
  kind: 'days' | 'fruits';
  /** Words for what was predicted ("rain" / "no rain", "apple" / "not apple"). */
  say: (yes: boolean) => string;
  compact: boolean;
}

/** Redraws the strip into `layer`; returns the card boxes for placing the "why?" buttons. */
export function drawStrip(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  cards: readonly StripCard[],
  boxes: readonly CardBox[],
  tr: Tr,
  opts: StripOptions,
): void {
  layer.removeAll(true);
  cards.forEach((card, i) => {
    const { x, w } = boxes[i];
    const y = STRIP.y;
    const g = scene.add.graphics();
    const wrong = card.correct === false;
    g.fillStyle(wrong ? 0xfbe0d0 : COLORS.cream, 0.96).fillRoundedRect(x, y, w, STRIP.h, 14);
    g.lineStyle(wrong ? 5 : 3, wrong ? COLORS.negative : COLORS.ink).strokeRoundedRect(x, y, w, STRIP.h, 14);
    layer.add(g);
    const mark = card.correct === null ? '?' : card.correct ? '✓' : '✗';
    const markColor = card.correct === null ? CSS.inkSoft : card.correct ? '#00603F' : '#9A3600';
    layer.add(text(scene, x + w - 6, y + 2, mark, opts.compact ? 20 : 26, markColor).setOrigin(1, 0));
    if (opts.kind === 'days') {
      const facts = card.facts ?? {};
      layer.add(text(scene, x + 8, y + 4, tr(card.labelKey), 18).setOrigin(0, 0));
      const sky = scene.add
        .image(x + 28, y + 52, (facts.cloudy ? 'weather-cloudy' : 'weather-sunny') as ArtKey)
        .setDisplaySize(40, 40);
      const drop = scene.add.image(x + 62, y + 52, 'weather-humid').setDisplaySize(26, 26);
      layer.add([sky, drop, text(scene, x + 76, y + 40, `${String(facts.humidity ?? '')}%`, 15).setOrigin(0, 0)]);
      if (facts.windy) layer.add(scene.add.image(x + w - 24, y + 52, 'weather-windy').setDisplaySize(32, 32));
      layer.add(
        scene.add.image(x + 20, y + 84, card.predicted ? 'weather-rain' : 'weather-dry').setDisplaySize(26, 26),
      );
      layer.add(text(scene, x + 36, y + 72, `→ ${opts.say(card.predicted)}`, 15).setOrigin(0, 0));
      layer.add(
        text(
          scene,
          x + w / 2,
          y + 92,
          tr('ch2.real', { what: opts.say(card.expected === true) }),
          13,
          CSS.inkSoft,
        ).setOrigin(0.5, 0),
      );
      return;
    }
    const img = opts.compact ? 40 : 54;
    layer.add(scene.add.image(x + w / 2, y + 6 + img / 2, card.art as ArtKey).setDisplaySize(img, img));
    if (!opts.compact)
      layer.add(text(scene, x + w / 2, y + 60, tr(card.labelKey), 12, CSS.ink, w - 8).setOrigin(0.5, 0));
    const said = opts.say(card.predicted);
    layer.add(
      text(
        scene,
        x + w / 2,
        opts.compact ? y + 50 : y + 94,
        opts.compact ? (card.predicted ? said : '–') : `→ ${said}`,
        opts.compact ? 12 : 13,
        CSS.inkSoft,
        w - 6,
      ).setOrigin(0.5, 0),
    );
  });
}
