// The page benchmark of chapter 5's and 6's later parts that train or refit while the page plays
// (part of `npm run bench:web`; alone: `node scripts/bench-new-parts.mjs`, serving BBD_DIST or
// dist/, one JSON line; BENCH_PARTS=teach or BENCH_PARTS=refit runs one of the two, BENCH_DEBUG=1
// lists each frame of the retrain). Headless Chromium, canvas renderer, a save with the chapters
// before passed; every wait is on the game's state.
//   teach_retrain_fps  chapter 6, "Bit learns your handwriting": frames per second on the page from
//                      the press on Teach until the retrained result is shown (step 'taught'),
//                      while the worker relearns from the drawings. The level's starting net (32
//                      hidden units, 5 epochs) is trained first, as in bench-boss.mjs, then three
//                      sample drawings are attacked with and the first one is labelled.
//                      The retrain is short (a few hundred ms, a few dozen frames), so one 50 ms
//                      frame costs about 5 fps here; the round lines list the frames and long tasks.
//   teach_retrain_ms   how long that retrain took, press to the frame that shows the result.
//   teach_longest_frame_ms  the longest gap between two frames in that time (a stall on the page).
//   ch5_refit_fps      chapter 5's overfitting part: frames per second (median of whole seconds)
//                      over 5 s while a player presses a degree button every 150 ms, 1 → 11 and
//                      back, each press an exact least-squares refit.
// The second valley (chapter 5) draws each descent's whole path at once on its press, with no
// animation, so it has no figure of its own.
import { control, openBrowser, startPreview, waitForScreen } from '../tests/browser/harness.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Frames a second on the page, whole seconds, over `ms` while `whilePlaying` (called again and
 * again) plays, or while the page runs by itself; returns the per-second counts.
 */
