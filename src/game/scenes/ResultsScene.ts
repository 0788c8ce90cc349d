// Results: stars, the chapter's numbers, its one key insight with the field's words for it, and
// retry / next / map.
import { nextPlayableChapter } from '../../app/appMachine';
import { CHAPTERS, chapterStatus } from '../../levels/chapters';
import { SCENES } from '../keys';
import { CSS } from '../palette';
import { BaseScene, H, W } from './BaseScene';
import { renderInsightCard } from '../views/insightCard';
import { replaysText } from '../ui/replaysText';
import { isMessageKey } from '../../i18n/i18n';

export class ResultsScene extends BaseScene {
  constructor() {
    super(SCENES.results);
  }

  create(): void {
    this.add.image(W / 2, H / 2, 'bg-stage').setDisplaySize(W, H);
    this.add.rectangle(W / 2, H / 2, W, H, 0x2b2d42, 0.25);
    const panel = this.add.rectangle(W / 2, 330, 900, 520, 0xfff8e7, 1).setStrokeStyle(6, 0x2b2d42);
    panel.setOrigin(0.5);
    const heading = this.label(W / 2, 110, 48).setOrigin(0.5);
    const starsText = this.label(W / 2, 262, 22, CSS.inkSoft).setOrigin(0.5);
    const stats = this.label(W / 2, 300, 24).setOrigin(0.5);
    // What earns each star, for chapters that say it (results.chN.stars).
    const starsWhy = this.label(W / 2, 282, 16, CSS.inkSoft).setOrigin(0.5);
    const nextNote = this.label(W / 2, 700, 18, CSS.cream)
      .setOrigin(0.5)
      .setStroke(CSS.ink, 6);
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
    const bit = this.add.image(W - 140, 560, n > 0 ? 'bit-happy' : 'bit-confused').setDisplaySize(220, 220);
    this.bob(bit, 10, 600);
    if (n > 0) this.services.audio.play('complete');

    this.followApp(() => {
      const snap = this.services.app.getSnapshot();
      const o = snap.context.outcome;
      if (!o) return;
      heading.setText(this.t('results.title'));
      starsText.setText(this.t('results.stars', { n: o.stars }));
      stats.setText(this.dt(`results.ch${o.chapter}.stats`, o.stats));
      const whyKey = `results.ch${o.chapter}.stars`;
      starsText.setY(isMessageKey(whyKey) ? 250 : 262);
      starsWhy.setText(isMessageKey(whyKey) ? this.dt(whyKey, o.stats) : '');
      stats.setY(isMessageKey(whyKey) ? 308 : 300);
      // With no next chapter to play, the first button says it goes to the map, and why.
      const next = nextPlayableChapter(snap.context.save, o.chapter);
      const after = CHAPTERS.find((c) => c.number === o.chapter + 1);
      const why =
        next !== null
          ? ''
          : after && chapterStatus(after, snap.context.save.progress.stars) === 'soon'
            ? this.t('results.nextSoon', { n: after.number })
            : after
              ? this.t('results.nextLocked')
              : this.t('results.finale');
      nextNote.setText(why);
      // Each chapter names what the player did in the field's words: results.chN.vocab, found by
      // the chapter's number, so a new chapter only adds its key.
      const vocabKey = `results.ch${o.chapter}.vocab`;
      renderInsightCard(this.services.ui, {
        heading: this.t('results.insight'),
        text: this.dt(`ch${o.chapter}.insight`),
        vocab: isMessageKey(vocabKey) ? { heading: this.t('results.vocab'), text: this.dt(vocabKey) } : null,
        // What earns the next star (the chapter's nextStar), under the numbers it is about.
        nextStar: o.nextStar ? this.dt(o.nextStar.key, o.nextStar.params) : null,
      });
      this.services.ui.sync('results', [
        {
          id: 'next',
          x: 190,
          y: 610,
          w: 230,
          h: 66,
          label: this.t(next !== null ? 'results.next' : 'results.toMap'),
          variant: 'primary',
          onPress: () => this.services.app.send({ type: 'results.next' }),
        },
        {
          id: 'retry',
          x: 436,
          y: 610,
          w: 190,
          h: 66,
          label: this.t('results.retry'),
          onPress: () => this.services.app.send({ type: 'results.retry' }),
        },
        {
          id: 'replays',
          x: 642,
          y: 610,
          w: 190,
          h: 66,
          label: replaysText(snap.context.save.settings.locale)('replays.open'),
          variant: 'quiet',
          onPress: () => this.services.app.send({ type: 'replays.open', chapter: o.chapter }),
        },
        {
          id: 'map',
          x: 848,
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
