// The classroom server against a real database (the embedded file always, PostgreSQL when one is
// configured): the teacher's and students' flows, verification by replay, the leaderboard and
// CSV, permissions, and every kind of bad input, refused with a clear message and never scored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/app/saveSchema';
import { CHAPTERS, isBuilt } from '../../../src/levels/chapters';
import { createClassroom } from '../../../src/server/classroom';
import { CSV_HEADER } from '../../../src/server/csv';
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

type Sub = { status: string; reasonCode: string; reason: string; stars: number; score: number; chapter: number };

describe.each(BACKENDS)('classroom server on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
  });
  const c = () => server.classroom;

  async function submit(token: string, attempt: unknown, id = clientId()) {
    return call(c(), 'POST', '/api/submissions', { id, attempt }, token);
  }

  it('runs a competition: create, join, submit, verify, leaderboard and CSV', async () => {
    const room = await createRoom(c());
    const ann = await joinRoom(c(), room.code.toLowerCase(), 'Ann');
    const bo = await joinRoom(c(), room.code, '  Bo   Li ');
    const a1 = await own(ann, attempts(1)[0]);
    const a2 = await own(bo, attempts(1)[1]);
    const b2 = await own(bo, attempts(2)[0]);
    const r1 = await submit(ann.token, a1);
    expect(r1.status).toBe(201);
    const s1 = r1.body.submission as Sub;
    expect(s1).toMatchObject({ status: 'verified', reasonCode: 'verified', chapter: 1, stars: a1.result.stars });
    expect(s1.score).toBeGreaterThanOrEqual(a1.result.stars * 100);
    const r2 = await submit(bo.token, a2);
    expect((r2.body.submission as Sub).status).toBe('verified');
    const ch2 = await submit(bo.token, b2);
    expect((ch2.body.submission as Sub).stars).toBe(b2.result.stars);

    const view = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    expect(view.status).toBe(200);
    const players = view.body.players as { nickname: string }[];
    expect(players.map((p) => p.nickname)).toEqual(['Ann', 'Bo Li']);
    const standings = view.body.standings as {
      nickname: string;
      rank: number;
      total: number;
      challenges: { chapter: number; attempts: number; stars: number }[];
    }[];
    expect(standings[0].nickname).toBe('Bo Li');
    expect(standings[0].rank).toBe(1);
    expect(standings[1].nickname).toBe('Ann');
    expect(standings[1].total).toBe(s1.score);
    expect(standings[1].challenges.map((x) => x.chapter)).toEqual([1, 2, 3]);
    expect(typeof view.body.seq).toBe('number');

    const csv = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}/results.csv`, undefined, room.teacherKey);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="black-box-dog-/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines).toContain(
      `2,Ann,1,${s1.score},${a1.result.stars},1,1,${s1 && (standings[1].challenges[0] as { bestAt?: string }).bestAt},${s1.score}`,
    );

    const me = await call(c(), 'GET', '/api/me', undefined, ann.token);
    expect(me.status).toBe(200);
    expect((me.body.room as { code: string }).code).toBe(room.code);
    expect((me.body.submissions as Sub[]).length).toBe(1);
  });

  it('refuses forged results, edited events, wrong chapters and versions with a reason; none scores', async () => {
    const room = await createRoom(c(), { chapters: [1, 3] });
    const eve = await joinRoom(c(), room.code, 'Eve');
    const base = await own(eve, attempts(1)[1]);
    const forged: Attempt = structuredClone(base);
    forged.result = { ...forged.result, stars: base.result.stars === 3 ? 2 : 3 };
    const edited: Attempt = structuredClone(base);
    edited.events = edited.events.slice(0, -6);
    const shuffled: Attempt = structuredClone(base);
    shuffled.events = [...shuffled.events].reverse();
    const wrongVersion: Attempt = { ...structuredClone(base), levelVersion: 99 };
    const wrongChapter = { ...attempts(2)[0], seed: eve.seeds['2'] ?? 0 };
    const noChapter: Attempt = { ...structuredClone(base), chapter: 6 };
    const otherSeed: Attempt = { ...structuredClone(base), seed: base.seed + 1 };
    const cases: [Attempt, string][] = [
      [forged, 'result-differs'],
      [edited, 'replay-failed'],
      [shuffled, 'result-differs'],
      [wrongVersion, 'wrong-version'],
      [wrongChapter, 'not-in-competition'],
      [noChapter, 'not-in-competition'],
      [otherSeed, 'wrong-seed'],
    ];
    for (const [attempt, code] of cases) {
      const r = await submit(eve.token, attempt);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const s = r.body.submission as Sub;
      expect(s.status).toBe('refused');
      expect([code, 'result-differs', 'replay-failed']).toContain(s.reasonCode);
      if (code !== 'result-differs' && code !== 'replay-failed') expect(s.reasonCode).toBe(code);
      expect(s.reason.length).toBeGreaterThan(10);
      expect(s.score).toBe(0);
      expect(s.stars).toBe(0);
    }
    const view = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    const [row] = view.body.standings as {
      total: number;
      challenges: { attempts: number; verifiedAttempts: number }[];
    }[];
    expect(row.total).toBe(0);
    expect(row.challenges[0].verifiedAttempts).toBe(0);
    expect(row.challenges[0].attempts).toBe(5);
  });

  it('counts a resent attempt once (idempotent by the client id)', async () => {
    const room = await createRoom(c());
    const p = await joinRoom(c(), room.code, 'Resender');
    const id = clientId();
    const [mine0, mine1] = [await own(p, attempts(3)[0]), await own(p, attempts(3)[1])];
    const first = await submit(p.token, mine0, id);
    expect((first.body.submission as Sub).status).toBe('verified');
    const again = await Promise.all([submit(p.token, mine0, id), submit(p.token, mine0, id)]);
    expect(first.status).toBe(201);
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body.duplicate).toBe(true);
      expect(r.body.submission).toEqual(first.body.submission);
    }
    // The same attempt under a new id from the same player is a new submission, still counted once as best.
    const raced = clientId();
    const both = await Promise.all([submit(p.token, mine1, raced), submit(p.token, mine1, raced)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    const view = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    const [row] = view.body.standings as { challenges: { chapter: number; attempts: number }[] }[];
    expect(row.challenges.find((x) => x.chapter === 3)?.attempts).toBe(2);
  });

  it('refuses malformed requests with a clear message and stores nothing', async () => {
    const room = await createRoom(c());
    const p = await joinRoom(c(), room.code, 'Mal');
    const bad = await call(c(), 'POST', '/api/submissions', undefined, p.token, '{"id": "abcdefgh", "attempt": {');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'bad-json', error: 'The request body is not valid JSON.' });
    const huge = await call(c(), 'POST', '/api/submissions', undefined, p.token, `{"pad":"${'x'.repeat(600_000)}"}`);
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('too-large');
    const bigJoin = await call(c(), 'POST', '/api/join', { code: room.code, nickname: 'n'.repeat(20_000) });
    expect(bigJoin.status).toBe(413);
    const shapes: unknown[] = [
      { id: 'abcdefgh' },
      { id: 'short', attempt: attempts(1)[0] },
      { id: '../../etc/passwd', attempt: attempts(1)[0] },
      { id: clientId(), attempt: { ...attempts(1)[0], seed: -1 } },
      { id: clientId(), attempt: { ...attempts(1)[0], chapter: 99 } },
      { id: clientId(), attempt: { ...attempts(1)[0], events: 'sit' } },
      { id: clientId(), attempt: { ...attempts(1)[0], result: { passed: true, stars: 9 } } },
      { id: clientId(), attempt: { ...attempts(1)[0], events: [{ type: '' }] } },
      [1, 2, 3],
      'attempt',
      null,
    ];
    for (const body of shapes) {
      const r = await call(c(), 'POST', '/api/submissions', body, p.token);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error).toMatch(/^The request (is not valid|body is not valid JSON)/);
    }
    const noToken = await call(c(), 'POST', '/api/submissions', { id: clientId(), attempt: attempts(1)[0] });
    expect(noToken.status).toBe(401);
    const badToken = await call(
      c(),
      'POST',
      '/api/submissions',
      { id: clientId(), attempt: attempts(1)[0] },
      'x'.repeat(32),
    );
    expect(badToken.status).toBe(401);
    const asText = await c().app.inject({
      method: 'POST',
      url: '/api/join',
      headers: { 'content-type': 'application/xml' },
      payload: '<join/>',
    });
    expect(asText.statusCode).toBe(415);
    expect(await c().repo.countSubmissions(room.roomId)).toBe(0);
  });

  it('keeps nicknames as plain, tidy, length-limited text', async () => {
    const room = await createRoom(c());
    const markup = '<img src=x onerror=alert(1)>';
    const r = await call(c(), 'POST', '/api/join', { code: room.code, nickname: markup.slice(0, 24) });
    expect(r.status).toBe(201);
    expect((r.body.player as { nickname: string }).nickname).toBe(markup.slice(0, 24));
    const hidden = await call(c(), 'POST', '/api/join', { code: room.code, nickname: 'Zo\u202Ee\u0000\n小明' });
    expect((hidden.body.player as { nickname: string }).nickname).toBe('Zoe 小明');
    for (const nickname of ['', '   ', '\u200B\u200B', 'x'.repeat(25)]) {
      const bad = await call(c(), 'POST', '/api/join', { code: room.code, nickname });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('bad-nickname');
    }
    const formula = await call(c(), 'POST', '/api/join', { code: room.code, nickname: '=HYPERLINK("x")' });
    expect(formula.status).toBe(201);
    const csv = await call(c(), 'GET', `/api/teacher/rooms/${room.roomId}/results.csv`, undefined, room.teacherKey);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.text).toContain(`"${markup.slice(0, 24)}"`.replace(/"/g, ''));
  });

  it('lets only the teacher act, and keeps rooms apart', async () => {
    const a = await createRoom(c(), { title: 'A' });
    const b = await createRoom(c(), { title: 'B' });
    const pa = await joinRoom(c(), a.code, 'InA');
    const pb = await joinRoom(c(), b.code, 'InB');
    await submit(pb.token, attempts(1)[0]);
    for (const [method, url] of [
      ['GET', `/api/teacher/rooms/${a.roomId}`],
      ['GET', `/api/teacher/rooms/${a.roomId}/results.csv`],
      ['GET', `/api/teacher/rooms/${a.roomId}/stream`],
      ['PATCH', `/api/teacher/rooms/${a.roomId}`],
      ['DELETE', `/api/teacher/rooms/${a.roomId}/players/${pa.id}`],
    ] as const) {
      for (const token of [undefined, pa.token, b.teacherKey]) {
        const r = await call(c(), method, url, method === 'PATCH' ? { ended: true } : undefined, token);
        expect(r.status, `${method} ${url} with ${token ? 'a wrong key' : 'no key'}`).toBe(403);
      }
    }
    // B's teacher cannot touch A's player through B's room either.
    const cross = await call(c(), 'DELETE', `/api/teacher/rooms/${b.roomId}/players/${pa.id}`, undefined, b.teacherKey);
    expect(cross.status).toBe(404);
    const viewA = await call(c(), 'GET', `/api/teacher/rooms/${a.roomId}`, undefined, a.teacherKey);
    expect((viewA.body.players as { nickname: string }[]).map((p) => p.nickname)).toEqual(['InA']);
    expect(JSON.stringify(viewA.body)).not.toContain('InB');
    const me = await call(c(), 'GET', '/api/me', undefined, pa.token);
    expect((me.body.room as { title: string }).title).toBe('A');
    expect(me.body.submissions).toEqual([]);
  });

  it('lets the teacher rename and remove players, hide the board and end the competition', async () => {
    const room = await createRoom(c(), { leaderboardVisible: false });
    const p = await joinRoom(c(), room.code, 'Rudename');
    const q = await joinRoom(c(), room.code, 'Stays');
    const url = `/api/teacher/rooms/${room.roomId}`;
    const renamed = await call(c(), 'PATCH', `${url}/players/${p.id}`, { nickname: 'Kind name' }, room.teacherKey);
    expect(renamed.status).toBe(200);
    expect((renamed.body.players as { nickname: string }[])[0].nickname).toBe('Kind name');
    const removed = await call(c(), 'DELETE', `${url}/players/${p.id}`, undefined, room.teacherKey);
    expect((removed.body.players as unknown[]).length).toBe(1);
    const gone = await submit(p.token, attempts(1)[0]);
    expect(gone.status).toBe(401);
    expect(gone.body.error).toMatch(/not in this class/);
    const shown = await call(c(), 'PATCH', url, { leaderboardVisible: true }, room.teacherKey);
    expect((shown.body.room as { leaderboardVisible: boolean }).leaderboardVisible).toBe(true);
    const ended = await call(c(), 'PATCH', url, { ended: true }, room.teacherKey);
    expect((ended.body.room as { ended: boolean }).ended).toBe(true);
    const late = await submit(q.token, attempts(1)[0]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ended');
    const lateJoin = await call(c(), 'POST', '/api/join', { code: room.code, nickname: 'Late' });
    expect(lateJoin.status).toBe(409);
    expect(await c().repo.countSubmissions(room.roomId)).toBe(0);
  });

  it("holds the class to the teacher's puzzle when a seed is set", async () => {
    const a = attempts(2)[0];
    const room = await createRoom(c(), { seed: a.seed, chapters: [2] });
    const p = await joinRoom(c(), room.code, 'Seeded');
    expect((await submit(p.token, a)).body.submission).toMatchObject({ status: 'verified' });
    const other = await submit(p.token, attempts(2)[1]);
    expect(other.body.submission).toMatchObject({ status: 'refused', reasonCode: 'wrong-seed' });
  });

  it('streams standings live to the teacher, and to students only while the board is shown', async () => {
    const room = await createRoom(c(), { leaderboardVisible: false });
    const p = await joinRoom(c(), room.code, 'Live');
    const address = await c().app.listen({ port: 0, host: '127.0.0.1' });
    const read = async (
      url: string,
      headers: Record<string, string>,
      until: (d: { seq: number; standings: unknown[] }) => boolean,
    ) => {
      const ctrl = new AbortController();
      const res = await fetch(`${address}${url}`, { headers, signal: ctrl.signal });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      let buf = '';
      const deadline = Date.now() + 15_000;
      try {
        while (Date.now() < deadline) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += new TextDecoder().decode(value);
          for (const chunk of buf.split('\n\n')) {
            const data = /^data: (.*)$/m.exec(chunk)?.[1];
            if (data && /^event: standings$/m.test(chunk)) {
              const parsed = JSON.parse(data);
              if (until(parsed)) return parsed;
            }
          }
        }
      } finally {
        ctrl.abort();
      }
      throw new Error(`no matching event: ${buf.slice(-500)}`);
    };
    const teacherSees = read(
      `/api/teacher/rooms/${room.roomId}/stream`,
      { authorization: `Bearer ${room.teacherKey}` },
      (d) => d.standings.length === 1 && (d.standings[0] as { total: number }).total > 0,
    );
    const studentSees = read(`/api/rooms/${room.code}/stream?token=${p.token}`, {}, (d) => d.seq >= 1);
    await new Promise((r) => setTimeout(r, 200));
    const sent = await submit(p.token, await own(p, attempts(1)[0]));
    const seq = (sent.body.submission as { seq: number }).seq;
    const t = await teacherSees;
    expect(t.seq).toBeGreaterThanOrEqual(seq);
    const s = await studentSees;
    expect(s.standings).toEqual([]);
    await call(c(), 'PATCH', `/api/teacher/rooms/${room.roomId}`, { leaderboardVisible: true }, room.teacherKey);
    const visible = await read(
      `/api/rooms/${room.code}/stream`,
      { authorization: `Bearer ${p.token}` },
      (d) => d.standings.length === 1,
    );
    expect((visible.standings[0] as { nickname: string }).nickname).toBe('Live');
  });

  it('serves the join QR code and the chapter list', async () => {
    const room = await createRoom(c());
    const qr = await call(c(), 'GET', `/api/rooms/${room.code}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.text).toMatch(/^<svg/);
    expect((await call(c(), 'GET', '/api/rooms/ZZZZZZ/qr.svg')).status).toBe(404);
    const ch = await call(c(), 'GET', '/api/chapters');
    expect((ch.body.chapters as { number: number }[]).map((x) => x.number)).toEqual(expect.arrayContaining([1, 2, 3]));
    const bad = await call(c(), 'POST', '/api/rooms', { title: 'x', chapters: [7] });
    expect(bad.status).toBe(400);
    const unbuilt = CHAPTERS.find((x) => !isBuilt(x));
    if (unbuilt) {
      const soon = await call(c(), 'POST', '/api/rooms', { title: 'x', chapters: [unbuilt.number] });
      expect(soon.status).toBe(400);
      expect(soon.body.error).toMatch(/not in this version/);
    }
  });

  it('sends security headers and no CORS permission to other origins', async () => {
    const res = await c().app.inject({
      method: 'GET',
      url: '/api/chapters',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('classroom server limits (embedded database)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(
      { name: 'sqlite' },
      { limits: { playerPerMinute: 3, joinsPerRoomPerMinute: 4 }, verifyTimeoutMs: 1 },
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('limits submissions per player and joins per room, not per address', async () => {
    const c = server.classroom;
    const room = await createRoom(c);
    const a = await joinRoom(c, room.code, 'A');
    const b = await joinRoom(c, room.code, 'B');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(c, 'POST', '/api/submissions', { id: 'short' }, a.token)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    // Another player from the same address is not held back.
    expect((await call(c, 'POST', '/api/submissions', { id: 'short' }, b.token)).status).toBe(400);
    await joinRoom(c, room.code, 'C');
    await joinRoom(c, room.code, 'D');
    const fifth = await call(c, 'POST', '/api/join', { code: room.code, nickname: 'E' });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toMatch(/Too many requests/);
    const other = await createRoom(c);
    expect((await call(c, 'POST', '/api/join', { code: other.code, nickname: 'E' })).status).toBe(201);
  });

  it('stops a replay that runs past the time limit and refuses the attempt with the reason', async () => {
    const c = server.classroom;
    const room = await createRoom(c);
    const p = await joinRoom(c, room.code, 'Slow');
    const r = await call(
      c,
      'POST',
      '/api/submissions',
      { id: clientId(), attempt: await own(p, attempts(1)[1]) },
      p.token,
    );
    expect(r.body.submission).toMatchObject({ status: 'refused', reasonCode: 'too-slow' });
  });
});

describe.skipIf(!BACKENDS.some((b) => b.name === 'postgres'))('two server processes on one PostgreSQL', () => {
  it('fans a submission made on one server out to a stream held by the other (LISTEN/NOTIFY)', async () => {
    const url = BACKENDS.find((b) => b.name === 'postgres')!.url!;
    const one = await startTestServer({ name: 'postgres', url });
    const two = await createClassroom({ databaseUrl: url, distDir: null, workers: 1, liveDelayMs: 20 });
    try {
      const room = await createRoom(one.classroom);
      const p = await joinRoom(one.classroom, room.code, 'Fan');
      const address = await two.app.listen({ port: 0, host: '127.0.0.1' });
      const ctrl = new AbortController();
      const res = await fetch(`${address}/api/teacher/rooms/${room.roomId}/stream`, {
        headers: { authorization: `Bearer ${room.teacherKey}` },
        signal: ctrl.signal,
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      await new Promise((r) => setTimeout(r, 200));
      const sent = await call(
        one.classroom,
        'POST',
        '/api/submissions',
        { id: clientId(), attempt: await own(p, attempts(1)[0]) },
        p.token,
      );
      const seq = (sent.body.submission as { seq: number }).seq;
      let buf = '';
      let seen = 0;
      const deadline = Date.now() + 10_000;
      while (seen < seq && Date.now() < deadline) {
        const { value } = await reader.read();
        buf += value ?? '';
        for (const m of buf.matchAll(/^data: (.*)$/gm)) seen = Math.max(seen, JSON.parse(m[1]).seq);
      }
      ctrl.abort();
      expect(seen).toBeGreaterThanOrEqual(seq);
    } finally {
      await two.close();
      await one.close();
    }
  });
});
