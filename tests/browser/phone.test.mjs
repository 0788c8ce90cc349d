// A phone held in landscape (844×390 CSS px, touch): the title, the map and chapter 1 played by
// touch to its results (in English; its first trial in Chinese), every control at least 44 CSS px
// and the layout clean at every step.
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
} from './harness.mjs';
import { trainToTheEnd } from './ch1Play.mjs';
import { checkLayout } from './layout.mjs';
import { smallestTarget } from './touchTargets.mjs';

const PHONE = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const ONLY_PHONE = { sizes: [PHONE.viewport] };

describe('a phone in landscape', () => {
  let server;
  before(async () => {
    server = await startPreview();
  });
  after(() => server?.stop());

  for (const locale of ['en', 'zh-CN']) {
    it(`plays chapter 1 by touch at 844×390 with controls of 44 CSS px (${locale})`, async () => {
      const b = await openBrowser({ ...PHONE, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      const { page } = b;
      const targets = [];
      const look = async (name) => {
        targets.push({ name, ...(await smallestTarget(page)) });
        await checkLayout(page, name, ONLY_PHONE);
        await screenshot(page, `phone-${name}-${locale}`);
      };
      try {
        await page.goto(gameUrl(server, { seed: 5, ...QUICK }));
        await waitForScreen(page, 'title');
        await look('title');
        await control(page, 'title', 'play').tap();
        await waitForScreen(page, 'map');
        await look('map');
        await control(page, 'map', 'chapter-1').tap();
        const next = page.locator('.bbd-dialogue button[data-id="next"]');
        await next.waitFor({ timeout: WAIT });
        await look('ch1 intro');
        for (let i = 0; i < 3; i++) await next.tap();
        await control(page, 'tools', 'box').tap();
        await page.locator('button[data-group="tools"][data-id="box"][aria-pressed="true"]').waitFor({ timeout: WAIT });
        await look('ch1 box');
        if (locale === 'en') {
          // English, the longer words, plays the chapter through; Chinese its first trial.
          await trainToTheEnd(
            page,
            (g, id) => control(page, g, id).tap(),
            (step) => look(`ch1 ${step}`),
          );
          await waitForScreen(page, 'results');
          await page.locator('button[data-group="results"]').first().waitFor({ timeout: WAIT });
          await look('ch1 results');
          assert.ok((await snap(page)).stars['1'] >= 1, 'chapter 1 is passed by touch');
        } else {
          const v = (await snap(page)).chapter;
          await control(page, 'commands', v.commands.find((c) => c.enabled).id).tap();
          await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: WAIT });
          await control(page, 'feedback', 'treat').tap();
          await page.waitForFunction(() => !window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: WAIT });
          await look('ch1 teach');
        }
        const smallest = targets.reduce((a, t) => (t.min < a.min ? t : a));
        assert.ok(smallest.min >= 44, `every control is at least 44 CSS px: ${JSON.stringify(smallest)}`);
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
      }
    });
  }
});
