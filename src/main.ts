// Entry point: read the save, start the app machine, expose the test API, then load Phaser (its
// own chunk) and the scenes. Nothing here draws; it wires the pieces together.
import { createActor, fromPromise } from 'xstate';
import { appMachine, loadChapterWithLevel } from './app/appMachine';
import { newAttemptSeed } from './game/attemptSeed';
import { provideChapter } from './game/chapterProviders';
import { loadSave, SAVE_KEY, writeSave, type StorageLike } from './app/saveStore';
import { detectLocale, translate, type Locale } from './i18n/i18n';
import type { SaveData } from './app/saveSchema';
import { installTestApi } from './testApi';
import { readHash } from './app/share';
import { ClassroomClient } from './app/classroomClient';
import { installClassroomPanel } from './game/ui/classroomPanel';
import { registerOffline } from './offline';
import { renderRotateHint } from './game/ui/rotateHint';
import { HtmlLayer } from './game/ui/htmlLayer';
import { afterPaint, startShell } from './game/shell';
import './game/ui/ui.css';
import './game/ui/classroom.css';
import './game/ui/anywhere.css';
import './game/ui/layout.css';

function browserStorage(): StorageLike {
  try {
    const probe = '__bbd_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    // Private modes can refuse storage: keep playing in memory and say so once.
    const mem = new Map<string, string>();
    return { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v) };
  }
}

/** The language the player chose, once the save is read (for a message if the start fails). */
let playerLocale: (() => Locale) | null = null;

async function boot(): Promise<void> {
  const storage = browserStorage();
  const firstVisit = storage.getItem(SAVE_KEY) === null;
  const { save, problem } = loadSave(storage, detectLocale(navigator.languages));
  let saveError: string | null = null;
  let pendingSave: SaveData | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const flushSave = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (pendingSave) saveError = writeSave(storage, pendingSave);
    pendingSave = null;
  };
  addEventListener('pagehide', flushSave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushSave();
  });
  // Opening a chapter loads its rules and level, and (once the game has started) its text and
  // scene, all before its machine starts.
  let prepareScene: (chapter: number) => Promise<void> = async () => {};
  // In a class whose teacher chose a puzzle, the competition's chapters use the teacher's seed.
  let classroom: ClassroomClient | null = null;
  let currentChapter = (): number | null => null;
  const app = createActor(
    appMachine.provide({
      actions: {
        persist: ({ context, event }) => {
          // A chapter in progress is noted on every recorded input (some chapters record many a
          // second while training): those writes are gathered, at most one a second, and flushed
          // when the page is hidden. Everything else is written at once.
          if (event.type === 'chapter.progress') {
            pendingSave = context.save;
            if (saveTimer === undefined) saveTimer = setTimeout(flushSave, 1000);
            return;
          }
          clearTimeout(saveTimer);
          saveTimer = undefined;
          pendingSave = null;
          saveError = writeSave(storage, context.save);
        },
      },
      actors: {
        loadChapter: fromPromise(async ({ input }: { input: { chapter: number } }) => {
          const [loaded] = await Promise.all([loadChapterWithLevel(input.chapter), prepareScene(input.chapter)]);
          return loaded;
        }),
        prepareText: fromPromise(({ input }: { input: { chapter: number } }) => prepareScene(input.chapter)),
      },
    }),
    {
      input: {
        save,
        problem,
        newSeed: (): number => classroom?.seedFor(currentChapter()) ?? newAttemptSeed(),
        provideChapter,
      },
    },
  ).start();
  const api = installTestApi(app, () => saveError);
  playerLocale = () => app.getSnapshot().context.save.settings.locale;
  // A new player whose system asks for reduced motion starts with the game's own setting on.
  if (firstVisit && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
    app.send({ type: 'settings.change', settings: { reducedMotion: true } });
  }
  // The rotate-your-phone card speaks the player's language; CSS stops all transitions when the
  // game's reduced-motion setting is on.
  // The page's language too, from the start (screen readers read the title and map in it before
  // the engine is up); written only when it changes, as restyling the page costs.
  const pageSettings = (settings: SaveData['settings']) => {
    renderRotateHint(settings.locale);
    document.body.classList.toggle('bbd-still', settings.reducedMotion);
    if (document.documentElement.lang !== settings.locale) document.documentElement.lang = settings.locale;
  };
  app.subscribe((s) => pageSettings(s.context.save.settings));
  pageSettings(save.settings);
  // The title is drawn as HTML first (game/shell.ts) and painted; only then does the page start
  // the engine's chunk (already downloaded beside the entry: see vite.config.ts), its longest task.
  const ui = new HtmlLayer(document.getElementById('ui')!);
  const shell = startShell(app, ui, document.getElementById('game')!);
  const engine = (async () => {
    await afterPaint();
    await engineMoment(app);
    const { startGame } = await import('./game/startGame');
    return startGame(app, api, { ui, shell });
  })();
  // The shell draws the map too: a chapter opened before the engine is up waits for it, then
  // for its scene.
  prepareScene = async (chapter) => (await engine).prepareChapter(chapter);
  const started = await engine;
  prepareScene = started.prepareChapter;
  currentChapter = () => app.getSnapshot().context.chapter;
  openShared(app);
  classroom = new ClassroomClient(app);
  installClassroomPanel(app, classroom, document.getElementById('overlay')!);
  // The service worker starts storing the whole game only once the engine has drawn its first
  // frame, so its downloads never compete with the first start.
  void started.firstFrame.then(() => registerOffline(() => app.getSnapshot().context.save.settings.locale));
}

