// The classroom server as a teacher runs it (`npm run classroom`, a real process): Ctrl+C and
// SIGTERM stop it within 2 s though students hold live streams open; a start-up failure is one
// line saying what is wrong, where, and what to do; a second server on the same database file
// refuses to start, and a server killed with kill -9 leaves nothing that blocks a restart.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  ROOT,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../../bench/classroomProcess';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bbd-operable-'));
  dirs.push(d);
  return d;
};

afterAll(async () => {
  for (const s of servers) await stopServerProcess(s, 'SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Starts the server expecting it to fail: its exit code and everything it printed. */
function failedStart(dataDir: string, port: number, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/server/start.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        CLASSROOM_DATA: dataDir,
        CLASSROOM_NO_BUILD: '1',
        CLASSROOM_WORKERS: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function expectOneLine(result: { code: number | null; out: string }, pattern: RegExp) {
  expect(result.code, result.out).toBe(1);
  const lines = result.out.trim().split('\n');
  expect(lines, result.out).toHaveLength(1);
  expect(lines[0]).toMatch(/^The classroom server cannot start: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.out).not.toMatch(/\n\s+at /);
}

const post = async (base: string, path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
};

describe('stopping', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} ends live streams and exits within 2 s`, async () => {
      const server = await startServerProcess(tempDir(), await freePort(), { CLASSROOM_WORKERS: '1' });
      servers.push(server);
      const room = await post(server.base, '/api/rooms', { title: 'Stop', chapters: [1] });
      const code = (room.room as { code: string }).code;
      const joined = await post(server.base, '/api/join', { code, nickname: 'Watcher' });
      // A student's game holds its live leaderboard open, as during any lesson.
      const stream = await fetch(`${server.base}/api/rooms/${code}/stream?token=${String(joined.token)}`);
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      await reader.read();
      const ended = (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })().catch(() => true);
      const exited = new Promise<number | null>((r) => server.child.once('exit', (c) => r(c)));
      const started = performance.now();
      server.child.kill(signal);
      const exitCode = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
      const took = performance.now() - started;
      expect(exitCode).toBe(0);
      expect(took).toBeLessThan(2000);
      expect(await ended).toBe(true);
      expect(server.output()).toMatch(/Stopping the classroom server/);
    });
  }
});

describe('start-up failures, one line each', () => {
  it('the port is in use', async () => {
    const port = await freePort();
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(port, '127.0.0.1', () => r()));
    try {
      expectOneLine(await failedStart(tempDir(), port), new RegExp(`port ${port} .*already in use.*PORT=`));
    } finally {
      taken.close();
    }
  });

  it('the database file is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'classroom.db'), 'these are my lesson notes, not a database '.repeat(200));
    expectOneLine(
      await failedStart(dir, await freePort()),
      /classroom\.db is not a classroom database or is damaged.*CLASSROOM_DATA/,
    );
  });

  it('the data folder cannot be made', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expectOneLine(
      await failedStart(join(dir, 'file', 'data'), await freePort()),
      /data folder .*file\/data cannot be made.*CLASSROOM_DATA/,
    );
  });

  it('a second server on the same database file refuses; after kill -9 of the first, a restart works', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const first = await startServerProcess(dir, await freePort(), { CLASSROOM_WORKERS: '1' });
    servers.push(first);
    expectOneLine(
      await failedStart(dir, await freePort()),
      /another classroom server is already using .*classroom\.db.*CLASSROOM_DATA=/,
    );
    const room = await post(first.base, '/api/rooms', { title: 'Kept', chapters: [1] });
    await stopServerProcess(first, 'SIGKILL');
    const again = await startServerProcess(dir, await freePort(), { CLASSROOM_WORKERS: '1' });
    servers.push(again);
    const code = (room.room as { code: string }).code;
    const joined = await post(again.base, '/api/join', { code, nickname: 'After' });
    expect(joined.token).toEqual(expect.any(String));
    await stopServerProcess(again);
  });
});
