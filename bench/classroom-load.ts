// `npm run bench:classroom`: a load test of the classroom server on 127.0.0.1. ROOMS rooms of
// STUDENTS students join, then for DURATION_S seconds each student submits attempts at random
// moments, some of them forged (a claimed result raised, or events cut), while one live leaderboard stream per room (the teacher's) is read. Students
// resend with the same id after a busy or failed answer, as the game does. Then it checks every
// acknowledged submission is in the database and that each room's stream reached its last one.
// Each student plays genuine attempts on the seeds the server drew for them (genuineAttempt.ts);
// meanwhile one attacker sends every attack (classroomAttacks.ts), each reported sent/accepted.
// It stops by itself; the last line printed is one JSON object.
// Settings (environment): ROOMS (40), STUDENTS (35), DURATION_S (120), INTERVAL_S (mean seconds
// between one student's submissions, 100), FORGED (share forged, 0.1), CLASSROOM_WORKERS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attempt } from '../src/attempts/attempt';
import { freePort, startServerProcess, stopServerProcess } from './classroomProcess';
import { attackerRun } from './classroomAttacks';
import { genuineAttempt } from './genuineAttempt';

const env = process.env;
const ROOMS = Number(env.ROOMS ?? 40);
const STUDENTS = Number(env.STUDENTS ?? 35);
const DURATION_S = Number(env.DURATION_S ?? 120);
const INTERVAL_S = Number(env.INTERVAL_S ?? 100);
const FORGED = Number(env.FORGED ?? 0.1);
const DRAIN_S = 60;

function forge(a: Attempt, k: number): Attempt {
  const f = structuredClone(a);
  if (k % 2 === 0) f.result = { ...f.result, stars: 3, passed: true, ...(f.result.stars === 3 ? { correct: 99 } : {}) };
  else f.events = f.events.slice(0, Math.max(1, f.events.length - 4));
  return f;
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};

