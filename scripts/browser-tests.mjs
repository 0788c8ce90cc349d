// Runs the browser tests: builds the game, then drives Debian's Chromium with playwright-core.
// Without Chromium the tests are skipped with a loud message, except under CI (CI=true), where
// a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, ROOT } from '../tests/browser/harness.mjs';

const chromium = findChromium();
if (!chromium) {
  const msg = [
    '',
    '==================================================================',
    '  BROWSER TESTS SKIPPED: no Chromium found.',
    "  Install Debian's Chromium (and CJK fonts for Chinese text):",
    '    sudo apt-get install -y chromium fonts-noto-cjk',
    '  or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    '==================================================================',
    '',
  ].join('\n');
  console.error(msg);
  process.exit(process.env.CI ? 1 : 0);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
const files = readdirSync(join(ROOT, 'tests/browser'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join('tests/browser', f));
run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files]);
