// Replays, comparison and sharing in real Chromium. In English by mouse: chapter 3 played twice
// with different knobs in the challenge, the two compared, one shared by link and opened in a
// fresh browser profile, watched there to the same result; the same attempt saved as a file and
// opened in another fresh profile; a tampered link refused with the save left as it was. In
// Chinese by keyboard only: the replays list, compare, watch with keys, and delete (asked first).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUICK,
  WAIT,
  control,
  gameUrl,
  openBrowser,
  screenshot,
  snap,
  startPreview,
  waitForScreen,
  sel,
  tabTo,
} from './harness.mjs';
import { FEATURES, SOLUTIONS, playRiggedByMouse, setKnobByMouse } from './ch3-knobs.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/save-v2-2026-12-01.json', import.meta.url), 'utf8'));

const saveWith = (locale, attempts = []) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3, ...(attempts.length ? { 3: 2 } : {}) } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts,
  });

const view = async (page) => (await snap(page)).chapter;

async function waitStep(page, step) {
  await page.waitForFunction((s) => window.blackBoxDog.snapshot().chapter?.step === s, step, { timeout: WAIT });
}

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: WAIT, polling: 100 });
const screenIs = (page, screen, sub) =>
  waitFor(
    page,
    ([s, c]) => {
      const x = window.blackBoxDog?.snapshot();
      return x?.screen === s && (!c || x.chapterState === c);
    },
    [screen, sub],
  );

/** Chapter 3 by mouse from the map to the results card; the challenge with the player's or Bit's knobs. */
async function playChapterThree(page, lamp) {
  await control(page, 'map', 'chapter-3').click();
  await waitStep(page, 'intro');
  while ((await view(page)).step === 'intro') await page.locator('.bbd-dialogue button[data-id="next"]').click();
  await waitStep(page, 'rule');
  await control(page, 'actions', 'startBlank').click();
  await waitStep(page, 'task');
  for (const task of [SOLUTIONS.apple, SOLUTIONS.watermelon, SOLUTIONS.hawthorn]) {
    for (const [i, id] of FEATURES.entries()) await setKnobByMouse(page, id, task.weights[i]);
    await setKnobByMouse(page, 'threshold', task.threshold);
    await control(page, 'actions', 'check').click();
  }
  await waitStep(page, 'tune');
  await control(page, 'actions', 'finish').click();
  await waitFor(page, () => window.blackBoxDog.snapshot().chapter.tune?.finished === true);
  await playRiggedByMouse(page);
  await control(page, 'actions', lamp).click();
  await control(page, 'actions', 'run').click();
  await waitStep(page, 'challengeResult');
  await control(page, 'actions', 'keep').click();
  await waitStep(page, 'history');
  await control(page, 'actions', 'continue').click();
  await waitForScreen(page, 'results');
  return (await snap(page)).lastAttempt;
}

const savedText = (page) => page.evaluate(() => localStorage.getItem('blackboxdog.save'));

