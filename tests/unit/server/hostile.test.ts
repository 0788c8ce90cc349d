// A hostile student against the classroom server: attempts recorded elsewhere (a classmate's, the
// game's own reference runs) do not score here, copies are flagged to the teacher, unknown events
// and oversized attempts are refused before any replay, and a refused attempt's body is not kept.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/app/saveSchema';
import {
  BACKENDS,
  attempts,
  call,
  clientId,
  createRoom,
  joinRoom,
  own,
  startTestServer,
  type TestServer,
} from './helpers';

type Sub = { status: string; reasonCode: string; reason: string; stars: number; score: number };
type Flag = { chapter: number; players: { nickname: string; status: string }[] };

const reference = (n: number) =>
  JSON.parse(readFileSync(new URL(`../../../levels/reference/ch${n}.json`, import.meta.url), 'utf8')) as Attempt;

describe.each(BACKENDS)('hostile students on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
  });
  const c = () => server.classroom;
  const submit = async (token: string, attempt: unknown) =>
    (await call(c(), 'POST', '/api/submissions', { id: clientId(), attempt }, token)).body.submission as Sub;

  it("refuses a classmate's attempt and the game's reference attempts, and flags the copy to the teacher", async () => {
    const room = await createRoom(c());
    const alice = await joinRoom(c(), room.code, 'Alice');
    const bob = await joinRoom(c(), room.code, 'Bob');
    expect(alice.seeds['1']).not.toBe(bob.seeds['1']);
    const hers = await own(alice, attempts(2)[0]);
    expect(await submit(alice.token, hers)).toMatchObject({ status: 'verified' });
    expect(await submit(bob.token, hers)).toMatchObject({ status: 'refused', reasonCode: 'wrong-seed', score: 0 });
    for (const n of [1, 2, 3])
      expect(await submit(bob.token, reference(n)), `reference ${n}`).toMatchObject({
        status: 'refused',
        reasonCode: 'wrong-seed',
        score: 0,
      });
    const view = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    const flags = view.body.flags as Flag[];
    expect(flags).toEqual([
      {
        chapter: 2,
        players: [
          expect.objectContaining({ nickname: 'Alice', status: 'verified' }),
          expect.objectContaining({ nickname: 'Bob', status: 'refused' }),
        ],
      },
    ]);
    const bobRow = (view.body.standings as { nickname: string; total: number }[]).find((s) => s.nickname === 'Bob');
    expect(bobRow?.total).toBe(0);
  });

  it("flags identical events from two players on the teacher's shared puzzle (both verify there)", async () => {
    const a = attempts(2)[0];
    const room = await createRoom(c(), { seed: a.seed, chapters: [2] });
    const p = await joinRoom(c(), room.code, 'First');
    const q = await joinRoom(c(), room.code, 'Second');
    expect(await submit(p.token, a)).toMatchObject({ status: 'verified' });
    expect(await submit(q.token, a)).toMatchObject({ status: 'verified' });
    const view = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    const flags = view.body.flags as Flag[];
    expect(flags).toHaveLength(1);
    expect(flags[0].players.map((x) => x.nickname)).toEqual(['First', 'Second']);
  });

  it('refuses unknown events and a 19,000-event attempt before any replay, keeping no body', async () => {
    const room = await createRoom(c());
    const p = await joinRoom(c(), room.code, 'Mallory');
    const mine = await own(p, attempts(2)[0]);
    const unknown = { ...structuredClone(mine), events: [{ type: 'admin.win' }, ...mine.events] };
    expect(await submit(p.token, unknown)).toMatchObject({ status: 'refused', reasonCode: 'unknown-event' });
    const stuffed = {
      ...structuredClone(mine),
      events: [...mine.events.slice(0, 5), ...new Array(19_000).fill({ type: 'rules.check' }), ...mine.events.slice(5)],
    };
    const t0 = performance.now();
    const slow = await submit(p.token, stuffed);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(slow).toMatchObject({ status: 'refused', reasonCode: 'too-many-events' });
    expect(slow.reason).toMatch(/at most 1000/);
    const rows = await c()
      .repo.db.selectFrom('submissions')
      .select(['status', 'attempt', 'body_bytes', 'body_hash', 'reason'])
      .where('room_id', '=', room.roomId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.attempt).toBe('');
      expect(Number(r.body_bytes)).toBeGreaterThan(100);
      expect(r.body_hash).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(Math.max(...rows.map((r) => Number(r.body_bytes)))).toBeGreaterThan(300_000);
    // A verified attempt keeps its body, so it can be replayed again.
    expect(await submit(p.token, mine)).toMatchObject({ status: 'verified' });
    const kept = await c()
      .repo.db.selectFrom('submissions')
      .select(['attempt'])
      .where('room_id', '=', room.roomId)
      .where('status', '=', 'verified')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(kept.attempt).events).toHaveLength(mine.events.length);
  });

  it('refuses a body nested 5,000 deep before parsing it', async () => {
    const room = await createRoom(c());
    const p = await joinRoom(c(), room.code, 'Deep');
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const body = `{"id":"${clientId()}","attempt":{"chapter":1,"levelVersion":1,"seed":1,"events":[{"type":"x","v":${deep}}],"result":{"passed":true,"stars":3},"time":"t"}}`;
    const r = await call(c(), 'POST', '/api/submissions', undefined, p.token, body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('too-deep');
    expect(await c().repo.countSubmissions(room.roomId)).toBe(0);
  });
});
