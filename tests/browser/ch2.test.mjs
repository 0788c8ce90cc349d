// Chapter 2 in real Chromium: a player who has passed chapter 1 opens "The Expert's Rulebook" from
// the map and plays it to the results card, once by mouse and once by keyboard, in each language,
// with no console errors. Screenshots go to artifacts/screenshots/ch2-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT, control, openBrowser, screenshot, snap, startPreview, waitForScreen } from './harness.mjs';

const saveFor = (locale) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: [],
  });

async function _step(page) {
  return (await snap(page))?.chapter?.step;
}

async function waitForStep(page, want) {
  await page.waitForFunction((s) => window.blackBoxDog?.snapshot().chapter?.step === s, want, { timeout: WAIT });
}

/** Presses a game control with the mouse, or focuses it and presses Enter / Space. */
function presser(page, mode) {
  let n = 0;
  return async (group, id) => {
    const el = control(page, group, id);
    await el.waitFor({ state: 'visible', timeout: WAIT });
    if (mode === 'mouse') await el.click();
    else {
      await el.focus();
      await page.keyboard.press(n++ % 2 ? 'Space' : 'Enter');
    }
  };
}

async function play({ locale, mode, side }) {
  const preview = await startPreview();
  const browser = await openBrowser({ locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US' });
  const { page, errors } = browser;
  const tag = `ch2-${locale}-${mode}`;
  try {
    await page.addInitScript((save) => localStorage.setItem('blackboxdog.save', save), saveFor(locale));
    await page.goto(`${preview.url}?seed=2024`);
    await waitForScreen(page, 'title');
    const press = presser(page, mode);
    await press('title', 'play');
    await waitForScreen(page, 'map');
    await press('map', 'chapter-2');
    await waitForScreen(page, 'chapter');
    await waitForStep(page, 'intro');
    await screenshot(page, `${tag}-intro`);
    await press('dialogue', 'next');
    await press('dialogue', 'skip');
    await waitForStep(page, 'weather');

    // Part A: cloudy AND humidity > 70 AND NOT windy → rain.
    await press('ch2-palette', 'tile-cloudy');
    await press('ch2-palette', 'tile-humidity');
    await press('ch2-palette', 'tile-windy');
    await press('ch2-rules', 'placed-0-1');
    await press('ch2-tools', 'value-70');
    if (mode === 'keyboard') {
      // Arrow keys move within a group: from the rule's first tile to the next control in the row.
      await control(page, 'ch2-rules', 'placed-0-0').focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'chip-0-1');
    }
    await press('ch2-why', 'fri');
    await page.waitForSelector('[data-owned="ch2-why"]');
    await screenshot(page, `${tag}-why`);
    await press('ch2-whyclose', 'close');
    await press('ch2-rules', 'placed-0-2');
    await press('ch2-tools', 'not');
    const weather = (await snap(page)).chapter;
    assert.equal(weather.strip.correct, 7, 'the finished rain rule gets all seven days');
    await screenshot(page, `${tag}-weather`);
    await press('ch2-actions', 'check');
    await waitForStep(page, 'stall');

    // Part B: red AND round AND fragrant → apple.
    for (const f of ['red', 'round', 'fragrant']) await press('ch2-palette', `tile-${f}`);
    await screenshot(page, `${tag}-stall`);
    await press('ch2-actions', 'check');
    await waitForStep(page, 'conflict');
    await page.waitForSelector('[data-owned="ch2-conflict"]');
    await screenshot(page, `${tag}-conflict`);
    assert.deepEqual(
      (await snap(page)).chapter.conflicts.map((c) => c.fruit),
      ['green-apple', 'cherry-tomato'],
    );
    await press('ch2-pick', side);
    if (side === 'wang') {
      await press('ch2-palette', 'add-rule');
      await press('ch2-palette', 'tile-green');
      await press('ch2-palette', 'tile-sour');
    } else {
      await press('ch2-rules', 'placed-0-2');
      await press('ch2-tools', 'remove-tile');
      await press('ch2-palette', 'tile-sweet');
    }
    await screenshot(page, `${tag}-side`);
    await press('ch2-actions', 'check');
    await waitForStep(page, 'season');
    await page.waitForSelector('[data-owned="ch2-ceiling"]');
    await screenshot(page, `${tag}-season`);
    const season = (await snap(page)).chapter;
    assert.ok(season.ceiling.rulebookCorrect < season.ceiling.expertCorrect, 'the expert ceiling holds');
    await press('ch2-actions', 'next');
    await waitForStep(page, 'challenge');
    if (side === 'li') {
      // The new season showed the crab apple is not sweet: go back to "fragrant".
      await press('ch2-rules', 'placed-0-2');
      await press('ch2-tools', 'remove-tile');
      await press('ch2-palette', 'tile-fragrant');
    }
    await screenshot(page, `${tag}-challenge`);
    await press('ch2-actions', 'judge');
    await waitForStep(page, 'verdict');
    await control(page, 'ch2-actions', 'finish').waitFor({ state: 'visible', timeout: WAIT });
    await screenshot(page, `${tag}-verdict`);
    await press('ch2-actions', 'finish');
    await waitForScreen(page, 'results');
    await page.waitForTimeout(400);
    await screenshot(page, `${tag}-results`);
    const s = await snap(page);
    assert.equal(s.stars['2'], 3);
    assert.equal(s.lastAttempt.chapter, 2);
    assert.equal(s.lastAttempt.result.passed, true);
    assert.ok(s.lastAttempt.events.length > 10);
    const carry = await page.evaluate(
      () => JSON.parse(localStorage.getItem('blackboxdog.save')).progress.carry['2'].appleRule,
    );
    assert.ok(carry && typeof carry.op === 'string', 'the apple rule is carried to chapter 3');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    preview.stop();
  }
}

for (const [locale, mode, side] of [
  ['en', 'mouse', 'wang'],
  ['en', 'keyboard', 'li'],
  ['zh-CN', 'mouse', 'li'],
  ['zh-CN', 'keyboard', 'wang'],
]) {
  test(
    `chapter 2 from the map to the results card (${locale}, ${mode}, siding with ${side})`,
    { timeout: 120_000 },
    () => play({ locale, mode, side }),
  );
}
