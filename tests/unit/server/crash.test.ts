// One request once took the whole classroom server down: an event holding JSON nested 5,000 deep
// (about 10 KB) overflowed the stack when handed to a replay worker. A real server process gets
// that request right after a join, answers it with a refusal, and goes on answering.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, startServerProcess, stopServerProcess } from '../../../bench/classroomProcess';

const post = async (base: string, path: string, body: string, token?: string) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('classroom server under a deeply nested body', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-crash-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    if (server) await stopServerProcess(server, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an event nested 5,000 deep and stays up', async () => {
    server = await startServerProcess(dir, await freePort(), { CLASSROOM_WORKERS: '1' });
    const base = server.base;
    const room = await post(base, '/api/rooms', JSON.stringify({ title: 'Deep', chapters: [1, 2, 3] }));
    const code = (room.body.room as { code: string }).code;
    const joined = await post(base, '/api/join', JSON.stringify({ code, nickname: 'Deep' }));
    const token = String(joined.body.token);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const attempt = `{"chapter":1,"levelVersion":1,"seed":1,"events":[{"type":"trial.command","command":"sit","x":${deep}}],"result":{"passed":true,"stars":3},"time":"${new Date().toISOString()}"}`;
    const r = await post(base, '/api/submissions', `{"id":"deep-attempt-1","attempt":${attempt}}`, token);
    expect(r.status).toBe(400);
    await new Promise((res) => setTimeout(res, 300));
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const again = await post(base, '/api/join', JSON.stringify({ code, nickname: 'After' }));
    expect(again.status).toBe(201);
    await stopServerProcess(server);
    server = null;
  });
});
