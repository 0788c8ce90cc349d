// What every scene receives: the app actor (the single source of truth for screens, progress and
// settings), text lookup in the current language, the HTML control layer, sound and the live
// region. Scenes read snapshots and send events; they keep no game state of their own.
import type Phaser from 'phaser';
import type { ActorRefFrom } from 'xstate';
import type { appMachine, ChapterRun } from '../app/appMachine';
import { isMessageKey, translate, type MessageKey, type Params } from '../i18n/i18n';
import type { ArtLoader } from './artLoader';
import type { GameAudio } from './audio';
import type { HtmlLayer } from './ui/htmlLayer';

export type AppActor = ActorRefFrom<typeof appMachine>;

export interface Services {
  app: AppActor;
  ui: HtmlLayer;
  audio: GameAudio;
  /** The pictures: which are in, and waiting for the ones that are not yet. */
  art: ArtLoader;
  announce(text: string): void;
  /** The moment passed (a chapter's step changed): the live region and the caption clear. */
  endMoment(): void;
  /** Records the chapter actor's snapshot for the test API. */
  setChapterView(view: unknown): void;
  /**
   * Tries a failed download again. A browser keeps a failed module import failed for the page's
   * life, so once the network is back the page reloads (the save is kept); while offline it
   * reports false and nothing changes.
   */
  retryDownload(): boolean;
}

/** The chapter being played, as the app machine runs it (null outside a chapter). */
export function chapterRunOf(app: AppActor): ChapterRun | null {
  return app.getSnapshot().context.run;
}

export function servicesOf(scene: Phaser.Scene): Services {
  return scene.registry.get('services') as Services;
}

export function textIn(app: AppActor) {
  return (key: MessageKey, params?: Params): string =>
    translate(app.getSnapshot().context.save.settings.locale, key, params);
}

/** For keys that come from level files: checked at run time (and by a unit test). */
export function dataText(app: AppActor, key: string, params?: Params): string {
  if (!isMessageKey(key)) return key;
  return translate(app.getSnapshot().context.save.settings.locale, key, params);
}