describe('replays, comparison and sharing', () => {
  it('en, by mouse: plays chapter 3 twice, compares, shares by link and by file, refuses a tampered link', async () => {
    const b = await openBrowser();
    const { page } = b;
    let shared;
    let file;
    try {
      await page.addInitScript((s) => {
        if (!localStorage.getItem('blackboxdog.save')) localStorage.setItem('blackboxdog.save', s);
      }, saveWith('en'));
      await page.goto(gameUrl(server, { seed: 77, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      const mine = await playChapterThree(page, 'useMine');
      await control(page, 'results', 'map').click();
      await waitForScreen(page, 'map');
      const bits = await playChapterThree(page, 'useBit');
      assert.equal(mine.seed, bits.seed);

      // From the results card to the replays of chapter 3: both attempts, newest first.
      await control(page, 'results', 'replays').click();
      await screenIs(page, 'replays', 'showing');
      assert.equal((await snap(page)).replays.ofChapter, 2);
      await screenshot(page, 'replays-en-list');
      const rows = await page.$$eval('.bbd-replays-row', (els) => els.map((e) => e.dataset.id));
      assert.deepEqual(rows, ['row-1', 'row-0']);
      await page.click('[data-id="choose-0"]');
      await page.click('[data-id="choose-1"]');
      await page.click('[data-id="compare"]');
      await screenIs(page, 'compare', 'showing');
      const cmp = (await snap(page)).compare;
      assert.deepEqual(cmp.verified, [true, true]);
      assert.ok(cmp.factsDiffer > 0, 'different knobs show as differences');
      assert.equal(cmp.cases, 10);
      const marks = await page.$$eval('.bbd-compare-table td.differs', (els) => els.map((e) => e.textContent));
      assert.ok(
        marks.length >= cmp.factsDiffer && marks.every((m) => m.includes('≠')),
        'differences in marks and words',
      );
      await screenshot(page, 'replays-en-compare');
      await page.click('[data-id="back"]');
      await screenIs(page, 'replays', 'showing');

      // Share the newest by link; keep its file too.
      await page.click('[data-id="link-1"]');
      shared = await page.$eval('[data-id="link-text"]', (e) => e.value);
      assert.match(shared, /#replay=1\.[A-Za-z0-9_-]+$/);
      await screenshot(page, 'replays-en-link');
      await page.click('[data-id="link-close"]');
      const download = page.waitForEvent('download');
      await page.click('[data-id="file-1"]');
      const saved = await download;
      assert.match(saved.suggestedFilename(), /^black-box-dog-ch3-.*\.json$/);
      file = join(mkdtempSync(join(tmpdir(), 'bbd-replay-')), saved.suggestedFilename());
      await saved.saveAs(file);

      // Watch it here: play, pause, step back, the scrubber, then to the end.
      await page.click('[data-id="watch-1"]');
      await screenIs(page, 'watch', 'showing');
      await waitFor(page, () => window.blackBoxDog.snapshot().chapter !== null);
      await page.click('[data-id="watch-speed"]');
      await page.click('[data-id="watch-play"]');
      await waitFor(page, () => window.blackBoxDog.snapshot().watch.position >= 3);
      await page.click('[data-id="watch-play"]');
      const paused = (await snap(page)).watch;
      assert.equal(paused.playing, false);
      await page.click('[data-id="watch-back"]');
      assert.equal((await snap(page)).watch.position, paused.position - 1);
      const scrub = await page.locator('[data-id="watch-scrubber"]').boundingBox();
      await page.mouse.click(scrub.x + scrub.width - 4, scrub.y + scrub.height / 2);
      await waitFor(page, () => {
        const w = window.blackBoxDog.snapshot().watch;
        return w.position === w.length && w.ready === w.length;
      });
      const watched = await snap(page);
      assert.deepEqual(watched.watch.result, bits.result, 'the replay ends with the recorded result');
      await screenshot(page, 'replays-en-watch-end');
      await page.click('[data-id="watch-close"]');
      await screenIs(page, 'replays', 'showing');

      // A tampered link: refused in words, the save not touched.
      const before = await savedText(page);
      const code = shared.split('#replay=')[1];
      const mid = Math.floor(code.length / 2);
      const tampered = `${code.slice(0, mid)}${code[mid] === 'A' ? 'B' : 'A'}${code.slice(mid + 1)}`;
      await page.evaluate((c) => {
        location.hash = `replay=${c}`;
      }, tampered);
      await screenIs(page, 'shared', 'showing');
      const refused = (await snap(page)).shared;
      assert.ok(refused.error, `refused: ${JSON.stringify(refused)}`);
      assert.ok(refused.verified !== true);
      assert.match(await page.locator('.bbd-shared [role="status"]').textContent(), /\w{4,}/);
      await screenshot(page, 'replays-en-tampered');
      await page.click('[data-id="shared-close"]');
      await waitForScreen(page, 'map');
      assert.equal(await savedText(page), before, 'the save is byte for byte unchanged');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }

    // A fresh profile opens the link: verified, watched to the same end, then added.
    const fresh = await openBrowser();
    try {
      // The shared link as given, on the quick renderer the other tests use (the hash is the link's).
      await fresh.page.goto(`${gameUrl(server, QUICK)}#${shared.split('#')[1]}`);
      await screenIs(fresh.page, 'shared', 'showing');
      const s = (await snap(fresh.page)).shared;
      assert.equal(s.verified, true);
      await screenshot(fresh.page, 'replays-en-shared-link');
      await fresh.page.click('[data-id="shared-watch"]');
      await screenIs(fresh.page, 'watch', 'showing');
      await fresh.page.keyboard.press('End');
      await waitFor(fresh.page, () => {
        const w = window.blackBoxDog.snapshot().watch;
        return w.position === w.length && w.ready === w.length;
      });
      assert.deepEqual((await snap(fresh.page)).watch.result, s.result);
      await fresh.page.click('[data-id="watch-close"]');
      await screenIs(fresh.page, 'shared', 'showing');
      await fresh.page.click('[data-id="shared-add"]');
      await fresh.page.click('[data-id="shared-close"]');
      await screenIs(fresh.page, 'replays', 'showing');
      assert.equal((await snap(fresh.page)).replays.ofChapter, 1);
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }

    // Another fresh profile opens the file from the replays screen's file picker.
    const other = await openBrowser();
    try {
      await other.page.goto(gameUrl(server, QUICK));
      await waitForScreen(other.page, 'title');
      await control(other.page, 'title', 'play').click();
      await control(other.page, 'map', 'replays').click();
      await screenIs(other.page, 'replays', 'showing');
      const chooser = other.page.waitForEvent('filechooser');
      await other.page.click('[data-id="import"]');
      await (await chooser).setFiles(file);
      await screenIs(other.page, 'shared', 'showing');
      assert.equal((await snap(other.page)).shared.verified, true);
      assert.deepEqual((await snap(other.page)).shared.result, JSON.parse(readFileSync(file, 'utf8')).attempt.result);
      await other.page.click('[data-id="shared-close"]');
      await waitForScreen(other.page, 'map');
      // Dropped on the game: a damaged file is refused in words, the real one is read.
      const drop = (text) =>
        other.page.evaluate((t) => {
          const data = new DataTransfer();
          data.items.add(new File([t], 'replay.json', { type: 'application/json' }));
          document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }, text);
      const text = readFileSync(file, 'utf8');
      await drop(text.slice(0, text.length / 2));
      await screenIs(other.page, 'shared', 'showing');
      assert.equal((await snap(other.page)).shared.error, 'notJson');
      await other.page.click('[data-id="shared-close"]');
      await waitForScreen(other.page, 'map');
      await drop(text);
      await waitFor(other.page, () => window.blackBoxDog.snapshot().shared?.verified === true);
      await screenshot(other.page, 'replays-en-dropped');
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
    }
  });

  it('zh-CN, by keyboard only: list, compare, watch with keys, delete after asking', async () => {
    const b = await openBrowser({ locale: 'zh-CN' });
    const { page } = b;
    const press = async (selector) => {
      await tabTo(page, selector);
      await page.keyboard.press('Enter');
    };
    try {
      await page.addInitScript(
        (s) => {
          if (!localStorage.getItem('blackboxdog.save')) localStorage.setItem('blackboxdog.save', s);
        },
        saveWith('zh-CN', FIXTURE.attempts),
      );
      await page.goto(gameUrl(server, QUICK));
      await waitForScreen(page, 'title');
      await press(sel('title', 'play'));
      await waitForScreen(page, 'map');
      await press(sel('map', 'replays'));
      await screenIs(page, 'replays', 'showing');
      await press('[data-id="tab-3"]');
      await waitFor(page, () => {
        const s = window.blackBoxDog.snapshot();
        return s.replays.chapter === 3 && s.chapterState === 'showing';
      });
      await screenshot(page, 'replays-zh-list');
      const ids = await page.$$eval('.bbd-replays-row', (els) => els.map((e) => e.dataset.id.slice(4)));
      assert.equal(ids.length, 2);
      // One attempt against Bit's own run.
      await press(`[data-id="choose-${ids[0]}"]`);
      await press('[data-id="compare-reference"]');
      await screenIs(page, 'compare', 'showing');
      assert.deepEqual((await snap(page)).compare.verified, [true, true]);
      await screenshot(page, 'replays-zh-compare');
      await press('[data-id="back"]');
      await screenIs(page, 'replays', 'showing');

      await press(`[data-id="watch-${ids[0]}"]`);
      await screenIs(page, 'watch', 'showing');
      await waitFor(page, () => window.blackBoxDog.snapshot().chapter !== null);
      await tabTo(page, '[data-id="watch-forward"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert.equal((await snap(page)).watch.position, 2);
      await tabTo(page, '[data-id="watch-scrubber"]');
      await page.keyboard.press('ArrowRight');
      await waitFor(page, () => window.blackBoxDog.snapshot().watch.position === 3);
      await waitFor(page, () => window.blackBoxDog.snapshot().watch.ready >= 3);
      await page.keyboard.press('End');
      await waitFor(page, () => {
        const w = window.blackBoxDog.snapshot().watch;
        return w.position === w.length && w.ready === w.length;
      });
      const attempt = FIXTURE.attempts[Number(ids[0])];
      assert.deepEqual((await snap(page)).watch.result, attempt.result);
      await screenshot(page, 'replays-zh-watch');
      await press('[data-id="watch-close"]');
      await screenIs(page, 'replays', 'showing');

      // Delete asks first: "keep it" keeps it, "delete it" deletes it.
      const count = (await snap(page)).replays.attempts;
      await press(`[data-id="delete-${ids[1]}"]`);
      await waitFor(page, () => document.activeElement?.dataset.id === 'delete-no');
      await screenshot(page, 'replays-zh-delete-ask');
      await page.keyboard.press('Enter');
      assert.equal((await snap(page)).replays.attempts, count);
      await press(`[data-id="delete-${ids[1]}"]`);
      await press('[data-id="delete-yes"]');
      await waitFor(page, (n) => window.blackBoxDog.snapshot().replays.attempts === n - 1, count);
      const saved = JSON.parse(await savedText(page));
      assert.equal(saved.attempts.length, count - 1);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it("watches every chapter's own run to its recorded result, screenshots half way", async () => {
    const refs = [1, 2, 3, 4, 5, 6].map((n) =>
      JSON.parse(readFileSync(new URL(`../../levels/reference/ch${n}.json`, import.meta.url), 'utf8')),
    );
    const b = await openBrowser();
    const { page } = b;
    try {
      await page.addInitScript(
        (s) => {
          if (!localStorage.getItem('blackboxdog.save')) localStorage.setItem('blackboxdog.save', s);
        },
        saveWith('en', refs),
      );
      await page.goto(gameUrl(server, QUICK));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await control(page, 'map', 'replays').click();
      for (const [i, ref] of refs.entries()) {
        await page.click(`[data-id="tab-${ref.chapter}"]`);
        await waitFor(
          page,
          (n) => {
            const s = window.blackBoxDog.snapshot();
            return s.replays.chapter === n && s.chapterState === 'showing';
          },
          ref.chapter,
        );
        await page.click(`[data-id="watch-${i}"]`);
        await screenIs(page, 'watch', 'showing');
        await waitFor(page, () => window.blackBoxDog.snapshot().chapter !== null);
        const half = Math.floor(ref.events.length / 2);
        await page.evaluate((k) => {
          const scrub = document.querySelector('[data-id="watch-scrubber"]');
          scrub.value = String(k);
          scrub.dispatchEvent(new Event('input', { bubbles: true }));
        }, half);
        await waitFor(
          page,
          (k) => {
            const w = window.blackBoxDog.snapshot().watch;
            return w.position === k && w.ready >= k;
          },
          half,
        );
        await screenshot(page, `replays-watch-ch${ref.chapter}`);
        if (ref.chapter === 4) {
          // Scrubbing to the end (past the lab's long training step) is answered at once, and a
          // press right after it is not lost.
          const answered = await page.evaluate((k) => {
            const scrub = document.querySelector('[data-id="watch-scrubber"]');
            const t0 = performance.now();
            scrub.value = String(k);
            scrub.dispatchEvent(new Event('input', { bubbles: true }));
            return { ms: performance.now() - t0, at: document.querySelector('.bbd-replay-bar .at').textContent };
          }, ref.events.length);
          assert.ok(answered.ms < 200, `the scrubber answered in ${Math.round(answered.ms)} ms`);
          assert.match(answered.at, new RegExp(`^${ref.events.length} / ${ref.events.length}`));
          await page.click('[data-id="watch-back"]');
          await waitFor(
            page,
            (k) => {
              const w = window.blackBoxDog.snapshot().watch;
              return w.position === k && w.ready >= k && window.blackBoxDog.snapshot().chapter !== null;
            },
            ref.events.length - 1,
          );
        }
        await page.keyboard.press('End');
        await waitFor(page, () => {
          const w = window.blackBoxDog.snapshot().watch;
          return w.position === w.length && w.ready === w.length;
        });
        assert.deepEqual((await snap(page)).watch.result, ref.result, `chapter ${ref.chapter}`);
        await screenshot(page, `replays-watch-ch${ref.chapter}-end`);
        await page.click('[data-id="watch-close"]');
        await screenIs(page, 'replays', 'showing');
      }
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
