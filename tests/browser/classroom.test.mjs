// A classroom in real Chromium: the classroom server (npm run classroom) serves the built game and
// the teacher's page; a teacher and three students in separate browser contexts. The students join
// by code in the game's dialog; each has a finished attempt waiting in the save's queue (as after
// playing offline) which the game sends; the teacher's live leaderboard shows the verified scores;
// a forged attempt is refused, by hand and through the queue, with the reason shown in the game;
// the CSV downloads; the teacher's page and the game's dialog work in both languages.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, findChromium, screenshot } from './harness.mjs';

const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/save-v2-2026-12-01.json'), 'utf8'));
const SAVE_KEY = 'blackboxdog.save';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let server;
let base;
let browser;
let dataDir;
let output = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bbd-classroom-browser-'));
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLASSROOM_DATA: dataDir,
      CLASSROOM_NO_BUILD: '1',
      CLASSROOM_DIST: process.env.BBD_DIST ?? join(ROOT, 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!/Classroom server ready/.test(output)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function page(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const p = await context.newPage();
  const errors = [];
  p.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  p.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return { context, page: p, errors };
}

/** Joins in the game's dialog, opened by the join link. */
async function joinInGame(p, code, nickname) {
  await p.goto(`${base}/?join=${code}`);
  await p.waitForSelector('#class-nickname', { timeout: 30_000 });
  assert.equal(await p.inputValue('#class-code'), code);
  await p.fill('#class-nickname', nickname);
  await p.press('#class-nickname', 'Enter');
  await p.waitForSelector('.bbd-class-who', { timeout: 15_000 });
}

/** Puts a finished attempt into the save's classroom queue (as after playing offline) and reloads. */
async function queueAndReload(p, attempt, id) {
  await p.evaluate(
    ([key, a, qid]) => {
      const save = JSON.parse(localStorage.getItem(key));
      save.classroom.queue.push({ id: qid, attempt: a });
      localStorage.setItem(key, JSON.stringify(save));
    },
    [SAVE_KEY, attempt, id],
  );
  await p.reload();
}

describe('classroom in the browser', () => {
  it('teacher and three students: join, verified scores live, forged refused, CSV, both languages', async () => {
    const teacher = await page('en-US');
    const t = teacher.page;
    await t.goto(`${base}/teacher/`);
    await t.waitForSelector('#create-button');
    await t.fill('input[name="title"]', 'Class 5B');
    await t.click('#create-button');
    await t.waitForSelector('#join-code');
    const code = (await t.textContent('#join-code')).trim();
    assert.match(code, /^[2-9A-Z]{6}$/);
    assert.match(await t.textContent('#join-link'), new RegExp(`/\\?join=${code}$`));

    const names = ['Ann', '<b>Zed</b>', '小明'];
    const students = [];
    for (const [i, name] of names.entries()) {
      const s = await page(i === 2 ? 'zh-CN' : 'en-US');
      await joinInGame(s.page, code, name);
      students.push(s);
    }
    // The dialog speaks the player's language.
    assert.match(await students[2].page.textContent('.bbd-class'), /你是 小明/);
    assert.match(await students[0].page.textContent('.bbd-class'), /you are Ann/);

    // Each student's finished attempt waits in the save and is sent on the next start.
    const sent = [fixture.attempts[0], fixture.attempts[2], fixture.attempts[4]];
    for (const [i, s] of students.entries()) await queueAndReload(s.page, sent[i], `browser-${i}-0001`);
    // The teacher's live leaderboard shows three verified scores, names as plain text.
    await t.waitForFunction(
      () =>
        [...document.querySelectorAll('#leaderboard tbody tr .total')].filter((td) => Number(td.textContent) > 0)
          .length === 3,
      null,
      { timeout: 60_000 },
    );
    const shown = await t.$$eval('#leaderboard tbody .name', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual([...shown].sort(), [...names].sort());
    assert.equal(await t.$$eval('#leaderboard b', (b) => b.length), 0);
    await screenshot(t, 'classroom-teacher');

    // A student's game shows the server's verdict.
    await students[0].page.waitForFunction(
      () => /Verified by the server: \d ★/.test(document.querySelector('.bbd-class-toast')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    await screenshot(students[0].page, 'classroom-student-verified');

    // A forged attempt sent by hand is refused, and nothing is scored for it.
    const forged = structuredClone(fixture.attempts[1]);
    forged.result.stars = 3;
    const byHand = await students[1].page.evaluate(
      async ([key, attempt]) => {
        const { token } = JSON.parse(localStorage.getItem(key)).classroom;
        const res = await fetch('/api/submissions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ id: 'forged-by-hand-01', attempt }),
        });
        return { status: res.status, body: await res.json() };
      },
      [SAVE_KEY, forged],
    );
    assert.equal(byHand.status, 201);
    assert.equal(byHand.body.submission.status, 'refused');
    assert.equal(byHand.body.submission.reasonCode, 'result-differs');
    // The same through the game's queue: the refusal is shown in the player's language.
    await queueAndReload(students[2].page, forged, 'browser-2-forged');
    await students[2].page.waitForFunction(
      () => /未通过/.test(document.querySelector('.bbd-class-toast')?.textContent ?? ''),
      null,
      {
        timeout: 30_000,
      },
    );
    await screenshot(students[2].page, 'classroom-student-refused-zh');

    // The CSV downloads with one row per player and challenge.
    const [download] = await Promise.all([t.waitForEvent('download'), t.click('#csv')]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r\n/);
    assert.equal(rows[0], 'rank,nickname,chapter,verified_score,stars,attempts,verified_attempts,best_at,total_score');
    assert.equal(rows.length, 1 + 3 * 3);
    assert.ok(rows.some((r) => r.includes(',<b>Zed</b>,')));

    // The teacher's page in Chinese.
    await t.click('#lang');
    await t.waitForFunction(() => document.querySelector('h1')?.textContent === '黑箱小狗 · 课堂');
    assert.match(await t.textContent('#csv'), /下载成绩/);

    for (const s of [teacher, ...students]) assert.deepEqual(s.errors, []);
    for (const s of [teacher, ...students]) await s.context.close();
  });
});
