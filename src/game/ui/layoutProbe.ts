// What the running game draws, for the browser tests' layout check (tests/browser/layout.mjs):
// every visible canvas text of the shown scenes with its bounds, the box it must stay inside, and
// the pictures drawn over it. Bounds are in CSS pixels of the page, like the HTML layer's
// getBoundingClientRect, so the test compares canvas texts and HTML controls directly. Read only:
// it looks at the scenes' display lists and changes nothing.
import Phaser from 'phaser';

export interface ProbeRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CanvasText {
  scene: string;
  text: string;
  rect: ProbeRect;
  /** The box the text must stay inside: its container's, else the game's. */
  box: ProbeRect;
  /** Pictures (images, discs, boxes) drawn later than the text over its bounds. */
  coveredBy: { what: string; rect: ProbeRect }[];
}

type Obj = Phaser.GameObjects.GameObject;

function visible(o: Obj): boolean {
  const v = o as unknown as {
    visible?: boolean;
    alpha?: number;
    willRender?: (c: Phaser.Cameras.Scene2D.Camera) => boolean;
  };
  if (v.visible === false) return false;
  if (typeof v.alpha === 'number' && v.alpha < 0.05) return false;
  let parent = o.parentContainer;
  while (parent) {
    if (!parent.visible || parent.alpha < 0.05) return false;
    parent = parent.parentContainer;
  }
  return true;
}

/** Every object of a display list in drawing order, containers opened. */
function flatten(list: readonly Obj[], out: Obj[] = []): Obj[] {
  for (const o of list) {
    out.push(o);
    if (o instanceof Phaser.GameObjects.Container) flatten(o.list, out);
  }
  return out;
}

function boundsOf(o: Obj): Phaser.Geom.Rectangle | null {
  const b = o as unknown as { getBounds?: () => Phaser.Geom.Rectangle };
  if (typeof b.getBounds !== 'function') return null;
  const r = b.getBounds();
  return r.width > 0 && r.height > 0 ? r : null;
}

/** The canvas texts of every scene now shown, in page CSS pixels. */
export function probeCanvasTexts(game: Phaser.Game): CanvasText[] {
  const canvas = game.canvas;
  if (!canvas) return [];
  const page = canvas.getBoundingClientRect();
  const k = page.width / game.scale.width;
  const toPage = (r: { x: number; y: number; width: number; height: number }): ProbeRect => ({
    x: page.left + r.x * k,
    y: page.top + r.y * k,
    w: r.width * k,
    h: r.height * k,
  });
  const screen = toPage({ x: 0, y: 0, width: game.scale.width, height: game.scale.height });
  const out: CanvasText[] = [];
  // Later scenes draw over earlier ones: their pictures may cover an earlier scene's texts.
  const drawn: { scene: string; o: Obj }[] = [];
  for (const scene of game.scene.getScenes(true)) {
    for (const o of flatten(scene.children.list)) drawn.push({ scene: scene.scene.key, o });
  }
  drawn.forEach(({ scene, o }, i) => {
    if (!(o instanceof Phaser.GameObjects.Text) || !visible(o) || !o.text.trim()) return;
    const own = boundsOf(o);
    if (!own) return;
    // Phaser's text bounds include its padding; the letters are inside it.
    const pad = { left: 0, right: 0, top: 0, bottom: 0, ...o.padding };
    const inner = new Phaser.Geom.Rectangle(
      own.x + pad.left * o.scaleX,
      own.y + pad.top * o.scaleY,
      own.width - (pad.left + pad.right) * o.scaleX,
      own.height - (pad.top + pad.bottom) * o.scaleY,
    );
    // A line's box is the font's whole ascent and descent, taller than the letters: a fifth of a
    // line off the top and the bottom leaves the letters (as the test does for HTML text).
    const lineH = inner.height / Math.max(1, o.getWrappedText().length);
    inner.y += lineH / 5;
    inner.height -= (2 * lineH) / 5;
    const parent = o.parentContainer;
    const parentBounds = parent && parent.width > 0 && parent.height > 0 ? parent.getBounds() : null;
    const coveredBy: CanvasText['coveredBy'] = [];
    for (const later of drawn.slice(i + 1)) {
      const p = later.o;
      const picture =
        p instanceof Phaser.GameObjects.Image ||
        p instanceof Phaser.GameObjects.Arc ||
        p instanceof Phaser.GameObjects.Rectangle;
      if (!picture || !visible(p) || (p as unknown as { alpha: number }).alpha < 0.5) continue;
      const r = boundsOf(p);
      // A full-screen picture drawn later is a scene's backdrop (a scene shown over another).
      if (!r || r.width * r.height > 0.5 * game.scale.width * game.scale.height) continue;
      if (!Phaser.Geom.Intersects.RectangleToRectangle(r, inner)) continue;
      const what =
        p instanceof Phaser.GameObjects.Image
          ? `image ${p.texture.key}`
          : p instanceof Phaser.GameObjects.Arc
            ? 'disc'
            : 'box';
      coveredBy.push({ what, rect: toPage(r) });
    }
    out.push({
      scene,
      text: o.text,
      rect: toPage(inner),
      box: parentBounds ? toPage(parentBounds) : screen,
      coveredBy,
    });
  });
  return out;
}
