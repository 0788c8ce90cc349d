// Verifying an attempt, as a teacher's server (or `npm run verify`) does: replay its events
// through the chapter's machine with its seed, and check the replayed result equals the claimed
// one. A score is only trusted when it can be reproduced.
import { loadSitLevel } from '../levels/ch1/sitLevel';
import { replaySit } from '../levels/ch1/sitReplay';
import type { SitInputEvent } from '../levels/ch1/sitMachine';
import { loadRulebookLevel } from '../levels/ch2/rulebookLevel';
import { replayRulebook } from '../levels/ch2/rulebookReplay';
import type { RulebookInputEvent } from '../levels/ch2/rulebookMachine';
import { loadAppleLampLevel } from '../levels/ch3/appleLampLevel';
import { replayAppleLamp } from '../levels/ch3/appleLampReplay';
import type { AppleLampInputEvent } from '../levels/ch3/appleLampMachine';
import type { Attempt } from './saveSchema';

export interface Verification {
  ok: boolean;
  message: string;
  replayed?: unknown;
}

interface ChapterReplay {
  levelVersion: () => number;
  replay: (attempt: Attempt) => unknown;
}

// Recorded events are checked by the machine itself: an event it does not accept is ignored,
// and then the replayed result no longer matches.
const REPLAYS: Record<number, ChapterReplay> = {
  1: {
    levelVersion: () => loadSitLevel().version,
    replay: (a) => replaySit(loadSitLevel(), a.seed, a.events as unknown as SitInputEvent[]),
  },
  2: {
    levelVersion: () => loadRulebookLevel().level.version,
    replay: (a) => replayRulebook(loadRulebookLevel(), a.seed, a.events as unknown as RulebookInputEvent[]),
  },
  3: {
    levelVersion: () => loadAppleLampLevel().version,
    replay: (a) => replayAppleLamp(loadAppleLampLevel(), a.seed, a.events as unknown as AppleLampInputEvent[]),
  },
};

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

export function verifyAttempt(attempt: Attempt): Verification {
  const chapter = REPLAYS[attempt.chapter];
  if (!chapter)
    return { ok: false, message: `Chapter ${attempt.chapter} cannot be replayed by this version of the game.` };
  const version = chapter.levelVersion();
  if (attempt.levelVersion !== version) {
    return {
      ok: false,
      message: `This attempt was played on version ${attempt.levelVersion} of chapter ${attempt.chapter}'s level; this game has version ${version}.`,
    };
  }
  let replayed: unknown;
  try {
    replayed = chapter.replay(attempt);
  } catch (err) {
    return { ok: false, message: `The replay failed: ${(err as Error).message}.` };
  }
  if (!sameJson(replayed, attempt.result)) {
    return { ok: false, replayed, message: 'The replayed result differs from the one the attempt claims.' };
  }
  return {
    ok: true,
    replayed,
    message: `Verified: chapter ${attempt.chapter}, ${String((replayed as { stars?: number }).stars)} stars.`,
  };
}
