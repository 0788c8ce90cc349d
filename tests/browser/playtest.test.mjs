// The play-test's fixes for chapters 1-3, in real Chromium, in English and in Chinese: results are
// not said before they are revealed, "ready" agrees with the show's odds, chapter 2's "why?" panel
// is fully visible and closes with Escape, an unfinished chapter survives a reload, leaving asks
// first, and keyboard focus never falls to the page body after a screen change. Runs are resumed
// from saved seeds and events (playtest-runs.json), so no test replays a whole chapter by hand.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { control, openBrowser, screenshot, snap, startPreview, waitForScreen } from './harness.mjs';

const RUNS = JSON.parse(readFileSync(new URL('./playtest-runs.json', import.meta.url), 'utf8'));

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const saveFor = (locale, stars, inProgress) =>
  JSON.stringify({
    version: 2,
    progress: { stars },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: [],
    inProgress,
  });

/** Loads the game with a given save (set once, then reloaded, so later reloads keep what the game wrote). */
async function loadWith(page, save) {
  await page.goto(server.url);
  await page.evaluate((s) => localStorage.setItem('blackboxdog.save', s), save);
  await page.reload();
  await waitForScreen(page, 'title');
}

const focusOnBody = (page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

/** Waits (on the game's state, not a clock) until focus has settled on a control. */
async function assertFocusNotOnBody(page, where) {
  await page
    .waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, {
      timeout: 5_000,
    })
    .catch(() => {});
  assert.equal(await focusOnBody(page), false, `focus fell to the page body ${where}`);
}

const say = (page) => page.locator('.bbd-dialogue .say').textContent();
const view = async (page) => (await snap(page)).chapter;

async function openChapter(page, n) {
  await control(page, 'title', 'play').click();
  await waitForScreen(page, 'map');
  await assertFocusNotOnBody(page, 'after Play → map');
  await control(page, 'map', `chapter-${n}`).click();
  await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step, null, { timeout: 15_000 });
}

