// A small read-only window into the running game for browser tests and curious players:
// `window.blackBoxDog.snapshot()` returns plain JSON copies, never live objects.
//   screen     the app's current screen ('title', 'map', 'chapter', 'results', ...)
//   settings   { locale, volume, muted, reducedMotion }
//   stars      stars per chapter number
//   chapter    the open chapter's view: { number, step, ... } (null outside a chapter)
//   lastAttempt the most recent recorded attempt (seed, events, result), or null
//   lastSound  the last sound asked for
// `window.blackBoxDog.step()` is the open chapter's step alone, with no copying: cheap enough for a
// benchmark to look at every frame without slowing the page it measures.
import type { AppActor } from './game/services';

export interface TestApi {
  snapshot(): Record<string, unknown>;
  step(): string | null;
  setChapterView(view: unknown): void;
  setSoundProbe(probe: () => { lastPlayed: string | null; contextState: string; start?: string }): void;
  /** The canvas texts drawn now, with their bounds in page pixels (tests/browser/layout.mjs). */
  canvasTexts(): unknown[];
  setCanvasTextProbe(probe: () => unknown[]): void;
}

declare global {
  interface Window {
    blackBoxDog?: TestApi;
  }
}

export function installTestApi(app: AppActor, saveError: () => string | null): TestApi {
  let chapterView: unknown = null;
  let soundProbe: () => { lastPlayed: string | null; contextState: string; start?: string } = () => ({
    lastPlayed: null,
    contextState: 'none',
  });
  let canvasTextProbe: () => unknown[] = () => [];
  const api: TestApi = {
    snapshot() {
      const s = app.getSnapshot();
      const value = s.value as { screen: string | Record<string, string>; settings: string };
      // Inside a chapter the screen has sub-steps (loading, playing, failed): report 'chapter'
      // and the sub-step apart, so tests wait on one simple name.
      const screen = typeof value.screen === 'string' ? value.screen : Object.keys(value.screen)[0];
      const chapterState = typeof value.screen === 'string' ? null : Object.values(value.screen)[0];
      const attempts = s.context.save.attempts;
      return JSON.parse(
        JSON.stringify({
          screen,
          chapterState,
          loadProblem: s.context.loadProblem,
          settingsOpen: value.settings === 'open',
          leaving: (value as { leave?: string }).leave === 'asking',
          settings: s.context.save.settings,
          stars: s.context.save.progress.stars,
          chapter:
            chapterState === 'playing' || (screen === 'watch' && chapterState === 'showing') ? chapterView : null,
          // The replays screens: the list's chapter and size, the replay player, the comparison,
          // a shared attempt's verdict, and the one-line notice.
          replays: {
            chapter: s.context.replaysChapter,
            attempts: attempts.length,
            ofChapter: attempts.filter((a) => a.chapter === s.context.replaysChapter).length,
          },
          watch: s.context.replayPlayer
            ? {
                ...(s.context.replayPlayer.getSnapshot() as { context: Record<string, unknown> }).context,
                playing: (s.context.replayPlayer.getSnapshot() as { value: string }).value === 'playing',
                result: (s.context.run?.ref.getSnapshot() as { output?: unknown } | undefined)?.output ?? null,
                seed: s.context.watch?.attempt.seed ?? null,
              }
            : null,
          compare: s.context.compare
            ? {
                chapter: s.context.compare.chapter,
                verified: [s.context.compare.a.verified, s.context.compare.b.verified],
                facts: s.context.compare.facts.length,
                factsDiffer: s.context.compare.facts.filter((f) => !f.same).length,
                cases: s.context.compare.cases.length,
                casesDiffer: s.context.compare.cases.filter((c) => !c.same).length,
                series: s.context.compare.series.map((x) => x.name),
                steps: s.context.compare.steps,
              }
            : null,
          shared: s.context.shared
            ? {
                verified: s.context.shared.report?.verified ?? null,
                error: s.context.shared.error?.code ?? s.context.shared.report?.error?.code ?? null,
                added: s.context.shared.added,
                result: s.context.shared.report?.attempt.result ?? null,
              }
            : null,
          notice: s.context.notice,
          lastAttempt: attempts.length ? attempts[attempts.length - 1] : null,
          problem: s.context.problem,
          saveError: saveError(),
          sound: soundProbe(),
        }),
      );
    },
    step() {
      const step = (chapterView as { step?: unknown } | null)?.step;
      return typeof step === 'string' ? step : null;
    },
    setChapterView(view) {
      chapterView = view;
    },
    setSoundProbe(probe) {
      soundProbe = probe;
    },
    canvasTexts() {
      return JSON.parse(JSON.stringify(canvasTextProbe()));
    },
    setCanvasTextProbe(probe) {
      canvasTextProbe = probe;
    },
  };
  window.blackBoxDog = api;
  return api;
}
