// Web benchmark: builds the game, serves it, and in headless Chromium measures
//   - time from navigation until the title screen is interactive (its Play button exists),
//   - first-load JavaScript (gzip) — every .js file the page fetched until then,
//   - frames per second while chapter 1 plays (canvas renderer, for stable numbers),
//   - frames per second while chapter 4's lab and chapter 5's descent play, while chapter 6's boss
//     net trains (bench-boss.mjs), and while the parts that train or refit later in a chapter run:
//     chapter 6's retrain on the player's drawings (teach_retrain_fps, teach_retrain_ms,
//     teach_longest_frame_ms) and chapter 5's refit at each degree (ch5_refit_fps); see
//     bench-new-parts.mjs, which also runs them alone,
//   - what the player waits for (bench-anywhere.mjs's measureFirstPlay): first_play_ms and
//     first_chapter_ms with both renderers, and default_renderer_fps (no renderer switch).
// Runs several rounds and prints medians; the last line is one JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, findChromium, openBrowser, startPreview, control, waitForScreen } from '../tests/browser/harness.mjs';
import { measureBoss } from './bench-boss.mjs';
import { measureAnywhere, trainChapter1 } from './bench-anywhere.mjs';
import { ch5To, framesPerSecond, measureRefit, measureTeach } from './bench-new-parts.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
if (!findChromium()) {
  console.error('bench:web needs Chromium: sudo apt-get install -y chromium fonts-noto-cjk');
  process.exit(1);
}
// The game is built into a folder of the benchmark's own (BBD_DIST, else a fresh temporary one),
// never over dist/, which a running classroom server or another test run may be serving.
const DIST = process.env.BBD_DIST ?? mkdtempSync(join(tmpdir(), 'bbd-bench-'));
const ownDist = !process.env.BBD_DIST;
process.env.BBD_DIST = DIST;
const build = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startPreview();
const results = { title: [], js: [], fps: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const b = await openBrowser();
    const { page } = b;
    const scripts = new Set();
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.add(new URL(req.url()).pathname);
    });
    await page.goto(`${server.url}?renderer=canvas&seed=3`);
    await waitForScreen(page, 'title', 30_000);
    await control(page, 'title', 'play').waitFor();
    const titleMs = await page.evaluate(() => performance.now());
    const gzipKb = [...scripts].reduce((sum, p) => sum + gzipSync(readFileSync(join(DIST, p))).length, 0) / 1024;

    await control(page, 'title', 'play').click();
    await waitForScreen(page, 'map');
    await control(page, 'map', 'chapter-1').click();
    await waitForScreen(page, 'chapter');
    await page.locator('.bbd-dialogue button[data-id="skip"]').click();
    await control(page, 'tools', 'box').click();
    // Count frames for 5 s while the player trains: command, then feedback, over and over.
    const places = new Map();
    const fps = await framesPerSecond(page, 5000, () => trainChapter1(page, places));
    results.title.push(titleMs);
    results.js.push(gzipKb);
    results.fps.push(median(fps));
    console.log(
      `round ${round + 1}: title interactive ${titleMs.toFixed(0)} ms, first-load JS ${gzipKb.toFixed(1)} KB gzip, fps ${median(fps)} (per second: ${fps.join(' ')})`,
    );
    if (b.errors.length) console.log('page errors:', b.errors);
    await b.close();
  }
} finally {
  server.stop();
}
// Chapter 4: frames per second while the lab trains with the heatmaps live (chapters 1-3 passed).
const ch4Fps = [];
// Chapter 4: epochs a second the spiral trains at with that network (the clock's pace as played).
const ch4SpiralEpochs = [];
{
  const server4 = await startPreview();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const b = await openBrowser();
      const { page } = b;
      const save = JSON.stringify({
        version: 2,
        progress: { stars: { 1: 3, 2: 3, 3: 3 } },
        settings: { locale: 'en', volume: 0.8, muted: true, reducedMotion: false },
        attempts: [],
      });
      await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save);
      await page.goto(`${server4.url}?renderer=canvas&seed=3`);
      await waitForScreen(page, 'title', 30_000);
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-4').click();
      await waitForScreen(page, 'chapter');
      // To the lab through the chapter's own controls: honest tries, Bit, the book, XOR by hand.
      await page.locator('.bbd-dialogue button[data-id="skip"]').click();
      const v = () => page.evaluate(() => window.blackBoxDog.snapshot().chapter);
      const knob = async (id, target) => {
        await page.focus(`input[data-knob="${id}"]`);
        for (let i = 0; i < 40; i++) {
          const view = await v();
          const all = [
            ...view.partA.neuron.knobs,
            ...(view.build?.hidden.flatMap((h) => h.knobs) ?? []),
            ...(view.build?.output.knobs ?? []),
          ];
          const k = all.find((x) => x.id === id);
          const diff = Math.round((target - k.value) * 1e6) / 1e6;
          if (diff === 0) return;
          const up = diff > 0;
          await page.keyboard.press(
            Math.abs(diff) >= k.step ? (up ? 'ArrowRight' : 'ArrowLeft') : up ? 'Shift+ArrowUp' : 'Shift+ArrowDown',
          );
        }
      };
      for (let i = 0; i < 6; i++) await knob('line.w1', i % 2 ? 0.5 : 1);
      for (const id of ['bit-try', 'bit-finish', 'bit-done', 'book-read']) await control(page, 'ch4', id).click();
      for (const [id, t] of [
        ['h1.w1', 1],
        ['h1.w2', -1],
        ['h1.threshold', 0.5],
      ])
        await knob(id, t);
      await control(page, 'ch4', 'hidden-add').click();
      for (const [id, t] of [
        ['h2.w1', -1],
        ['h2.w2', 1],
        ['h2.threshold', 0.5],
        ['out.v1', 1],
        ['out.v2', 1],
        ['out.threshold', 0],
      ])
        await knob(id, t);
      await control(page, 'ch4', 'build-check').click();
      await control(page, 'ch4', 'insight-done').click();
      // The biggest lab network the budget allows (two layers of 8), on the spiral: the heaviest case.
      await control(page, 'ch4', 'data-spiral').click();
      await control(page, 'ch4', 'layer-add').click();
      for (let i = 0; i < 5; i++) await control(page, 'ch4', 'layer-0-add').click();
      for (let i = 0; i < 6; i++) await control(page, 'ch4', 'layer-1-add').click();
      await control(page, 'ch4', 'train-play').click();
      const epochs0 = (await v()).lab.epochs;
      const t0 = Date.now();
      const fps = await framesPerSecond(page, 5000);
      const epochs = (await v()).lab.epochs;
      ch4SpiralEpochs.push(Math.round((epochs - epochs0) / ((Date.now() - t0) / 1000)));
      ch4Fps.push(median(fps));
      console.log(
        `chapter 4 round ${round + 1}: training fps ${median(fps)} (per second: ${fps.join(' ')}), ${epochs} epochs`,
      );
      await b.close();
    }
  } finally {
    server4.stop();
  }
}
// Chapter 5: frames per second while automatic descent plays (a save with chapters 1-4 passed).
const ch5Fps = [];
{
  const server5 = await startPreview();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const b = await openBrowser();
      const { page } = b;
      const save = JSON.stringify({
        version: 2,
        progress: { stars: { 1: 3, 2: 3, 3: 3, 4: 3 } },
        settings: { locale: 'en', volume: 0.8, muted: true, reducedMotion: false },
        attempts: [],
      });
      await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save);
      await page.goto(`${server5.url}?renderer=canvas&seed=3`);
      await waitForScreen(page, 'title', 30_000);
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-5').click();
      await waitForScreen(page, 'chapter');
      // Straight to part D through the chapter's own buttons (the shortest honest route).
      await ch5To(page, 'auto');
      await control(page, 'choices', 'lr-0.01').click();
      await control(page, 'actions', 'play').click();
      const fps = await framesPerSecond(page, 5000);
      ch5Fps.push(median(fps));
      console.log(`chapter 5 round ${round + 1}: descent fps ${median(fps)} (per second: ${fps.join(' ')})`);
      await b.close();
    }
  } finally {
    server5.stop();
  }
}
// Chapter 6: frames per second while the boss net trains in its worker, and ms to 90 %.
const boss = await measureBoss(ROUNDS);
// The parts that train or refit on the page: chapter 6's retrain on the player's drawings and
// chapter 5's refits at each degree (bench-new-parts.mjs).
const teach = await measureTeach(ROUNDS);
const refit = await measureRefit(ROUNDS);
// The floor (a bare Phaser page), 4× CPU throttling, offline reload, touch targets, axe audit.
const anywhere = await measureAnywhere(ROUNDS, { fps_median: median(results.fps) }, DIST);
if (ownDist) rmSync(DIST, { recursive: true, force: true });
const summary = {
  // The title time measured taking turns with the floor's (measureAnywhere), so title_ratio
  // compares like with like; the rounds above give the first-load JavaScript and chapter 1's fps.
  title_interactive_ms: anywhere.title_interactive_ms,
  first_load_js_gzip_kb: Math.round(median(results.js) * 10) / 10,
  fps_median: median(results.fps),
  ch5_descent_fps: median(ch5Fps),
  ch4_train_fps: median(ch4Fps),
  lab_spiral_epochs_per_s: median(ch4SpiralEpochs),
  ...boss,
  ...teach,
  ...refit,
  ...anywhere,
};
console.log(
  `medians over ${ROUNDS} rounds: title ${summary.title_interactive_ms} ms (target ≤ 1500), JS ${summary.first_load_js_gzip_kb} KB gzip (target ≤ 420), ${summary.fps_median} fps (target ≥ 55)`,
);
console.log(
  `while the page trains or refits: boss ${summary.boss_train_fps} fps, Bit relearning the drawings ${summary.teach_retrain_fps} fps (in ${summary.teach_retrain_ms} ms), chapter 5's refits ${summary.ch5_refit_fps} fps, chapter 5's descent ${summary.ch5_descent_fps} fps (chapters' target ≥ 55)`,
);
console.log(JSON.stringify(summary));
