// Creates the Phaser game and keeps the visible scene in step with the app machine's screen.
// Global overlays (settings, save problems, sound captions) are drawn here, above every scene.
import Phaser from 'phaser';
import { loadChapterText, translate, LOCALES, type MessageKey } from '../i18n/i18n';
import type { TestApi } from '../testApi';
import { ArtLoader, chapterArt } from './artLoader';
import { GameAudio, type SoundKey } from './audio';
import { SCENES, chapterSceneKey } from './keys';
import { CSS } from './palette';
import type { AppActor, Services } from './services';
import { BootScene } from './scenes/BootScene';
import { TitleScene } from './scenes/TitleScene';
import { MapScene } from './scenes/MapScene';
import { ResultsScene } from './scenes/ResultsScene';
import { ChapterProblemScene } from './scenes/ChapterProblemScene';
import { ReplaysScene } from './scenes/ReplaysScene';
import { installReplayOverlay } from './ui/replayBar';
import { probeCanvasTexts } from './ui/layoutProbe';
import { HtmlLayer, GAME_HEIGHT, GAME_WIDTH } from './ui/htmlLayer';
import type { Shell } from './shell';
import {
  captionMs,
  endCaption,
  renderConfirm,
  renderDownload,
  renderProblem,
  renderSettings,
  showCaption,
} from './ui/widgets';
import { momentary } from './ui/moment';
import { onDownloadProgress, type DownloadProgress } from '../levels/shared/downloads';
import { chooseRenderer, framesTooSlow, probeWebgl, RENDERER_NOTE_KEY } from './rendererChoice';

/** How much faster animations and timers run in the tests' fast mode (?fast=1). */
const FAST_SPEED = 8;

// Each chapter's scene is the file scenes/Ch<N>*Scene.ts (default export), found by name and
// loaded, with the chapter's text, when the chapter first opens: the first download stays small.
type SceneClass = new () => Phaser.Scene;
const CHAPTER_SCENE_FILES = import.meta.glob<{ default: SceneClass }>('./scenes/Ch[0-9]*Scene.ts');

function chapterSceneFile(chapter: number): (() => Promise<{ default: SceneClass }>) | undefined {
  const path = Object.keys(CHAPTER_SCENE_FILES).find((p) => p.startsWith(`./scenes/Ch${chapter}`));
  return path ? CHAPTER_SCENE_FILES[path] : undefined;
}

function sceneFor(snap: { value: unknown; context: { chapter: number | null } }): string | null {
  const { screen } = snap.value as { screen: string | { chapter?: string } };
  if (typeof screen !== 'string') {
    // Inside a chapter: its scene while playing, the problem scene if it failed to open, and
    // whatever was shown before while it loads.
    if (screen.chapter === 'playing' && snap.context.chapter !== null) return chapterSceneKey(snap.context.chapter);
    if (screen.chapter === 'failed') return SCENES.chapterProblem;
    // A replay is drawn by the chapter's own scene; the replays, compare and sharing screens share one.
    const watch = (screen as { watch?: string }).watch;
    if (watch === 'showing' && snap.context.chapter !== null) return chapterSceneKey(snap.context.chapter);
    if ('replays' in screen || 'compare' in screen || 'shared' in screen) return SCENES.replays;
    return null;
  }
  switch (screen) {
    case 'title':
      return SCENES.title;
    case 'map':
      return SCENES.map;
    case 'results':
      return SCENES.results;
    default:
      return null;
  }
}

