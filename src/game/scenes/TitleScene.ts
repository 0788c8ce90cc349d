// Title: the game's name, Bit, play / continue, language, sound and settings.
import { LOCALES, translate, type MessageKey } from '../../i18n/i18n';
import Phaser from 'phaser';
import { SCENES, TITLE_ART, artUrl } from '../keys';
import { CSS } from '../palette';
import { BaseScene, H, W } from './BaseScene';

export class TitleScene extends BaseScene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    // Words and controls come at once; the pictures as soon as they arrive (the first start
    // waits for nothing it does not need).
    this.whenPictures();
    const title = this.label(W / 2, 112, 84, CSS.ink)
      .setOrigin(0.5)
      .setStroke(CSS.cream, 14);
    const subtitle = this.label(W / 2, 196, 30, CSS.ink)
      .setOrigin(0.5)
      .setStroke(CSS.cream, 8);
    const credit = this.label(W / 2, H - 24, 15, CSS.ink)
      .setOrigin(0.5)
      .setStroke(CSS.cream, 6);

    this.followApp(() => {
      const snap = this.services.app.getSnapshot();
      const { settings, progress } = snap.context.save;
      title.setText(this.t('app.title'));
      subtitle.setText(this.t('app.subtitle'));
      credit.setText(this.t('app.credit'));
      const hasProgress = Object.values(progress.stars).some((s) => s > 0);
      this.services.ui.sync('title', [
        {
          id: 'play',
          x: W / 2 - 150,
          y: 300,
          w: 300,
          h: 88,
          label: this.t(hasProgress ? 'title.continue' : 'title.play'),
          variant: 'big',
          onPress: () => {
            this.services.audio.play('click');
            this.services.audio.startMusic();
            this.services.app.send({ type: 'title.play' });
          },
        },
        ...LOCALES.map((id, i) => ({
          id: `lang-${id}`,
          x: W / 2 - 150 + i * 155,
          y: 412,
          w: 145,
          h: 56,
          label: translate(id, `lang.${id}` as MessageKey),
          pressed: settings.locale === id,
          ariaLabel: `${this.t('title.language')}: ${translate(id, `lang.${id}` as MessageKey)}`,
          onPress: () => this.services.app.send({ type: 'settings.change', settings: { locale: id } }),
        })),
        {
          id: 'sound',
          x: W / 2 - 150,
          y: 484,
          w: 300,
          h: 56,
          label: this.t(settings.muted ? 'title.soundOff' : 'title.soundOn'),
          icon: artUrl(settings.muted ? 'sound-off' : 'sound-on'),
          variant: 'quiet',
          pressed: !settings.muted,
          onPress: () => this.services.app.send({ type: 'settings.change', settings: { muted: !settings.muted } }),
        },
        {
          id: 'settings',
          x: W / 2 - 150,
          y: 556,
          w: 300,
          h: 56,
          label: this.t('title.settings'),
          variant: 'quiet',
          onPress: () => this.services.app.send({ type: 'settings.open' }),
        },
      ]);
    });
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
