// Renders the app icon (assets/icons/icon.svg, hand-written) to the PNG sizes the web app manifest
// and iOS ask for, with Debian's Chromium. Run once after editing the SVG: node scripts/make-icons.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openBrowser } from '../tests/browser/harness.mjs';

const svg = readFileSync(join(ROOT, 'assets/icons/icon.svg'), 'utf8');
const SIZES = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
];
const b = await openBrowser({ viewport: { width: 512, height: 512 } });
try {
  for (const [name, size] of SIZES) {
    await b.page.setViewportSize({ width: size, height: size });
    await b.page.setContent(
      `<html><body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await b.page.locator('img').evaluate((img) => img.decode());
    writeFileSync(join(ROOT, 'assets/icons', name), await b.page.screenshot({ omitBackground: false }));
    console.log(`assets/icons/${name} (${size}×${size})`);
  }
} finally {
  await b.close();
}
