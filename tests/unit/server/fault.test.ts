// The server killed with SIGKILL in the middle of submissions, then started again on the same
// database file: every acknowledged submission is still there, the file passes SQLite's integrity
// check, and the students' queued attempts, sent again with their first ids, are counted once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, startServerProcess, stopServerProcess } from '../../../bench/classroomProcess';
import { FIXTURE } from './helpers';

const post = async (base: string, path: string, body: unknown, token?: string) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('classroom server killed mid-submission', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-fault-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    if (server) await stopServerProcess(server, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission and counts resent ones once', async () => {
    const port = await freePort();
    server = await startServerProcess(dir, port, { CLASSROOM_WORKERS: '1' });
    const base = server.base;
    const room = await post(base, '/api/rooms', { title: 'Fault', chapters: [1, 2, 3] });
    const { roomId, teacherKey } = room.body as { roomId: string; teacherKey: string };
    const code = (room.body.room as { code: string }).code;
    const students = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) =>
        String((await post(base, '/api/join', { code, nickname: `S${i}` })).body.token),
      ),
    );
    // Each student has 4 attempts to send (24 in all), each with the id its game gave it.
    const planned = students.flatMap((token, s) =>
      [0, 1, 2, 3].map((k) => ({
        token,
        id: `fault-${s}-${k}-xxxx`,
        attempt: FIXTURE.attempts[(s + k) % FIXTURE.attempts.length],
      })),
    );
    const acked = new Set<string>();
    let killed = false;
    const sendAll = planned.map(async (p) => {
      try {
        const r = await post(base, '/api/submissions', { id: p.id, attempt: p.attempt }, p.token);
        if (r.status === 201 || r.status === 200) acked.add(p.id);
      } catch {
        // The server died under this request: the game keeps it queued.
      }
    });
    const killer = (async () => {
      while (acked.size < 5) await new Promise((r) => setTimeout(r, 5));
      server!.child.kill('SIGKILL');
      killed = true;
    })();
    await Promise.all([...sendAll, killer]);
    expect(killed).toBe(true);
    expect(acked.size).toBeGreaterThanOrEqual(5);
    expect(acked.size).toBeLessThan(planned.length);
    await new Promise((r) =>
      server!.child.exitCode !== null || server!.child.signalCode ? r(null) : server!.child.once('exit', r),
    );

    // The file opens cleanly and holds every acknowledged submission.
    const file = join(dir, 'classroom.db');
    const db = new Sqlite(file);
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    const stored = new Set(
      (db.prepare('SELECT client_id FROM submissions').all() as { client_id: string }[]).map((r) => r.client_id),
    );
    db.close();
    for (const id of acked) expect(stored.has(id), id).toBe(true);

    // Restarted: the games send everything still queued (and, not knowing, some already stored).
    server = await startServerProcess(dir, port, { CLASSROOM_WORKERS: '1' });
    const answers = await Promise.all(
      planned.map((p) => post(server!.base, '/api/submissions', { id: p.id, attempt: p.attempt }, p.token)),
    );
    for (const [i, a] of answers.entries()) {
      expect([200, 201]).toContain(a.status);
      expect(a.body.duplicate).toBe(stored.has(planned[i].id));
    }
    const view = await fetch(`${server.base}/api/teacher/rooms/${roomId}`, {
      headers: { authorization: `Bearer ${teacherKey}` },
    }).then((r) => r.json() as Promise<{ standings: { challenges: { attempts: number }[] }[] }>);
    const counted = view.standings.reduce((n, s) => n + s.challenges.reduce((m, c) => m + c.attempts, 0), 0);
    expect(counted).toBe(planned.length);
    await stopServerProcess(server);
    server = null;
  });
});
