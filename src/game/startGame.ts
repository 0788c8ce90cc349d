// Creates the Phaser game and keeps the visible scene in step with the app machine's screen.
// Global overlays (settings, save problems, sound captions) are drawn here, above every scene.
import Phaser from 'phaser';
import { loadChapterText, translate, LOCALES, type MessageKey } from '../i18n/i18n';
import type { TestApi } from '../testApi';
import { GameAudio, type SoundKey } from './audio';
import { SCENES } from './keys';
import { CSS } from './palette';
import type { AppActor, Services } from './services';
import { BootScene } from './scenes/BootScene';
import { TitleScene } from './scenes/TitleScene';
import { MapScene } from './scenes/MapScene';
import { ResultsScene } from './scenes/ResultsScene';
import { HtmlLayer, GAME_HEIGHT, GAME_WIDTH } from './ui/htmlLayer';
import { renderProblem, renderSettings, showCaption } from './ui/widgets';

// Chapter scenes (with their rules, level files and schemas) load on first use, which keeps the
// first download small.
type SceneClass = new () => Phaser.Scene;
const CHAPTER_SCENES: Record<number, { key: string; load: () => Promise<SceneClass> }> = {
  1: { key: SCENES.sit, load: () => import('./scenes/SitScene').then((m) => m.SitScene) },
  2: {
    key: SCENES.rulebook,
    load: () =>
      loadChapterText(2)
        .then(() => import('./scenes/RulebookScene'))
        .then((m) => m.RulebookScene),
  },
  3: {
    key: SCENES.lamp,
    load: () =>
      loadChapterText(3)
        .then(() => import('./scenes/AppleLampScene'))
        .then((m) => m.AppleLampScene),
  },
};

function sceneFor(screen: string, chapter: number | null): string | null {
  switch (screen) {
    case 'title':
      return SCENES.title;
    case 'map':
      return SCENES.map;
    case 'results':
      return SCENES.results;
    case 'chapter':
      return chapter !== null ? (CHAPTER_SCENES[chapter]?.key ?? SCENES.map) : SCENES.map;
    default:
      return null;
  }
}

function showFatal(err: unknown): void {
  const el = document.getElementById('fatal');
  if (!el) return;
  el.hidden = false;
  el.textContent = err instanceof Error ? err.message : String(err);
}

export function startGame(app: AppActor, api: TestApi): Phaser.Game {
  const ui = new HtmlLayer(document.getElementById('ui')!);
  const overlay = new HtmlLayer(document.getElementById('overlay')!);
  const live = document.getElementById('live')!;
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(app.getSnapshot().context.save.settings.locale, key, params);
  const audio = new GameAudio(import.meta.env.BASE_URL, (key: SoundKey) =>
    showCaption(overlay, t(`caption.${key}` as MessageKey)),
  );
  api.setSoundProbe(() => ({ lastPlayed: audio.lastPlayed, contextState: audio.contextState }));

  const services: Services = {
    app,
    ui,
    audio,
    announce(text: string) {
      // Clearing first makes screen readers repeat an identical message.
      live.textContent = '';
      requestAnimationFrame(() => (live.textContent = text));
    },
    setChapterView: (view) => api.setChapterView(view),
  };

  const params = new URLSearchParams(location.search);
  const game = new Phaser.Game({
    type: params.get('renderer') === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
    parent: 'game',
    backgroundColor: CSS.cream,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: GAME_WIDTH, height: GAME_HEIGHT },
    audio: { noAudio: true },
    banner: false,
    scene: [BootScene, TitleScene, MapScene, ResultsScene],
    callbacks: {
      preBoot: (g) => g.registry.set('services', services),
    },
  });

  const fit = () => {
    if (game.canvas) {
      ui.fit(game.canvas);
      overlay.fit(game.canvas);
    }
  };
  game.scale.on(Phaser.Scale.Events.RESIZE, fit);
  window.addEventListener('resize', () => requestAnimationFrame(fit));
  game.events.once(Phaser.Core.Events.READY, () => {
    fit();
    new ResizeObserver(fit).observe(game.canvas);
  });

  let shown: string | null = null;
  let reportedProblem: unknown = null;
  let lastScreen = '';
  app.subscribe((snap) => {
    const { screen, settings } = snap.value as { screen: string; settings: string };
    const s = snap.context.save.settings;
    document.documentElement.lang = s.locale;
    audio.setVolume(s.volume);
    audio.setMuted(s.muted);

    const target = sceneFor(screen, snap.context.chapter);
    // Re-entering a chapter (retry) passes through a new screen value, so a change of screen
    // always restarts the target scene.
    if (target && (target !== shown || screen !== lastScreen)) {
      if (shown && shown !== SCENES.boot) game.scene.stop(shown);
      shown = target;
      const lazy = Object.values(CHAPTER_SCENES).find((c) => c.key === target);
      if (lazy && !game.scene.getScene(target)) {
        lazy
          .load()
          .then((cls) => {
            if (!game.scene.getScene(target)) game.scene.add(target, cls, false);
            if (shown === target) game.scene.start(target);
          })
          .catch((err: unknown) => showFatal(err));
      } else {
        game.scene.start(target);
      }
    }
    lastScreen = screen;

    // The scene's controls turn inert only after the settings have noted which one had focus
    // (to give it back on close), and live again before that focus is given back.
    const settingsOpen = settings === 'open';
    if (!settingsOpen) ui.root.inert = false;
    renderSettings(
      overlay,
      settingsOpen
        ? {
            title: t('settings.title'),
            volumeLabel: t('settings.volume'),
            volume: s.volume,
            volumeText: t('settings.volumeValue', { percent: Math.round(s.volume * 100) }),
            soundLabel: t('settings.sound'),
            muted: s.muted,
            onOff: { on: t('settings.on'), off: t('settings.off') },
            languageLabel: t('settings.language'),
            languages: LOCALES.map((id) => ({
              id,
              label: translate(id, `lang.${id}` as MessageKey),
              selected: id === s.locale,
            })),
            motionLabel: t('settings.reducedMotion'),
            reducedMotion: s.reducedMotion,
            closeLabel: t('settings.close'),
            onVolume: (volume) => app.send({ type: 'settings.change', settings: { volume } }),
            onMuted: (muted) => app.send({ type: 'settings.change', settings: { muted } }),
            onLanguage: (locale) =>
              app.send({ type: 'settings.change', settings: { locale: locale as 'zh-CN' | 'en' } }),
            onMotion: (reducedMotion) => app.send({ type: 'settings.change', settings: { reducedMotion } }),
            onClose: () => app.send({ type: 'settings.close' }),
          }
        : null,
    );
    ui.root.inert = settingsOpen;
    // The technical detail stays out of the player's sight, in the console and the test API.
    const problem = snap.context.problem;
    if (problem && problem !== reportedProblem && problem.kind !== 'newer')
      console.warn(`Save problem: ${problem.detail}`);
    reportedProblem = problem;
    renderProblem(
      overlay,
      problem
        ? {
            text:
              problem.kind === 'corrupt'
                ? t('problem.corrupt')
                : problem.kind === 'newer'
                  ? t('problem.newer', { version: problem.version })
                  : t('problem.unavailable'),
            dismiss: t('problem.dismiss'),
            onDismiss: () => app.send({ type: 'problem.dismiss' }),
          }
        : null,
    );
  });
  return game;
}
