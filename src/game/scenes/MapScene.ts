// The AI-history timeline: a stop per chapter in the list, locked until the previous chapter is passed.
import { classroomUnlocks } from '../../app/classroomQueue';
import { CHAPTERS, chapterStatus, isPlayable } from '../../levels/chapters';
import { MAP_ART, SCENES, type ArtKey, type TextureKey } from '../keys';
import { COLORS, CSS } from '../palette';
import { BaseScene, H, W } from './BaseScene';
import { renderMapControls } from '../views/mapView';
import { mapLayout, PADS, STOP_BOX } from '../views/mapLayout';

/**
 * The widest a stop's year label may be before it wraps: on the six pads stops stand about 190 px
 * apart; more stops zigzag on two lines, where a label stays inside its own stop's box.
 */
const yearWrap = (): number => (CHAPTERS.length > PADS.length ? STOP_BOX.left + STOP_BOX.right - 12 : 210);

export class MapScene extends BaseScene {
  constructor() {
    super(SCENES.map);
  }

  create(): void {
    // The controls first (the same HTML the page's shell draws before the engine is up), so a
    // chapter's card answers at once; the pictures behind them when they are in (they load right
    // after the title's, and a quick player may get here first).
    this.followApp(() =>
      renderMapControls(this.services.ui, this.services.app, { press: () => this.services.audio.play('click') }),
    );
    this.withArt([...MAP_ART, ...CHAPTERS.map((c) => c.icon as TextureKey)], () => this.build());
  }

  private build(): void {
    // Where each chapter's stop stands (the first six on the pads of bg-map.svg), for however many
    // chapters the list holds; badges and cards shrink by `S` only when many would overlap.
    const { stops: STOPS, scale: S } = mapLayout(CHAPTERS.length);
    this.add.image(W / 2, H / 2, 'bg-map').setDisplaySize(W, H);
    const heading = this.label(W / 2, 54, 46)
      .setOrigin(0.5)
      .setStroke(CSS.cream, 10);
    const hint = this.label(W / 2, 108, 22, CSS.inkSoft)
      .setOrigin(0.5)
      .setStroke(CSS.cream, 6);
    const path = this.add.graphics();
    path.lineStyle(10, COLORS.ink, 0.25);
    for (let i = 1; i < STOPS.length; i++) path.lineBetween(STOPS[i - 1].x, STOPS[i - 1].y, STOPS[i].x, STOPS[i].y);

    // The AI winter: frost over the road from 1969 (chapter 4) to 1986 (chapter 5) once chapter 4
    // is reached, lifted when it is passed. Snowflakes and a label, not just a pale colour.
    const frost = this.add.graphics();
    const [a, b] = [STOPS[3], STOPS[4]];
    frost.fillStyle(0xe6f6ff, 0.85).lineStyle(4, COLORS.sky, 0.9);
    frost.fillRoundedRect(a.x + 40, Math.min(a.y, b.y) - 40, b.x - a.x - 80, Math.abs(b.y - a.y) + 80, 30);
    frost.strokeRoundedRect(a.x + 40, Math.min(a.y, b.y) - 40, b.x - a.x - 80, Math.abs(b.y - a.y) + 80, 30);
    frost.lineStyle(3, COLORS.blue, 0.8);
    for (let k = 0; k < 5; k++) {
      const fx = a.x + 70 + k * ((b.x - a.x - 140) / 4);
      const fy = a.y + ((b.y - a.y) * k) / 4 + (k % 2 ? -22 : 22);
      for (let r = 0; r < 3; r++) {
        const ang = (r * Math.PI) / 3;
        frost.lineBetween(
          fx - 11 * Math.cos(ang),
          fy - 11 * Math.sin(ang),
          fx + 11 * Math.cos(ang),
          fy + 11 * Math.sin(ang),
        );
      }
    }
    // Left-aligned just right of chapter 4's disc (drawn later, on top), so no word hides under it.
    const winter = this.label(a.x + 70, Math.min(a.y, b.y) - 40, 17, CSS.blue)
      .setOrigin(0, 0)
      .setStroke(CSS.cream, 6);
    const badges = CHAPTERS.map((c, i) => {
      const { x, y } = STOPS[i];
      const disc = this.add.circle(x, y, 62 * S, COLORS.cream).setStrokeStyle(6 * S, COLORS.ink);
      const icon = this.add.image(x, y, c.icon as ArtKey).setDisplaySize(100 * S, 100 * S);
      const lock = this.add.image(x + 46 * S, y - 46 * S, 'lock').setDisplaySize(50 * S, 50 * S);
      // An hourglass for "coming soon": two ink triangles on a sand disc.
      const soon = this.add.graphics({ x: x + 46 * S, y: y - 46 * S }).setScale(S);
      soon
        .fillStyle(COLORS.sand)
        .fillCircle(0, 0, 24)
        .lineStyle(4, COLORS.ink)
        .strokeCircle(0, 0, 24)
        .fillStyle(COLORS.ink)
        .fillTriangle(-10, -14, 10, -14, 0, 0)
        .fillTriangle(-10, 14, 10, 14, 0, 0);
      // Above the disc and its padlock, growing upwards: a long label wraps onto a second line
      // rather than running under the next stop's disc.
      const year = this.label(x, y - 72 * S, 17, CSS.ink)
        .setOrigin(0.5, 1)
        .setAlign('center')
        .setWordWrapWidth(yearWrap() * S)
        .setStroke(CSS.cream, 6);
      const stars = [0, 1, 2].map((k) =>
        this.add.image(x + (k - 1) * 34 * S, y + 58 * S, 'star').setDisplaySize(34 * S, 34 * S),
      );
      return { disc, icon, lock, soon, year, stars };
    });

    this.followApp(() => {
      const save = this.services.app.getSnapshot().context.save;
      const starsByChapter = save.progress.stars;
      const unlocked = classroomUnlocks(save);
      heading.setText(this.t('map.title'));
      hint.setText(this.t('map.hint'));
      const frozen = (starsByChapter['3'] ?? 0) > 0 && (starsByChapter['4'] ?? 0) === 0;
      frost.setVisible(frozen);
      winter.setVisible(frozen).setText(this.t('map.winter'));
      // A locked chapter waits for the one before it; a coming-soon one is not built yet: each has
      // its own picture on the badge (padlock / hourglass) and its own pill (mapView.ts), not
      // colour alone.
      CHAPTERS.forEach((c, i) => {
        const status = chapterStatus(c, starsByChapter, unlocked);
        const n = starsByChapter[String(c.number)] ?? 0;
        const b = badges[i];
        const playable = isPlayable(status);
        b.icon.setAlpha(playable ? 1 : 0.45);
        b.disc.setFillStyle(playable ? COLORS.cream : COLORS.sand);
        b.lock.setVisible(status === 'locked');
        b.soon.setVisible(status === 'soon');
        b.year.setText(this.dt(c.yearKey));
        // Keep the year label on the map: a long label near an edge is pulled back in.
        const half = b.year.width / 2;
        b.year.setX(Math.min(W - 8 - half, Math.max(8 + half, b.disc.x)));
        b.stars.forEach((s, k) =>
          s.setTexture(k < n ? 'star' : 'star-empty').setVisible(status !== 'soon' && status !== 'locked'),
        );
      });
    });
  }
}
