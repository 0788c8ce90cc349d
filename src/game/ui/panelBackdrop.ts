// The cream panel with an ink border that the chapters draw behind their bars and controls, and a
// backdrop with such panels painted on once (for panels that never move).
import Phaser from 'phaser';
import { COLORS } from '../palette';

export interface PanelBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Corner radius. */
  r: number;
  /** Opacity of the cream fill (1 unless given). */
  alpha?: number;
}

/** Adds one panel to `g`: cream fill, 4 px ink border centred on its edge. */
export function drawPanel(g: Phaser.GameObjects.Graphics, p: PanelBox): Phaser.GameObjects.Graphics {
  return g
    .fillStyle(COLORS.cream, p.alpha ?? 1)
    .fillRoundedRect(p.x, p.y, p.w, p.h, p.r)
    .lineStyle(4, COLORS.ink)
    .strokeRoundedRect(p.x, p.y, p.w, p.h, p.r);
}

/** Half a panel's border, which is centred on its edge. */
const PANEL_PAD = 2;

/**
 * A screen-sized texture `key`: the `backdrop` picture with `panels` painted on, made once (a
 * scene object reused for a later attempt reuses its texture too). Panels that never move then
 * cost one picture per frame instead of one each (the canvas renderer, which a slow laptop without
 * WebGL uses, copies every picture's pixels on every frame). Returns the texture's key.
 */
export function bakedBackdrop(
  scene: Phaser.Scene,
  key: string,
  backdrop: string,
  size: { w: number; h: number },
  panels: readonly PanelBox[],
): string {
  if (scene.textures.exists(key)) return key;
  const stage = scene.textures.createCanvas(key, size.w, size.h)!;
  const ctx = stage.getContext();
  ctx.drawImage(scene.textures.get(backdrop).getSourceImage() as CanvasImageSource, 0, 0, size.w, size.h);
  for (const p of panels) {
    // Each panel is drawn on a canvas of its own, then copied on: the same pixels as a panel
    // drawn as a picture of its own over the backdrop.
    const w = p.w + 2 * PANEL_PAD;
    const h = p.h + 2 * PANEL_PAD;
    const panel = Phaser.Display.Canvas.CanvasPool.create2D(scene, w, h);
    const g = scene.make.graphics({}, false);
    drawPanel(g, { ...p, x: PANEL_PAD, y: PANEL_PAD });
    g.generateTexture(panel, w, h);
    g.destroy();
    ctx.drawImage(panel, p.x - PANEL_PAD, p.y - PANEL_PAD);
    Phaser.Display.Canvas.CanvasPool.remove(panel);
  }
  stage.refresh();
  return key;
}
