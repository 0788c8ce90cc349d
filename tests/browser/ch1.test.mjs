// A new player in real Chromium: from the title to chapter 1's three stars, by mouse and by
// keyboard only, in English and in Chinese; plus a broken save and persisted settings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUICK,
  WAIT,
  announcements,
  control,
  gameUrl,
  openBrowser,
  screenshot,
  snap,
  recordAnnouncements,
  startPreview,
  waitForScreen,
  sel,
  tabTo,
  recordPlaytime,
} from './harness.mjs';
import { trainToTheEnd as trainWith } from './ch1Play.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

/** Trains Bit the way the mentor asks (ch1Play.mjs), with a screenshot at each new step when `shots` names them. */
const trainToTheEnd = (page, press, shots) =>
  trainWith(page, press, shots ? (step) => screenshot(page, `${shots}-${step}`) : undefined);

async function playByMouse(locale, seed, prefix) {
  const b = await openBrowser({ locale });
  const { page } = b;
  try {
    // Quick (fast animations, canvas renderer): the keyboard run below plays at normal speed.
    await page.goto(gameUrl(server, { seed, ...QUICK }));
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await screenshot(page, `${prefix}-title`);
    await control(page, 'title', 'play').click();
    await waitForScreen(page, 'map');
    await screenshot(page, `${prefix}-map`);
    await control(page, 'map', 'chapter-1').click();
    await waitForScreen(page, 'chapter');
    await screenshot(page, `${prefix}-intro`);
    for (let i = 0; i < 3; i++) await page.locator('.bbd-dialogue button[data-id="next"]').click();
    assert.equal((await snap(page)).chapter.step, 'teach');
    // Open the box once to see the probabilities while training.
    await control(page, 'tools', 'box').click();
    await trainToTheEnd(page, (g, id) => control(page, g, id).click(), prefix);
    await waitForScreen(page, 'results');
    await recordPlaytime(page, prefix);
    await page.waitForTimeout(900);
    await screenshot(page, `${prefix}-results`);
    const s = await snap(page);
    assert.equal(s.stars['1'], 3, 'honest training with this seed earns three stars');
    assert.equal(s.lastAttempt.chapter, 1);
    assert.equal(s.lastAttempt.seed, seed);
    assert.ok(s.lastAttempt.events.length > 20);
    assert.equal(s.lastAttempt.result.stars, 3);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('blackboxdog.save')));
    assert.equal(stored.progress.stars['1'], 3, 'progress is saved');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

describe('chapter 1, a new player', () => {
  it('plays from the title to three stars by mouse, in English', async () => {
    await playByMouse('en-US', 2, 'ch1-en-mouse');
  });

  it('plays from the title to three stars by mouse, in Chinese', async () => {
    await playByMouse('zh-CN', 6, 'ch1-zh-mouse');
  });

  it('plays the whole chapter by keyboard only', async () => {
    const b = await openBrowser({ locale: 'zh-CN' });
    const { page } = b;
    try {
      // Normal speed, drawn with the canvas renderer (see QUICK in the harness).
      await page.goto(gameUrl(server, { seed: 4, renderer: 'canvas' }));
      await waitForScreen(page, 'title');
      await tabTo(page, sel('title', 'play'));
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'map');
      await tabTo(page, sel('map', 'chapter-1'));
      await page.keyboard.press('Space');
      await waitForScreen(page, 'chapter');
      await tabTo(page, '.bbd-dialogue button[data-id="skip"]');
      await page.keyboard.press('Enter');
      // A visible focus ring on the focused control.
      await tabTo(page, sel('commands', 'sit'));
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid');
      await screenshot(page, 'ch1-zh-keyboard-focus');
      await recordAnnouncements(page);
      await trainToTheEnd(page, async (g, id) => {
        await tabTo(page, sel(g, id));
        await page.keyboard.press(Math.random() < 0.5 ? 'Enter' : 'Space');
      });
      await waitForScreen(page, 'results');
      await recordPlaytime(page, 'ch1-zh-keyboard');
      await tabTo(page, sel('results', 'map'));
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'map');
      const s = await snap(page);
      assert.ok(s.stars['1'] >= 1);
      const announced = await announcements(page);
      assert.ok(announced.length > 10, 'the live region announced what Bit did and how he was rewarded');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});

describe('saves and settings', () => {
  it('reports a corrupt save in plain words and keeps it aside', async () => {
    const b = await openBrowser({ locale: 'en-US' });
    const { page } = b;
    try {
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('blackboxdog.save', '{"version":2,"progress":');
          sessionStorage.setItem('seeded', '1');
        }
      });
      await page.goto(server.url);
      await waitForScreen(page, 'title');
      const dialog = page.locator('[role="alertdialog"]');
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /could not be read.*nothing was deleted/);
      await screenshot(page, 'save-corrupt-en');
      const aside = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('blackboxdog.save.unreadable.'))
          .map((k) => localStorage.getItem(k)),
      );
      assert.deepEqual(aside, ['{"version":2,"progress":']);
      await dialog.locator('button').click();
      assert.equal((await snap(page)).problem, null);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('keeps language, sound and motion settings across a reload', async () => {
    const b = await openBrowser({ locale: 'en-US' });
    const { page } = b;
    try {
      await page.goto(server.url);
      await waitForScreen(page, 'title');
      await control(page, 'title', 'lang-zh-CN').click();
      await control(page, 'title', 'settings').click();
      await page.locator('.bbd-settings').waitFor();
      await page.locator('.bbd-settings .motion button').first().click();
      await page.locator('.bbd-settings .sound button').nth(1).click();
      await page.locator('#settings-volume').focus();
      await page.keyboard.press('ArrowLeft');
      await screenshot(page, 'settings-zh');
      await page.keyboard.press('Escape');
      const before = (await snap(page)).settings;
      assert.equal(before.locale, 'zh-CN');
      assert.equal(before.muted, true);
      assert.equal(before.reducedMotion, true);
      assert.ok(before.volume < 0.8);
      await page.reload();
      await waitForScreen(page, 'title');
      assert.deepEqual((await snap(page)).settings, before);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      // Muted, the page never starts Web Audio (its start blocks the page for a moment): the quiet
      // moment that would start it passes, and there is still no audio context.
      await page.waitForFunction(() => window.blackBoxDog.snapshot().sound.start === 'held-muted', null, {
        timeout: WAIT,
      });
      assert.equal((await snap(page)).sound.contextState, 'none');
      // Turning the sound on starts it at the next quiet moment.
      await control(page, 'title', 'settings').click();
      await page.locator('.bbd-settings').waitFor();
      await page.locator('.bbd-settings .sound button').nth(0).click();
      await page.keyboard.press('Escape');
      assert.equal((await snap(page)).settings.muted, false);
      await page.waitForFunction(() => window.blackBoxDog.snapshot().sound.start === 'started', null, {
        timeout: WAIT,
      });
      assert.notEqual((await snap(page)).sound.contextState, 'none');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
