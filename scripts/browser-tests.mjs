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

// The slowest files first (measured: chapter 3, the accessibility audit, chapter 6, the replays,
// chapter 1), the rest by name: with several files at once, no long file starts last.
const SLOW_FIRST = ['ch3.test.mjs', 'audit.test.mjs', 'ch6.test.mjs', 'replays.test.mjs', 'ch1.test.mjs'];
const rank = (f) => (SLOW_FIRST.includes(f) ? SLOW_FIRST.indexOf(f) : SLOW_FIRST.length);
// BBD_BROWSER_JOBS runs that many files at once (default 1: each file has the machine to itself,
// as the timings in docs/testing.md were measured; on a machine with cores to spare, more).
const jobs = Math.max(1, Math.floor(Number(process.env.BBD_BROWSER_JOBS) || 1));

run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
const files = readdirSync(join(ROOT, 'tests/browser'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((f) => join('tests/browser', f));
run(process.execPath, ['--test', `--test-concurrency=${jobs}`, '--test-reporter=spec', ...files]);
