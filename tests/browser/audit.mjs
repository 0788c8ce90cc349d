// Accessibility audit with axe-core: walks every screen a player can reach without playing a
// chapter through (title, settings, map, each built chapter's intro and first playing step, the
// leave dialog) and runs axe on each. Shared by tests/browser/anywhere.test.mjs and bench:web.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICK, ROOT, WAIT, control, gameUrl, openBrowser, screenshot, snap, waitForScreen } from './harness.mjs';
import { checkLayout } from './layout.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SERIOUS = new Set(['serious', 'critical']);

const allOpen = (locale) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: [],
  });

async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/**
 * Audits every reachable screen in one language. Returns { screens, serious, findings }:
 * `serious` counts serious and critical violations (one per rule per screen), `findings` lists
 * them with the screen they were found on.
 */
export async function auditScreens(url, locale, { visionShots = false, layout = false } = {}) {
  const b = await openBrowser({ locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US', serviceWorkers: 'block' });
  const { page } = b;
  const screens = [];
  const findings = [];
  const audit = async (name) => {
    await page.waitForTimeout(150);
    const violations = await axe(page);
    screens.push(name);
    for (const v of violations) if (SERIOUS.has(v.impact)) findings.push({ screen: `${locale} ${name}`, ...v });
    // `layout`: the layout check too (tests/browser/layout.mjs), at the page's three sizes in the
    // Chinese walk. The English walk draws with software WebGL, where each resize costs seconds:
    // it is checked at its own size (with a mouse the HTML layer is the same at every size, only
    // scaled; a phone's own layout is checked by phone.test.mjs).
    if (layout) {
      const sizes = locale === 'zh-CN' ? undefined : [page.viewportSize()];
      await checkLayout(page, name.replace(/^chapter (\d)/, 'ch$1'), { sizes });
    }
  };
  try {
    await page.addInitScript((s) => {
      if (!sessionStorage.getItem('bbd-audit')) {
        localStorage.setItem('blackboxdog.save', s);
        sessionStorage.setItem('bbd-audit', '1');
      }
    }, allOpen(locale));
    // Fast animations (the audit reads the HTML layer). The English walk draws with the default
    // renderer (WebGL), the smoke test of every chapter's first screens there; the Chinese one
    // with the canvas renderer (QUICK in the harness), several times faster in headless Chromium.
    await page.goto(gameUrl(url, { seed: 7, ...(locale === 'zh-CN' ? QUICK : { fast: true }) }));
    await waitForScreen(page, 'title');
    await audit('title');
    await control(page, 'title', 'settings').click();
    await page.waitForFunction(() => window.blackBoxDog.snapshot().settingsOpen, null, { timeout: WAIT });
    await audit('settings');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.blackBoxDog.snapshot().settingsOpen, null, { timeout: WAIT });
    await control(page, 'title', 'play').click();
    await waitForScreen(page, 'map');
    await audit('map');
    for (let n = 1; n <= 6; n++) {
      const open = control(page, 'map', `chapter-${n}`);
      if (!(await open.count()) || (await open.getAttribute('aria-disabled')) === 'true') continue;
      await open.click();
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapterState === 'playing', null, {
        timeout: WAIT,
      });
      const skip = page.locator('.bbd-dialogue button[data-id="skip"]');
      await skip.waitFor({ timeout: WAIT });
      await audit(`chapter ${n} intro`);
      await skip.click();
      await page.waitForTimeout(600);
      await audit(`chapter ${n} playing`);
      if (visionShots && n <= 3) {
        // How the chapter looks to players with red-green colour blindness (Chromium's simulation).
        const cdp = await page.context().newCDPSession(page);
        for (const type of ['deuteranopia', 'protanopia']) {
          await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
          await screenshot(page, `vision-ch${n}-${type}-${locale}`);
        }
        await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
        await cdp.detach();
      }
      // Back to the map by the chapter's Map button (confirming the leave dialog), or, for a
      // chapter still being built without one, by reloading the game.
      const toMap = page.locator('#ui button[data-id="map"]').first();
      if (await toMap.isVisible()) {
        await toMap.click();
        const go = page.locator('button[data-group="confirm"][data-id="go"]');
        await Promise.race([go.waitFor({ timeout: WAIT }), waitForScreen(page, 'map')]);
        if (await go.count()) {
          if (n === 1) await audit('leave dialog');
          await go.click();
        }
      } else {
        await page.reload();
        await waitForScreen(page, 'title');
        await control(page, 'title', 'play').click();
      }
      await waitForScreen(page, 'map');
    }
    return { screens, serious: findings.length, findings, errors: b.errors, snapshot: await snap(page) };
  } finally {
    await b.close();
  }
}