export function startGame(
  app: AppActor,
  api: TestApi,
  { ui, shell }: { ui: HtmlLayer; shell: Shell },
): { game: Phaser.Game; prepareChapter: (chapter: number) => Promise<void>; firstFrame: Promise<void> } {
  const overlay = new HtmlLayer(document.getElementById('overlay')!);
  const live = document.getElementById('live')!;
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(app.getSnapshot().context.save.settings.locale, key, params);
  const audio = new GameAudio(import.meta.env.BASE_URL, (key: SoundKey) =>
    showCaption(overlay, t(`caption.${key}` as MessageKey)),
  );
  api.setSoundProbe(() => ({
    lastPlayed: audio.lastPlayed,
    contextState: audio.contextState,
    start: audio.startState,
  }));

  // Keyboard focus never rests on the page body: when the focused control disappears (the intro's
  // Next, a closed card or notice, a new screen), focus moves to the screen's main control: an
  // open dialog's first button, else the first primary button, else the first enabled one.
  const focusHome = () => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const dialog = overlay.root.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');
    const scope = dialog ?? ui.root;
    const pick =
      scope.querySelector<HTMLElement>('button.primary:not([aria-disabled="true"])') ??
      scope.querySelector<HTMLElement>('button:not([aria-disabled="true"]), input') ??
      scope.querySelector<HTMLElement>('button');
    pick?.focus({ preventScroll: true });
  };
  let focusQueued = false;
  const keepFocus = () => {
    if (focusQueued) return;
    focusQueued = true;
    // Two frames: a new scene draws its controls on its first frame.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        focusQueued = false;
        focusHome();
      }),
    );
  };
  for (const layer of [ui, overlay])
    new MutationObserver(keepFocus).observe(layer.root, { childList: true, subtree: true });
  document.addEventListener('focusout', keepFocus);

  // An announcement stays in the live region for its reading time, or until its moment passes.
  const liveMoment = momentary(
    (text) => (live.textContent = text),
    () => (live.textContent = ''),
    (text) => 2 * captionMs(text),
  );
  const art = new ArtLoader(import.meta.env.BASE_URL);
  const services: Services = {
    app,
    ui,
    audio,
    art,
    announce(text: string) {
      // Clearing first makes screen readers repeat an identical message.
      live.textContent = '';
      requestAnimationFrame(() => liveMoment.show(text));
    },
    endMoment() {
      liveMoment.end();
      endCaption();
    },
    setChapterView: (view) => api.setChapterView(view),
    retryDownload() {
      if (!navigator.onLine) return false;
      location.reload();
      return true;
    },
  };

  const params = new URLSearchParams(location.search);
  // WebGL on a real GPU, the canvas renderer where WebGL would run in software (rendererChoice.ts).
  const renderer = chooseRenderer(params.get('renderer'), probeWebgl, readNote());
  const game = new Phaser.Game({
    type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
    parent: 'game',
    backgroundColor: CSS.cream,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: GAME_WIDTH, height: GAME_HEIGHT },
    audio: { noAudio: true },
    banner: false,
    scene: [BootScene, TitleScene, MapScene, ResultsScene, ChapterProblemScene, ReplaysScene],
    callbacks: {
      preBoot: (g) => g.registry.set('services', services),
    },
  });

  // Tests' fast-animation mode (?fast=1; tests/browser/harness.mjs): every scene's timers and
  // tweens run FAST_SPEED times faster, like a player who skips each animation the moment it
  // starts. Game time still advances frame by frame, so a slow machine slows the game down but
  // never breaks it; the chapters' rules and results are the same (they never read the clock).
  const speed = params.get('fast') === '1' ? FAST_SPEED : 1;
  if (speed !== 1) {
    game.events.on(Phaser.Core.Events.PRE_STEP, () => {
      // Each scene's clock and tweens start at speed 1 whenever it starts: set on every step.
      for (const scene of game.scene.getScenes(true)) {
        scene.time.timeScale = speed;
        scene.tweens.timeScale = speed;
      }
    });
  }

  const fit = () => {
    if (game.canvas) {
      ui.fit(game.canvas);
      overlay.fit(game.canvas);
    }
  };
  installReplayOverlay(app, overlay, game);
  api.setCanvasTextProbe(() => probeCanvasTexts(game));
  game.scale.on(Phaser.Scale.Events.RESIZE, fit);
  window.addEventListener('resize', () => requestAnimationFrame(fit));
  // The page's shell has shown the title (or a starting line) until now. Once the engine is up,
  // it shows whatever screen the app is on, the shell stops, and its cream stage goes once the
  // engine's first frame is drawn. A player who pressed Play before gets the music now (the
  // browser remembers that they interacted with the page).
  let firstFrameDrawn: () => void = () => {};
  const firstFrame = new Promise<void>((resolve) => (firstFrameDrawn = resolve));
  game.events.once(Phaser.Core.Events.READY, () => {
    fit();
    new ResizeObserver(fit).observe(game.canvas);
    shell.handOver();
    show(app.getSnapshot());
    if (shell.pressedPlay) audio.startMusic();
    game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      shell.reveal();
      firstFrameDrawn();
    });
    // Which renderer runs, for the tests and anyone curious (the page's <html data-renderer>).
    document.documentElement.dataset.renderer = game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
    if (game.renderer.type === Phaser.WEBGL && !params.has('renderer')) watchFirstFrames(game);
  });

  let shown: string | null = null;
  let reportedProblem: unknown = null;
  let shownRun: unknown = null;
  // While a chapter waits for a large download (chapter 6's digits), a progress bar says so; so
  // it does while a chapter waits for the pictures still loading behind the title.
  let download: DownloadProgress | null = null;
  const showDownload = () => {
    const screen = (app.getSnapshot().value as { screen: unknown }).screen as { chapter?: string } | string;
    const loading = typeof screen === 'object' && screen.chapter === 'loading';
    const percent = download && download.total > 0 ? Math.round((100 * download.loaded) / download.total) : null;
    const chapter = app.getSnapshot().context.chapter;
    const wanted = chapter === null ? [] : chapterArt(chapter);
    const artPending = loading && !download && !art.has(wanted);
    renderDownload(
      overlay,
      loading && download
        ? {
            text:
              percent === null
                ? t('loading.downloadSize', { kb: Math.round(download.loaded / 1024) })
                : t('loading.download', { percent }),
            percent,
          }
        : artPending
          ? {
              text: t('app.loading', { percent: Math.round(art.progress(wanted) * 100) }),
              percent: Math.round(art.progress(wanted) * 100),
            }
          : null,
    );
  };
  onDownloadProgress((p) => {
    download = p.done ? null : p;
    showDownload();
  });
  art.onChange(showDownload);

  const show = (snap: ReturnType<AppActor['getSnapshot']>) => {
    showDownload();
    const { settings } = snap.value as { settings: string };
    const s = snap.context.save.settings;
    // Written only when it changes: setting the page's language, even to the same value, makes
    // the browser restyle every element (about 0.5 ms a chapter trial on a slow machine).
    if (document.documentElement.lang !== s.locale) document.documentElement.lang = s.locale;
    audio.setVolume(s.volume);
    audio.setMuted(s.muted);

    const target = sceneFor(snap);
    // A new chapter run (a retry, say) restarts the chapter's scene even when it is already shown.
    const run = snap.context.run;
    // A new run's view is unknown until its scene has drawn it (which may happen right away,
    // inside scene.start below).
    if (run !== shownRun) api.setChapterView(null);
    if (target && (target !== shown || run !== shownRun)) {
      if (shown && shown !== SCENES.boot) game.scene.stop(shown);
      shown = target;
      game.scene.start(target);
      // The screen reader's live region and the caption start each screen empty (no last words
      // of a chapter).
      liveMoment.end();
      endCaption();
      keepFocus();
    }
    shownRun = run;

    // The scene's controls turn inert only after the settings have noted which one had focus
    // (to give it back on close), and live again before that focus is given back.
    const settingsOpen = settings === 'open';
    if (!settingsOpen && (snap.value as { leave?: string }).leave !== 'asking' && ui.root.inert) ui.root.inert = false;
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
    const leaving = (snap.value as { leave?: string }).leave === 'asking';
    renderConfirm(
      overlay,
      leaving
        ? {
            title: t('leave.title'),
            text: t('leave.text'),
            stay: t('leave.stay'),
            go: t('leave.go'),
            restart: t('leave.restart'),
            onStay: () => app.send({ type: 'leave.stay' }),
            onGo: () => app.send({ type: 'leave.go' }),
            onRestart: () => app.send({ type: 'leave.restart' }),
          }
        : null,
    );
    // A chapter being watched only plays back: its controls rest, the replay bar drives it.
    const inert = settingsOpen || leaving || snap.matches({ screen: { watch: 'showing' } });
    if (ui.root.inert !== inert) ui.root.inert = inert;
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
  };
  app.subscribe(show);
  /** Adds a chapter's text and scene to the game; the app machine waits for it before playing. */
  const prepareChapter = async (chapter: number): Promise<void> => {
    const file = chapterSceneFile(chapter);
    if (!file) throw new Error(`Chapter ${chapter} has no scene.`);
    // Its pictures too, so it draws no missing texture: the shared ones are usually in already,
    // its own (chapterArt) load now, with a progress line over the map.
    const [scene] = await Promise.all([file(), loadChapterText(chapter), art.whenReady(chapterArt(chapter))]);
    const key = chapterSceneKey(chapter);
    if (!game.scene.getScene(key)) game.scene.add(key, scene.default, false);
  };
  return { game, prepareChapter, firstFrame };
}

function readNote(): string | null {
  try {
    return localStorage.getItem(RENDERER_NOTE_KEY);
  } catch {
    return null;
  }
}

/** Times WebGL's first frames; if they are too slow, the next start takes the canvas renderer. */
function watchFirstFrames(game: Phaser.Game): void {
  const times: number[] = [];
  let last = performance.now();
  const onFrame = () => {
    const now = performance.now();
    times.push(now - last);
    last = now;
    if (times.length < 14) return;
    game.events.off(Phaser.Core.Events.POST_RENDER, onFrame);
    if (!framesTooSlow(times)) return;
    try {
      localStorage.setItem(RENDERER_NOTE_KEY, 'canvas');
    } catch {
      // Storage refused: the next start probes again.
    }
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, onFrame);
}
