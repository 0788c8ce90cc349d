// Shared plumbing for the browser tests: find Debian's Chromium, serve the built game with
// `vite preview`, open a fresh browser profile, and fail on any console error or page error.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { checkpoint } from './layout.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'artifacts', 'screenshots');

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Serves dist/ with vite preview; returns { url, port, stop }. `port` restarts a server on the same
 * origin (a service worker belongs to its origin); `dir` serves another build folder.
 */
export async function startPreview({ port: fixedPort, dir } = {}) {
  const port = fixedPort ?? (await freePort());
  const outDir = dir ?? process.env.BBD_DIST;
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      // BBD_DIST serves another build folder, so several builds can be tested side by side.
      ...(outDir ? ['--outDir', outDir] : []),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
];

/** A fresh profile and page; `errors` collects console errors and uncaught page errors. */
export async function openBrowser({ locale = 'en-US', viewport = { width: 1280, height: 720 }, ...options } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const profile = mkdtempSync(join(tmpdir(), 'bbd-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport,
    // The game's service worker (offline play) stays out of the way unless a test asks for it
    // (serviceWorkers: 'allow'): it would download the whole game beside each test, and requests
    // it answers bypass page.route.
    serviceWorkers: 'block',
    // e.g. hasTouch, isMobile, deviceScaleFactor, serviceWorkers for the offline and touch tests
    ...options,
  });
  await countPlayerActions(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot of the state shown now, then runs the layout check on that state
 * (tests/browser/layout.mjs's checkpoint): every state a browser test takes a picture of is
 * checked for overlapping, spilling and cut texts. `layout: false` only pictures it (a moment
 * caught mid-animation, a page that is not the game's).
 */
export async function screenshot(page, name, { layout = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  if (layout) await checkpoint(page, name);
  return path;
}

/**
 * The game's address (a server from startPreview, or its URL) with these query parameters (seed,
 * renderer, ...). `fast: true` turns on the game's fast-animation mode (`?fast=1`): timers and
 * tweens run several times faster, game time still advancing frame by frame.
 */
export function gameUrl(server, { fast = false, ...params } = {}) {
  const base = typeof server === 'string' ? server : server.url;
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (fast) query.set('fast', '1');
  const q = query.toString();
  return q ? `${base}?${q}` : base;
}

/**
 * How tests that are about neither animation nor drawing play: fast animations, and Phaser's
 * canvas renderer. Headless Chromium has no GPU, so WebGL runs in software (SwiftShader): a
 * chapter drew 8-16 frames a second there against 60 with the canvas renderer, and every click
 * (Playwright waits for frames to see a control is stable and to deliver the click) took about a
 * second instead of a tenth. Each chapter keeps at least one test at normal speed with the
 * default renderer (WebGL), so both stay covered.
 */
export const QUICK = { fast: true, renderer: 'canvas' };

/** The game's read-only test API (see src/testApi.ts). */
export function snap(page) {
  return page.evaluate(() => window.blackBoxDog?.snapshot() ?? null);
}

/**
 * How long a test waits for the game to reach a state. Tests wait on the game's state, never on
 * the clock; the limit only has to hold on a slow, busy machine (game time slows down with the
 * frame rate there), so it is generous.
 */
export const WAIT = 90_000;

export async function waitForScreen(page, screen, timeout = WAIT) {
  await page.waitForFunction((s) => window.blackBoxDog?.snapshot().screen === s, screen, { timeout });
}

/** The game's HTML control by group and id, e.g. control(page, 'title', 'play'). */
export function control(page, group, id) {
  return page.locator(`button[data-group="${group}"][data-id="${id}"]`);
}

/** Starts keeping everything the live region says (it is cleared between screens). */
export async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => {
      const text = document.getElementById('live')?.textContent;
      if (text) window.__announced.push(text);
    }).observe(document.getElementById('live'), { childList: true, characterData: true, subtree: true });
  });
}

/** What the live region has said since recordAnnouncements. */
export function announcements(page) {
  return page.evaluate(() => window.__announced ?? []);
}

/** The selector of a control by group and id. */
export const sel = (group, id) => `button[data-group="${group}"][data-id="${id}"]`;

/** Presses Tab until the focused element matches `selector`, as a keyboard player would. */
export async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

// Play time (docs/playtime.md): every page counts the player's presses (pointer downs) and keys
// (key downs) as they reach the page, and a play-through that reaches its results card records
// them with its attempt. scripts/playtime.mjs turns the records into the chapters' figures.
export const PLAYTIME_DIR = join(ROOT, 'artifacts', 'playtime');

/** Counts trusted pointer downs and key downs on every page of the context (capture phase). */
export async function countPlayerActions(context) {
  await context.addInitScript(() => {
    const count = { presses: 0, keys: 0 };
    window.__bbdActions = count;
    window.addEventListener('pointerdown', (e) => e.isTrusted && count.presses++, true);
    window.addEventListener('keydown', (e) => e.isTrusted && !e.repeat && count.keys++, true);
    // Chapter 6 trains in a worker for as long as the machine takes: its view says how long the
    // current training run has taken (training.ms); the runs' times are added up here.
    const runs = {};
    let api;
    Object.defineProperty(window, 'blackBoxDog', {
      configurable: true,
      get: () => api,
      set(value) {
        api = value;
        const show = value?.setChapterView?.bind(value);
        if (!show) return;
        value.setChapterView = (view) => {
          const ms = view?.training?.ms;
          if (typeof ms === 'number' && ms > 0) {
            runs[view.training.run ?? 0] = ms;
            count.trainMs = Object.values(runs).reduce((a, b) => a + b, 0);
          }
          show(view);
        };
      },
    });
  });
}

/**
 * Records a play-through that has reached its results card: the presses and keys since the page
 * loaded and the chapter's attempt (its seed, input events and result), in
 * artifacts/playtime/<name>.json and merged into artifacts/playtime.json. One page read and one
 * small file: it does not slow a test down.
 */
export async function recordPlaytime(page, name) {
  const { actions, attempt, settings } = await page.evaluate(() => {
    const s = window.blackBoxDog?.snapshot();
    return { actions: window.__bbdActions ?? null, attempt: s?.lastAttempt ?? null, settings: s?.settings ?? null };
  });
  if (!attempt) throw new Error(`recordPlaytime(${name}): no attempt recorded yet`);
  const entry = {
    name,
    chapter: attempt.chapter,
    locale: settings?.locale ?? null,
    presses: actions?.presses ?? null,
    keys: actions?.keys ?? null,
    ...(actions?.trainMs ? { trainMs: actions.trainMs } : {}),
    attempt,
  };
  mkdirSync(PLAYTIME_DIR, { recursive: true });
  writeFileSync(join(PLAYTIME_DIR, `${name}.json`), `${JSON.stringify(entry)}\n`);
  // The merged file, replaced whole (a rename), so a reader never sees half of it.
  const merged = join(ROOT, 'artifacts', 'playtime.json');
  let all = {};
  try {
    all = JSON.parse(readFileSync(merged, 'utf8'));
  } catch {
    all = {};
  }
  all[name] = entry;
  const tmp = `${merged}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(all)}\n`);
  renameSync(tmp, merged);
  return entry;
}
