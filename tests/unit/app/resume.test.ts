// Unfinished chapters: the app machine saves a run's seed and events as they happen, resumes the
// run after a reload by replaying them, asks before leaving, and forgets the run once finished.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { appMachine } from '../../../src/app/appMachine';
import { freshSave, type SaveData } from '../../../src/app/saveSchema';
import { loadSave, pruneAside, ASIDE_PREFIX, KEEP_ASIDE, SAVE_KEY, type StorageLike } from '../../../src/app/saveStore';
import ch1 from '../../../src/levels/ch1';

function start(save: SaveData, seed = 42) {
  const saved: SaveData[] = [];
  const actor = createActor(
    appMachine.provide({
      actions: { persist: ({ context }) => void saved.push(context.save) },
      actors: {
        loadChapter: fromPromise(async () => ({ chapter: ch1, level: ch1.loadLevel() })),
      },
    }),
    { input: { save, problem: null, newSeed: () => seed, now: () => new Date('2026-12-02T10:00:00Z') } },
  ).start();
  actor.send({ type: 'boot.done' });
  actor.send({ type: 'title.play' });
  return { actor, saved };
}
type App = ReturnType<typeof start>['actor'];
const playing = (a: App) => waitFor(a, (s) => s.matches({ screen: { chapter: 'playing' } }));
const runOf = (a: App) => a.getSnapshot().context.run!;
const screen = (a: App) => {
  const v = (a.getSnapshot().value as { screen: string | Record<string, string> }).screen;
  return typeof v === 'string' ? v : Object.keys(v)[0];
};

async function playSome(actor: App, n: number) {
  const ref = runOf(actor).ref;
  ref.send({ type: 'dialogue.skip' });
  for (let i = 0; i < n; i++) {
    ref.send({ type: 'trial.command', command: 'sit' });
    ref.send({ type: 'trial.feedback', feedback: 'treat' });
  }
}

describe('unfinished chapters', () => {
  it('saves the run as it goes and resumes it exactly after a reload', async () => {
    const { actor, saved } = start(freshSave('en'));
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    await playSome(actor, 3);
    const save = actor.getSnapshot().context.save;
    expect(save.inProgress?.['1']).toMatchObject({ levelVersion: 1, seed: 42 });
    expect(save.inProgress?.['1'].events).toHaveLength(6);
    expect(saved.at(-1)?.inProgress?.['1'].events).toHaveLength(6);
    const before = runOf(actor).ref.getSnapshot();

    // A reload: a new app from the saved data, with another seed on offer.
    const again = start(JSON.parse(JSON.stringify(saved.at(-1))), 7).actor;
    again.send({ type: 'chapter.open', chapter: 1 });
    await playing(again);
    const after = runOf(again);
    expect(after.seed).toBe(42);
    await waitFor(after.ref, (s) => s.context.events.length === 6);
    expect(after.ref.getSnapshot().value).toEqual(before.value);
    expect(after.ref.getSnapshot().context.model).toEqual(before.context.model);
  });

  it('asks before leaving a run with input; the map keeps its place, "start over" forgets it', async () => {
    const { actor } = start(freshSave('en'));
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    await playSome(actor, 1);
    actor.send({ type: 'chapter.quit' });
    expect(screen(actor)).toBe('chapter');
    expect(actor.getSnapshot().matches({ leave: 'asking' })).toBe(true);
    actor.send({ type: 'leave.stay' });
    expect(actor.getSnapshot().matches({ leave: 'idle' })).toBe(true);
    expect(screen(actor)).toBe('chapter');
    actor.send({ type: 'chapter.quit' });
    actor.send({ type: 'leave.go' });
    expect(screen(actor)).toBe('map');
    expect(actor.getSnapshot().context.save.inProgress?.['1'].events).toHaveLength(2);
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    actor.send({ type: 'chapter.quit' });
    actor.send({ type: 'leave.restart' });
    await playing(actor);
    expect(actor.getSnapshot().context.save.inProgress).toBeUndefined();
    expect(runOf(actor).ref.getSnapshot().value).toBe('intro');
  });

  it('an untouched run closes without asking', async () => {
    const { actor } = start(freshSave('en'));
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    actor.send({ type: 'chapter.quit' });
    expect(screen(actor)).toBe('map');
  });

  it('a run from another level version starts fresh', async () => {
    const save: SaveData = {
      ...freshSave('en'),
      inProgress: { '1': { levelVersion: 99, seed: 5, events: [{ type: 'show.start' }], time: 'x' } },
    };
    const { actor } = start(save);
    actor.send({ type: 'chapter.open', chapter: 1 });
    await playing(actor);
    expect(runOf(actor).seed).toBe(42);
    expect(runOf(actor).ref.getSnapshot().value).toBe('intro');
  });
});

class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  get length() {
    return this.map.size;
  }
}

describe('the save around unfinished chapters', () => {
  it('a v2 save without the field loads as before', () => {
    const s = new MemoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify(freshSave('zh-CN')));
    const r = loadSave(s, 'en');
    expect(r.problem).toBeNull();
    expect(r.save.inProgress).toBeUndefined();
  });

  it('a malformed record is dropped with a note; the rest of the save is kept', () => {
    const s = new MemoryStorage();
    const good = { levelVersion: 1, seed: 3, events: [{ type: 'trial.command', command: 'sit' }], time: 't' };
    s.setItem(
      SAVE_KEY,
      JSON.stringify({ ...freshSave('en'), progress: { stars: { 1: 2 } }, inProgress: { 1: good, 2: { seed: 'x' } } }),
    );
    const warn = console.warn;
    const notes: string[] = [];
    console.warn = (m: string) => void notes.push(m);
    try {
      const r = loadSave(s, 'en');
      expect(r.problem).toBeNull();
      expect(r.save.progress.stars['1']).toBe(2);
      expect(r.save.inProgress).toEqual({ 1: good });
      s.setItem(SAVE_KEY, JSON.stringify({ ...freshSave('en'), inProgress: 'garbage' }));
      expect(loadSave(s, 'en').save.inProgress).toBeUndefined();
    } finally {
      console.warn = warn;
    }
    expect(notes).toHaveLength(2);
  });

  it(`keeps only the ${KEEP_ASIDE} newest unreadable copies`, () => {
    const s = new MemoryStorage();
    for (let d = 1; d <= 5; d++) s.setItem(`${ASIDE_PREFIX}2026-11-0${d}T00:00:00.000Z`, `old ${d}`);
    s.setItem(SAVE_KEY, '{broken');
    const r = loadSave(s, 'en', new Date('2026-12-01T00:00:00.000Z'));
    expect(r.problem?.kind).toBe('corrupt');
    const kept = [...s.map.keys()].filter((k) => k.startsWith(ASIDE_PREFIX)).sort();
    expect(kept).toEqual([
      `${ASIDE_PREFIX}2026-11-04T00:00:00.000Z`,
      `${ASIDE_PREFIX}2026-11-05T00:00:00.000Z`,
      `${ASIDE_PREFIX}2026-12-01T00:00:00.000Z`,
    ]);
    expect(pruneAside(s)).toEqual([]);
  });
});
