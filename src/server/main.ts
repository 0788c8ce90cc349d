// `npm run classroom` (through start.mjs, which loads it quickly): starts the classroom server.
// Settings come from the environment:
//   PORT (8787), HOST (0.0.0.0: students' devices reach it over the school network),
//   CLASSROOM_DATA (./data/classroom: where the embedded database file lives),
//   DATABASE_URL (postgres://…: use PostgreSQL instead, shared by several server processes),
//   CLASSROOM_WORKERS (replay workers; one per available core, at most 8),
//   CLASSROOM_VERIFY_TIMEOUT_MS (10000),
//   CLASSROOM_PASSWORD (creating a competition from another computer needs it; unset, only this
//   computer (127.0.0.1) may create one),
//   CLASSROOM_CORS_ORIGINS (comma-separated origins of a game hosted elsewhere),
//   CLASSROOM_DIST (the built game, ./dist), CLASSROOM_LOG=1 (request log),
//   CLASSROOM_DEBUG=1 (a start-up failure's full error beside its one-line explanation).
// When the built game is missing it is built first (once, about a minute), so a fresh checkout
// needs only `npm ci && npm run classroom`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { type Classroom, createClassroom } from './classroom';
import { faultReporter, startFailureLine } from './faults';

const root = resolve(new URL('../..', import.meta.url).pathname);
const env = process.env;
const distDir = resolve(env.CLASSROOM_DIST ?? join(root, 'dist'));

if (!existsSync(join(distDir, 'index.html')) && env.CLASSROOM_NO_BUILD !== '1') {
  console.log(`The game is not built in ${distDir}; building it now (about a minute)…`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', distDir, '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('Building the game failed; the server starts without it (teacher pages still work).');
  }
}

const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '0.0.0.0';
const dataDir = env.DATABASE_URL ? null : resolve(env.CLASSROOM_DATA ?? join(root, 'data', 'classroom'));
const dbFile = dataDir ? join(dataDir, 'classroom.db') : null;

let classroom: Classroom;
try {
  classroom = await createClassroom({
    databaseUrl: env.DATABASE_URL || undefined,
    databaseFile: dbFile ?? undefined,
    distDir,
    workers: env.CLASSROOM_WORKERS ? Number(env.CLASSROOM_WORKERS) : undefined,
    verifyTimeoutMs: env.CLASSROOM_VERIFY_TIMEOUT_MS ? Number(env.CLASSROOM_VERIFY_TIMEOUT_MS) : undefined,
    adminPassword: env.CLASSROOM_PASSWORD || undefined,
    corsOrigins: env.CLASSROOM_CORS_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logger: env.CLASSROOM_LOG === '1',
    report: faultReporter(),
  });
  await classroom.app.listen({ port, host });
} catch (err) {
  // One line the teacher can act on, not a stack trace (CLASSROOM_DEBUG=1 shows the error too).
  console.error(startFailureLine(err, { dataDir, dbFile, port, host }));
  if (env.CLASSROOM_DEBUG === '1') console.error(err);
  process.exit(1);
}

const urls =
  host === '0.0.0.0'
    ? [
        `http://127.0.0.1:${port}`,
        ...Object.values(networkInterfaces())
          .flat()
          .filter((a) => a && a.family === 'IPv4' && !a.internal)
          .map((a) => `http://${a?.address}:${port}`),
      ]
    : [`http://${host}:${port}`];
console.log(
  [
    // Since the process started (performance.now() counts from there), loading included.
    `Classroom server ready in ${Math.round(performance.now())} ms (database: ${classroom.dbKind}).`,
    `  Teacher: ${urls[0]}/teacher/`,
    ...urls.slice(1).map((u) => `  Students on the network: ${u}/`),
    ...(env.CLASSROOM_PASSWORD
      ? []
      : ['  Competitions can be created only on this computer (no CLASSROOM_PASSWORD set).']),
  ].join('\n'),
);

// Ctrl+C or SIGTERM: live streams are ended, requests under way finish (their writes are
// committed), and the process exits within 2 s whatever is still open. A second Ctrl+C exits at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.log('Stopped at once.');
      process.exit(130);
    }
    stopping = true;
    console.log('Stopping the classroom server… (Ctrl+C again to stop at once)');
    const cut = setTimeout(() => {
      console.log('Stopped; requests still under way were cut short (the games send them again).');
      process.exit(0);
    }, 1800);
    void classroom.close().then(
      () => {
        clearTimeout(cut);
        console.log('Stopped.');
        process.exit(0);
      },
      (err: Error) => {
        console.error(`Stopping failed: ${err.message}`);
        process.exit(1);
      },
    );
  });
}