async function postJson(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bbd-load-'));
  const port = await freePort();
  const server = await startServerProcess(
    dir,
    port,
    env.CLASSROOM_WORKERS ? { CLASSROOM_WORKERS: env.CLASSROOM_WORKERS } : {},
  );
  const base = server.base;
  await new Promise((r) => setTimeout(r, 6000));
  const idleRss = server.rssMb();
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, server.rssMb());
  }, 1000);

  // Rooms and students.
  const rooms: { roomId: string; teacherKey: string; code: string; maxSeq: number; events: number }[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const created = await postJson(base, '/api/rooms', { title: `Load ${r}`, chapters: [1, 2, 3] });
    rooms.push({
      roomId: String(created.body.roomId),
      teacherKey: String(created.body.teacherKey),
      code: String((created.body.room as { code: string }).code),
      maxSeq: 0,
      events: 0,
    });
  }
  const students: { room: number; token: string; seeds: Record<string, number>; own: Attempt[] }[] = [];
  for (const [r, room] of rooms.entries()) {
    const joined = await Promise.all(
      Array.from({ length: STUDENTS }, (_, s) =>
        postJson(base, '/api/join', { code: room.code, nickname: `R${r} S${s}` }),
      ),
    );
    for (const j of joined) {
      if (j.status !== 201) throw new Error(`a student's join was answered ${j.status}: ${JSON.stringify(j.body)}`);
      students.push({
        room: r,
        token: String(j.body.token),
        seeds: j.body.seeds as Record<string, number>,
        own: [],
      });
    }
  }
  // Each student's genuine attempts, played on the seeds the server drew for them.
  for (const [s, st] of students.entries())
    for (const chapter of [1, 2, 3]) st.own.push(await genuineAttempt(chapter, st.seeds[String(chapter)], s));

  // One teacher's stream per room.
  const controller = new AbortController();
  const streams = rooms.map(async (room) => {
    try {
      const res = await fetch(`${base}/api/teacher/rooms/${room.roomId}/stream`, {
        headers: { authorization: `Bearer ${room.teacherKey}` },
        signal: controller.signal,
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let cut = buf.indexOf('\n\n');
        while (cut >= 0) {
          const chunk = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const data = /^data: (.*)$/m.exec(chunk)?.[1];
          if (data) {
            room.maxSeq = Math.max(room.maxSeq, (JSON.parse(data) as { seq: number }).seq);
            room.events++;
          }
          cut = buf.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted at the end.
    }
  });

  // Submissions.
  const started = performance.now();
  const stopAt = Date.now() + DURATION_S * 1000;
  const drainUntil = stopAt + DRAIN_S * 1000;
  const latencies: number[] = [];
  const acked: { room: number; id: string; seq: number }[] = [];
  let created = 0;
  let forgedSent = 0;
  let forgedAccepted = 0;
  let retries = 0;
  let serial = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let genuineSent = 0;
  let genuineVerified = 0;
  const studentLoop = async (st: (typeof students)[number]) => {
    await sleep(Math.random() * INTERVAL_S * 1000);
    while (Date.now() < stopAt) {
      const k = serial++;
      const real = st.own[k % st.own.length];
      const forged = Math.random() < FORGED;
      const attempt = forged ? forge(real, k) : real;
      const id = `load-${k.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      created++;
      if (forged) forgedSent++;
      else genuineSent++;
      const t0 = performance.now();
      for (let tries = 0; Date.now() < drainUntil; tries++) {
        try {
          const r = await postJson(base, '/api/submissions', { id, attempt }, st.token);
          if (r.status === 200 || r.status === 201) {
            const s = r.body.submission as { status: string; seq: number };
            latencies.push(performance.now() - t0);
            acked.push({ room: st.room, id, seq: s.seq });
            if (forged && s.status === 'verified') forgedAccepted++;
            if (!forged && s.status === 'verified') genuineVerified++;
            break;
          }
        } catch {
          // Network error: try again.
        }
        retries++;
        await sleep(Math.min(30_000, 1000 * 2 ** tries));
      }
      const gap = -Math.log(1 - Math.random()) * INTERVAL_S * 1000;
      await sleep(Math.max(0, Math.min(gap, stopAt - Date.now())));
    }
  };
  const attack = attackerRun(base, rooms[0].code, students[0], stopAt);
  await Promise.all(students.map(studentLoop));
  const attacks = await attack;
  const elapsedS = (performance.now() - started) / 1000;
  await sleep(2000);
  controller.abort();
  await Promise.all(streams);
  clearInterval(sampler);

  // Every acknowledged submission must be stored: count per room through the teacher's view.
  let stored = 0;
  for (const room of rooms) {
    const view = (await fetch(`${base}/api/teacher/rooms/${room.roomId}`, {
      headers: { authorization: `Bearer ${room.teacherKey}` },
    }).then((r) => r.json())) as { standings: { challenges: { attempts: number }[] }[] };
    stored += view.standings.reduce((n, s) => n + s.challenges.reduce((m, c) => m + c.attempts, 0), 0);
  }
  const delivered = acked.filter((a) => a.seq <= rooms[a.room].maxSeq).length;
  await stopServerProcess(server);
  rmSync(dir, { recursive: true, force: true });

  const result = {
    rooms: ROOMS,
    students: ROOMS * STUDENTS,
    duration_s: Math.round(elapsedS),
    submissions: acked.length,
    submissions_per_s: Number((acked.length / elapsedS).toFixed(2)),
    verify_p50_ms: percentile(latencies, 50),
    verify_p99_ms: percentile(latencies, 99),
    lost_submissions: created - Math.min(stored, acked.length) + Math.max(0, acked.length - stored),
    retries,
    forged_sent: forgedSent,
    forged_accepted: forgedAccepted,
    leaderboard_events: rooms.reduce((n, r) => n + r.events, 0),
    leaderboard_events_delivered_ratio: acked.length ? Number((delivered / acked.length).toFixed(4)) : 1,
    server_rss_mb: peakRss,
    server_idle_rss_mb: idleRss,
    first_start_ms: server.startMs,
    genuine_verified_ratio: genuineSent ? Number((genuineVerified / genuineSent).toFixed(4)) : 0,
    attacks_sent: attacks.sent,
    attacks_accepted: attacks.accepted,
    attacks: attacks.byKind,
    server_crashes: server.child.exitCode !== null && server.child.exitCode !== 0 ? 1 : attacks.crashed ? 1 : 0,
    honest_p99_under_attack_ms: percentile(latencies, 99),
    duplicate_rows: acked.length - new Set(acked.map((a) => `${a.room}:${a.id}`)).size,
  };
  console.log(JSON.stringify(result));
}

await main();
