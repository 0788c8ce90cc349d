// The classroom database's tables, as Kysely sees them. The same tables exist in the embedded
// SQLite file (libsql) and in PostgreSQL, so every column uses a type both agree on: ids and
// times are text (random ids, ISO-8601 UTC), flags are 0/1 integers, seeds are bigint (read back
// as a JS number on both; a seed is at most 2^32 - 1).
import type { Generated } from 'kysely';

export interface RoomTable {
  id: string;
  code: string;
  title: string;
  /** JSON array of chapter numbers, e.g. "[1,3]". */
  chapters: string;
  seed: number | null;
  leaderboard_visible: number;
  teacher_key_hash: string;
  created_at: string;
  ended_at: string | null;
  /** Counts every stored submission of the room: leaderboard events carry it. */
  seq: Generated<number>;
}

export interface PlayerTable {
  id: string;
  room_id: string;
  nickname: string;
  token_hash: string;
  joined_at: string;
  /** 0: in the room; 1: removed by the teacher and kept out; 2: removed, let back in. */
  removed: Generated<number>;
  /** Hash of the id the student's game keeps for its device, when it sent one. */
  device_hash: string | null;
  /** The nickname as compared for clashes (nameKey in nickname.ts); unique among a room's players. */
  name_key: string | null;
  /** JSON object: the seed drawn for this player for each chapter of the competition. */
  seeds: Generated<string>;
}

export interface SubmissionTable {
  id: string;
  room_id: string;
  player_id: string;
  /** The id the student's game made up for the attempt: a resend is recognised by it. */
  client_id: string;
  chapter: number;
  level_version: number;
  seed: number;
  status: 'verified' | 'refused';
  /** Why it was refused, as a short code the game translates ('verified' when it was not). */
  reason_code: string;
  reason: string;
  stars: number;
  score: number;
  /**
   * The attempt exactly as sent (JSON), so it can be replayed again later; '' when it was refused
   * (only its size and hashes are kept).
   */
  attempt: string;
  /** The size of the attempt as sent (JSON text length). */
  body_bytes: Generated<number>;
  /** SHA-256 of the attempt as sent (hex, first 32 digits). */
  body_hash: Generated<string>;
  /** eventsHash (attemptGuard.ts) of its seed and events: equal for copies; null when unreadable. */
  events_hash: string | null;
  received_at: string;
  verify_ms: number;
  seq: number;
}

/**
 * Rate-limit counters shared by every server process on one database: hits of one key (a player,
 * a room…) in one fixed window of time. Old windows are deleted as they pass.
 */
export interface RateLimitTable {
  key: string;
  /** Start of the window, in ms since 1970. */
  window_start: number;
  hits: number;
}

export interface Database {
  rooms: RoomTable;
  players: PlayerTable;
  submissions: SubmissionTable;
  rate_limits: RateLimitTable;
}