/**
 * When the engine's chunk is evaluated and started, its longest task (about 0.2 s on a quiet
 * 2-core machine, a second when it is busy): not while the player's first press is on its way.
 * The title and the map are drawn without it (game/shell.ts), so it starts once the player has
 * done something and the page has painted what that brought (a press on Play: the map), or after
 * a second of the title standing still, whichever comes first.
 */
function engineMoment(app: ReturnType<typeof createActor<typeof appMachine>>): Promise<void> {
  return new Promise((resolve) => {
    const first = app.getSnapshot();
    const timer = setTimeout(go, 1000);
    const sub = app.subscribe((snap) => {
      if (snap !== first) void afterPaint().then(go);
    });
    function go(): void {
      clearTimeout(timer);
      sub.unsubscribe();
      resolve();
    }
  });
}

/**
 * Shared attempts and teacher presets arrive as links (`#replay=…`, `#preset=…`), read once the
 * engine has started (and whenever the hash changes), and as files dropped on the page. The hash is
 * cleared once read, so a reload does not ask again; the app replays what it reads before
 * anything reaches the save.
 */
function openShared(app: ReturnType<typeof createActor<typeof appMachine>>): void {
  const fromHash = () => {
    const found = readHash(location.hash);
    if (!found) return;
    history.replaceState(null, '', location.pathname + location.search);
    if (found.kind === 'attempt') app.send({ type: 'shared.open', source: 'link', text: found.code });
    else app.send({ type: 'preset.open', code: found.code });
  };
  fromHash();
  addEventListener('hashchange', fromHash);
  window.addEventListener('dragover', (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  window.addEventListener('drop', (e: DragEvent) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void file.text().then((text) => app.send({ type: 'shared.open', source: 'file', text }));
  });
}

/**
 * The game could not start: most often a part of it could not be downloaded (the network dropped
 * after the page loaded). Say so in the player's language with a Reload button; the technical
 * detail goes to the console.
 */
function showFatal(err: unknown): void {
  const el = document.getElementById('fatal');
  if (!el) return;
  // The title the page drew before the engine (game/shell.ts) stays in sight but rests: only
  // Reload can help now.
  document.getElementById('stage')?.setAttribute('inert', '');
  const locale = playerLocale?.() ?? detectLocale(navigator.languages);
  el.hidden = false;
  el.textContent = translate(locale, 'fatal.load');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'bbd-btn primary';
  reload.textContent = translate(locale, 'fatal.reload');
  reload.onclick = () => location.reload();
  el.append(document.createElement('br'), reload);
  reload.focus();
  console.error(err);
}

// A part that fails to download makes its import reject (Vite's 'vite:preloadError' is left to
// throw): the start then shows the message below, a chapter its problem screen with Try again.
boot().catch(showFatal);
