// Chapter 5 in real Chromium, from the map to the results card: by mouse in English and by
// keyboard only in Chinese. Each run turns the six knobs by hand, steps through the fog on one
// knob (feeling the slope before the first steps, a step refused for leaving the map, a deliberate
// overshoot across the valley), then two knobs, descends the two-valley landscape from both
// starts, runs automatic descent, refits the curve at higher degrees against held-out points,
// turns the gears and predicts the chain rule (one wrong guess, then the right one), and plays the
// challenge. Screenshots of every part go to artifacts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { control, openBrowser, screenshot, snap, startPreview, waitForScreen, sel } from './harness.mjs';
import { recordPlaytime } from './harness.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const save = (locale, reducedMotion) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3, 3: 3, 4: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion },
    attempts: [],
  });

let tabTime = 0;
let tabs = 0;
const view = async (page) => (await snap(page)).chapter;

async function tabTo(page, selector, max = 80) {
  const started = Date.now();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      tabTime += Date.now() - started;
      tabs += i;
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function waitStep(page, step) {
  await page.waitForFunction((s) => window.blackBoxDog.snapshot().chapter?.step === s, step, { timeout: 15_000 });
}

async function playChapter(locale, mode, reducedMotion) {
  const prefix = `ch5-${locale}-${mode}`;
  const b = await openBrowser({ locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US' });
  const { page } = b;
  const press = async (group, id) => {
    if (mode === 'mouse') return control(page, group, id).click();
    await tabTo(page, sel(group, id));
    await page.keyboard.press('Enter');
  };
  try {
    await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save(locale, reducedMotion));
    // The canvas renderer: software WebGL on a busy 2-core machine can drop to a few frames a second.
    await page.goto(`${server.url}?seed=5&renderer=canvas`);
    await waitForScreen(page, 'title');
    await press('title', 'play');
    await waitForScreen(page, 'map');
    await press('map', 'chapter-5');
    await waitForScreen(page, 'chapter');
    await waitStep(page, 'intro');
    for (let i = 0; i < 3; i++) {
      if (mode === 'mouse') await page.locator('.bbd-dialogue button[data-id="next"]').click();
      else {
        await tabTo(page, '.bbd-dialogue button[data-id="next"]');
        await page.keyboard.press('Enter');
      }
    }

    // A: six knobs by hand, until the mentor offers the way out.
    await waitStep(page, 'hand');
    const before = (await view(page)).loss;
    for (let i = 0; (await view(page)).hand.mayEnd === false && i < 20; i++) {
      if (mode === 'mouse') {
        const box = await page.locator(`input[data-knob="k${i % 6}"]`).boundingBox();
        await page.mouse.click(box.x + box.width * (0.3 + 0.04 * i), box.y + box.height / 2);
      } else {
        // Arrow keys on one knob: each press is one move.
        await tabTo(page, 'input[data-knob="k1"]');
        await page.keyboard.press('ArrowRight');
      }
    }
    let v = await view(page);
    assert.equal(v.hand.mayEnd, true);
    assert.notEqual(v.loss, before);
    await screenshot(page, `${prefix}-a-hand`);
    await press('actions', 'toFog');

    // B: one knob in the fog. Too big a step is refused; a big one jumps across the valley.
    await waitStep(page, 'fog1');
    v = await view(page);
    assert.equal(v.walk.slopeHidden, true, 'no slope shown before it is felt');
    assert.equal(await page.locator(sel('choices', 'size-0.1')).isDisabled(), true, 'steps wait for a feel');
    await screenshot(page, `${prefix}-b-fog-start`);
    await press('actions', 'feel');
    v = await view(page);
    assert.equal(v.line.key, 'ch5.feel.felt');
    assert.ok(Math.abs(v.walk.feel.slope - v.walk.slope[0]) < 1e-6, 'the felt slope is the slope');
    await screenshot(page, `${prefix}-b-feel`);
    await press('choices', 'size-0.25');
    v = await view(page);
    assert.equal(v.line.key, 'ch5.step.offMap');
    assert.equal(v.walk.steps, 0);
    await press('choices', 'size-0.15');
    v = await view(page);
    assert.equal(v.line.key, 'ch5.step.across');
    assert.equal(v.walk.overshoots, 1);
    assert.equal(v.walk.sums[0].to, v.walk.position[0], 'the arithmetic ends where the walker stands');
    await screenshot(page, `${prefix}-b-overshoot`);
    for (let i = 0; i < 8 && !(await view(page)).walk.reached; i++) {
      v = await view(page);
      if (v.walk.slopeHidden && !v.walk.feel) await press('actions', 'feel');
      await press('choices', 'size-0.1');
      if (i === 0) await screenshot(page, `${prefix}-b-slope-shown`);
    }
    assert.equal((await view(page)).walk.reached, true);
    await screenshot(page, `${prefix}-b-reached`);
    await press('actions', 'next');

    // C: two knobs on a fog map.
    await waitStep(page, 'fog2');
    await press('choices', 'size-0.1');
    v = await view(page);
    assert.ok(v.walk.fog.some(Boolean), 'fog still covers most of the map');
    await screenshot(page, `${prefix}-c-fog-map`);
    for (let i = 0; i < 8 && !(await view(page)).walk.reached; i++) await press('choices', 'size-0.1');
    v = await view(page);
    assert.equal(v.walk.bowlShown, true);
    await screenshot(page, `${prefix}-c-bowl`);
    await press('actions', 'next');

    // C's bonus: the same descent from two starts ends in two different valleys.
    await waitStep(page, 'valleys');
    await press('choices', 'valley-0');
    await screenshot(page, `${prefix}-c-valley-one`);
    await press('choices', 'valley-1');
    v = await view(page);
    assert.equal(v.line.key, 'ch5.valleys.both');
    const ends = v.valleys.starts.map((st) => st.run);
    assert.notEqual(ends[0].deep, ends[1].deep, 'one start finds the deeper valley, the other does not');
    assert.equal(v.bar, null, 'the curve loss is not shown beside the landscape');
    await screenshot(page, `${prefix}-c-valleys`);
    // The "♪ hooray!" caption of both runs sits clear of the function strip, and leaves with its
    // moment (Onward to the next part).
    // Measured where it shows (its reading time may have run out on a slow machine).
    const rects = await page.evaluate(() =>
      ['caption', 'function-strip'].map((id) => {
        const el = document.querySelector(`[data-owned="${id}"]`);
        if (!el?.textContent) return null;
        const hidden = el.style.display;
        el.style.display = '';
        const r = el.getBoundingClientRect();
        el.style.display = hidden;
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      }),
    );
    const [cap, strip] = rects;
    assert.ok(cap && strip, 'the caption and the strip both have text');
    const apart =
      cap.bottom <= strip.top || strip.bottom <= cap.top || cap.right <= strip.left || strip.right <= cap.left;
    assert.ok(apart, `the caption ${JSON.stringify(cap)} stays off the function strip ${JSON.stringify(strip)}`);
    await press('actions', 'next');
    await waitStep(page, 'auto');
    const captionShown = await page.evaluate(() => {
      const el = document.querySelector('[data-owned="caption"]');
      return !!el && el.style.display !== 'none';
    });
    assert.equal(captionShown, false, "the valleys' caption leaves with them");

    // D: automatic descent, played by game time until it may end.
    await waitStep(page, 'auto');
    await press('actions', 'play');
    await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter.auto?.mayEnd === true, null, {
      timeout: 30_000,
    });
    v = await view(page);
    assert.ok(v.auto.heavy.loss < v.auto.plain.loss, 'momentum is ahead');
    assert.ok(v.loss < v.auto.handLoss || v.auto.handLoss < 1, 'descent beats a rough hand fit');
    await screenshot(page, `${prefix}-d-auto`);
    await press('actions', 'next');

    // Overfitting: raise the degree; training loss falls while held-out loss rises.
    await waitStep(page, 'overfit');
    const low = (await view(page)).overfit;
    await press('choices', 'degree-5');
    await screenshot(page, `${prefix}-d-overfit-5`);
    await press('choices', 'degree-11');
    v = await view(page);
    assert.equal(v.line.key, 'ch5.overfit.max');
    assert.ok(v.overfit.train < low.train && v.overfit.held > low.held, 'train falls, held-out rises');
    await screenshot(page, `${prefix}-d-overfit-11`);
    await press('actions', 'next');

    // E: the gears: turn, predict (wrong, then right), backprop to the start.
    await waitStep(page, 'gears');
    assert.equal((await view(page)).bar, null, 'one loss at a time: the gear chain');
    await press('actions', 'turnMore');
    v = await view(page);
    const right = Number(v.gears.product.toPrecision(3));
    const wrongIndex = v.gears.choices.findIndex((c) => c !== right);
    const rightIndex = v.gears.choices.indexOf(right);
    await screenshot(page, `${prefix}-e-gears`);
    await press('choices', `choice-${wrongIndex}`);
    assert.equal((await view(page)).line.key, 'ch5.gears.wrong');
    await press('choices', `choice-${rightIndex}`);
    assert.equal((await view(page)).line.key, 'ch5.gears.right');
    for (let i = 0; i < 4; i++) await press('actions', 'back');
    v = await view(page);
    assert.equal(v.gears.done, true);
    assert.ok(Math.abs(v.gears.gears[0].grad - v.gears.finiteDifference) < 1e-6);
    await screenshot(page, `${prefix}-e-backprop`);
    await press('actions', 'next');

    // The challenge: three good steps.
    await waitStep(page, 'challenge');
    for (let i = 0; i < 3; i++) await press('choices', 'size-0.1');
    await waitStep(page, 'challengeResult');
    assert.equal((await view(page)).mapWalk.trail.length, 4, 'the path stays on the map');
    await screenshot(page, `${prefix}-challenge-result`);
    await press('actions', 'keep');
    await waitStep(page, 'history');
    await screenshot(page, `${prefix}-history`);
    await press('actions', 'continue');
    await waitForScreen(page, 'results');
    await recordPlaytime(page, prefix);
    await page.waitForTimeout(300);
    await screenshot(page, `${prefix}-results`);
    const s = await snap(page);
    assert.equal(s.stars['5'], 3);
    assert.equal(s.lastAttempt.chapter, 5);
    assert.equal(s.lastAttempt.result.steps, 3);
    // Three stars: the card says there is no further star to earn.
    const nextStar = await page.locator('[data-owned="nextStar"]').textContent();
    assert.match(nextStar, locale === 'zh-CN' ? /没有更多星星/ : /no more to earn/);
    assert.deepEqual(b.errors, []);
    if (mode === 'keyboard') console.log(`keyboard: ${tabs} Tab presses, ${tabTime} ms`);
  } finally {
    await b.close();
  }
}

describe('chapter 5 in Chromium', () => {
  it('English, by mouse, reduced motion', async () => {
    await playChapter('en', 'mouse', true);
  });
  it('Chinese, by keyboard only', async () => {
    await playChapter('zh-CN', 'keyboard', false);
  });
});
