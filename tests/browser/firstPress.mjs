// An impatient player's presses, as Chromium's own input events (CDP Input.dispatchMouseEvent,
// what a real mouse sends): a press at a control's place as soon as it is painted, repeated every
// 100 ms until the game shows what the press should bring. Used by the first-press test and by
// bench:web's first_play_ms and first_chapter_ms.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the page clock and the control's centre once `selector` is painted with a size. */
export async function whenPainted(page, selector, timeout) {
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0
        ? { x: r.x + r.width / 2, y: r.y + r.height / 2, at: performance.now() }
        : null;
    },
    selector,
    { timeout, polling: 10 },
  );
  return handle.jsonValue();
}

/**
 * Presses at `place` every 100 ms (each a mouse press and release, not waiting for the page to
 * take it) until `done(arg)` holds in the page; returns the page clock then and the presses sent.
 */
export async function pressUntil(page, cdp, place, done, arg, { timeout, every = 100, once = false } = {}) {
  let over = false;
  const finished = page
    .waitForFunction(done, arg, { timeout, polling: 10 })
    .then(() => page.evaluate(() => performance.now()))
    .finally(() => {
      over = true;
    });
  const sent = [];
  const press = () =>
    cdp
      .send('Input.dispatchMouseEvent', { type: 'mousePressed', x: place.x, y: place.y, button: 'left', clickCount: 1 })
      .then(() =>
        cdp.send('Input.dispatchMouseEvent', {
          type: 'mouseReleased',
          x: place.x,
          y: place.y,
          button: 'left',
          clickCount: 1,
        }),
      )
      .catch(() => {});
  while (!over) {
    sent.push(press());
    if (once) break;
    await Promise.race([finished.catch(() => {}), sleep(every)]);
  }
  const at = await finished;
  await Promise.all(sent);
  return { at, presses: sent.length };
}

/** From the title to chapter 1's first control, pressing as above; page-clock times in ms. */
export async function impatientStart(page, { timeout = 90_000, once = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const play = await whenPainted(page, 'button[data-group="title"][data-id="play"]', timeout);
    const stopSel = 'button[data-group="map"][data-id="chapter-1"]';
    const toMap = await pressUntil(page, cdp, play, (s) => !!document.querySelector(s), stopSel, { timeout });
    const stop = await whenPainted(page, stopSel, timeout);
    const toChapter = await pressUntil(
      page,
      cdp,
      stop,
      () => !!document.querySelector('.bbd-dialogue button[data-id="skip"]'),
      null,
      { timeout, once },
    );
    return {
      playShown: play.at,
      mapReady: toMap.at,
      stopShown: stop.at,
      chapterReady: toChapter.at,
      playPresses: toMap.presses,
      stopPresses: toChapter.presses,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Presses the mouse on `locator`'s centre (Chromium input events), runs `during` while it is held,
 * then releases it at the same place.
 */
export async function holdWhile(page, locator, during) {
  const box = await locator.boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
    await during();
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  } finally {
    await cdp.detach().catch(() => {});
  }
}
