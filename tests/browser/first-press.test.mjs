// An impatient first start in real Chromium with the default renderer: Play pressed every 100 ms
// from the moment it is painted, then chapter 1's map stop pressed the same way from the moment
// it appears. The first presses that can count must count: the chapter opens while they go on,
// not after the player gives up. Headless Chromium has no GPU (WebGL runs in SwiftShader), so the
// game must also have taken the canvas renderer by itself, unless ?renderer=webgl forces WebGL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, snap, startPreview } from './harness.mjs';
import { impatientStart } from './firstPress.mjs';

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
});
