// The game's classroom client against the real server: attempts finished while the server is
// unreachable wait in the save, survive a reload of the save, are sent when it is back, and are
// counted once even when an answer is lost and the attempt is sent again. Also: old saves load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { appMachine } from '../../../src/app/appMachine';
import { ClassroomClient } from '../../../src/app/classroomClient';
import { queueAttempt } from '../../../src/app/classroomQueue';
import { freshSave, type SaveData } from '../../../src/app/saveSchema';
import { loadSave, SAVE_KEY } from '../../../src/app/saveStore';
import { TEXT as teacherText } from '../../../src/server/teacher/text.js';
import en from '../../../src/i18n/locales/classroom.en.json';
import zh from '../../../src/i18n/locales/classroom.zh-CN.json';
import { genuineAttempt } from '../../../bench/genuineAttempt';
import { attempts, call, createRoom, FIXTURE, startTestServer, type TestServer } from './helpers';

const memory = (data: Record<string, string> = {}) => ({
  getItem: (k: string) => data[k] ?? null,
  setItem: (k: string, v: string) => {
    data[k] = v;
  },
});

describe('classroom save and text', () => {
  it('loads a version 2 save without the classroom field, and keeps one with it', () => {
    const old = JSON.parse(JSON.stringify(FIXTURE));
    expect(old.classroom).toBeUndefined();
    const loaded = loadSave(memory({ [SAVE_KEY]: JSON.stringify(old) }), 'en');
    expect(loaded.problem).toBeNull();
    expect(loaded.save.attempts).toHaveLength(FIXTURE.attempts.length);
    const joined: SaveData = {
      ...loaded.save,
      classroom: {
        server: 'http://127.0.0.1:1',
        code: 'ABC234',
        title: 'T',
        nickname: 'N',
        playerId: 'p',
        token: 't'.repeat(32),
        chapters: [1],
        seed: null,
        leaderboardVisible: true,
        ended: false,
        queue: [],
        verdicts: [],
      },
    };
    const queued = queueAttempt(joined, attempts(1)[0], 'attempt-0001');
    expect(queueAttempt(joined, attempts(2)[0], 'attempt-0002').classroom?.queue).toHaveLength(0);
    const again = loadSave(memory({ [SAVE_KEY]: JSON.stringify(queued) }), 'en');
    expect(again.problem).toBeNull();
    expect(again.save.classroom?.queue[0].id).toBe('attempt-0001');
  });

  it('has the same keys in both languages (game dialog and teacher page)', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(teacherText['zh-CN']).sort()).toEqual(Object.keys(teacherText.en).sort());
  });
});

describe('classroom client', () => {
  let server: TestServer;
  let base = '';
  beforeAll(async () => {
    server = await startTestServer({ name: 'sqlite' });
    base = await server.classroom.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('queues attempts while the server is down, sends them when it is back, counts a resend once', async () => {
    const room = await createRoom(server.classroom);
    let down = false;
    let loseAnswers = 0;
    let posts = 0;
    const fetcher = async (url: string, init?: RequestInit) => {
      if (down) throw new TypeError('fetch failed');
      if (url.endsWith('/api/submissions')) posts++;
      const res = await fetch(url, init);
      // The server stored it, but the answer never reached the game: it must resend.
      if (url.endsWith('/api/submissions') && loseAnswers > 0) {
        loseAnswers--;
        throw new TypeError('connection reset');
      }
      return res;
    };
    const storage = memory();
    let id = 0;
    const app = createActor(appMachine, {
      input: { save: freshSave('en'), problem: null, newId: () => `attempt-${String(++id).padStart(4, '0')}` },
    }).start();
    const client = new ClassroomClient(app, fetcher, base, null);
    expect(await client.join(room.code, 'Queued')).toEqual({ ok: true });
    // The server drew this player's own seed for each chapter: the game plays on it.
    const seeds = client.state?.seeds ?? {};
    expect(Object.keys(seeds).sort()).toEqual(['1', '2', '3']);
    expect(client.seedFor(1)).toBe(seeds['1']);
    expect(client.seedFor(2)).toBe(seeds['2']);
    expect(client.seedFor(4)).toBeNull();
    const played = [await genuineAttempt(1, seeds['1']), await genuineAttempt(2, seeds['2'])];
    down = true;
    // Two finished attempts while offline: they wait in the save.
    for (const a of played)
      app.send({
        type: 'classroom.set',
        classroom:
          queueAttempt(app.getSnapshot().context.save, a, `attempt-${String(++id).padStart(4, '0')}`).classroom ?? null,
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(client.state?.queue).toHaveLength(2);
    expect(client.live.offline).toBe(true);
    storage.setItem(SAVE_KEY, JSON.stringify(app.getSnapshot().context.save));
    client.stop();

    // A new page (the save read back), the server reachable again, and one answer lost.
    const reloaded = loadSave(storage, 'en').save;
    expect(reloaded.classroom?.queue).toHaveLength(2);
    const app2 = createActor(appMachine, { input: { save: reloaded, problem: null } }).start();
    down = false;
    loseAnswers = 1;
    const client2 = new ClassroomClient(app2, fetcher, base, null);
    const deadline = Date.now() + 30_000;
    while ((client2.state?.queue.length ?? 0) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    client2.stop();
    expect(client2.state?.queue).toEqual([]);
    expect(client2.state?.verdicts.map((v) => v.status)).toEqual(['verified', 'verified']);
    expect(posts).toBe(3);
    expect(await server.classroom.repo.countSubmissions(room.roomId)).toBe(2);
    const view = await call(server.classroom, 'GET', `/api/teacher/rooms/${room.roomId}`, undefined, room.teacherKey);
    const [row] = view.body.standings as { stars: number }[];
    expect(row.stars).toBe(played[0].result.stars + played[1].result.stars);
  });
});
