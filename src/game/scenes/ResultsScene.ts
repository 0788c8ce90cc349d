// Results: stars, the chapter's numbers, its one key insight, and retry / next / map.
import { SCENES, artUrl } from '../keys';
import { CSS } from '../palette';
import { BaseScene, H, W } from './BaseScene';

export class ResultsScene extends BaseScene {
  constructor() {
    super(SCENES.results);
  }

  create(): void {
    this.add.image(W / 2, H / 2, 'bg-stage').setDisplaySize(W, H);
    this.add.rectangle(W / 2, H / 2, W, H, 0x2b2d42, 0.25);
    const panel = this.add.rectangle(W / 2, 330, 900, 520, 0xfff8e7, 0.96).setStrokeStyle(6, 0x2b2d42);
    panel.setOrigin(0.5);
    const heading = this.label(W / 2, 110, 48).setOrigin(0.5);
    const starsText = this.label(W / 2, 262, 22, CSS.inkSoft).setOrigin(0.5);
    const stats = this.label(W / 2, 300, 24).setOrigin(0.5);
    const outcome = this.services.app.getSnapshot().context.outcome;
    const n = outcome?.stars ?? 0;
    const stars = [0, 1, 2].map((k) =>
      this.add
        .image(W / 2 - 110 + k * 110, 190, k < n ? 'star' : 'star-empty')
        .setDisplaySize(96, 96)
        .setScale(0.01),
    );
    stars.forEach((s, k) =>
      this.tweens.add({
        targets: s,
        scale: 96 / 512,
        delay: this.reducedMotion ? 0 : 250 * k,
        duration: this.reducedMotion ? 0 : 400,
        ease: 'Back.easeOut',
      }),
    );
    const bit = this.add.image(W - 250, 560, n > 0 ? 'bit-happy' : 'bit-confused').setDisplaySize(220, 220);
    this.bob(bit, 10, 600);
    if (n > 0) this.services.audio.play('complete');

    this.followApp(() => {
      const snap = this.services.app.getSnapshot();
      const o = snap.context.outcome;
      if (!o) return;
      heading.setText(this.t('results.title'));
      starsText.setText(this.t('results.stars', { n: o.stars }));
      stats.setText(this.dt(`results.ch${o.chapter}.stats`, o.stats));
      const insight = this.services.ui.element('insight', 'div', 'bbd-label');
      Object.assign(insight.style, {
        left: '250px',
        top: '350px',
        width: '680px',
        fontSize: '21px',
        lineHeight: '1.45',
        fontWeight: '600',
      });
      insight.innerHTML = '';
      const h = document.createElement('div');
      h.style.cssText = `font-weight:800;color:${CSS.blue};margin-bottom:6px;font-size:22px`;
      const bulb = document.createElement('img');
      bulb.src = artUrl('lamp-on');
      bulb.alt = '';
      bulb.style.cssText = 'width:34px;height:34px;vertical-align:middle;margin-right:6px';
      h.append(bulb, this.t('results.insight'));
      const p = document.createElement('div');
      p.textContent = this.dt(`ch${o.chapter}.insight`);
      insight.append(h, p);
      this.services.ui.sync('results', [
        {
          id: 'next',
          x: 250,
          y: 610,
          w: 230,
          h: 66,
          label: this.t('results.next'),
          variant: 'primary',
          onPress: () => this.services.app.send({ type: 'results.next' }),
        },
        {
          id: 'retry',
          x: 500,
          y: 610,
          w: 200,
          h: 66,
          label: this.t('results.retry'),
          onPress: () => this.services.app.send({ type: 'results.retry' }),
        },
        {
          id: 'map',
          x: 720,
          y: 610,
          w: 160,
          h: 66,
          label: this.t('results.map'),
          variant: 'quiet',
          onPress: () => this.services.app.send({ type: 'results.map' }),
        },
      ]);
    });
    this.services.ui.focus('results', 'next');
  }
}
