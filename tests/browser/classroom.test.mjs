// A classroom in real Chromium: the classroom server (npm run classroom) serves the built game and
// the teacher's page; a teacher and three students in separate browser contexts. The teacher
// creates a competition on chapter 5 with a puzzle seed. The students join by code in the game's
// dialog and really play the chapter through the game's controls (two by mouse in English, one by
// keyboard only in Chinese), though none has passed the chapters before it: the competition opens
// it. Each finished attempt goes to the server, is replayed there, and the student sees the
// server's verdict in their language; the teacher's live leaderboard shows the verified scores.
// Forged attempts are refused, by hand and through the game's queue, with the reason shown in
// English and in Chinese; the CSV downloads; the teacher's page works in both languages.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  ROOT,
  WAIT,
  control,
  findChromium,
  screenshot,
  sel,
  snap,
  tabTo,
  waitForScreen,
} from './harness.mjs';

const SAVE_KEY = 'blackboxdog.save';
/** The teacher's puzzle seed for the whole class. */
const SEED = 5;

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
  server = spawn(process.execPath, [join(ROOT, 'src/server/start.mjs')], {
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
  // The canvas renderer: software WebGL on a busy 2-core machine can drop to a few frames a second.
  await p.goto(`${base}/?join=${code}&renderer=canvas`);
  await p.waitForSelector('#class-nickname', { timeout: WAIT });
  assert.equal(await p.inputValue('#class-code'), code);
  await p.fill('#class-nickname', nickname);
  await p.press('#class-nickname', 'Enter');
  await p.waitForSelector('.bbd-class-who', { timeout: WAIT });
}

/**
 * Plays chapter 5 from the title to the results card through the game's controls, by mouse or by
 * keyboard only (Tab to a control, Enter), as in tests/browser/ch5.test.mjs: knobs by hand, the
 * fog with one and two knobs, automatic descent, the gears, and the challenge in three steps.
 */
async function playChapter5(p, mode) {
  const view = async () => (await snap(p)).chapter;
  const waitStep = (step) =>
    p.waitForFunction((s) => window.blackBoxDog.snapshot().chapter?.step === s, step, { timeout: WAIT });
  const pressSel = async (selector) => {
    if (mode === 'mouse') return p.locator(selector).click();
    await tabTo(p, selector);
    await p.keyboard.press('Enter');
  };
  const press = (group, id) => (mode === 'mouse' ? control(p, group, id).click() : pressSel(sel(group, id)));
  await press('title', 'play');
  await waitForScreen(p, 'map');
  // The competition's badge marks chapter 5, open though chapters 1-4 are not passed.
  await p.waitForSelector('.bbd-class-badge[data-chapter="5"]', { timeout: WAIT });
  assert.equal(await control(p, 'map', 'chapter-4').isDisabled(), true);
  await press('map', 'chapter-5');
  await waitForScreen(p, 'chapter');
  await waitStep('intro');
  for (let i = 0; i < 3; i++) await pressSel('.bbd-dialogue button[data-id="next"]');
  await waitStep('hand');
  for (let i = 0; (await view()).hand.mayEnd === false && i < 20; i++) {
    if (mode === 'mouse') {
      const box = await p.locator(`input[data-knob="k${i % 6}"]`).boundingBox();
      await p.mouse.click(box.x + box.width * (0.3 + 0.04 * i), box.y + box.height / 2);
    } else {
      await tabTo(p, 'input[data-knob="k1"]');
      await p.keyboard.press('ArrowRight');
    }
  }
  await press('actions', 'toFog');
  await waitStep('fog1');
  // The first steps in the fog wait for the player to feel the slope.
  for (let i = 0; i < 12 && !(await view()).walk.reached; i++) {
    const w = (await view()).walk;
    if (w.slopeHidden && !w.feel) await press('actions', 'feel');
    await press('choices', 'size-0.1');
  }
  assert.equal((await view()).walk.reached, true);
  await press('actions', 'next');
  await waitStep('fog2');
  for (let i = 0; i < 12 && !(await view()).walk.reached; i++) await press('choices', 'size-0.1');
  await press('actions', 'next');
  // Two starts, two valleys.
  await waitStep('valleys');
  await press('choices', 'valley-0');
  await press('choices', 'valley-1');
  await press('actions', 'next');
  await waitStep('auto');
  await press('actions', 'play');
  await p.waitForFunction(() => window.blackBoxDog.snapshot().chapter.auto?.mayEnd === true, null, {
    timeout: WAIT,
  });
  await press('actions', 'next');
  // Overfitting: the top degree threads every dot.
  await waitStep('overfit');
  await press('choices', 'degree-11');
  await press('actions', 'next');
  await waitStep('gears');
  await press('actions', 'turnMore');
  const v = await view();
  await press('choices', `choice-${v.gears.choices.indexOf(Number(v.gears.product.toPrecision(3)))}`);
  for (let i = 0; i < 4; i++) await press('actions', 'back');
  await press('actions', 'next');
  // The challenge: the part the competition scores.
  await waitStep('challenge');
  for (let i = 0; i < 3; i++) await press('choices', 'size-0.1');
  await waitStep('challengeResult');
  await press('actions', 'keep');
  await waitStep('history');
  await press('actions', 'continue');
  await waitForScreen(p, 'results');
  return (await snap(p)).lastAttempt;
}

/** Waits until the game's verdict toast (shown wherever the player is) matches `pattern`. */
async function seeVerdict(p, pattern) {
  await p.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('.bbd-class-toast:not([hidden])')?.textContent ?? ''),
    pattern.source,
    { timeout: WAIT },
  );
  return p.textContent('.bbd-class-toast');
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
  it('teacher and three students: join, play chapter 5, verdicts in both languages, verified scores live, forged refused, CSV', async () => {
    const teacher = await page('en-US');
    const t = teacher.page;
    await t.goto(`${base}/teacher/`);
    await t.waitForSelector('#create-button');
    await t.fill('input[name="title"]', 'Class 5B');
    // The teacher picks chapter 5 only (1-3 are ticked by default) and a puzzle seed for everyone.
    for (const box of await t.$$('input[name="chapter"]')) {
      const want = (await box.getAttribute('value')) === '5';
      if ((await box.isChecked()) !== want) await box.click();
    }
    await t.fill('input[name="seed"]', String(SEED));
    await t.click('#create-button');
    await t.waitForSelector('#join-code');
    const code = (await t.textContent('#join-code')).trim();
    assert.match(code, /^[2-9A-Z]{6}$/);
    assert.match(await t.textContent('#join-link'), new RegExp(`/\\?join=${code}$`));
    // The page is projected: the teacher's key is nowhere on it until asked for, behind a warning.
    const key = new URLSearchParams(new URL(t.url()).hash.slice(1)).get('key');
    assert.match(key, /^[A-Za-z0-9_-]{16,}$/);
    assert.equal(await t.locator('#teacher-link').count(), 0);
    assert.equal(await t.evaluate((k) => document.body.innerHTML.includes(k), key), false);
    assert.equal(await t.getAttribute('#show-link', 'aria-expanded'), 'false');
    await screenshot(t, 'classroom-teacher-projected');
    await t.click('#show-link');
    assert.match(await t.textContent('#teacher-link'), new RegExp(key));
    assert.match(await t.textContent('#teacher-link-box .warning'), /Do not project or share this link/);
    await screenshot(t, 'classroom-teacher-link-shown');
    await t.click('#show-link');
    assert.equal(await t.locator('#teacher-link').count(), 0);
    t.on('dialog', (d) => d.accept());

    const names = ['Ann', '<b>Zed</b>', '小明'];
    const modes = ['mouse', 'mouse', 'keyboard'];
    const students = [];
    for (const [i, name] of names.entries()) {
      const s = await page(i === 2 ? 'zh-CN' : 'en-US');
      await joinInGame(s.page, code, name);
      students.push(s);
      if (i === 0) {
        // The teacher starts typing a rename; the others joining redraw the table meanwhile.
        await t.waitForSelector('#players tbody input');
        await t.click('#players tbody input');
        await t.keyboard.press('End');
        await t.keyboard.type(' Lee');
      }
    }
    await t.waitForFunction(() => document.querySelectorAll('#players tbody tr').length === 3, null, {
      timeout: WAIT,
    });
    assert.equal(await t.inputValue('#players tbody tr:first-child input'), 'Ann Lee');
    assert.equal(
      await t.evaluate(() => document.activeElement === document.querySelector('#players tbody tr:first-child input')),
      true,
    );
    await t.fill('#players tbody tr:first-child input', 'Ann');
    // The dialog speaks the player's language.
    assert.match(await students[2].page.textContent('.bbd-class'), /你是 小明/);
    assert.match(await students[0].page.textContent('.bbd-class'), /you are Ann/);

    // Each student closes the dialog and plays the competition's challenge for real; the finished
    // attempt is sent, replayed by the server, and its verdict shown in the player's language.
    const attempts = [];
    for (const [i, s] of students.entries()) {
      await s.page.click('button[data-id="class-close"]');
      const attempt = await playChapter5(s.page, modes[i]);
      assert.equal(attempt.chapter, 5);
      assert.equal(attempt.seed, SEED, "the teacher's puzzle seed");
      attempts.push(attempt);
      const toast = await seeVerdict(
        s.page,
        i === 2 ? /服务器已验证：\d ★，\d+ 分/ : /Verified by the server: \d ★, \d+ points/,
      );
      assert.match(toast, new RegExp(`${attempt.result.stars} ★`));
      if (i === 0) await screenshot(s.page, 'classroom-student-verified');
      if (i === 2) await screenshot(s.page, 'classroom-student-verified-zh');
    }

    // The teacher's live leaderboard shows three verified scores, names as plain text.
    await t.waitForFunction(
      () =>
        [...document.querySelectorAll('#leaderboard tbody tr .total')].filter((td) => Number(td.textContent) > 0)
          .length === 3,
      null,
      { timeout: WAIT },
    );
    const shown = await t.$$eval('#leaderboard tbody .name', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual([...shown].sort(), [...names].sort());
    assert.equal(await t.$$eval('#leaderboard b', (b) => b.length), 0);
    const totals = await t.$$eval('#leaderboard tbody .total', (tds) => tds.map((td) => Number(td.textContent)));
    for (const total of totals) assert.equal(total, 100 * attempts[0].result.stars);
    await t.locator('#leaderboard').scrollIntoViewIfNeeded();
    await screenshot(t, 'classroom-teacher');

    // A forged attempt (a played one with its result raised) sent by hand is refused, and nothing is
    // scored for it.
    const forged = structuredClone(attempts[1]);
    forged.result.score += 50;
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
    // The same through the game's queue: the refusal and its reason are shown in the player's
    // language, English and Chinese.
    await queueAndReload(students[0].page, forged, 'browser-0-forged');
    const refusedEn = await seeVerdict(students[0].page, /Refused: replaying your moves gave a different result/);
    assert.doesNotMatch(refusedEn, /[\u4e00-\u9fff]/);
    await screenshot(students[0].page, 'classroom-student-refused-en');
    await queueAndReload(students[2].page, forged, 'browser-2-forged');
    await seeVerdict(students[2].page, /未通过：重放你的操作得到的结果和发送的不一样/);
    await screenshot(students[2].page, 'classroom-student-refused-zh');

    // The teacher makes a new key: the old one stops working, the page carries on with the new one.
    await t.click('#show-link');
    await t.click('#new-key');
    await t.waitForSelector('#new-key-note');
    const newKey = new URLSearchParams(new URL(t.url()).hash.slice(1)).get('key');
    assert.notEqual(newKey, key);
    const roomPath = `/api/teacher/rooms/${new URLSearchParams(new URL(t.url()).hash.slice(1)).get('room')}`;
    // Asked from outside the page, so the refusal is not a console error of the teacher's page.
    const statusWith = async (k) =>
      (await fetch(`${base}${roomPath}`, { headers: { authorization: `Bearer ${k}` } })).status;
    assert.equal(await statusWith(key), 403);
    assert.equal(await statusWith(newKey), 200);
    await t.click('#show-link');

    // The CSV downloads with one row per player and challenge.
    const [download] = await Promise.all([t.waitForEvent('download'), t.click('#csv')]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r\n/);
    assert.equal(rows[0], 'rank,nickname,chapter,verified_score,stars,attempts,verified_attempts,best_at,total_score');
    assert.equal(rows.length, 1 + 3);
    assert.ok(rows.some((r) => r.includes(',<b>Zed</b>,')));

    // The teacher's page in Chinese.
    await t.click('#lang');
    await t.waitForFunction(() => document.querySelector('h1')?.textContent === '黑箱小狗 · 课堂');
    assert.match(await t.textContent('#csv'), /下载成绩/);
    assert.equal(await t.textContent('#show-link'), '显示我的老师链接');
    await t.click('#show-link');
    assert.match(await t.textContent('#teacher-link-box .warning'), /不要投影或分享这个链接/);
    await screenshot(t, 'classroom-teacher-link-shown-zh');

    for (const s of [teacher, ...students]) assert.deepEqual(s.errors, []);
    for (const s of [teacher, ...students]) await s.context.close();
  });
});
