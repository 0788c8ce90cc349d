// Shared set-up for the classroom server's tests: a server on a fresh database (the embedded file
// always; PostgreSQL when CLASSROOM_TEST_PG_URL names one), real recorded attempts from the
// fixture save, and small request helpers over Fastify's inject.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { genuineAttempt } from '../../../bench/genuineAttempt';
import type { Attempt } from '../../../src/app/saveSchema';
import type { ClassroomLimits } from '../../../src/server/app';
import { type Classroom, createClassroom } from '../../../src/server/classroom';

export const FIXTURE = JSON.parse(
  readFileSync(new URL('../../fixtures/save-v2-2026-12-01.json', import.meta.url), 'utf8'),
) as { attempts: Attempt[] };

export const attempts = (chapter: number): Attempt[] => FIXTURE.attempts.filter((a) => a.chapter === chapter);

export const PG_URL = process.env.CLASSROOM_TEST_PG_URL ?? '';

export const BACKENDS: { name: 'sqlite' | 'postgres'; url?: string }[] = [
  { name: 'sqlite' },
  ...(PG_URL ? [{ name: 'postgres' as const, url: PG_URL }] : []),
];

if (!PG_URL) {
  console.warn(
    [
      '',
      '=================================================================',
      '  CLASSROOM POSTGRESQL TESTS SKIPPED: CLASSROOM_TEST_PG_URL is not set.',
      "  .ci/run starts a throwaway cluster when Debian's postgresql is installed.",
      '=================================================================',
    ].join('\n'),
  );
}

/** Empties a PostgreSQL test database (drops our tables and Kysely's migration tables). */
export async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS rate_limits, submissions, players, rooms, kysely_migration, kysely_migration_lock CASCADE',
  );
  await client.end();
}

export interface TestServer {
  classroom: Classroom;
  dir: string;
  close(): Promise<void>;
}

export async function startTestServer(
  backend: { name: string; url?: string },
  options: { limits?: Partial<ClassroomLimits>; verifyTimeoutMs?: number; file?: string } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-classroom-'));
  if (backend.url) await resetPostgres(backend.url);
  const classroom = await createClassroom({
    databaseUrl: backend.url,
    databaseFile: options.file ?? join(dir, 'classroom.db'),
    distDir: null,
    workers: 1,
    verifyTimeoutMs: options.verifyTimeoutMs,
    limits: options.limits,
    liveDelayMs: 20,
  });
  await classroom.pool.ready();
  return {
    classroom,
    dir,
    async close() {
      await classroom.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: string; code?: string };
  text: string;
  headers: Record<string, unknown>;
}

export async function call(
  c: Classroom,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  token?: string,
  rawBody?: string,
): Promise<Reply> {
  const res = await c.app.inject({
    method,
    url,
    headers: {
      ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(res.body);
  } catch {
    // CSV and SVG answers are not JSON.
  }
  return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
}

export interface TestRoom {
  roomId: string;
  teacherKey: string;
  code: string;
}

export async function createRoom(c: Classroom, body: Record<string, unknown> = {}): Promise<TestRoom> {
  const r = await call(c, 'POST', '/api/rooms', { title: 'Class 5B', chapters: [1, 2, 3], ...body });
  if (r.status !== 201) throw new Error(`create failed: ${r.text}`);
  return {
    roomId: String(r.body.roomId),
    teacherKey: String(r.body.teacherKey),
    code: String((r.body.room as { code: string }).code),
  };
}

export interface TestPlayer {
  token: string;
  id: string;
  /** The seed the server drew for this player for each chapter of the competition. */
  seeds: Record<string, number>;
}

export async function joinRoom(c: Classroom, code: string, nickname: string): Promise<TestPlayer> {
  const r = await call(c, 'POST', '/api/join', { code, nickname });
  if (r.status !== 201) throw new Error(`join failed: ${r.text}`);
  return {
    token: String(r.body.token),
    id: String((r.body.player as { id: string }).id),
    seeds: r.body.seeds as Record<string, number>,
  };
}

/**
 * The fixture attempt's chapter played by this player on their own seed: the moves of that
 * recorded attempt (chapters 2, 3) or the scripted trainer (chapter 1, in the attempt's style).
 */
export async function own(p: TestPlayer, template: Attempt): Promise<Attempt> {
  const seed = p.seeds[String(template.chapter)];
  if (seed === undefined) throw new Error(`no seed for chapter ${template.chapter}`);
  return genuineAttempt(template.chapter, seed, attempts(template.chapter).indexOf(template));
}

let counter = 0;
export const clientId = (): string => `test-${Date.now().toString(36)}-${(counter++).toString(36)}`;