export async function framesPerSecond(page, ms, whilePlaying) {
  await page.evaluate(() => {
    const frames = [];
    const gen = (window.__frameGen ?? 0) + 1;
    window.__frameGen = gen;
    window.__frames = frames;
    const tick = (t) => {
      if (window.__frameGen !== gen) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const end = Date.now() + ms;
  if (whilePlaying) while (Date.now() < end) await whilePlaying();
  else await page.waitForTimeout(ms);
  return page.evaluate(() => {
    window.__frameGen++;
    const f = window.__frames;
    const out = [];
    for (let start = f[0]; start + 1000 <= f[f.length - 1]; start += 1000)
      out.push(f.filter((t) => t >= start && t < start + 1000).length);
    return out;
  });
}

/** A page with `passed` chapters passed (three stars each), at the map, English, sound off. */
export async function openAtMap(server, passed) {
  const b = await openBrowser();
  const save = JSON.stringify({
    version: 2,
    progress: { stars: Object.fromEntries(Array.from({ length: passed }, (_, i) => [i + 1, 3])) },
    settings: { locale: 'en', volume: 0.8, muted: true, reducedMotion: false },
    attempts: [],
  });
  await b.page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save);
  await b.page.goto(`${server.url}?renderer=canvas&seed=3`);
  await waitForScreen(b.page, 'title', 30_000);
  await control(b.page, 'title', 'play').click();
  await waitForScreen(b.page, 'map');
  return b;
}

const chapterView = (page) => page.evaluate(() => window.blackBoxDog.snapshot().chapter);
const stepIs = (page, step, timeout = 60_000) =>
  page.waitForFunction((s) => window.blackBoxDog.snapshot().chapter?.step === s, step, { timeout });

/**
 * Chapter 5 from its start to `step` ('auto' or 'overfit') through the chapter's own buttons, the
 * shortest honest route: knobs by hand, the fog on one knob (feeling first) and on two, both
 * valleys, and (to reach 'overfit') automatic descent played until it may end.
 */
export async function ch5To(page, step) {
  await page.locator('.bbd-dialogue button[data-id="skip"]').click();
  for (let i = 0; !(await chapterView(page)).hand.mayEnd && i < 40; i++) {
    const box = await page.locator(`input[data-knob="k${i % 6}"]`).boundingBox();
    await page.mouse.click(box.x + box.width * (0.3 + 0.04 * i), box.y + box.height / 2);
  }
  await control(page, 'actions', 'toFog').click();
  await stepIs(page, 'fog1');
  for (let i = 0; i < 40; i++) {
    const v = await chapterView(page);
    if (v.walk.reached) break;
    if (v.walk.slopeHidden && !v.walk.feel) await control(page, 'actions', 'feel').click();
    await control(page, 'choices', 'size-0.1').click();
  }
  await control(page, 'actions', 'next').click();
  await stepIs(page, 'fog2');
  for (let i = 0; i < 40 && !(await chapterView(page)).walk.reached; i++)
    await control(page, 'choices', 'size-0.1').click();
  await control(page, 'actions', 'next').click();
  await stepIs(page, 'valleys');
  await control(page, 'choices', 'valley-0').click();
  await control(page, 'choices', 'valley-1').click();
  await control(page, 'actions', 'next').click();
  await stepIs(page, 'auto');
  if (step === 'auto') return;
  await control(page, 'actions', 'play').click();
  await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.auto?.mayEnd === true, null, {
    timeout: 60_000,
  });
  await control(page, 'actions', 'next').click();
  await stepIs(page, 'overfit');
}

/** Chapter 5's overfitting part: fps while the degree buttons are pressed every 150 ms. */
export async function measureRefit(rounds = 3) {
  const server = await startPreview();
  const fps = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const b = await openAtMap(server, 4);
      const { page } = b;
      await control(page, 'map', 'chapter-5').click();
      await waitForScreen(page, 'chapter', 60_000);
      await ch5To(page, 'overfit');
      const { min, max, degree } = (await chapterView(page)).overfit;
      // 1 → 11 → 1 → …, starting from the degree shown.
      const sweep = [
        ...Array.from({ length: max - min }, (_, i) => min + i),
        ...Array.from({ length: max - min }, (_, i) => max - i),
      ];
      let at = sweep.indexOf(degree);
      let presses = 0;
      const perSecond = await framesPerSecond(page, 5000, async () => {
        const t = Date.now();
        at = (at + 1) % sweep.length;
        await control(page, 'choices', `degree-${sweep[at]}`).click();
        presses++;
        const rest = 150 - (Date.now() - t);
        if (rest > 0) await page.waitForTimeout(rest);
      });
      if ((await chapterView(page)).overfit.seen.length < 2) throw new Error('no refit: the degree never changed');
      fps.push(median(perSecond));
      console.log(
        `chapter 5 refit round ${round + 1}: ${median(perSecond)} fps (per second: ${perSecond.join(' ')}), ${presses} degree presses in 5 s`,
      );
      if (b.errors.length) console.log('page errors:', b.errors);
      await b.close();
    }
  } finally {
    await server.stop();
  }
  return { ch5_refit_fps: median(fps) };
}

/** Chapter 6 trained (the level's net), three drawings attacked with: the teach moment opened. */
export async function ch6ToTeach(page) {
  await page.locator('.bbd-dialogue button[data-id="skip"]').click();
  await stepIs(page, 'build');
  await control(page, 'ch6-d', 'train').click();
  await stepIs(page, 'trained', 300_000);
  await control(page, 'ch6-d', 'fight').click();
  await stepIs(page, 'phase1');
  for (let i = 0; i < 12 && (await chapterView(page)).fight.canThrow; i++) {
    const n = (await chapterView(page)).fight.throws.length;
    await control(page, 'ch6-d', 'call-read').click();
    await page.waitForFunction((k) => window.blackBoxDog.snapshot().chapter.fight.throws.length > k, n);
  }
  await control(page, 'ch6-d', 'next').click();
  await stepIs(page, 'phase2');
  const samples = (await chapterView(page)).drawSamples.map((s) => s.digit);
  for (let k = 0; (await chapterView(page)).fight.canDraw; k++) {
    const n = (await chapterView(page)).fight.drawings.length;
    await control(page, 'ch6-c', `s${samples[k % samples.length]}`).click();
    await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview !== null);
    await control(page, 'ch6-d', 'attack').click();
    await page.waitForFunction((k) => window.blackBoxDog.snapshot().chapter.fight.drawings.length > k, n);
  }
  await control(page, 'ch6-c', 'teach').click();
  await stepIs(page, 'teach');
  // The first drawing labelled (+ then −: back to the digit meant, which puts it into training).
  await control(page, 'ch6-a', 'more0').click();
  await page.waitForFunction(() => {
    const d = window.blackBoxDog.snapshot().chapter.teach.drawings[0];
    return d.digit !== d.meant;
  });
  await control(page, 'ch6-a', 'less0').click();
  await page.waitForFunction(() => {
    const d = window.blackBoxDog.snapshot().chapter.teach.drawings[0];
    return d.digit === d.meant && d.use;
  });
}

