// Plays anywhere a class plays: offline after the first visit, a new version that announces itself
// and keeps the save, touch on a tablet and a phone, an accessibility audit of every screen in both
// languages, and screenshots under simulated colour-vision deficiency.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallestTarget } from './touchTargets.mjs';
import {
  control,
  gameUrl,
  openBrowser,
  QUICK,
  screenshot,
  snap,
  startPreview,
  WAIT,
  waitForScreen,
  ROOT,
} from './harness.mjs';

const dist = process.env.BBD_DIST ?? join(ROOT, 'dist');

/** Waits until the service worker has stored the whole game and controls the page. */
async function waitForOfflineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: WAIT });
}

/** Opens chapter 1 from the title and plays one command: the chapter is playable. */
async function playChapter1(page) {
  await waitForScreen(page, 'title');
  await control(page, 'title', 'play').click();
  await waitForScreen(page, 'map');
  await control(page, 'map', 'chapter-1').click();
  // The intro's Skip, or (a chapter resumed after its intro) the first command button.
  const ready = page.locator('.bbd-dialogue button[data-id="skip"], button[data-group="commands"]:not([disabled])');
  await ready
    .first()
    .waitFor({ timeout: WAIT })
    .catch(async (err) => {
      await screenshot(page, 'anywhere-chapter-did-not-open');
      throw new Error(`chapter 1 did not open: ${JSON.stringify(await snap(page))}`, { cause: err });
    });
  const skip = page.locator('.bbd-dialogue button[data-id="skip"]');
  if (await skip.count()) await skip.click();
  await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'teach', null, { timeout: WAIT });
  // One teaching turn (a command, then feedback) changes what Bit knows: the chapter plays.
  const view = (await snap(page)).chapter;
  if (view.pending) await control(page, 'feedback', 'treat').click();
  else {
    await control(page, 'commands', view.commands.find((c) => c.enabled).id).click();
    await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: WAIT });
  }
}

describe('offline and installable', () => {
  let dir;
  let server;
  before(async () => {
    // A private copy of the build: the update test changes its service worker.
    dir = mkdtempSync(join(tmpdir(), 'bbd-offline-'));
    cpSync(dist, dir, { recursive: true });
    server = await startPreview({ dir });
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads with the network off, plays a chapter, then updates to a new version keeping the save', async () => {
    const b = await openBrowser({ serviceWorkers: 'allow' });
    const { page, context } = b;
    try {
      await page.goto(gameUrl(server, { seed: 3, ...QUICK }));
      await waitForScreen(page, 'title');
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector('link[rel="manifest"]').href;
        return (await fetch(href)).json();
      });
      assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
      assert.ok(manifest.icons.some((i) => i.sizes === '192x192'));
      await waitForOfflineReady(page);
      // Something in the save (sound off), to check that going offline and updating keep it.
      await control(page, 'title', 'sound').click();
      await page.waitForFunction(() => window.blackBoxDog.snapshot().settings.muted === true, null, { timeout: WAIT });

      // Network off after the title has loaded (the server is gone and the browser is offline):
      // chapter 1 still opens, and so does the game after a reload.
      await server.stop();
      await context.setOffline(true);
      await playChapter1(page);
      await page.reload();
      await playChapter1(page);
      assert.equal((await snap(page)).settings.muted, true);
      // Every chapter's code is stored: each one the game knows opens offline.
      const stored = await page.evaluate(async () => {
        const keys = [];
        for (const name of await caches.keys()) {
          for (const req of await (await caches.open(name)).keys()) keys.push(new URL(req.url).pathname);
        }
        return keys;
      });
      for (const part of [
        'index.html',
        'phaser-',
        'Ch1SitScene-',
        'Ch2RulebookScene-',
        'Ch3AppleLampScene-',
        'mnist.bin.gz',
      ]) {
        assert.ok(
          stored.some((k) => k.includes(part)),
          `${part} is stored for offline play`,
        );
      }

      // Network back with a new version: the game says so in words and updates on request.
      await context.setOffline(false);
      appendFileSync(join(dir, 'sw.js'), '\n// next version\n');
      server = await startPreview({ dir, port: server.port });
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const banner = page.locator('#bbd-update');
      await banner.waitFor({ timeout: WAIT });
      assert.match(await banner.textContent(), /new version/);
      await Promise.all([
        page.waitForEvent('load', { timeout: WAIT }),
        banner.locator('[data-id="update-now"]').click(),
      ]);
      await waitForScreen(page, 'title');
      assert.equal((await snap(page)).settings.muted, true, 'the save survives the update');
      assert.equal(await banner.count(), 0);
      assert.deepEqual(
        b.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
        [],
      );
    } finally {
      await b.close();
    }
  });
});

