// Everything the classroom server stores or reads, in one place, over Kysely: the same code runs
// on the embedded SQLite file and on PostgreSQL. Rows are mapped to plain objects here, so both
// databases hand the routes the same types (numbers, booleans, arrays), never driver extras.
import { type Kysely, sql } from 'kysely';
import type { Database } from './db/schema';
import { bodyHash } from './attemptGuard';
import { type CopyFlag, copyFlags } from './copyFlags';
import { hashSecret, newId, newJoinCode, newSecret } from './ids';
import { nameKey } from './nickname';
import { rankPlayers } from './ranking';
import {
  isUniqueViolation,
  playerColumns,
  roomColumns,
  submissionColumns,
  toPlayer,
  toRoom,
  toSubmission,
} from './rows';

export interface Room {
  id: string;
  code: string;
  title: string;
  chapters: number[];
  seed: number | null;
  leaderboardVisible: boolean;
  createdAt: string;
  endedAt: string | null;
  seq: number;
}

export interface Player {
  id: string;
  roomId: string;
  nickname: string;
  joinedAt: string;
  removed: boolean;
  /** The seed drawn for this player for each chapter of the competition ({} before they were drawn). */
  seeds: Record<string, number>;
}

export interface Submission {
  id: string;
  roomId: string;
  playerId: string;
  clientId: string;
  chapter: number;
  levelVersion: number;
  seed: number;
  status: 'verified' | 'refused';
  reasonCode: string;
  reason: string;
  stars: number;
  score: number;
  receivedAt: string;
  verifyMs: number;
  seq: number;
}

export interface NewSubmission {
  clientId: string;
  chapter: number;
  levelVersion: number;
  seed: number;
  status: 'verified' | 'refused';
  reasonCode: string;
  reason: string;
  stars: number;
  score: number;
  /** The attempt as sent (JSON); kept only when it verified. */
  attempt: string;
  verifyMs: number;
  /** eventsHash of its seed and events, or null when they could not be read. */
  eventsHash: string | null;
}

/** One player's best on one challenge (chapter). */
export interface ChallengeResult {
  chapter: number;
  score: number;
  stars: number;
  attempts: number;
  verifiedAttempts: number;
  /** When the best score was first reached (server time), or null without a verified attempt. */
  bestAt: string | null;
}

export interface Standing {
  rank: number;
  playerId: string;
  nickname: string;
  total: number;
  stars: number;
  challenges: ChallengeResult[];
}

