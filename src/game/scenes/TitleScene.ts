// Title: the game's name, Bit, play / continue, language, sound and settings.
import Phaser from 'phaser';
import { SCENES, TITLE_ART } from '../keys';
import { renderTitle } from '../views/titleView';
import { BaseScene, H, W } from './BaseScene';

export class TitleScene extends BaseScene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    // The words and controls are HTML (views/titleView.ts), usually drawn already by the page's
    // shell before the engine loaded; the scene adds the pictures behind them as soon as they
    // arrive, and the click and the music that a press starts.
    this.whenPictures();
    this.followApp(() =>
      renderTitle(this.services.ui, this.services.app, {
        play: () => {
          this.services.audio.play('click');
          this.services.audio.startMusic();
        },
      }),
    );
  }

  private whenPictures(): void {
    const art = this.services.art;
    if (art.has(TITLE_ART)) {
      this.pictures();
      return;
    }
    const stop = art.onChange(() => {
      if (!art.has(TITLE_ART)) return;
      stop();
      const drawn = this.pictures();
      if (!this.reducedMotion) this.tweens.add({ targets: drawn, alpha: { from: 0, to: 1 }, duration: 250 });
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
    // Asked for once the words and controls have been drawn, so a player can press Play while
    // the pictures are still on their way.
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => art.want(TITLE_ART));
  }

  /** The backdrop, Bit and the open box, behind the words. */
  private pictures(): Phaser.GameObjects.Image[] {
    const bg = this.add
      .image(W / 2, H / 2, 'bg-title')
      .setDisplaySize(W, H)
      .setDepth(-2);
    const bit = this.add
      .image(W / 2 - 250, 450, 'bit-happy')
      .setDisplaySize(300, 300)
      .setDepth(-1);
    this.bob(bit, 12);
    const brain = this.add
      .image(W / 2 + 260, 455, 'bit-brain-open')
      .setDisplaySize(260, 260)
      .setDepth(-1);
    this.bob(brain, 6, 1300);
    return [bg, bit, brain];
  }
}
