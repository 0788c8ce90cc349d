// The layout check itself (tests/browser/layout.mjs) can fail: a text planted over a control and a
// label longer than its button are each reported, on a screen that is otherwise clean, by the check
// and by the harness's screenshot; the phone size is looked at with a touch screen. The screens
// themselves are checked where the other tests reach them (at each of their screenshots).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QUICK, control, gameUrl, openBrowser, screenshot, startPreview, waitForScreen } from './harness.mjs';
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
      // Every screenshot a browser test takes runs the check on the state it pictures.
      await assert.rejects(screenshot(page, 'layout-planted'), /"planted words" overlaps a control: map\/replays/);
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
      // The phone size is looked at as a phone (a touch screen): a text shown only there is found.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.id = 'planted-style';
        style.textContent =
          '#planted { display: none } @media (pointer: coarse) and (max-height: 500px) { #planted { display: block } }';
        document.head.append(style);
        const r = document.querySelector('button[data-id="replays"]').getBoundingClientRect();
        const p = Object.assign(document.createElement('p'), { textContent: 'phone words' });
        p.id = 'planted';
        Object.assign(p.style, { position: 'fixed', left: `${r.left}px`, top: `${r.top}px`, margin: 0 });
        document.getElementById('ui').append(p);
      });
      await checkLayout(page, 'map', one);
      await assert.rejects(
        checkLayout(page, 'map'),
        /"phone words" overlaps a control: map\/replays \(844×390 touch\)/,
      );
      assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), false, 'touch is off again');
      assert.deepEqual(page.viewportSize(), { width: 1280, height: 720 });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
