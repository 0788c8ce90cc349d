// The classroom part of the save, changed only by these pure functions (the app machine calls
// them), so the queue of attempts waiting for the server is saved with everything else.
import type { Attempt, ClassroomState, ClassroomVerdict, SaveData } from './saveSchema';

const MAX_QUEUE = 200;
const MAX_VERDICTS = 50;

/** Queues a finished attempt for the class's server when its chapter is part of the competition. */
export function queueAttempt(save: SaveData, attempt: Attempt, id: string): SaveData {
  const c = save.classroom;
  if (!c || c.ended || !c.chapters.includes(attempt.chapter)) return save;
  return { ...save, classroom: { ...c, queue: [...c.queue, { id, attempt }].slice(-MAX_QUEUE) } };
}

/** The server answered for this attempt (verified or refused): it leaves the queue. */
export function settleAttempt(save: SaveData, verdict: ClassroomVerdict): SaveData {
  const c = save.classroom;
  if (!c) return save;
  return {
    ...save,
    classroom: {
      ...c,
      queue: c.queue.filter((q) => q.id !== verdict.id),
      verdicts: [...c.verdicts.filter((v) => v.id !== verdict.id), verdict].slice(-MAX_VERDICTS),
    },
  };
}

export function withClassroom(save: SaveData, classroom: ClassroomState | null): SaveData {
  if (classroom) return { ...save, classroom };
  const { classroom: _left, ...rest } = save;
  return rest;
}

/** The room's settings changed (board shown or hidden, competition ended). */
export function withRoomInfo(
  save: SaveData,
  room: Partial<Pick<ClassroomState, 'title' | 'leaderboardVisible' | 'ended' | 'nickname'>>,
): SaveData {
  return save.classroom ? { ...save, classroom: { ...save.classroom, ...room } } : save;
}

/**
 * The seed a classroom attempt of this chapter must be played on: the teacher's puzzle when the
 * teacher set one, else the one the server drew for this player; null outside a competition.
 */
export function classroomSeed(save: Pick<SaveData, 'classroom'>, chapter: number | null): number | null {
  const c = save.classroom;
  if (!c || c.ended || chapter === null || !c.chapters.includes(chapter)) return null;
  return c.seed ?? c.seeds?.[String(chapter)] ?? null;
}

/** The chapters a joined, running competition opens for this player (see chapterStatus). */
export function classroomUnlocks(save: Pick<SaveData, 'classroom'>): readonly number[] {
  const c = save.classroom;
  return c && !c.ended ? c.chapters : [];
}
