// The chapter rules (src/levels) are pure: the verifier replays them in Node with no page, so
// they may import the engine, each other, the level files, xstate and zod, but never Phaser,
// Howler, the DOM, or the app and game layers above them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LEVELS = join(ROOT, 'src/levels');
const ALLOWED_DIRS = [join(ROOT, 'src/levels'), join(ROOT, 'src/engine'), join(ROOT, 'levels')];
const ALLOWED_PACKAGES = ['xstate', 'zod', 'zod/mini'];
const DOM_GLOBALS = ['document', 'window', 'localStorage', 'navigator', 'requestAnimationFrame', 'location'];

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importProblems(file: string, src: string): string[] {
  const problems: string[] = [];
  const specs = [
    ...src.matchAll(/^\s*(?:import|export)\s[^;=()]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...src.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  for (const spec of specs) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (!ALLOWED_DIRS.some((d) => target === d || target.startsWith(d + sep))) problems.push(`imports "${spec}"`);
    } else if (!ALLOWED_PACKAGES.includes(spec)) {
      problems.push(`imports package "${spec}"`);
    }
  }
  // Comments are dropped so a word in prose is not taken for a use.
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const name of DOM_GLOBALS)
    if (new RegExp(`(?<![\\w.$'"])${name}\\s*[.(]`).test(code)) problems.push(`uses "${name}"`);
  return problems;
}

const files = listTs(LEVELS);

describe('levels layering', () => {
  it('finds the chapter files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`${relative(LEVELS, file).split(sep).join('/')} stays below the app and the game`, () => {
      expect(importProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('the check itself catches what it should', () => {
    const f = join(LEVELS, 'ch1/x.ts');
    expect(importProblems(f, "import Phaser from 'phaser';")).toEqual(['imports package "phaser"']);
    expect(importProblems(f, "import { a } from '../../game/keys';")).toEqual(['imports "../../game/keys"']);
    expect(importProblems(f, "import { a } from '../../app/appMachine';")).toEqual(['imports "../../app/appMachine"']);
    expect(importProblems(f, 'const w = window.innerWidth;')).toEqual(['uses "window"']);
    expect(
      importProblems(
        f,
        "import { b } from '../shared/seeds';\nimport raw from '../../../levels/a.json';\n// the window",
      ),
    ).toEqual([]);
  });
});
