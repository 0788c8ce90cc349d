// Shared plumbing for our scenes: services, text in the current language, and cleanup of the
// scene's HTML controls and app subscription when it shuts down.
import Phaser from 'phaser';
import type { MessageKey, Params } from '../../i18n/i18n';
import type { TextureKey } from '../keys';
import { dataText, servicesOf, textIn, type Services } from '../services';
import { GAME_HEIGHT, GAME_WIDTH } from '../ui/htmlLayer';
import { CSS } from '../palette';
import { CANVAS_QUOTES } from '../ui/canvasFont';
import { renderDialogue } from '../ui/widgets';

export const W = GAME_WIDTH;
export const H = GAME_HEIGHT;
export const FONT =
  `'${CANVAS_QUOTES}', ` +
  "'Baloo 2', 'Nunito', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

/**
 * The resolution to draw canvas text at. WebGL draws text at twice the game's pixels, which its
 * texture filtering turns into smooth edges for free. The canvas renderer (a browser without
 * WebGL, typically a slow laptop) would scale that down on every frame, which costs it more than
 * everything else on screen, and its 1280×720 canvas shows no more detail than 1×: there it is 1.
 */
export function textResolution(scene: Phaser.Scene): number {
  return scene.sys.game.config.renderType === Phaser.CANVAS ? 1 : 2;
}

export abstract class BaseScene extends Phaser.Scene {
  protected get services(): Services {
    return servicesOf(this);
  }

  protected t(key: MessageKey, params?: Params): string {
    return textIn(this.services.app)(key, params);
  }

  protected dt(key: string, params?: Params): string {
    return dataText(this.services.app, key, params);
  }

  /** Text whose string params are themselves text keys (command, fruit, seller names); numbers pass through. */
  protected dtKeys(key: string, params: Params = {}): string {
    const resolved: Params = {};
    for (const [k, v] of Object.entries(params)) resolved[k] = typeof v === 'string' ? this.dt(v) : v;
    return this.dt(key, resolved);
  }

  protected get reducedMotion(): boolean {
    return this.services.app.getSnapshot().context.save.settings.reducedMotion;
  }

  /** Calls `render` now and on every app snapshot until the scene shuts down. */
  protected followApp(render: () => void, key?: (snap: ReturnType<Services['app']['getSnapshot']>) => unknown): void {
    // With a key, only app snapshots whose key changed re-render (e.g. a chapter scene need not
    // redraw when the app merely notes the chapter's progress in the save).
    let last: unknown = key?.(this.services.app.getSnapshot());
    const sub = this.services.app.subscribe((snap) => {
      if (key) {
        const next = key(snap);
        if (next === last) return;
        last = next;
      }
      render();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      sub.unsubscribe();
      this.services.ui.clearAll();
    });
    render();
  }

  /**
   * Calls `build` once these pictures are in: at once when they are (the usual case), else after
   * a small loading line in the player's language, so the scene never draws a missing texture.
   */
  protected withArt(keys: readonly TextureKey[], build: () => void): void {
    const art = this.services.art;
    if (art.has(keys)) {
      build();
      return;
    }
    art.want(keys);
    const line = this.label(W / 2, H / 2, 28).setOrigin(0.5);
    const show = () => line.setText(this.t('app.loading', { percent: Math.round(art.progress(keys) * 100) }));
    show();
    const sub = this.services.app.subscribe(show);
    const stop = art.onChange(() => {
      if (!art.has(keys)) return show();
      done();
      build();
    });
    let waiting = true;
    const done = () => {
      if (!waiting) return;
      waiting = false;
      stop();
      sub.unsubscribe();
      line.destroy();
    };
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, done);
  }

  /** Keyboard focus on the dialogue's Next button, once the HTML layer has drawn it. */
  protected focusDialogueNext(): void {
    requestAnimationFrame(() => this.services.ui.focus('dialogue', 'next'));
  }

  /** A canvas text label in the game font. */
  protected label(x: number, y: number, size: number, color = CSS.ink): Phaser.GameObjects.Text {
    return this.add
      .text(x, y, '', { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: 'bold', padding: { x: 4, y: 6 } })
      .setResolution(textResolution(this));
  }

  /**
   * Says the scene's first picture is opaque and covers the whole screen on every frame: the
   * canvas renderer (a machine without WebGL) then skips clearing and filling the canvas before
   * each frame, a full-screen fill that costs a slow laptop about a tenth of its frame. Restored
   * when the scene shuts down. WebGL clears for free and is left alone.
   */
  protected coversScreen(): void {
    const renderer = this.game.renderer;
    if (!(renderer instanceof Phaser.Renderer.Canvas.CanvasRenderer)) return;
    const config = renderer.config as { clearBeforeRender: boolean };
    config.clearBeforeRender = false;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      config.clearBeforeRender = true;
    });
  }

  /** A gentle up-and-down idle motion, skipped with reduced motion. */
  protected bob(target: Phaser.GameObjects.GameObject & { y: number }, amount = 8, duration = 900): void {
    if (this.reducedMotion) return;
    this.tweens.add({
      targets: target,
      y: target.y - amount,
      duration,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
    });
  }

  /** The mentor's line in the dialogue box; during an intro it offers Next and Skip. */
  protected renderMentor(
    text: string,
    notice: boolean,
    intro: boolean,
    send: (event: { type: 'dialogue.next' | 'dialogue.skip' }) => void,
  ): void {
    renderDialogue(this.services.ui, {
      name: this.t('mentor.name'),
      text,
      notice,
      next: intro ? { label: this.t('dialogue.next'), onPress: () => send({ type: 'dialogue.next' }) } : undefined,
      skip: intro ? { label: this.t('dialogue.skip'), onPress: () => send({ type: 'dialogue.skip' }) } : undefined,
    });
  }
}
