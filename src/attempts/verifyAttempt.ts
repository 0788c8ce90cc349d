// Verifying an attempt, as a teacher's server (or `npm run verify`) does: replay its events
// through the chapter's machine with its seed, and check the replayed result equals the claimed
// one. A score is only trusted when it can be reproduced. Every chapter is found through the one
// list in levels/chapters.ts and replayed through its contract.
import { loadChapter } from '../levels/chapters';
import { replaysVersion } from '../levels/contract';
import { replayChapter, type ChapterReplay } from '../levels/shared/replay';
import type { Attempt } from './attempt';

export interface Verification {
  ok: boolean;
  /** Why not, in one word: no such chapter here, its level unreadable, another level version, the replay failed or its result differs. */
  code?: 'unknownChapter' | 'levelFile' | 'otherLevel' | 'replayFailed' | 'differs';
  message: string;
  replayed?: unknown;
  /** The replay's stats and carry, when the replay finished. */
  replay?: ChapterReplay;
}

function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

// Recorded events are checked by the machine itself: an event it does not accept is ignored,
// and then the replayed result no longer matches.
export async function verifyAttempt(attempt: Attempt): Promise<Verification> {
  const chapter = await loadChapter(attempt.chapter);
  if (!chapter)
    return {
      ok: false,
      code: 'unknownChapter',
      message: `Chapter ${attempt.chapter} cannot be replayed by this version of the game.`,
    };
  let level: unknown;
  try {
    level = chapter.loadLevel();
  } catch (err) {
    return {
      ok: false,
      code: 'levelFile',
      message: `Chapter ${attempt.chapter}'s level file cannot be read: ${(err as Error).message}`,
    };
  }
  const version = chapter.levelVersion(level);
  if (!replaysVersion(chapter, level, attempt.levelVersion)) {
    return {
      ok: false,
      code: 'otherLevel',
      message: `This attempt was played on version ${attempt.levelVersion} of chapter ${attempt.chapter}'s level; this game has version ${version}.`,
    };
  }
  let replay: ChapterReplay;
  try {
    replay = replayChapter(chapter, level, attempt.seed, attempt.events);
  } catch (err) {
    return { ok: false, code: 'replayFailed', message: `The replay failed: ${(err as Error).message}.` };
  }
  const replayed = replay.result;
  if (!sameJson(replayed, attempt.result)) {
    return {
      ok: false,
      code: 'differs',
      replayed,
      replay,
      message: 'The replayed result differs from the one the attempt claims.',
    };
  }
  return {
    ok: true,
    replayed,
    replay,
    message: `Verified: chapter ${attempt.chapter}, ${String(replayed.stars)} stars.`,
  };
}
