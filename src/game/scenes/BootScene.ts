// Loads the art with a progress bar, then tells the app that booting is done.
import Phaser from 'phaser';
import { ART, BACKGROUNDS, SCENES } from '../keys';
import { COLORS } from '../palette';
import { BaseScene, H, W } from './BaseScene';

export class BootScene extends BaseScene {
  constructor() {
    super(SCENES.boot);
  }

  preload(): void {
    const base = import.meta.env.BASE_URL;
    const barW = 520;
    const frame = this.add.graphics();
    frame.lineStyle(6, COLORS.ink).strokeRoundedRect(W / 2 - barW / 2, H / 2 - 22, barW, 44, 20);
    const bar = this.add.graphics();
    const text = this.label(W / 2, H / 2 + 60, 24).setOrigin(0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar
        .clear()
        .fillStyle(COLORS.orange)
        .fillRoundedRect(W / 2 - barW / 2 + 6, H / 2 - 16, Math.max(20, (barW - 12) * p), 32, 14);
      text.setText(this.t('app.loading', { percent: Math.round(p * 100) }));
    });
    // SVGs are rasterised at twice their display size so they stay crisp when scaled up.
    for (const key of ART) this.load.svg(key, `${base}art/${key}.svg`, { width: 512, height: 512 });
    for (const key of BACKGROUNDS) this.load.svg(key, `${base}art/${key}.svg`, { width: W, height: H });
  }

  create(): void {
    this.services.audio.load();
    this.services.app.send({ type: 'boot.done' });
  }
}
