// Rows of the classroom database mapped to the plain objects the repository hands out, so both
// databases (SQLite and PostgreSQL, whose drivers return numbers and flags differently) give the
// routes the same types.
import { parseSeeds } from './attemptGuard';
import type { Player, Room, Submission } from './repository';

export type RoomRow = {
  id: string;
  code: string;
  title: string;
  chapters: string;
  seed: number | string | null;
  leaderboard_visible: number;
  created_at: string;
  ended_at: string | null;
  seq: number | string;
};

export const roomColumns = [
  'id',
  'code',
  'title',
  'chapters',
  'seed',
  'leaderboard_visible',
  'created_at',
  'ended_at',
  'seq',
] as const;

export function toRoom(r: RoomRow): Room {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    chapters: JSON.parse(r.chapters) as number[],
    seed: r.seed === null ? null : Number(r.seed),
    leaderboardVisible: Number(r.leaderboard_visible) === 1,
    createdAt: r.created_at,
    endedAt: r.ended_at,
    seq: Number(r.seq),
  };
}

export function toPlayer(r: {
  id: string;
  room_id: string;
  nickname: string;
  joined_at: string;
  removed: number | string;
  seeds?: string;
}): Player {
  return {
    id: r.id,
    roomId: r.room_id,
    nickname: r.nickname,
    joinedAt: r.joined_at,
    removed: Number(r.removed) === 1,
    seeds: parseSeeds(r.seeds),
  };
}

export const playerColumns = ['id', 'room_id', 'nickname', 'joined_at', 'removed', 'seeds'] as const;

export const submissionColumns = [
  'id',
  'room_id',
  'player_id',
  'client_id',
  'chapter',
  'level_version',
  'seed',
  'status',
  'reason_code',
  'reason',
  'stars',
  'score',
  'received_at',
  'verify_ms',
  'seq',
] as const;

export function toSubmission(r: Record<(typeof submissionColumns)[number], unknown>): Submission {
  return {
    id: String(r.id),
    roomId: String(r.room_id),
    playerId: String(r.player_id),
    clientId: String(r.client_id),
    chapter: Number(r.chapter),
    levelVersion: Number(r.level_version),
    seed: Number(r.seed),
    status: r.status === 'verified' ? 'verified' : 'refused',
    reasonCode: String(r.reason_code),
    reason: String(r.reason),
    stars: Number(r.stars),
    score: Number(r.score),
    receivedAt: String(r.received_at),
    verifyMs: Number(r.verify_ms),
    seq: Number(r.seq),
  };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}
