// Entry point: read the save, start the app machine, expose the test API, then load Phaser (its
// own chunk) and the scenes. Nothing here draws; it wires the pieces together.
import { createActor, fromPromise } from 'xstate';
import { appMachine, loadChapterWithLevel } from './app/appMachine';
import { newAttemptSeed } from './game/attemptSeed';
import { loadSave, writeSave, type StorageLike } from './app/saveStore';
import { detectLocale } from './i18n/i18n';
import { installTestApi } from './testApi';
import './game/ui/ui.css';

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
    { input: { save, problem, newSeed: () => newAttemptSeed() } },
  ).start();
  const api = installTestApi(app, () => saveError);
  const { startGame } = await import('./game/startGame');
  prepareScene = startGame(app, api).prepareChapter;
}

boot().catch((err: unknown) => {
  const el = document.getElementById('fatal');
  if (el) {
    el.hidden = false;
    el.textContent = err instanceof Error ? err.message : String(err);
  }
  console.error(err);
});
