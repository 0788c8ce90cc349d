// Chapter 6, the Digit Demon, in real Chromium: from the map to the ending and the results card,
// by mouse in English with a strong net (32 hidden units, 5 epochs) and by keyboard only in
// Chinese with a weak one (16 hidden units, learning rate 0.01, 1 epoch). Each run trains in the
// Web Worker (progress reports arrive, the page stays live), calls before every throw whether Bit
// will read the digit (a decision each time), draws three digits whatever the net's score (the
// mouse run draws a 1 with the mouse and a 7 with touch events; both pick sample drawings by
// watching Bit's guesses), plays the trick, the epilogue and the credits, and must beat the Demon
// and earn at least one star. Screenshots go to artifacts/screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { control, openBrowser, screenshot, snap, startPreview, waitForScreen, WAIT, sel, tabTo } from './harness.mjs';
import { recordPlaytime } from './harness.mjs';
import { checkLayout } from './layout.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const save = (locale) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: [],
  });

const view = async (page) => (await snap(page)).chapter;
async function waitStep(page, step, timeout = WAIT) {
  await page.waitForFunction((s) => window.blackBoxDog.snapshot().chapter?.step === s, step, { timeout });
}

/** Strokes across the pad, by mouse or by touch (CDP touch events become pointer events). */
async function drawOnPad(page, points, how) {
  const box = await page.locator('canvas.ch6-pad').boundingBox();
  const at = ([x, y]) => ({ x: box.x + x * box.width, y: box.y + y * box.height });
  if (how === 'mouse') {
    await page.mouse.move(at(points[0]).x, at(points[0]).y);
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(at(p).x, at(p).y, { steps: 4 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(points[0])] });
  for (const p of points.slice(1))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(p)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const headIs = (page, key, value) =>
  page.waitForFunction(([k, v]) => window.blackBoxDog.snapshot().chapter?.head?.[k] === v, [key, value], {
    timeout: WAIT,
  });

/** Inside Bit's head: open it, choose neuron 3, page on to the next neurons, then back. */
async function lookInsideHead(page, press, prefix) {
  await press('ch6-d', 'head');
  await headIs(page, 'open', true);
  await press('ch6-a', 'u2');
  await headIs(page, 'unit', 2);
  await press('ch6-a', 'next');
  await headIs(page, 'unit', 6);
  const head = (await view(page)).head;
  assert.equal(head.inspected, 3);
  assert.equal(head.picture.signed.length, 784);
  assert.ok(head.exciting.length > 0 && head.exciting.length <= 6, `exciting ${head.exciting.length}`);
  assert.equal(head.page.from, 6);
  await screenshot(page, `${prefix}-4b-head`);
  await checkLayout(page, 'ch6 head');
  await press('ch6-d', 'back');
  await headIs(page, 'open', false);
}

async function playChapter(locale, mode, net) {
  const prefix = `ch6-${locale}-${mode}`;
  const b = await openBrowser({ locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US', hasTouch: mode === 'mouse' });
  const { page } = b;
  const press = async (group, id) => {
    if (mode === 'mouse') return control(page, group, id).click();
    await tabTo(page, sel(group, id));
    await page.keyboard.press('Enter');
  };
  const times = {};
  try {
    await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save(locale));
    await page.goto(`${server.url}?seed=5&renderer=canvas`);
    await waitForScreen(page, 'title');
    await press('title', 'play');
    await waitForScreen(page, 'map');
    await press('map', 'chapter-6');
    await waitForScreen(page, 'chapter');
    await waitStep(page, 'intro');
    await screenshot(page, `${prefix}-1-intro`);
    for (let i = 0; i < 3; i++) {
      if (mode === 'mouse') await page.locator('.bbd-dialogue button[data-id="next"]').click();
      else {
        await tabTo(page, '.bbd-dialogue button[data-id="next"]');
        await page.keyboard.press('Enter');
      }
    }

    // Build: the strong net is the level's start (32 units, rate 0.1, 5 epochs); the weak one
    // 16 units, rate 0.01, 1 epoch.
    await waitStep(page, 'build');
    if (net === 'weak') {
      await press('ch6-a', 'h16');
      await press('ch6-b', 'r0.01');
      for (let i = 0; i < 4; i++) await press('ch6-c', 'less');
    }
    const built = await view(page);
    assert.deepEqual(
      built.build.choices,
      net === 'weak' ? { hidden: 16, rate: 0.01, epochs: 1 } : { hidden: 32, rate: 0.1, epochs: 5 },
    );
    await screenshot(page, `${prefix}-2-build`);

    // Train in the worker: progress arrives while the page keeps drawing frames.
    const started = Date.now();
    await press('ch6-d', 'train');
    await waitStep(page, 'training');
    await page.waitForFunction(
      () => (window.blackBoxDog.snapshot().chapter?.trainingProgress?.reports ?? 0) >= 3,
      null,
      {
        timeout: WAIT,
      },
    );
    await screenshot(page, `${prefix}-3a-sample`);
    const frames = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let n = 0;
          const t0 = performance.now();
          const tick = () => {
            if (performance.now() - t0 >= 500) return resolve(n);
            n++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    await screenshot(page, `${prefix}-3-training`);
    // The sample digit's ten probabilities and its loss move with the training.
    const sample = (await view(page)).sample;
    assert.equal(sample?.probabilities.length, 10);
    await waitStep(page, 'trained');
    times.trainMs = Date.now() - started;
    times.framesIn500ms = frames;
    const trained = await view(page);
    times.accuracy = trained.report.accuracy;
    if (net === 'strong') assert.ok(trained.report.accuracy > 0.9, `accuracy ${trained.report.accuracy}`);
    else assert.ok(trained.report.accuracy < 0.9, `accuracy ${trained.report.accuracy}`);
    await screenshot(page, `${prefix}-4-trained`);
    await lookInsideHead(page, press, prefix);

    // Phase 1: before each throw the player calls whether Bit reads the digit the Demon holds up.
    await press('ch6-d', 'fight');
    await waitStep(page, 'phase1');
    await screenshot(page, `${prefix}-5-phase1-call`);
    for (let i = 0; i < 8 && (await view(page)).fight.canThrow; i++) {
      const n = (await view(page)).fight.throws.length;
      // The weak net's player doubts the fifth digit; otherwise they trust Bit.
      await press('ch6-d', net === 'weak' && i === 4 ? 'call-miss' : 'call-read');
      await page.waitForFunction((k) => window.blackBoxDog.snapshot().chapter.fight.throws.length > k, n);
      if (i === 2) await screenshot(page, `${prefix}-5-phase1`);
    }
    const thrown = (await view(page)).fight;
    assert.ok(thrown.throws.length >= 1);
    assert.ok(thrown.throws.every((t) => t.call === 'read' || t.call === 'miss'));
    // Throws cannot finish the Demon: its last points are left for the drawings.
    assert.ok(thrown.demonHealth >= thrown.throwsFloor);
    await screenshot(page, `${prefix}-6-confusion`);
    await press('ch6-d', 'next');

    // Phase 2: drawings.
    await waitStep(page, 'phase2');
    const attack = async (digit) => {
      await press('ch6-a', `d${digit}`);
      const n = (await view(page)).fight.drawings.length;
      await press('ch6-d', 'attack');
      await page.waitForFunction((k) => window.blackBoxDog.snapshot().chapter.fight.drawings.length > k, n);
    };
    if (mode === 'mouse') {
      // A 7 by touch first (checked, then undone), then a 1 by mouse, which attacks.
      const seven = [
        [0.22, 0.15],
        [0.5, 0.15],
        [0.78, 0.14],
        [0.6, 0.5],
        [0.45, 0.88],
      ];
      await drawOnPad(page, seven, 'touch');
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview !== null);
      assert.equal((await view(page)).padInk, 1);
      await screenshot(page, `${prefix}-7-drawn-touch`);
      await press('ch6-b', 'undo');
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview === null);
      const one = [
        [0.45, 0.2],
        [0.55, 0.12],
        [0.55, 0.5],
        [0.55, 0.88],
      ];
      await drawOnPad(page, one, 'mouse');
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview !== null);
      await screenshot(page, `${prefix}-8-drawn-mouse`);
      await attack(1);
    }
    // Sample drawings, chosen by watching Bit's guess bars: one Bit reads right is attacked with.
    const tried = new Set();
    while ((await view(page)).fight.canDraw) {
      let pick = -1;
      for (const digit of [0, 4, 3, 7, 1, 2, 5, 6, 8, 9]) {
        if (tried.has(digit)) continue;
        await press('ch6-c', `s${digit}`);
        await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview !== null);
        const p = (await view(page)).preview.probabilities;
        if (p.indexOf(Math.max(...p)) === digit) {
          pick = digit;
          break;
        }
        tried.add(digit);
      }
      if (pick < 0) pick = [...tried][0];
      tried.add(pick);
      await press('ch6-c', `s${pick}`);
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.preview !== null);
      if (mode !== 'mouse') await screenshot(page, `${prefix}-7-sample`);
      await attack(pick);
    }
    const drawn = (await view(page)).fight;
    assert.equal(drawn.drawings.length, 3);
    await screenshot(page, `${prefix}-8-drawn-all`);
    await teachBit(page, press, prefix, locale);
    await press('ch6-d', 'next');

    // Phase 3: the trick, with the slider (mouse: drag-free keyboard on the range; or the buttons).
    await waitStep(page, 'trick');
    await screenshot(page, `${prefix}-9-trick`);
    if (mode === 'mouse') {
      await page.locator('input.ch6-range').focus();
      await page.keyboard.press('ArrowRight');
    } else {
      await press('ch6-a', 'more');
    }
    await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.trick.epsilon > 0.1);
    await press('ch6-b', 't1');
    await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.trick.pick.index === 1);
    const trick = (await view(page)).trick.result;
    assert.ok(trick.maxChange <= 0.15 + 1e-6);
    await screenshot(page, `${prefix}-10-trick-more`);
    await press('ch6-d', 'next');

    await waitStep(page, 'epilogue');
    for (let i = 0; i < 3; i++) {
      await screenshot(page, `${prefix}-11-epilogue-${i + 1}`);
      await press('ch6-d', 'next');
      if (i < 2) await page.waitForFunction((k) => window.blackBoxDog.snapshot().chapter.epilogue.index === k, i + 1);
    }
    await waitStep(page, 'ending');
    await screenshot(page, `${prefix}-12-ending`);
    await press('ch6-d', 'next');
    await waitForScreen(page, 'results');
    await recordPlaytime(page, prefix);
    await page.waitForTimeout(300);
    await screenshot(page, `${prefix}-13-results`);
    const s = await snap(page);
    assert.equal(s.lastAttempt.chapter, 6);
    assert.equal(s.lastAttempt.events.filter((e) => e.type === 'draw.submit').length, 3);
    assert.equal(s.lastAttempt.events.filter((e) => e.type === 'teach.done').length, 1);
    assert.ok(s.lastAttempt.events.filter((e) => e.type === 'fight.throw').every((e) => e.call));
    // Inside Bit's head was recorded: opened, two neurons chosen, closed.
    assert.deepEqual(
      s.lastAttempt.events.filter((e) => e.type.startsWith('head.')),
      [{ type: 'head.open' }, { type: 'head.unit', unit: 2 }, { type: 'head.unit', unit: 6 }, { type: 'head.close' }],
    );
    // Beating the Demon earns at least one star, whatever the net's score.
    assert.equal(s.lastAttempt.result.won, true, JSON.stringify(s.lastAttempt.result));
    assert.ok(s.stars[6] >= 1);
    assert.deepEqual(b.errors, []);
    console.log(`${prefix}: ${JSON.stringify({ ...times, stars: s.stars[6], result: s.lastAttempt.result })}`);
    return s.lastAttempt;
  } finally {
    await b.close();
  }
}

