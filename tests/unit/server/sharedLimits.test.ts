// Rate limits when several server processes share one database: counted in the database, a
// player's limit holds across processes (here two servers in one test process on one database:
// the embedded file, and PostgreSQL when configured, where it is the default). Counted per
// process (the embedded default), each server allows the full limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/connect';
import { type Classroom, createClassroom } from '../../../src/server/classroom';
import { sharedRateStore } from '../../../src/server/rateStore';
import { BACKENDS, call, createRoom, joinRoom, resetPostgres } from './helpers';

const open: Classroom[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A PostgreSQL database of this file's own: test files run in parallel, and the others reset the
 * one named in CLASSROOM_TEST_PG_URL.
 */
async function ownDatabase(url: string): Promise<string> {
  const name = 'classroom_test_limits';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // already exists
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return own.toString();
}

/** Two servers on one database, as two processes behind a load balancer would be. */
async function twoServers(backend: { name: string; url?: string }, shared?: boolean): Promise<[Classroom, Classroom]> {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-limits-'));
  dirs.push(dir);
  const url = backend.url ? await ownDatabase(backend.url) : undefined;
  if (url) await resetPostgres(url);
  const make = () =>
    createClassroom({
      databaseUrl: url,
      databaseFile: join(dir, 'classroom.db'),
      distDir: null,
      workers: 1,
      limits: { playerPerMinute: 3 },
      sharedRateLimits: shared,
      // Two servers in one test process on one file: the file's lock would keep the second out.
      databaseLock: false,
    });
  const a = await make();
  open.push(a);
  const b = await make();
  open.push(b);
  return [a, b];
}

/** Keeps the four requests of a test inside one minute's window. */
async function awayFromMinuteEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 3000) await new Promise((r) => setTimeout(r, left + 50));
}

async function alternate(a: Classroom, b: Classroom): Promise<number[]> {
  const room = await createRoom(a);
  const p = await joinRoom(b, room.code, 'Ann');
  await awayFromMinuteEdge();
  const statuses: number[] = [];
  // A malformed body is refused (400) after the limit is counted: no replay is needed.
  for (let i = 0; i < 4; i++)
    statuses.push((await call(i % 2 ? b : a, 'POST', '/api/submissions', { id: 'short' }, p.token)).status);
  return statuses;
}

describe.each(BACKENDS)('rate limits across server processes on $name', (backend) => {
  it("a player's limit holds across servers when counted in the database", async () => {
    const [a, b] = await twoServers(backend, true);
    expect(await alternate(a, b)).toEqual([400, 400, 400, 429]);
  });
});

it('counted per process (the embedded default), each server allows the full limit', async () => {
  const [a, b] = await twoServers({ name: 'sqlite' });
  expect(await alternate(a, b)).toEqual([400, 400, 400, 400]);
});

it('the shared store counts fixed windows, reports the time left, and forgets old windows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-limits-'));
  dirs.push(dir);
  const db = await openDatabase({ file: join(dir, 'classroom.db') });
  let now = 120_000 + 1000;
  const Store = sharedRateStore(db.db, () => now);
  const store = new Store().child();
  const incr = (key: string) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), 60_000),
    );
  expect(await incr('k')).toEqual({ current: 1, ttl: 59_000 });
  expect(await incr('k')).toEqual({ current: 2, ttl: 59_000 });
  expect(await incr('other')).toMatchObject({ current: 1 });
  now += 60_000;
  expect(await incr('k')).toEqual({ current: 1, ttl: 59_000 });
  now += 20 * 60_000;
  await incr('k');
  await new Promise((r) => setTimeout(r, 50));
  const rows = await db.db.selectFrom('rate_limits').selectAll().execute();
  expect(rows.map((r) => Number(r.window_start))).toEqual([now - 1000]);
  await db.close();
});
