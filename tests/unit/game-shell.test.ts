// The page draws the title before the game engine has loaded (src/game/shell.ts): nothing the
// shell runs may import Phaser, or the engine's chunk would be pulled into the page's first
// script and the title would wait for it again. Checked by following every runtime import (type
// imports vanish in the build) from the shell and from the page's entry, src/main.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Runtime imports of a module's source: `import x from`, `import {…} from`, side effects; not `import type`. */
function runtimeImports(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*import\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/^\s*export\s+(?!type\b)[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every package a module loads at run time, with the chain of files that leads to it. */
function packagesReached(entry: string): Map<string, string[]> {
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(file, spec);
      if (local) visit(local, [...chain, local.slice(SRC.length + 1)]);
      else if (!spec.startsWith('.') && !packages.has(spec)) packages.set(spec, chain);
    }
  };
  visit(entry, [entry.slice(SRC.length + 1)]);
  return packages;
}

describe('the title before the engine', () => {
  it('the shell and the title view load no Phaser', () => {
    const reached = packagesReached(resolve(SRC, 'game/shell.ts'));
    expect(reached.has('phaser'), `via ${reached.get('phaser')?.join(' → ')}`).toBe(false);
    // Nor the sound library: the shell's title is silent until the engine is up.
    expect(reached.has('howler')).toBe(false);
  });

  it("the page's entry loads Phaser only through the engine's dynamic import", () => {
    const reached = packagesReached(resolve(SRC, 'main.ts'));
    expect(reached.has('phaser'), `via ${reached.get('phaser')?.join(' → ')}`).toBe(false);
    expect(readFileSync(resolve(SRC, 'main.ts'), 'utf8')).toMatch(/await import\('\.\/game\/startGame'\)/);
  });

  it('the check itself sees runtime imports and skips type imports', () => {
    expect(runtimeImports("import Phaser from 'phaser';")).toEqual(['phaser']);
    expect(runtimeImports("import { a, b } from './x';\nimport './y.css';")).toEqual(['./x', './y.css']);
    expect(runtimeImports("import type Phaser from 'phaser';\nimport type { A } from './a';")).toEqual([]);
    expect(runtimeImports("export { renderTitle } from './views/titleView';")).toEqual(['./views/titleView']);
    expect(runtimeImports("// import Phaser from 'phaser';\nconst x = 1;")).toEqual([]);
  });
});