/**
 * Bit learns your handwriting: open the teach moment, relabel the first drawing (+ then −, back
 * to the digit meant, which chooses it), teach, and read the held-out score before and after.
 */
async function teachBit(page, press, prefix, locale) {
  await press('ch6-c', 'teach');
  await waitStep(page, 'teach');
  await press('ch6-a', 'more0');
  await page.waitForFunction(
    () =>
      window.blackBoxDog.snapshot().chapter.teach.drawings[0].digit !==
      window.blackBoxDog.snapshot().chapter.teach.drawings[0].meant,
  );
  await press('ch6-a', 'less0');
  await page.waitForFunction(() => {
    const d = window.blackBoxDog.snapshot().chapter.teach.drawings[0];
    return d.digit === d.meant && d.use;
  });
  await screenshot(page, `${prefix}-8b-teach`);
  await checkLayout(page, `ch6 teach ${locale}`);
  const started = Date.now();
  await press('ch6-d', 'teach');
  await waitStep(page, 'taught');
  const taught = (await view(page)).teach.outcome;
  assert.ok(taught.rereads.length >= 1);
  assert.ok(taught.before > 50 && taught.after > 50, JSON.stringify(taught));
  assert.equal(
    taught.verdict,
    taught.after > taught.before ? 'helped' : taught.after < taught.before ? 'hurt' : 'same',
  );
  console.log(
    `${prefix} teach: ${JSON.stringify({ ms: Date.now() - started, before: taught.before, after: taught.after, learned: taught.learned })}`,
  );
  await screenshot(page, `${prefix}-8c-taught`);
  await checkLayout(page, `ch6 taught ${locale}`);
}

describe('chapter 6 in Chromium', () => {
  it('plays by mouse (and touch) in English with a strong net', async () => {
    await playChapter('en', 'mouse', 'strong');
  });
  it('plays by keyboard in Chinese with a weak net', async () => {
    await playChapter('zh-CN', 'keyboard', 'weak');
  });
});
