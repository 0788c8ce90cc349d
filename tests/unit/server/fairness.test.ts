// A class one student cannot lock out or take over: the teacher's key stays off the projected
// page and can be changed; competitions are created only by the teacher; joins, streams and code
// guesses are limited per device, per player and per address without locking a class (which
// shares one address) out; a removed player stays out; names cannot be copied or left blank; a
// full disk is told to the teacher in plain words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassroomLimits } from '../../../src/server/app';
import { createClassroom } from '../../../src/server/classroom';
import { faultReporter } from '../../../src/server/faults';
import { BACKENDS, call, createRoom, joinRoom, type Reply, startTestServer, type TestServer } from './helpers';

/** A request from another computer on the school network (not the server's own). */
async function from(
  server: TestServer,
  address: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await server.classroom.app.inject({
    method,
    url,
    remoteAddress: address,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(res.body);
  } catch {
    // Not JSON (an SVG).
  }
  return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
}

const device = (n: number | string) => `device-${String(n).padStart(12, '0')}`;

function withServer(
  limits: Partial<ClassroomLimits> = {},
  backend: { name: string; url?: string } = { name: 'sqlite' },
) {
  const ctx: { server: TestServer } = { server: null as unknown as TestServer };
  beforeAll(async () => {
    ctx.server = await startTestServer(backend, { limits });
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}

describe("the teacher's key and who may create competitions", () => {
  const ctx = withServer();

  it('changes the teacher key on request: the old one stops working at once', async () => {
    const c = ctx.server.classroom;
    const room = await createRoom(c);
    const made = await call(c, 'POST', `/api/teacher/rooms/${room.roomId}/key`, undefined, room.teacherKey);
    expect(made.status).toBe(200);
    const fresh = String(made.body.teacherKey);
    expect(fresh).not.toBe(room.teacherKey);
    expect(made.body.teacherPath).toBe(`/teacher/#room=${room.roomId}&key=${fresh}`);
    expect((await call(c, 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey)).status).toBe(403);
    expect((await call(c, 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, fresh)).status).toBe(200);
    const again = await call(c, 'POST', `/api/teacher/rooms/${room.roomId}/key`, undefined, room.teacherKey);
    expect(again.status).toBe(403);
  });

  it('without CLASSROOM_PASSWORD, only the server computer may create a competition', async () => {
    const body = { title: 'Mine', chapters: [1] };
    const remote = await from(ctx.server, '192.168.1.23', 'POST', '/api/rooms', body);
    expect(remote.status).toBe(403);
    expect(remote.body.code).toBe('needs-password');
    expect(remote.body.error).toMatch(/CLASSROOM_PASSWORD=/);
    // A proxy on the server computer passes other computers' requests on: they are not its own.
    const proxied = await from(ctx.server, '127.0.0.1', 'POST', '/api/rooms', body, { 'x-forwarded-for': '10.1.2.3' });
    expect(proxied.status).toBe(403);
    expect((await from(ctx.server, '127.0.0.1', 'POST', '/api/rooms', body)).status).toBe(201);
    expect((await from(ctx.server, '::1', 'POST', '/api/rooms', body)).status).toBe(201);
  });
});

describe('joins: fair to a class on one address, hard on a flood', () => {
  const ctx = withServer({ joinBurstPerAddress: 10, joinIntervalMs: 20, joinMaxWaitMs: 300 });
  const join = (code: string, nickname: string, dev: string, address = '10.0.0.5') =>
    from(ctx.server, address, 'POST', '/api/join', { code, nickname, device: dev });

  it('a flood of fake players from a classroom does not keep real students out', async () => {
    const room = await createRoom(ctx.server.classroom);
    const flood = await Promise.all(
      Array.from({ length: 130 }, (_, i) => join(room.code, `Bot ${i}`, device(`f${i}`))),
    );
    const refused = flood.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(30);
    expect(refused[0].body.error).toMatch(/try again in a few seconds/);
    // A real student on the same network, right after: let in (at most a short wait).
    const started = Date.now();
    const real = await join(room.code, 'Real Ann', device('real-ann'));
    expect(real.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('one device joining again and again is stopped; other devices are not', async () => {
    const room = await createRoom(ctx.server.classroom);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await join(room.code, `Same ${i}`, device('same'), '10.0.0.6')).status);
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    expect((await join(room.code, 'Other', device('other'), '10.0.0.6')).status).toBe(201);
  });

  it('slows join-code guessing per address, counting only codes that do not exist', async () => {
    const room = await createRoom(ctx.server.classroom);
    // A class typing the right code is never counted.
    for (let i = 0; i < 70; i++)
      expect((await join(room.code, `Kid ${i}`, device(`kid${i}`), `10.0.1.${i}`)).status).toBe(201);
    const guesses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const guess = `ZZZ${String(i).padStart(3, '2').replace(/[01]/g, '9')}`;
      guesses.push((await join(guess, `G${i}`, device(`guess${i}`), '10.0.2.1')).status);
    }
    expect(guesses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(guesses.slice(60).every((s) => s === 429)).toBe(true);
    // The QR code's lookup is counted the same way.
    expect((await from(ctx.server, '10.0.2.1', 'GET', `/api/rooms/${room.code}/qr.svg`)).status).toBe(429);
  });

  it('a removed player cannot join again under a new name until the teacher lets them back in', async () => {
    const c = ctx.server.classroom;
    const room = await createRoom(c);
    const mal = await join(room.code, 'Mallory', device('mallory'), '10.0.3.1');
    const id = String((mal.body.player as { id: string }).id);
    const url = `/api/teacher/rooms/${room.roomId}/players/${id}`;
    expect((await call(c, 'DELETE', url, undefined, room.teacherKey)).status).toBe(200);
    const back = await join(room.code, 'Totally New', device('mallory'), '10.0.3.1');
    expect(back.status).toBe(403);
    expect(back.body.code).toBe('kept-out');
    const view = await call(c, 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    expect(view.body.removed).toEqual([{ id, nickname: 'Mallory' }]);
    expect((await call(c, 'POST', `${url}/let-back-in`, undefined, room.teacherKey)).status).toBe(200);
    expect((await join(room.code, 'Mallory', device('mallory'), '10.0.3.1')).status).toBe(201);
  });
});

describe.each(BACKENDS)('nicknames on $name', (backend) => {
  const ctx = withServer({}, backend);

  it('refuses a name already taken in the room (any case or width), and blank-looking names', async () => {
    const c = ctx.server.classroom;
    const room = await createRoom(c);
    await joinRoom(c, room.code, 'Ann');
    for (const copy of ['ANN', 'ann', 'Ａｎｎ', 'A nn']) {
      const r = await call(c, 'POST', '/api/join', { code: room.code, nickname: copy });
      expect(r.status, copy).toBe(409);
      expect(r.body.code).toBe('name-taken');
    }
    const bo = await joinRoom(c, room.code, 'Bo');
    const rename = await call(
      c,
      'PATCH',
      `/api/teacher/rooms/${room.roomId}/players/${bo.id}`,
      { nickname: 'aNN' },
      room.teacherKey,
    );
    expect(rename.status).toBe(409);
    // Another room may have its own Ann.
    await joinRoom(c, (await createRoom(c)).code, 'Ann');
    for (const blank of ['\u3164', '\u2800\u2800', '\u3164 \u3164', '\u115F\u1160', '\uFFA0', '\u0301\u0301']) {
      const r = await call(c, 'POST', '/api/join', { code: room.code, nickname: blank });
      expect(r.status, JSON.stringify(blank)).toBe(400);
      expect(r.body.code).toBe('bad-nickname');
    }
  });

  it('keeps joined emoji whole and counts them as one character each', async () => {
    const c = ctx.server.classroom;
    const room = await createRoom(c);
    const family = '👩‍👩‍👧';
    const r = await call(c, 'POST', '/api/join', { code: room.code, nickname: `${family} Mia 🏳️‍🌈` });
    expect(r.status).toBe(201);
    expect((r.body.player as { nickname: string }).nickname).toBe(`${family} Mia 🏳️‍🌈`);
    const many = await call(c, 'POST', '/api/join', { code: room.code, nickname: family.repeat(24) });
    expect(many.status).toBe(201);
    const tooMany = await call(c, 'POST', '/api/join', { code: room.code, nickname: `x${family.repeat(24)}` });
    expect(tooMany.status).toBe(400);
  });
});

describe('live streams', () => {
  const ctx = withServer({ streamsPerRoom: 3, streamsPerPlayer: 2 });

  it('are only for players of the room; a student cannot hold many, nor lock the teacher out', async () => {
    const c = ctx.server.classroom;
    const room = await createRoom(c);
    const other = await createRoom(c);
    const address = await c.app.listen({ port: 0, host: '127.0.0.1' });
    const opened: AbortController[] = [];
    const open = async (url: string, headers: Record<string, string> = {}) => {
      const ctrl = new AbortController();
      opened.push(ctrl);
      const res = await fetch(`${address}${url}`, { headers, signal: ctrl.signal });
      if (res.status !== 200) await res.text();
      return res.status;
    };
    try {
      const players = await Promise.all(['P1', 'P2', 'P3'].map((n) => joinRoom(c, room.code, n)));
      const stranger = await joinRoom(c, other.code, 'Elsewhere');
      const stream = `/api/rooms/${room.code}/stream`;
      expect(await open(stream)).toBe(401);
      expect(await open(`${stream}?token=${'x'.repeat(32)}`)).toBe(401);
      expect(await open(`${stream}?token=${stranger.token}`)).toBe(401);
      expect(await open(`${stream}?token=${players[0].token}`)).toBe(200);
      expect(await open(stream, { authorization: `Bearer ${players[0].token}` })).toBe(200);
      expect(await open(`${stream}?token=${players[0].token}`)).toBe(429);
      expect(await open(`${stream}?token=${players[1].token}`)).toBe(200);
      expect(await open(`${stream}?token=${players[2].token}`)).toBe(429);
      // The room's students hold every student stream it allows: the teacher still gets in.
      const teacher = `/api/teacher/rooms/${room.roomId}/stream`;
      expect(await open(teacher, { authorization: `Bearer ${room.teacherKey}` })).toBe(200);
    } finally {
      for (const ctrl of opened) ctrl.abort();
    }
  });
});

describe('write failures', () => {
  it("a full disk is told in the teacher's console in plain words", async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'bbd-full-'));
    // The server as main.ts makes it, its reporter printing into a list instead of the console.
    const full = await createClassroom({
      databaseFile: join(dir, 'classroom.db'),
      distDir: null,
      workers: 1,
      report: faultReporter((l) => lines.push(l), 0),
      limits: { joinsPerRoomPerMinute: 1000 },
    });
    try {
      await full.pool.ready();
      const room = await createRoom(full);
      const { page_count } = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(full.repo.db)).rows[0];
      await sql.raw(`PRAGMA max_page_count = ${page_count + 2}`).execute(full.repo.db);
      let r = await call(full, 'POST', '/api/join', { code: room.code, nickname: 'Disk 0' });
      for (let i = 1; i < 400 && r.status === 201; i++)
        r = await call(full, 'POST', '/api/join', { code: room.code, nickname: `Disk ${i} ${'x'.repeat(12)}` });
      expect(r.status).toBe(500);
      expect(r.body.error).toBe('Something went wrong on the server.');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/The disk is full: the server cannot save students' work \(POST \/api\/join\)/);
    } finally {
      await full.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
