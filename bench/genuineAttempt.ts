// Genuine attempts for a given seed, as a player of the game would make them: the classroom
// server gives each student their own seed per chapter, so the load test and the server's tests
// need attempts played on that seed. Chapter 1 is played by its scripted trainer
// (src/levels/ch1/sitTrainer.ts: honest feedback, sloppy on purpose only in the guided twist);
// chapters 2 and 3 replay the moves of a recorded attempt (the fixture save's), which finish on
// any seed. The result is the replay's, as the game's own would be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt } from '../src/attempts/attempt';
import type { SitLevel } from '../src/levels/ch1/sitLevel';
import { sitTrainerEvents } from '../src/levels/ch1/sitTrainer';
import { loadChapter } from '../src/levels/chapters';
import type { AnyChapter } from '../src/levels/contract';
import { replayChapter } from '../src/levels/shared/replay';
import { ROOT } from './classroomProcess';

export const FIXTURE_ATTEMPTS = (
  JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/save-v2-2026-12-01.json'), 'utf8')) as { attempts: Attempt[] }
).attempts;

/** Chapter 1 played to the end: a trainer who got stuck (about one seed in a thousand) plays again another way. */
function sitPlayed(level: SitLevel, seed: number, style: number): { type: string }[] {
  for (let k = 0; ; k++) {
    try {
      return sitTrainerEvents(level, seed, { style: style + k, maxSteps: 3000 });
    } catch (err) {
      if (k >= 8) throw err;
    }
  }
}

const chapters = new Map<number, { chapter: AnyChapter; level: unknown }>();
async function chapterOf(n: number): Promise<{ chapter: AnyChapter; level: unknown }> {
  let c = chapters.get(n);
  if (!c) {
    const chapter = await loadChapter(n);
    if (!chapter) throw new Error(`chapter ${n} is not built`);
    c = { chapter, level: chapter.loadLevel() };
    chapters.set(n, c);
  }
  return c;
}

/**
 * A genuine attempt of chapter 1, 2 or 3 played on `seed`; `variant` picks another way of
 * playing (another trainer style, another recorded attempt's moves).
 */
export async function genuineAttempt(chapter: number, seed: number, variant = 0): Promise<Attempt> {
  const { chapter: def, level } = await chapterOf(chapter);
  let events: { type: string }[];
  if (chapter === 1) events = sitPlayed(level as SitLevel, seed, variant);
  else {
    const recorded = FIXTURE_ATTEMPTS.filter((a) => a.chapter === chapter);
    if (recorded.length === 0) throw new Error(`no recorded attempt of chapter ${chapter}`);
    events = recorded[variant % recorded.length].events;
  }
  const { result } = replayChapter(def, level, seed, events);
  return {
    chapter,
    levelVersion: def.levelVersion(level),
    seed,
    events: structuredClone(events),
    result,
    time: new Date().toISOString(),
  };
}
