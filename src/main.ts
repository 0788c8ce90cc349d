// Entry point: read the save, start the app machine, expose the test API, then load Phaser (its
// own chunk) and the scenes. Nothing here draws; it wires the pieces together.
import { createActor, fromPromise } from 'xstate';
import { appMachine, loadChapterWithLevel } from './app/appMachine';
import { newAttemptSeed } from './game/attemptSeed';
import { loadSave, writeSave, type StorageLike } from './app/saveStore';
import { detectLocale, translate } from './i18n/i18n';
import { installTestApi } from './testApi';
import { ClassroomClient } from './app/classroomClient';
import { installClassroomPanel } from './game/ui/classroomPanel';
import './game/ui/ui.css';
import './game/ui/classroom.css';

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

async function boot(): Promise<void> {
  const storage = browserStorage();
  const { save, problem } = loadSave(storage, detectLocale(navigator.languages));
  let saveError: string | null = null;
  // Opening a chapter loads its rules and level, and (once the game has started) its text and
  // scene, all before its machine starts.
  let prepareScene: (chapter: number) => Promise<void> = async () => {};
  // In a class whose teacher chose a puzzle, the competition's chapters use the teacher's seed.
  let classroom: ClassroomClient | null = null;
  let currentChapter = (): number | null => null;
  const app = createActor(
    appMachine.provide({
      actions: {
        persist: ({ context }) => {
          saveError = writeSave(storage, context.save);
        },
      },
      actors: {
        loadChapter: fromPromise(async ({ input }: { input: { chapter: number } }) => {
          const [loaded] = await Promise.all([loadChapterWithLevel(input.chapter), prepareScene(input.chapter)]);
          return loaded;
        }),
      },
    }),
    { input: { save, problem, newSeed: (): number => classroom?.seedFor(currentChapter()) ?? newAttemptSeed() } },
  ).start();
  const api = installTestApi(app, () => saveError);
  const { startGame } = await import('./game/startGame');
  prepareScene = startGame(app, api).prepareChapter;
  currentChapter = () => app.getSnapshot().context.chapter;
  classroom = new ClassroomClient(app);
  installClassroomPanel(app, classroom, document.getElementById('overlay')!);
}

/**
 * The game could not start: most often a part of it could not be downloaded (the network dropped
 * after the page loaded). Say so in the player's language with a Reload button; the technical
 * detail goes to the console.
 */
function showFatal(err: unknown): void {
  const el = document.getElementById('fatal');
  if (!el) return;
  const locale = detectLocale(navigator.languages);
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

// Vite reports a chunk that failed to load here before the import rejects.
window.addEventListener('vite:preloadError', (event) => {
  event.preventDefault();
  showFatal((event as Event & { payload?: unknown }).payload);
});

boot().catch(showFatal);
