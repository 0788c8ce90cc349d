// The engine runs unchanged in the page, a Web Worker and Node, and replays must be exact.
// So every file under src/engine: imports only other engine files (relative paths that stay
// inside src/engine), never a package (phaser, xstate, howler...), never the DOM, never
// Math.random, and never the `any` type. Node built-ins are allowed only in files named
// *Node.ts (Node-only adapters), and the public entry index.ts must not reach one.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/engine');

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Source with comments removed and string/template contents blanked (quotes kept). */
function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) i++;
      i += 2;
    } else if (c === "'" || c === '"' || c === '`') {
      out += c;
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') i++;
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier: import/export ... from 'x', import 'x', import('x'), require('x'). */
function specifiers(src: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of src.matchAll(re)) found.push(m[1]);
  return found;
}

const FORBIDDEN_GLOBALS = [
  'document',
  'window',
  'localStorage',
  'sessionStorage',
  'navigator',
  'HTMLElement',
  'HTMLCanvasElement',
  'requestAnimationFrame',
];

function resolveRelative(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return base;
}

const files = listTs(ENGINE);
const rel = (f: string): string => relative(ENGINE, f).split(sep).join('/');

describe('engine purity', () => {
  it('finds the engine files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`${rel(file)} is pure`, () => {
      const src = readFileSync(file, 'utf8');
      const code = stripCommentsAndStrings(src);
      const problems: string[] = [];
      for (const spec of specifiers(src)) {
        if (spec.startsWith('.')) {
          const target = resolveRelative(file, spec);
          if (!target.startsWith(ENGINE + sep)) problems.push(`imports "${spec}" from outside src/engine`);
        } else if (spec.startsWith('node:')) {
          if (!/Node\.ts$/.test(file)) problems.push(`imports Node built-in "${spec}" outside a *Node.ts adapter`);
        } else {
          problems.push(`imports package "${spec}"`);
        }
      }
      for (const name of FORBIDDEN_GLOBALS) {
        if (new RegExp(`(?<![\\w.$])${name}\\b`).test(code)) problems.push(`uses DOM global "${name}"`);
      }
      if (/\bMath\s*\.\s*random\b/.test(code)) problems.push('uses Math.random (inject a seeded Rng instead)');
      if (/(?::|\bas|<|\|)\s*any\b(?!\w)|\bany\s*\[\]/.test(code)) problems.push('uses the `any` type');
      expect(problems).toEqual([]);
    });
  }

  it('the public entry never reaches a Node-only file', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const spec of specifiers(src)) {
        expect(spec.startsWith('node:'), `${rel(file)} imports ${spec}`).toBe(false);
        if (spec.startsWith('.')) visit(resolveRelative(file, spec));
      }
    };
    visit(join(ENGINE, 'index.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });

  it('the scanner itself catches what it should', () => {
    const code = stripCommentsAndStrings("// document\nconst s = 'window'; let x: any = 1; document.title;");
    expect(code).not.toContain('// document');
    expect(code).toContain("''");
    expect(/(?<![\w.$])document\b/.test(code)).toBe(true);
    expect(/(?<![\w.$])window\b/.test(code)).toBe(false);
    expect(/(?::|\bas|<|\|)\s*any\b(?!\w)/.test(code)).toBe(true);
    expect(specifiers("import { a } from './a';\nimport type { B } from 'phaser';\nexport * from '../c';")).toEqual([
      './a',
      'phaser',
      '../c',
    ]);
  });
});
