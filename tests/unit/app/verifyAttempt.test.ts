import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/app/saveSchema';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { playSit } from '../levels/sitTrainer';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function chapterOneAttempt(seed: number): Attempt {
  const level = loadSitLevel();
  const snap = playSit(level, seed).getSnapshot();
  return {
    chapter: 1,
    levelVersion: level.version,
    seed,
    events: JSON.parse(JSON.stringify(snap.context.events)),
    result: JSON.parse(JSON.stringify(snap.output)),
    time: '2026-11-28T12:00:00.000Z',
  };
}

describe('verifying attempts by replay', () => {
  it('accepts an honest attempt', async () => {
    const v = await verifyAttempt(chapterOneAttempt(3));
    expect(v).toMatchObject({ ok: true });
    expect(v.message).toMatch(/Verified: chapter 1/);
  });

  it('rejects a claimed result that the events do not reproduce', async () => {
    const a = chapterOneAttempt(3);
    const claimed = { ...a, result: { ...a.result, trainingTrials: 5 } };
    expect(await verifyAttempt(claimed)).toMatchObject({ ok: false, message: expect.stringMatching(/differs/) });
    expect((await verifyAttempt({ ...a, seed: a.seed + 1 })).ok).toBe(false);
  });

  it('explains attempts it cannot replay', async () => {
    const a = chapterOneAttempt(3);
    expect((await verifyAttempt({ ...a, levelVersion: 99 })).message).toMatch(/version 99/);
    expect((await verifyAttempt({ ...a, chapter: 7 })).message).toMatch(/Chapter 7 cannot be replayed/);
    expect((await verifyAttempt({ ...a, events: a.events.slice(0, 3) })).message).toMatch(
      /replay failed.*did not finish/,
    );
  });

  it('still replays every attempt of a save recorded before the chapter contract', async () => {
    const save = JSON.parse(readFileSync(join(FIXTURES, 'save-v2-2026-12-01.json'), 'utf8')) as { attempts: Attempt[] };
    expect(new Set(save.attempts.map((a) => a.chapter))).toEqual(new Set([1, 2, 3]));
    for (const attempt of save.attempts) {
      const v = await verifyAttempt(attempt);
      expect(v.message).toMatch(/Verified/);
      // And an edited copy of each is refused.
      const forged = { ...attempt, result: { ...attempt.result, stars: attempt.result.stars === 3 ? 2 : 3 } };
      expect((await verifyAttempt(forged)).ok).toBe(false);
    }
  });

  it('npm run verify checks a save file and says why a malformed attempt is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bbd-verify-'));
    const good = chapterOneAttempt(4);
    const save = join(dir, 'save.json');
    writeFileSync(save, JSON.stringify({ version: 2, attempts: [good, { ...good, seed: 'x' }] }));
    let out = '';
    let code = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/verify-attempt.ts', save], { encoding: 'utf8' });
    } catch (err) {
      const e = err as { status: number; stdout: string };
      code = e.status;
      out = e.stdout;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/#1: ✓ Verified/);
    expect(out).toMatch(/#2: ✗ This replay is not a Black Box Dog attempt: seed/);
  });
});