for (const locale of ['en', 'zh-CN']) {
  const tag = `playtest-${locale}`;
  describe(`play-test fixes (${locale})`, () => {
    it('chapter 1: resumed after a reload, ready marks follow the show odds, asks before leaving, verdict waits', async () => {
      const b = await openBrowser({ locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      const { page, errors } = b;
      try {
        await loadWith(page, saveFor(locale, {}, { 1: RUNS.ch1 }));
        await openChapter(page, 1);
        let v = await view(page);
        assert.equal(v.step, 'free', 'the saved run is resumed where it stopped, not at the intro');
        const trials = v.trainingTrials;
        assert.ok(trials > 0);
        await assertFocusNotOnBody(page, 'after entering a resumed chapter');

        // "Ready" means the show is likely; every other command says it is shaky, on its button.
        for (const c of v.commands.filter((x) => x.visible)) {
          const text = await control(page, 'commands', c.id).textContent();
          assert.equal(c.ready, c.sure >= v.readyAt);
          assert.equal(text.includes('✓'), c.ready, `${c.id}: ✓ only when ready (${text})`);
          assert.ok(text.includes(`${Math.round(c.sure * 100)}%`), `${c.id} shows how sure Bit is`);
        }
        assert.ok(v.readyAt > 0.9, 'ready needs more than the 80 % teaching mark');
        await screenshot(page, `${tag}-ch1-free`);

        // Map asks first; Escape means stay, and focus returns to the Map button.
        await control(page, 'tools', 'map').focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.blackBoxDog.snapshot().leaving === true);
        await page.locator('.bbd-confirm').waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), 'stay');
        await screenshot(page, `${tag}-leave-dialog`);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.blackBoxDog.snapshot().leaving === false);
        assert.equal((await snap(page)).screen, 'chapter');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), 'map');

        // One more trial, then a reload: the chapter comes back exactly there.
        await control(page, 'commands', 'sit').click();
        await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.pending);
        await control(page, 'feedback', 'ignore').click();
        await page.waitForFunction((n) => window.blackBoxDog.snapshot().chapter?.trainingTrials === n + 1, trials);
        await page.reload();
        await waitForScreen(page, 'title');
        await openChapter(page, 1);
        v = await view(page);
        assert.equal(v.step, 'free');
        assert.equal(v.trainingTrials, trials + 1, 'the reload kept the last trial');
        assert.ok((await say(page)).includes(`${Math.round(v.passChance * 100)}%`), 'the mentor gives the odds');

        // Show time: nothing about the outcome until the last round is shown.
        await control(page, 'tools', 'show').click();
        await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'show');
        v = await view(page);
        const verdictWords = locale === 'en' ? /of 10 right/ : /做对了|只做对了/;
        assert.ok(v.revealed < v.show.rounds.length);
        assert.doesNotMatch(await say(page), verdictWords, 'the verdict is not said at round 1');
        await screenshot(page, `${tag}-ch1-show-start`);
        await control(page, 'tools', 'finish')
          .waitFor({ state: 'visible', timeout: 60_000 })
          .catch(async (e) =>
            assert.fail(
              `${e.message}\n${errors.join('\n')}\n${JSON.stringify((await view(page)) && { step: (await view(page)).step, revealed: (await view(page)).revealed })}`,
            ),
          );
        assert.match(await say(page), verdictWords, 'the verdict is said once every round is shown');
        await screenshot(page, `${tag}-ch1-show-end`);
        assert.deepEqual(errors, []);
      } finally {
        await b.close();
      }
    });

    it('chapter 2: the why panel is whole and closes by Escape; the verdict waits for the reveal', async () => {
      const b = await openBrowser({ locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      const { page, errors } = b;
      try {
        await loadWith(page, saveFor(locale, { 1: 3 }, { 2: RUNS.ch2 }));
        await openChapter(page, 2);
        assert.equal((await view(page)).step, 'challenge');
        await assertFocusNotOnBody(page, 'after entering chapter 2');

        for (const fruit of ['lime', 'crab-apple']) {
          await control(page, 'ch2-why', fruit).focus();
          await page.keyboard.press('Enter');
          const panel = page.locator('[data-owned="ch2-why"]');
          await panel.waitFor();
          const fit = await panel.evaluate((el) => {
            const box = el.getBoundingClientRect();
            const last = el.querySelector('.body > :last-child').getBoundingClientRect();
            return {
              whole: el.scrollHeight <= el.clientHeight + 1,
              lastInside: last.bottom <= box.bottom + 1,
              inViewport: box.top >= 0 && box.bottom <= window.innerHeight,
              focusInside: el.contains(document.activeElement),
            };
          });
          assert.deepEqual(fit, { whole: true, lastInside: true, inViewport: true, focusInside: true }, fruit);
          await screenshot(page, `${tag}-ch2-why-${fruit}`);
          await page.keyboard.press('Escape');
          await panel.waitFor({ state: 'detached' });
          assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), fruit, 'focus back on "why?"');
        }

        await control(page, 'ch2-actions', 'judge').click();
        await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'verdict');
        const v = await view(page);
        assert.ok(v.revealed < v.challenge.size);
        const score = locale === 'en' ? /of 8 right/ : /对了 \d+ 个/;
        assert.doesNotMatch(await say(page), score, 'the score is not said before the cards turn');
        await control(page, 'ch2-actions', 'finish').waitFor({ state: 'visible', timeout: 60_000 });
        assert.match(await say(page), score);
        const stars = v.challenge.stars;
        const note = await page.locator('[data-owned="ch2-score"]').textContent();
        assert.ok(note.includes(`${'★'.repeat(stars)}${'☆'.repeat(3 - stars)}`), 'the banner shows the real stars');
        await screenshot(page, `${tag}-ch2-verdict`);
        await control(page, 'ch2-actions', 'finish').click();
        if (v.challenge.passed) {
          // A passed verdict opens the chapter's history card first; its Continue ends the chapter.
          await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'history');
          await control(page, 'ch2-actions', 'finish').click();
        }
        await waitForScreen(page, 'results');
        await assertFocusNotOnBody(page, 'on the results card');
        await screenshot(page, `${tag}-ch2-results`);
        assert.equal((await snap(page)).chapter, null);
        const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('blackboxdog.save')));
        assert.equal(saved.inProgress, undefined, 'a finished chapter is no longer in progress');
        assert.equal(await page.locator('#live').textContent(), '', 'the live region starts the new screen empty');
        assert.deepEqual(errors, []);
      } finally {
        await b.close();
      }
    });
  });
}
