// Puts the classroom server together: the database (embedded file or PostgreSQL), the
// repository, the verification pool, the live hub and the HTTP app. Used by `npm run classroom`
// (main.ts), the tests and the load test, so all of them run the same server.
import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ClassroomLimits, publicRoom } from './app';
import { openDatabase, type DbKind } from './db/connect';
import { LiveHub } from './liveHub';
import { memoryCounter, sharedCounter, sharedRateStore } from './rateStore';
import { Repository } from './repository';
import { removedPlayers } from './roomAccess';
import { VerifyPool } from './verifyPool';

export interface ClassroomConfig {
  /** PostgreSQL connection string; without it the embedded database file is used. */
  databaseUrl?: string;
  /** The embedded database file (':memory:' for tests that need no file). */
  databaseFile?: string;
  /**
   * Hold the embedded file's lock so no second server opens it (default). Off only for tests
   * that run two servers in one process on one file.
   */
  databaseLock?: boolean;
  distDir: string | null;
  workers?: number;
  verifyTimeoutMs?: number;
  corsOrigins?: string[];
  adminPassword?: string;
  limits?: Partial<ClassroomLimits>;
  logger?: boolean;
  /** Prints write failures (a full disk…) in the teacher's console; see faults.ts. */
  report?: (err: unknown, where: string) => void;
  /** How long the live hub gathers changes before one leaderboard update (ms). */
  liveDelayMs?: number;
  /**
   * Count rate limits in the database, shared by every process on it. Default: on for PostgreSQL
   * (several processes share it), off for the embedded file (one process; counted in memory).
   */
  sharedRateLimits?: boolean;
}

export interface Classroom {
  app: FastifyInstance;
  repo: Repository;
  pool: VerifyPool;
  hub: LiveHub;
  dbKind: DbKind;
  close(): Promise<void>;
}

/**
 * One replay worker per core the process may use (at most 8). Replays are the server's CPU work;
 * the request thread mostly waits on the database and the network, so it needs no core of its own.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export async function createClassroom(config: ClassroomConfig): Promise<Classroom> {
  const opened = await openDatabase({
    url: config.databaseUrl,
    file: config.databaseFile,
    lock: config.databaseLock,
  });
  const repo = new Repository(opened.db);
  const pool = new VerifyPool(config.workers ?? defaultWorkerCount(), { timeLimitMs: config.verifyTimeoutMs });
  const hub = new LiveHub(async (roomId) => {
    const room = await repo.roomById(roomId);
    if (!room) return null;
    const [players, removed, { seq, standings }, flags] = await Promise.all([
      repo.players(room.id),
      removedPlayers(repo.db, room.id),
      repo.standings(room),
      repo.copyFlags(room.id),
    ]);
    const shown = publicRoom(room);
    return {
      teacher: {
        seq,
        room: shown,
        players: players.map((p) => ({ id: p.id, nickname: p.nickname, joinedAt: p.joinedAt })),
        removed: removed.map((p) => ({ id: p.id, nickname: p.nickname })),
        standings,
        flags,
      },
      student: { seq, room: shown, standings: room.leaderboardVisible ? standings : [] },
    };
  }, config.liveDelayMs);
  if (opened.pool) await hub.connectPostgres(opened.pool);
  const shared = config.sharedRateLimits ?? opened.kind === 'postgres';
  const app = await buildApp({
    repo,
    pool,
    hub,
    distDir: config.distDir,
    corsOrigins: config.corsOrigins,
    adminPassword: config.adminPassword,
    limits: config.limits,
    logger: config.logger,
    report: config.report,
    rateStore: shared ? sharedRateStore(repo.db) : undefined,
    counter: shared ? sharedCounter(repo.db) : memoryCounter(),
  });
  let closed = false;
  return {
    app,
    repo,
    pool,
    hub,
    dbKind: opened.kind,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await hub.close();
      await pool.close();
      await opened.close();
    },
  };
}
