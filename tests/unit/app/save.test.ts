import { describe, expect, it } from 'vitest';
import {
  ASIDE_PREFIX,
  SAVE_KEY,
  loadSave,
  parseAttempt,
  withAttempt,
  withStars,
  writeSave,
  type StorageLike,
} from '../../../src/app/saveStore';
import { freshSave, type Attempt } from '../../../src/app/saveSchema';

class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

const NOW = new Date('2026-11-28T10:00:00.000Z');
const attempt: Attempt = {
  chapter: 1,
  levelVersion: 1,
  seed: 42,
  events: [{ type: 'trial.command', command: 'sit' }],
  result: { passed: true, stars: 3, trainingTrials: 20 },
  time: NOW.toISOString(),
};

describe('saves', () => {
  it('starts fresh in the browser language when nothing is saved', () => {
    const r = loadSave(new MemoryStorage(), 'zh-CN');
    expect(r.problem).toBeNull();
    expect(r.save.settings.locale).toBe('zh-CN');
    expect(r.save.progress.stars).toEqual({});
  });

  it('round-trips stars, settings and attempts', () => {
    const s = new MemoryStorage();
    const save = withAttempt(withStars(freshSave('en'), 1, 2), attempt);
    expect(writeSave(s, save)).toBeNull();
    const r = loadSave(s, 'zh-CN');
    expect(r.problem).toBeNull();
    expect(r.save).toEqual(save);
  });

  it('keeps the best stars of a chapter', () => {
    const save = withStars(withStars(freshSave('en'), 1, 3), 1, 1);
    expect(save.progress.stars['1']).toBe(3);
  });

  it('migrates a version 1 save, keeping its stars and settings', () => {
    const s = new MemoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify({ version: 1, stars: { '1': 2 }, locale: 'zh-CN', muted: true }));
    const r = loadSave(s, 'en');
    expect(r.migratedFrom).toBe(1);
    expect(r.problem).toBeNull();
    expect(r.save.version).toBe(2);
    expect(r.save.progress.stars).toEqual({ '1': 2 });
    expect(r.save.settings).toMatchObject({ locale: 'zh-CN', muted: true });
  });

  it('keeps broken JSON aside, reports it, and never overwrites the copy', () => {
    const s = new MemoryStorage();
    s.setItem(SAVE_KEY, '{"version": 2, "progress"');
    const r = loadSave(s, 'en', NOW);
    expect(r.problem).toMatchObject({ kind: 'corrupt', asideKey: `${ASIDE_PREFIX}${NOW.toISOString()}` });
    expect(r.problem && 'detail' in r.problem && r.problem.detail).toMatch(/not valid JSON/);
    expect(s.getItem(`${ASIDE_PREFIX}${NOW.toISOString()}`)).toBe('{"version": 2, "progress"');
    writeSave(s, r.save);
    expect(s.getItem(`${ASIDE_PREFIX}${NOW.toISOString()}`)).toBe('{"version": 2, "progress"');
  });

  it('names the bad field of a foreign-shaped save', () => {
    const s = new MemoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify({ ...freshSave('en'), progress: { stars: { '1': 9 } } }));
    const r = loadSave(s, 'en', NOW);
    expect(r.problem?.kind).toBe('corrupt');
    expect(r.problem && 'detail' in r.problem && r.problem.detail).toMatch(/progress\.stars\.1/);
  });

  it('keeps a save from a newer game aside instead of reading it wrongly', () => {
    const s = new MemoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify({ version: 9, anything: true }));
    const r = loadSave(s, 'en', NOW);
    expect(r.problem).toMatchObject({ kind: 'newer', version: 9 });
    expect(s.getItem(`${ASIDE_PREFIX}${NOW.toISOString()}`)).toContain('"version":9');
  });

  it('survives a storage that throws', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    expect(loadSave(broken, 'en').problem).toEqual({ kind: 'unavailable', detail: 'denied' });
    expect(writeSave(broken, freshSave('en'))).toBe('quota exceeded');
  });

  it('reads a shared attempt, and explains a malformed one', () => {
    expect(parseAttempt(JSON.stringify(attempt))).toEqual({ attempt });
    expect(parseAttempt('nope')).toEqual({ error: expect.stringMatching(/not valid JSON/) });
    expect(parseAttempt(JSON.stringify({ ...attempt, seed: -1 }))).toEqual({ error: expect.stringMatching(/seed/) });
  });
});
