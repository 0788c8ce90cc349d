// The layout check itself (tests/browser/layout.mjs) can fail: a text planted over a control and a
// label longer than its button are each reported, on a screen that is otherwise clean. The screens
// themselves are checked where the other tests reach them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QUICK, control, gameUrl, openBrowser, startPreview, waitForScreen } from './harness.mjs';
import { checkLayout } from './layout.mjs';

describe('the layout check', () => {
  let server;
  before(async () => {
    server = await startPreview();
  });
  after(() => server?.stop());

  it('reports a text over a control and a label cut by its button', async () => {
    const b = await openBrowser();
    const { page } = b;
    try {
      await page.goto(gameUrl(server, { seed: 1, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      const one = { sizes: [{ width: 1280, height: 720 }] };
      await checkLayout(page, 'map', one);
      // A text laid over the Replays button.
      await page.evaluate(() => {
        const r = document.querySelector('button[data-id="replays"]').getBoundingClientRect();
        const p = Object.assign(document.createElement('p'), { textContent: 'planted words' });
        p.id = 'planted';
        Object.assign(p.style, {
          position: 'fixed',
          left: `${r.left}px`,
          top: `${r.top}px`,
          margin: 0,
          font: '20px sans-serif',
        });
        document.getElementById('ui').append(p);
      });
      await assert.rejects(checkLayout(page, 'map', one), /"planted words" overlaps a control: map\/replays/);
      await page.evaluate(() => document.getElementById('planted').remove());
      // A label longer than its button.
      await page.evaluate(() => {
        document.querySelector('button[data-id="settings"] .label').textContent =
          'Settings, every one of them, at once';
      });
      await assert.rejects(checkLayout(page, 'map', one), /cut: map\/settings is \d+ px (wide|tall) inside \d+/);
      await page.evaluate(() => {
        document.querySelector('button[data-id="settings"] .label').textContent = 'Settings';
      });
      await checkLayout(page, 'map', one);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
