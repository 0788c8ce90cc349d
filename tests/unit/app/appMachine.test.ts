import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { appMachine, type AppEvent, type ChapterOutcome } from '../../../src/app/appMachine';
import { freshSave } from '../../../src/app/saveSchema';

const outcome = (chapter: number, stars: number): ChapterOutcome => ({
  chapter,
  stars,
  passed: stars > 0,
  stats: {},
  attempt: { chapter, levelVersion: 1, seed: 1, events: [], result: { passed: stars > 0, stars }, time: 't' },
});

function start(stars: Record<string, number> = {}) {
  const save = { ...freshSave('en'), progress: { stars } };
  const saved: unknown[] = [];
  const actor = createActor(
    appMachine.provide({ actions: { persist: ({ context }) => void saved.push(context.save) } }),
    {
      input: { save, problem: null },
    },
  ).start();
  return { actor, saved };
}

const screen = (a: ReturnType<typeof start>['actor']) => (a.getSnapshot().value as { screen: string }).screen;

describe('app machine', () => {
  it('walks boot → title → map → chapter → results → map, saving stars and the attempt', () => {
    const { actor, saved } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    expect(screen(actor)).toBe('map');
    actor.send({ type: 'chapter.open', chapter: 1 });
    expect(screen(actor)).toBe('chapter');
    actor.send({ type: 'chapter.complete', outcome: outcome(1, 2) });
    expect(screen(actor)).toBe('results');
    expect(actor.getSnapshot().context.save.progress.stars['1']).toBe(2);
    expect(actor.getSnapshot().context.save.attempts).toHaveLength(1);
    expect(saved).toHaveLength(1);
    actor.send({ type: 'results.map' });
    expect(screen(actor)).toBe('map');
  });

  it('refuses locked and unbuilt chapters', () => {
    const { actor } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 6 });
    expect(screen(actor)).toBe('map');
    actor.send({ type: 'chapter.open', chapter: 99 });
    expect(screen(actor)).toBe('map');
  });

  it('"next" with nothing playable after goes back to the map; retry re-enters the chapter', () => {
    const { actor } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 1 });
    actor.send({ type: 'chapter.complete', outcome: outcome(1, 0) });
    actor.send({ type: 'results.retry' });
    expect(screen(actor)).toBe('chapter');
    actor.send({ type: 'chapter.complete', outcome: outcome(1, 0) });
    actor.send({ type: 'results.next' });
    expect(screen(actor)).toBe('map');
  });

  it('settings open over any screen, change and persist', () => {
    const { actor, saved } = start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'settings.open' });
    actor.send({ type: 'settings.change', settings: { locale: 'zh-CN', volume: 0.3 } });
    expect(actor.getSnapshot().context.save.settings).toMatchObject({ locale: 'zh-CN', volume: 0.3 });
    expect(saved).toHaveLength(1);
    actor.send({ type: 'settings.close' });
    expect((actor.getSnapshot().value as { settings: string }).settings).toBe('closed');
    expect(screen(actor)).toBe('title');
  });

  it('every screen is reachable (shortest paths)', () => {
    const events: AppEvent[] = [
      { type: 'boot.done' },
      { type: 'title.play' },
      { type: 'chapter.open', chapter: 1 },
      { type: 'chapter.complete', outcome: outcome(1, 3) },
      { type: 'results.map' },
      { type: 'settings.open' },
      { type: 'settings.close' },
    ];
    const paths = getShortestPaths(appMachine, {
      input: { save: freshSave('en'), problem: null },
      events,
      serializeState: (s) => JSON.stringify(s.value),
    });
    const reached = new Set(paths.map((p) => (p.state.value as { screen: string }).screen));
    expect([...reached].sort()).toEqual(['boot', 'chapter', 'map', 'results', 'title']);
  });
});