export class Repository {
  constructor(
    readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createRoom(input: {
    title: string;
    chapters: number[];
    seed: number | null;
    leaderboardVisible: boolean;
  }): Promise<{ room: Room; teacherKey: string }> {
    const teacherKey = newSecret();
    // A clash of two random six-letter codes is rare; try again rather than fail.
    for (let tries = 0; tries < 8; tries++) {
      const row = {
        id: newId(),
        code: newJoinCode(),
        title: input.title,
        chapters: JSON.stringify(input.chapters),
        seed: input.seed,
        leaderboard_visible: input.leaderboardVisible ? 1 : 0,
        teacher_key_hash: hashSecret(teacherKey),
        created_at: this.now().toISOString(),
        ended_at: null,
      };
      try {
        await this.db.insertInto('rooms').values(row).execute();
        return { room: toRoom({ ...row, seq: 0 }), teacherKey };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new Error('Could not find a free join code.');
  }

  async roomById(id: string): Promise<Room | null> {
    const r = await this.db.selectFrom('rooms').select(roomColumns).where('id', '=', id).executeTakeFirst();
    return r ? toRoom(r) : null;
  }

  async roomByCode(code: string): Promise<Room | null> {
    const r = await this.db.selectFrom('rooms').select(roomColumns).where('code', '=', code).executeTakeFirst();
    return r ? toRoom(r) : null;
  }

  /** The room whose teacher key this is (checked by hash), or null. */
  async roomForTeacher(id: string, key: string): Promise<Room | null> {
    const r = await this.db
      .selectFrom('rooms')
      .select(roomColumns)
      .where('id', '=', id)
      .where('teacher_key_hash', '=', hashSecret(key))
      .executeTakeFirst();
    return r ? toRoom(r) : null;
  }

  async updateRoom(id: string, change: { title?: string; leaderboardVisible?: boolean; end?: boolean }): Promise<void> {
    const set: { title?: string; leaderboard_visible?: number; ended_at?: string } = {};
    if (change.title !== undefined) set.title = change.title;
    if (change.leaderboardVisible !== undefined) set.leaderboard_visible = change.leaderboardVisible ? 1 : 0;
    if (change.end) set.ended_at = this.now().toISOString();
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('rooms').set(set).where('id', '=', id).execute();
  }

  /** Adds a player with their seeds; 'taken' when another player of the room has the same name (see nameKey). */
  async addPlayer(
    roomId: string,
    nickname: string,
    deviceId: string | null = null,
    seeds: Record<string, number> = {},
  ): Promise<{ player: Player; token: string } | 'taken'> {
    const token = newSecret();
    const row = {
      id: newId(),
      room_id: roomId,
      nickname,
      token_hash: hashSecret(token),
      joined_at: this.now().toISOString(),
      removed: 0,
      device_hash: deviceId ? hashSecret(`device:${deviceId}`) : null,
      name_key: nameKey(nickname),
      seeds: JSON.stringify(seeds),
    };
    try {
      await this.db.insertInto('players').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken';
      throw err;
    }
    return { player: toPlayer(row), token };
  }

  /** The (not removed) player this token belongs to, with their room. */
  async playerByToken(token: string): Promise<{ player: Player; room: Room } | null> {
    const p = await this.db
      .selectFrom('players')
      .select(playerColumns)
      .where('token_hash', '=', hashSecret(token))
      .where('removed', '=', 0)
      .executeTakeFirst();
    if (!p) return null;
    const room = await this.roomById(p.room_id);
    return room ? { player: toPlayer(p), room } : null;
  }

  async players(roomId: string): Promise<Player[]> {
    const rows = await this.db
      .selectFrom('players')
      .select(playerColumns)
      .where('room_id', '=', roomId)
      .where('removed', '=', 0)
      .orderBy('joined_at')
      .orderBy('id')
      .execute();
    return rows.map(toPlayer);
  }

  /**
   * Renames or removes a player of this room: 'missing' when the room has no such player,
   * 'taken' when another player already has the new name.
   */
  async changePlayer(
    roomId: string,
    playerId: string,
    change: { nickname?: string; remove?: boolean },
  ): Promise<'ok' | 'missing' | 'taken'> {
    const set: { nickname?: string; name_key?: string; removed?: number } = {};
    if (change.nickname !== undefined) {
      set.nickname = change.nickname;
      set.name_key = nameKey(change.nickname);
    }
    if (change.remove) set.removed = 1;
    try {
      const res = await this.db
        .updateTable('players')
        .set(set)
        .where('id', '=', playerId)
        .where('room_id', '=', roomId)
        .where('removed', '=', 0)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0 ? 'ok' : 'missing';
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken';
      throw err;
    }
  }

  async submissionByClientId(playerId: string, clientId: string): Promise<Submission | null> {
    const r = await this.db
      .selectFrom('submissions')
      .select(submissionColumns)
      .where('player_id', '=', playerId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return r ? toSubmission(r) : null;
  }

  /**
   * Stores a checked submission and bumps the room's counter, in one transaction. A second
   * submission with the same client id (a resend) stores nothing and returns the first one.
   */
  async addSubmission(
    room: Room,
    player: Player,
    s: NewSubmission,
  ): Promise<{ submission: Submission; duplicate: boolean }> {
    const existing = await this.submissionByClientId(player.id, s.clientId);
    if (existing) return { submission: existing, duplicate: true };
    try {
      const submission = await this.db.transaction().execute(async (trx) => {
        const bumped = await trx
          .updateTable('rooms')
          .set({ seq: sql`seq + 1` })
          .where('id', '=', room.id)
          .returning('seq')
          .executeTakeFirstOrThrow();
        const row = {
          id: newId(),
          room_id: room.id,
          player_id: player.id,
          client_id: s.clientId,
          chapter: s.chapter,
          level_version: s.levelVersion,
          seed: s.seed,
          status: s.status,
          reason_code: s.reasonCode,
          reason: s.reason,
          stars: s.stars,
          score: s.score,
          // A refused attempt's body is not kept: its size and hashes say what the teacher needs.
          attempt: s.status === 'verified' ? s.attempt : '',
          body_bytes: s.attempt.length,
          body_hash: bodyHash(s.attempt),
          events_hash: s.eventsHash,
          received_at: this.now().toISOString(),
          verify_ms: s.verifyMs,
          seq: Number(bumped.seq),
        };
        await trx.insertInto('submissions').values(row).execute();
        return toSubmission(row);
      });
      return { submission, duplicate: false };
    } catch (err) {
      // Two copies of one attempt raced: the first one in stays, the second reads it.
      if (!isUniqueViolation(err)) throw err;
      const first = await this.submissionByClientId(player.id, s.clientId);
      if (!first) throw err;
      return { submission: first, duplicate: true };
    }
  }

  async submissionsOf(playerId: string, limit = 50): Promise<Submission[]> {
    const rows = await this.db
      .selectFrom('submissions')
      .select(submissionColumns)
      .where('player_id', '=', playerId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSubmission);
  }

  async countSubmissions(roomId: string): Promise<number> {
    const r = await this.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('room_id', '=', roomId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Players of the room who sent the same seed and events for one chapter (copyFlags.ts). */
  copyFlags(roomId: string): Promise<CopyFlag[]> {
    return copyFlags(this.db, roomId);
  }

  /** The room's standings: each (not removed) player's best verified score per chapter, ranked (ranking.ts). */
  async standings(room: Room): Promise<{ seq: number; standings: Standing[] }> {
    const [fresh, players, counts, verified] = await Promise.all([
      this.roomById(room.id),
      this.players(room.id),
      this.db
        .selectFrom('submissions')
        .select(['player_id', 'chapter', (eb) => eb.fn.countAll<number>().as('n')])
        .where('room_id', '=', room.id)
        .groupBy(['player_id', 'chapter'])
        .execute(),
      this.db
        .selectFrom('submissions')
        .select(['player_id', 'chapter', 'score', 'stars', 'received_at'])
        .where('room_id', '=', room.id)
        .where('status', '=', 'verified')
        .orderBy('seq')
        .execute(),
    ]);
    const key = (p: string, c: number) => `${p}:${c}`;
    const results = new Map<string, ChallengeResult>();
    const cell = (p: string, c: number): ChallengeResult => {
      let r = results.get(key(p, c));
      if (!r) {
        r = { chapter: c, score: 0, stars: 0, attempts: 0, verifiedAttempts: 0, bestAt: null };
        results.set(key(p, c), r);
      }
      return r;
    };
    for (const c of counts) cell(c.player_id, Number(c.chapter)).attempts = Number(c.n);
    for (const v of verified) {
      const r = cell(v.player_id, Number(v.chapter));
      r.verifiedAttempts++;
      if (r.bestAt === null || Number(v.score) > r.score) {
        r.score = Number(v.score);
        r.stars = Number(v.stars);
        r.bestAt = v.received_at;
      }
    }
    const standings = rankPlayers(
      players.map((p) => ({
        playerId: p.id,
        nickname: p.nickname,
        challenges: room.chapters.map((c) => cell(p.id, c)),
      })),
    );
    return { seq: fresh?.seq ?? room.seq, standings };
  }
}
