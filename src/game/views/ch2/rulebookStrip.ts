// The strip under the rule editor: one card per weather day or fruit, with its picture, what the
// rulebook predicted, and a mark. Marks differ in symbol and badge shape, not colour alone: ✓ in
// a round badge (right), ✗ in a square one (wrong), ? in a round grey one (disputed); a wrong card
// also gets a thick border. A mark never sits on a fruit's picture. Drawn in Phaser; the "why?"
// buttons are HTML (see RulebookScene).
import type Phaser from 'phaser';
import type { StripCard } from '../../../levels/ch2/rulebookView';
import type { ArtKey } from '../../keys';
import { COLORS, CSS } from '../../palette';
import { FONT } from '../../scenes/BaseScene';
import type { Tr } from './ruleText';
import { STRIP, fruitCardSpots, type CardBox } from './stripLayout';

export { STRIP, layoutCards, type CardBox } from './stripLayout';

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
  /**
   * The week being run day by day: days before `reached` have run (the last of them is lit),
   * the rest wait, dimmed and unmarked. Absent when no run is under way.
   */
  run?: { reached: number };
}

const MARK_INK = { right: '#00603F', wrong: '#9A3600', disputed: CSS.inkSoft };
const MARK_RING = { right: 0x00603f, wrong: 0x9a3600, disputed: COLORS.inkSoft };

/** The ✓ / ✗ / ? badge centred on (cx, cy): round for ✓ and ?, square for ✗. */
function drawMark(
  scene: Phaser.Scene,
  card: Phaser.GameObjects.Container,
  cx: number,
  cy: number,
  r: number,
  correct: boolean | null,
): void {
  const kind = correct === null ? 'disputed' : correct ? 'right' : 'wrong';
  const g = scene.add.graphics();
  g.fillStyle(0xffffff, 1).lineStyle(3, MARK_RING[kind]);
  if (kind === 'wrong')
    g.fillRoundedRect(cx - r, cy - r, 2 * r, 2 * r, 4).strokeRoundedRect(cx - r, cy - r, 2 * r, 2 * r, 4);
  else g.fillCircle(cx, cy, r).strokeCircle(cx, cy, r);
  const symbol = kind === 'disputed' ? '?' : kind === 'right' ? '✓' : '✗';
  card.add([g, text(scene, cx, cy, symbol, Math.round(r * 1.45), MARK_INK[kind]).setOrigin(0.5)]);
}

/**
 * Redraws the strip into `layer`. Each card is its own container centred on the card, so a card
 * can turn (scaleX) or lift; returns the lit card of a running week, if any.
 */
export function drawStrip(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  cards: readonly StripCard[],
  boxes: readonly CardBox[],
  tr: Tr,
  opts: StripOptions,
): Phaser.GameObjects.Container | null {
  layer.removeAll(true);
  let lit: Phaser.GameObjects.Container | null = null;
  cards.forEach((card, i) => {
    const { x, w } = boxes[i];
    const y = STRIP.y;
    const c = scene.add.container(0, 0);
    const waiting = opts.run !== undefined && i >= opts.run.reached;
    const isLit = opts.run !== undefined && i === opts.run.reached - 1;
    const g = scene.add.graphics();
    const wrong = card.correct === false && !waiting;
    if (isLit) g.fillStyle(COLORS.blue, 1).fillRoundedRect(x - 5, y - 5, w + 10, STRIP.h + 10, 18);
    g.fillStyle(wrong ? 0xfbe0d0 : waiting ? 0xece3d0 : COLORS.cream, 1);
    g.fillRoundedRect(x, y, w, STRIP.h, 14);
    g.lineStyle(wrong ? 5 : 3, wrong ? COLORS.negative : COLORS.ink).strokeRoundedRect(x, y, w, STRIP.h, 14);
    c.add(g);
    drawCard(scene, c, card, x, y, w, tr, opts, waiting);
    // Centre the card's container on the card, so it turns about its middle.
    const cx = x + w / 2;
    const cy = y + STRIP.h / 2;
    c.each((o: Phaser.GameObjects.Components.Transform) => {
      o.x -= cx;
      o.y -= cy;
    });
    c.setPosition(cx, cy);
    // A day still waiting keeps its opaque card; only its contents fade (and it has no mark yet).
    if (waiting)
      for (const o of c.list) if (o !== g) (o as unknown as Phaser.GameObjects.Components.Alpha).setAlpha(0.35);
    if (isLit) lit = c;
    layer.add(c);
  });
  return lit;
}

function drawCard(
  scene: Phaser.Scene,
  c: Phaser.GameObjects.Container,
  card: StripCard,
  x: number,
  y: number,
  w: number,
  tr: Tr,
  opts: StripOptions,
  waiting: boolean,
): void {
  if (opts.kind === 'days') {
    if (!waiting) drawMark(scene, c, x + w - 18, y + 17, 13, card.correct);
    const facts = card.facts ?? {};
    c.add(text(scene, x + 8, y + 4, tr(card.labelKey), 18).setOrigin(0, 0));
    const sky = scene.add
      .image(x + 28, y + 52, (facts.cloudy ? 'weather-cloudy' : 'weather-sunny') as ArtKey)
      .setDisplaySize(40, 40);
    const drop = scene.add.image(x + 62, y + 52, 'weather-humid').setDisplaySize(26, 26);
    c.add([sky, drop, text(scene, x + 76, y + 40, `${String(facts.humidity ?? '')}%`, 15).setOrigin(0, 0)]);
    if (facts.windy) c.add(scene.add.image(x + w - 24, y + 52, 'weather-windy').setDisplaySize(32, 32));
    c.add(scene.add.image(x + 20, y + 84, card.predicted ? 'weather-rain' : 'weather-dry').setDisplaySize(26, 26));
    c.add(text(scene, x + 36, y + 72, `→ ${opts.say(card.predicted)}`, 15).setOrigin(0, 0));
    c.add(
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
  const { image, mark } = fruitCardSpots(w, opts.compact);
  c.add(scene.add.image(x + image.cx, y + image.cy, card.art as ArtKey).setDisplaySize(image.size, image.size));
  drawMark(scene, c, x + mark.cx, y + mark.cy, mark.r, card.correct);
  if (!opts.compact) c.add(text(scene, x + w / 2, y + 60, tr(card.labelKey), 12, CSS.ink, w - 8).setOrigin(0.5, 0));
  const said = opts.say(card.predicted);
  c.add(
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
}
