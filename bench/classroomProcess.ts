// Starts `npm run classroom`'s entry point as a child process on 127.0.0.1 for the load and fault
// tests: a free port, its own data folder, no build. Resolves once the server says it is ready.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  startMs: number;
  output: () => string;
  /** Resident memory of the server process, in MB (Linux). */
  rssMb(): number;
}

export async function startServerProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'src/server/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLASSROOM_DATA: dataDir,
      CLASSROOM_NO_BUILD: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 30_000;
  while (!/Classroom server ready/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The classroom server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    startMs: Math.round(performance.now() - started),
    output: () => out,
    rssMb() {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        return Math.round(kb / 1024);
      } catch {
        return 0;
      }
    },
  };
}

export async function stopServerProcess(p: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}
