// The map's controls: a card per chapter (open, locked or coming soon), Back, Replays and
// Settings. Plain HTML in the control layer, no Phaser: the page's shell draws them the moment
// Play is pressed, before the game engine is up (src/game/shell.ts), and the map scene keeps
// drawing the same ones over its pictures, so a chapter's card answers a press as soon as it is
// shown and nothing moves when the engine takes over.
import { classroomUnlocks } from '../../app/classroomQueue';
import { translate, type MessageKey, type Params } from '../../i18n/i18n';
import { CHAPTERS, chapterStatus, isPlayable, type ChapterStatus } from '../../levels/chapters';
import type { AppActor } from '../services';
import { dataText } from '../services';
import type { ButtonSpec, HtmlLayer } from '../ui/htmlLayer';
import { GAME_WIDTH as W } from '../ui/htmlLayer';
import { replaysText } from '../ui/replaysText';
import { mapLayout } from './mapLayout';

export interface MapActions {
  /** Before a chapter's card does its work: the scene's click (the shell has no sound yet). */
  press(): void;
}

/** A chapter's status pill text ("3 stars", "locked", "coming soon"). */
export function mapStatusText(app: AppActor, status: ChapterStatus, stars: number): string {
  const locale = app.getSnapshot().context.save.settings.locale;
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  return status === 'soon' ? t('map.soon') : status === 'locked' ? t('map.locked') : t('map.stars', { n: stars });
}

export function renderMapControls(ui: HtmlLayer, app: AppActor, actions: MapActions): void {
  const save = app.getSnapshot().context.save;
  const locale = save.settings.locale;
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const dt = (key: string) => dataText(app, key);
  const starsByChapter = save.progress.stars;
  // A class's competition opens its chapters for a student who has not passed the ones before.
  const unlocked = classroomUnlocks(save);
  const { stops, scale: S } = mapLayout(CHAPTERS.length);
  const withSound = (onPress: () => void) => () => {
    actions.press();
    onPress();
  };
  const specs: ButtonSpec[] = CHAPTERS.map((c, i) => {
    const status = chapterStatus(c, starsByChapter, unlocked);
    const n = starsByChapter[String(c.number)] ?? 0;
    const title = dt(c.titleKey);
    const statusText = mapStatusText(app, status, n);
    return {
      id: `chapter-${c.number}`,
      x: stops[i].x - 92 * S,
      y: stops[i].y + 80 * S,
      w: 184 * S,
      h: 84 * S,
      label: `${c.number}. ${title}`,
      tag: status === 'soon' || status === 'locked' ? statusText : undefined,
      tagKind: status === 'locked' ? 'warn' : status === 'soon' ? 'soon' : undefined,
      variant: status === 'open' ? 'card primary' : 'card',
      disabled: !isPlayable(status),
      ariaLabel: t('map.chapterLabel', { n: c.number, title, year: dt(c.yearKey), status: statusText }),
      onPress: withSound(() => app.send({ type: 'chapter.open', chapter: c.number })),
    };
  });
  specs.push(
    {
      id: 'back',
      x: 24,
      y: 20,
      w: 170,
      h: 60,
      label: t('map.back'),
      variant: 'quiet',
      onPress: () => app.send({ type: 'map.back' }),
    },
    {
      id: 'replays',
      x: 206,
      y: 20,
      w: 170,
      h: 60,
      label: replaysText(locale)('replays.open'),
      variant: 'quiet',
      onPress: () => app.send({ type: 'replays.open', chapter: 1 }),
    },
    {
      id: 'settings',
      x: W - 194,
      y: 20,
      w: 170,
      h: 60,
      label: t('title.settings'),
      variant: 'quiet',
      onPress: () => app.send({ type: 'settings.open' }),
    },
  );
  ui.sync('map', specs);
}