/** Chapter 6's retrain from the player's drawings: fps from the press on Teach until the result. */
export async function measureTeach(rounds = 3) {
  const server = await startPreview();
  const fps = [];
  const ms = [];
  const longest = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const b = await openAtMap(server, 5);
      const { page } = b;
      await control(page, 'map', 'chapter-6').click();
      await waitForScreen(page, 'chapter', 60_000);
      await ch6ToTeach(page);
      // Frames from the press on (a capturing listener sees the click first) to the first frame
      // that paints the result (the outcome's onward button is in the page): a stall before the
      // result counts as the long frame it is. The chapter's step is checked once it is there.
      await page.evaluate(() => {
        const w = window;
        w.__teach = { frames: [], start: 0, end: null, long: [] };
        // Long tasks on the page (over 50 ms), to say where a dropped frame went.
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__teach.long.push([e.startTime, e.duration]);
        }).observe({ entryTypes: ['longtask'] });
        const shown = 'button[data-group="ch6-d"][data-id="next"]';
        const tick = (t) => {
          const s = w.__teach;
          if (s.start && s.end === null) {
            s.frames.push(t);
            if (document.querySelector(shown)) s.end = t;
          }
          if (s.end === null) requestAnimationFrame(tick);
        };
        document.addEventListener(
          'click',
          (e) => {
            if (e.target.closest?.('button[data-group="ch6-d"][data-id="teach"]')) w.__teach.start = performance.now();
          },
          { capture: true },
        );
        requestAnimationFrame(tick);
      });
      await control(page, 'ch6-d', 'teach').click();
      await page.waitForFunction(() => window.__teach.end !== null, null, { timeout: 300_000 });
      await stepIs(page, 'taught');
      const r = await page.evaluate(() => {
        const s = window.__teach;
        const f = s.frames;
        let gap = 0;
        for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
        const at = f.map((t) => Math.round(t - s.start));
        const long = s.long
          .filter(([t]) => t >= s.start - 50 && t <= s.end)
          .map(([t, d]) => `${Math.round(d)} ms at +${Math.round(t - s.start)}`);
        return { fps: ((f.length - 1) * 1000) / (f[f.length - 1] - f[0]), ms: s.end - s.start, gap, at, long };
      });
      fps.push(Math.round(r.fps * 10) / 10);
      ms.push(Math.round(r.ms));
      longest.push(Math.round(r.gap));
      console.log(
        `teach round ${round + 1}: ${r.fps.toFixed(1)} fps while Bit relearns (${r.at.length} frames), retrained in ${Math.round(r.ms)} ms, longest frame ${Math.round(r.gap)} ms, long tasks: ${r.long.join(', ') || 'none'}`,
      );
      if (process.env.BENCH_DEBUG) console.log(`frames (ms after the press): ${r.at.join(' ')}`);
      if (b.errors.length) console.log('page errors:', b.errors);
      await b.close();
    }
  } finally {
    await server.stop();
  }
  return { teach_retrain_fps: median(fps), teach_retrain_ms: median(ms), teach_longest_frame_ms: median(longest) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const parts = (process.env.BENCH_PARTS ?? 'teach,refit').split(',');
  const out = {
    ...(parts.includes('teach') ? await measureTeach(rounds) : {}),
    ...(parts.includes('refit') ? await measureRefit(rounds) : {}),
  };
  console.log(JSON.stringify(out));
}
