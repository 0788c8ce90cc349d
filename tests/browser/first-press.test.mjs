// An impatient first start in real Chromium with the default renderer: Play pressed every 100 ms
// from the moment it is painted, then chapter 1's map stop pressed the same way from the moment
// it appears. The first presses that can count must count: the chapter opens while they go on,
// not after the player gives up. Headless Chromium has no GPU (WebGL runs in SwiftShader), so the
// game must also have taken the canvas renderer by itself, unless ?renderer=webgl forces WebGL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { control, openBrowser, snap, startPreview, waitForScreen } from './harness.mjs';
import { holdWhile, impatientStart } from './firstPress.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const renderer = (page) => page.evaluate(() => document.documentElement.dataset.renderer ?? null);

describe('first start', () => {
  it('takes the canvas renderer where WebGL runs in software; ?renderer= forces either', async () => {
    for (const [query, want] of [
      ['', 'canvas'],
      ['&renderer=webgl', 'webgl'],
      ['&renderer=canvas', 'canvas'],
    ]) {
      const b = await openBrowser();
      try {
        await b.page.goto(`${server.url}?seed=3${query}`);
        await b.page.waitForFunction(() => document.documentElement.dataset.renderer !== undefined, null, {
          timeout: 90_000,
        });
        assert.equal(await renderer(b.page), want, `renderer with "${query}"`);
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
      }
    }
  });

  it('opens chapter 1 while an impatient player presses Play and then its stop every 100 ms', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${server.url}?seed=3`);
      // Each stage waits on the game's state; the limit is the player's patience on a busy machine.
      const t = await impatientStart(b.page, { timeout: 30_000 });
      assert.equal((await snap(b.page)).screen, 'chapter');
      assert.ok(t.stopPresses >= 1);
      console.log(
        `Play painted ${t.playShown.toFixed(0)} ms, map stop ${t.stopShown.toFixed(0)} ms, chapter 1 ${t.chapterReady.toFixed(0)} ms (${t.playPresses} + ${t.stopPresses} presses)`,
      );
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  // The browser makes a click only of a press and a release on the same element left in place: a
  // redraw between the two that moves the button or rebuilds what is inside it loses the click.
  // The control layer redraws on every app change (and moves its buttons back behind any label
  // drawn after them), so a press held across a redraw must still count.
  it('counts a press held while its button is redrawn', async () => {
    const b = await openBrowser({ locale: 'en-US' });
    const { page } = b;
    try {
      await page.goto(`${server.url}?seed=3`);
      await waitForScreen(page, 'title');
      const muted = async () => (await snap(page)).settings.muted;
      // The sound button's icon changes with each toggle: a keyboard press toggles it while the
      // mouse holds it, so its inside is rebuilt mid-press; the mouse's click must toggle it back.
      const before = await muted();
      await holdWhile(page, control(page, 'title', 'sound'), async () => {
        await page.keyboard.press('Enter');
        await page.waitForFunction((m) => window.blackBoxDog.snapshot().settings.muted === m, !before);
      });
      await page.waitForFunction((m) => window.blackBoxDog.snapshot().settings.muted === m, before, { timeout: 5000 });
      // A label drawn after the buttons, then a redraw: the layer moves its buttons back behind
      // the label, the held 中文 button among them; its click must still change the language.
      await holdWhile(page, control(page, 'title', 'lang-zh-CN'), async () => {
        await page.evaluate(() => {
          const tail = document.createElement('div');
          tail.dataset.owned = 'test-tail';
          document.getElementById('ui').appendChild(tail);
          document.querySelector('button[data-group="title"][data-id="sound"]').focus();
        });
        await page.keyboard.press('Enter');
        await page.waitForFunction((m) => window.blackBoxDog.snapshot().settings.muted === m, !before);
      });
      await page.waitForFunction(() => window.blackBoxDog.snapshot().settings.locale === 'zh-CN', null, {
        timeout: 5000,
      });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