const ch3Save = (locale) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: [],
  });

/** A finger tap on the centre of an element (real touch events through the browser). */
async function tap(page, locator) {
  const box = await locator.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** A finger drag from (x, y) by (dx, dy) in small steps, as raw touch events. */
async function drag(page, x, y, dx, dy, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const point = (px, py) => [{ x: px, y: py, id: 1, radiusX: 8, radiusY: 8, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x, y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(x + (dx * i) / steps, y + (dy * i) / steps),
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const TOUCH_VIEWPORTS = {
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 },
};

describe('touch', () => {
  let server;
  before(async () => {
    server = await startPreview();
  });
  after(() => server?.stop());

  it('plays chapter 3 on a 1024×768 tablet by touch: taps, knob drags (the upright one too), targets of 44 px', async () => {
    const b = await openBrowser(TOUCH_VIEWPORTS.tablet);
    const { page } = b;
    try {
      await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), ch3Save('en'));
      await page.goto(gameUrl(server, { seed: 1, ...QUICK }));
      await waitForScreen(page, 'title');
      assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the tablet has a coarse pointer');
      const targets = [];
      targets.push(await smallestTarget(page));
      await tap(page, control(page, 'title', 'play'));
      await waitForScreen(page, 'map');
      targets.push(await smallestTarget(page));
      await tap(page, control(page, 'map', 'chapter-3'));
      await page.locator('.bbd-dialogue button[data-id="next"]').waitFor({ timeout: WAIT });
      targets.push(await smallestTarget(page));
      for (let i = 0; i < 3; i++) await tap(page, page.locator('.bbd-dialogue button[data-id="next"]'));
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'rule', null, { timeout: WAIT });
      await tap(page, control(page, 'actions', 'startBlank'));
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'task', null, { timeout: WAIT });
      targets.push(await smallestTarget(page));
      await screenshot(page, 'touch-tablet-ch3-task');

      const knob = async (id) => (await snap(page)).chapter.knobs.find((k) => k.id === id);
      // A horizontal knob: drag the thumb 80 px to the right.
      const red = page.locator('input[data-knob="red"]');
      let box = await red.boundingBox();
      let before = await knob('red');
      const thumbX = (k, bx) => bx.x + 12 + ((k.value - k.min) / (k.max - k.min)) * (bx.width - 24);
      await drag(page, thumbX(before, box), box.y + box.height / 2, 80, 0);
      let after = await knob('red');
      assert.ok(after.value > before.value, `red knob dragged right: ${before.value} → ${after.value}`);

      // The upright threshold knob: drag the thumb 80 px up. Its track is (height - thumb) long.
      const threshold = page.locator('input[data-knob="threshold"]');
      box = await threshold.boundingBox();
      assert.ok(box.height > box.width * 2, 'the threshold knob stands upright');
      before = await knob('threshold');
      const thumb = 30 * (box.width / 56);
      const travel = box.height - thumb;
      const thumbY =
        box.y + box.height - thumb / 2 - ((before.value - before.min) / (before.max - before.min)) * travel;
      await drag(page, box.x + box.width / 2, thumbY, 0, -80);
      after = await knob('threshold');
      const expected = (80 / travel) * (before.max - before.min);
      assert.ok(
        after.value - before.value >= expected * 0.7,
        `threshold dragged up by about ${expected.toFixed(2)}: ${before.value} → ${after.value}`,
      );
      // A tap on the track sets the value there, too.
      await tap(page, control(page, 'actions', 'check'));
      targets.push(await smallestTarget(page));
      const smallest = targets.reduce((a, t) => (t.min < a.min ? t : a));
      assert.ok(smallest.min >= 44, `every touch target is at least 44 CSS px (smallest: ${JSON.stringify(smallest)})`);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('asks to turn a 390×844 phone in portrait, in words and a picture, and plays by touch in landscape', async () => {
    const b = await openBrowser({ ...TOUCH_VIEWPORTS.phone, locale: 'zh-CN' });
    const { page } = b;
    try {
      await page.goto(gameUrl(server, { seed: 2, ...QUICK }));
      await waitForScreen(page, 'title');
      const card = page.locator('#bbd-rotate');
      await card.waitFor({ state: 'visible' });
      assert.match(await card.textContent(), /横/);
      assert.equal(await card.locator('svg').count(), 1);
      await screenshot(page, 'touch-phone-portrait-zh');
      await page.setViewportSize({ width: 844, height: 390 });
      await card.waitFor({ state: 'hidden' });
      await tap(page, control(page, 'title', 'play'));
      await waitForScreen(page, 'map');
      await tap(page, control(page, 'map', 'chapter-1'));
      const skip = page.locator('.bbd-dialogue button[data-id="skip"]');
      await skip.waitFor({ timeout: WAIT });
      await tap(page, skip);
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step === 'teach', null, {
        timeout: WAIT,
      });
      const v = (await snap(page)).chapter;
      await tap(page, control(page, 'commands', v.commands.find((c) => c.enabled).id));
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: WAIT });
      await tap(page, control(page, 'feedback', 'treat'));
      await page.waitForFunction(() => !window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: WAIT });
      await screenshot(page, 'touch-phone-landscape-zh');
      console.log('phone landscape smallest target', JSON.stringify(await smallestTarget(page)));
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});

/** Holds back Phaser's chunk (the engine) until the returned function is called. */
async function holdEngine(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/phaser-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('the title before the engine', () => {
  let server;
  before(async () => {
    server = await startPreview();
  });
  after(async () => {
    await server?.stop();
  });

  it('plays the title while the engine is still downloading, then hands over to it', async () => {
    const b = await openBrowser({ locale: 'zh-CN' });
    const { page } = b;
    try {
      // Phaser's chunk is held back: the title must work without it.
      const release = await holdEngine(page);
      await page.goto(gameUrl(server, { seed: 3, ...QUICK }));
      await waitForScreen(page, 'title');
      const heading = page.locator('#ui h1');
      await heading.waitFor({ timeout: WAIT });
      assert.equal(await heading.textContent(), '黑箱小狗');
      assert.equal(await page.locator('#game canvas').count(), 0, 'the engine has not started');
      await screenshot(page, 'title-before-engine-zh');
      // Languages switch, and Play leads on to the map, drawn before the engine too; a chapter
      // pressed there opens once the engine is up.
      await control(page, 'title', 'lang-en').click();
      await page.waitForFunction(() => document.querySelector('#ui h1')?.textContent === 'Black Box Dog', null, {
        timeout: WAIT,
      });
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-1').waitFor({ timeout: WAIT });
      assert.equal(await control(page, 'title', 'play').count(), 0);
      assert.equal(await page.locator('#game canvas').count(), 0, 'the engine has not started');
      await screenshot(page, 'map-before-engine-en');
      await control(page, 'map', 'chapter-1').click();
      await page.getByText('Starting the game…').waitFor({ timeout: WAIT });
      release();
      await page.locator('.bbd-dialogue button[data-id="skip"]').waitFor({ timeout: WAIT });
      await page.waitForFunction(() => !document.querySelector('.bbd-shell-stage'), null, { timeout: WAIT });
      assert.equal(await page.getByText('Starting the game…').count(), 0);
      assert.equal((await snap(page)).settings.locale, 'en');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('keeps a keyboard player on the map stop they reached while the engine takes over', async () => {
    const b = await openBrowser({ locale: 'en-US' });
    const { page } = b;
    try {
      const release = await holdEngine(page);
      await page.goto(gameUrl(server, { seed: 3, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').focus();
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-1').focus();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el?.tagName === 'BUTTON' ? `${el.dataset.group}/${el.dataset.id}` : (el?.tagName ?? null);
        });
      assert.equal(await focused(), 'map/chapter-1');
      // The engine comes: its map scene draws the map's controls again, and the focus stays put.
      release();
      await page.waitForFunction(() => !document.querySelector('.bbd-shell-stage'), null, { timeout: WAIT });
      assert.equal(await focused(), 'map/chapter-1');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => window.blackBoxDog?.snapshot().chapter?.number === 1, null, {
        timeout: WAIT,
      });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('opens chapter 3, pressed by keyboard before the engine is up, once it is (its own pictures asked for then)', async () => {
    const b = await openBrowser({ locale: 'en-US' });
    const { page } = b;
    try {
      const release = await holdEngine(page);
      // Chapters 1 and 2 passed: chapter 3 is open, and its own pictures are not the map's.
      await page.addInitScript(() =>
        localStorage.setItem(
          'blackboxdog.save',
          JSON.stringify({
            version: 2,
            progress: { stars: { 1: 3, 2: 3 } },
            settings: { locale: 'en', volume: 0.8, muted: true, reducedMotion: true },
            attempts: [],
          }),
        ),
      );
      await page.goto(gameUrl(server, { seed: 3, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').focus();
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-3').focus();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el?.tagName === 'BUTTON' ? `${el.dataset.group}/${el.dataset.id}` : (el?.tagName ?? null);
        });
      assert.equal(await focused(), 'map/chapter-3');
      await page.keyboard.press('Space');
      release();
      await page.waitForFunction(() => window.blackBoxDog?.snapshot().chapter?.step === 'intro', null, {
        timeout: WAIT,
      });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('says in the chosen language when the engine cannot be downloaded, and a reload recovers', async () => {
    const b = await openBrowser({ locale: 'zh-CN' });
    const { page } = b;
    try {
      let fail = true;
      await page.route(/\/phaser-[^/]*\.js$/, (route) =>
        fail ? route.abort('internetdisconnected') : route.continue(),
      );
      await page.goto(gameUrl(server, { seed: 3, ...QUICK }));
      const fatal = page.locator('#fatal');
      await fatal.waitFor({ timeout: WAIT });
      assert.match(await fatal.textContent(), /网络/);
      // The title drawn before stays in sight but rests; Reload is the one way on.
      assert.equal(await page.locator('#stage').getAttribute('inert'), '');
      fail = false;
      await Promise.all([page.waitForEvent('load', { timeout: WAIT }), fatal.locator('button').click()]);
      await waitForScreen(page, 'title');
      await page.waitForFunction(() => !document.querySelector('.bbd-shell-stage'), null, { timeout: WAIT });
      assert.equal(await fatal.isHidden(), true);
      // A chapter whose code cannot be downloaded gets its own problem screen, not the start's.
      await page.route(/\/Ch1SitScene-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
      await control(page, 'title', 'play').click();
      await control(page, 'map', 'chapter-1').click();
      await control(page, 'tools', 'reload').waitFor({ timeout: WAIT });
      assert.match(await page.locator('.bbd-problem').textContent(), /网络/);
      assert.equal(await fatal.isHidden(), true);
      await control(page, 'tools', 'map').click();
      await waitForScreen(page, 'map');
      assert.deepEqual(
        b.errors.filter(
          (e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|phaser|Ch1SitScene|dynamically imported/i.test(e),
        ),
        [],
      );
    } finally {
      await b.close();
    }
  });
});
