// A new chapter is its folder plus one line: a test build whose entry registers the fixture
// chapter 7 (tests/fixtures/chapter7) before the game starts, and the map draws seven stops, each
// with its button inside the screen and apart from the others. The game's own bundle never has it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, loadConfigFromFile } from 'vite';
import { QUICK, ROOT, control, gameUrl, openBrowser, screenshot, startPreview, waitForScreen } from './harness.mjs';

let server;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bbd-fixture-build-'));
  // The game's own build settings, less the offline worker (not needed here, and most of the time).
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(ROOT, 'vite.config.ts'));
  await build({
    ...config,
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { ...config.build, outDir: dir, emptyOutDir: true },
    plugins: [
      ...config.plugins.flat().filter((p) => p && p.name !== 'vite-plugin-pwa:build'),
      {
        name: 'bbd-fixture-entry',
        transformIndexHtml: {
          order: 'pre',
          handler: (html) => html.replace('/src/main.ts', '/tests/fixtures/chapter7/gameEntry.ts'),
        },
      },
    ],
  });
  server = await startPreview({ dir });
});
after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a chapter registered by one line', () => {
  it('is drawn on the map as a seventh stop', async () => {
    const b = await openBrowser();
    const { page } = b;
    try {
      await page.goto(gameUrl(server, QUICK));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'chapter-7').waitFor({ state: 'visible' });
      const boxes = [];
      for (let n = 1; n <= 7; n++) boxes.push(await control(page, 'map', `chapter-${n}`).boundingBox());
      for (const [i, box] of boxes.entries()) {
        assert.ok(
          box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720,
          `stop ${i + 1} on screen`,
        );
        for (const other of boxes.slice(i + 1)) {
          const apart =
            box.x + box.width <= other.x ||
            other.x + other.width <= box.x ||
            box.y + box.height <= other.y ||
            other.y + other.height <= box.y;
          assert.ok(apart, `stop ${i + 1} apart from the others`);
        }
      }
      await screenshot(page, 'map-seven-chapters');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it("is not in the game's own bundle", () => {
    const assets = join(ROOT, 'dist', 'assets');
    const text = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    assert.ok(!text.includes('ch7.title'), 'the fixture chapter stays out of the normal build');
  });
});
