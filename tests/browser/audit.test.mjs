// The accessibility audit (axe-core) over every reachable screen of every built chapter, in both
// languages: no serious or critical violations. Chapters 1-3 are also photographed under simulated
// deuteranopia and protanopia (artifacts/screenshots/vision-*.png) for a person to look at. Each
// screen also passes the layout check (tests/browser/layout.mjs) at 1280×720, 1024×768 and 844×390.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview } from './harness.mjs';
import { auditScreens } from './audit.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

describe('accessibility audit', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`finds no serious or critical violations on any screen, ${locale}`, async () => {
      const r = await auditScreens(server.url, locale, { visionShots: locale === 'en', layout: true });
      assert.ok(r.screens.length >= 9, `screens audited: ${r.screens.join(', ')}`);
      assert.deepEqual(r.findings, []);
      assert.deepEqual(r.errors, []);
    });
  }
});
