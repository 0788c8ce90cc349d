// Scenes only render: they subscribe to the chapter's view-model and send events. They never
// start actors (the app machine runs every chapter), never read a machine's context past the
// view-model, and never query the DOM beside the HTML control layer (src/game/ui, src/game/views).
// Scenes, views and the shared UI pieces import nothing at run time from src/engine, and from
// src/levels only types (`import type`), the chapter list (chapters.ts) and the contract: every
// number they draw comes in the view-model.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENES = join(ROOT, 'src/game/scenes');
const PAINTERS = ['src/game/scenes', 'src/game/views', 'src/game/ui'];

const ALLOWED_FROM_LEVELS = ['src/levels/chapters', 'src/levels/contract'];

function strip(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

/** Whether an import's bindings are all types (`import type { A }`, `import { type A, type B }`). */
function typeOnly(kind: string | undefined, bindings: string): boolean {
  if (kind) return true;
  const b = bindings.trim();
  if (!/^\{[^}]*\}$/.test(b)) return false;
  const names = b
    .slice(1, -1)
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** The run-time imports of a file (at `file`, relative to the repository) that break the rule. */
function importProblems(file: string, src: string): string[] {
  const code = strip(src);
  const found: { spec: string; types: boolean }[] = [
    ...[...code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g)].map(
      (m) => ({ spec: m[3], types: typeOnly(m[1], m[2]) }),
    ),
    ...[...code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)].map((m) => ({ spec: m[1], types: false })),
    ...[...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1], types: false })),
  ];
  const problems: string[] = [];
  for (const { spec, types } of found) {
    if (!spec.startsWith('.') || types) continue;
    const to = relative(ROOT, resolve(ROOT, dirname(file), spec))
      .replace(/\\/g, '/')
      .replace(/\.(ts|js)$/, '')
      .replace(/\/index$/, '');
    if (to === 'src/engine' || to.startsWith('src/engine/')) problems.push(`runs code from the engine (${spec})`);
    else if (to.startsWith('src/levels/') && !ALLOWED_FROM_LEVELS.includes(to)) {
      problems.push(`runs code from a chapter's rules (${spec})`);
    }
  }
  return problems;
}

function listTs(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return listTs(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'creates an actor (createActor)', pattern: /\bcreateActor\b/ },
  { name: 'reads a machine context (context.model)', pattern: /\bcontext\.model\b/ },
  { name: 'reads a snapshot value as a string (String(…value))', pattern: /String\([^)]*\.value\)/ },
  { name: 'uses the DOM directly (document.)', pattern: /\bdocument\./ },
];

function sceneProblems(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return RULES.filter((r) => r.pattern.test(code)).map((r) => r.name);
}

const files = readdirSync(SCENES).filter((f) => f.endsWith('.ts'));

describe('game scenes only render', () => {
  it('finds the scenes, chapter scenes among them', () => {
    expect(files.filter((f) => /^Ch\d/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(`${file} creates no actor, reads no machine context and leaves the DOM to the control layer`, () => {
      expect(sceneProblems(readFileSync(join(SCENES, file), 'utf8'))).toEqual([]);
    });
  }

  it('the import check itself catches what it should', () => {
    const at = 'src/game/scenes/X.ts';
    expect(importProblems(at, "import { tilesOf } from '../../levels/ch2/rulebookModel';")).toEqual([
      "runs code from a chapter's rules (../../levels/ch2/rulebookModel)",
    ]);
    expect(importProblems(at, "import { bowl } from '../../engine';")).toEqual([
      'runs code from the engine (../../engine)',
    ]);
    expect(
      importProblems('src/game/views/ch5/fog.ts', "import { polyValue } from '../../../engine/polynomial';"),
    ).toEqual(['runs code from the engine (../../../engine/polynomial)']);
    expect(importProblems(at, "const m = await import('../../levels/ch6/digits');")).toHaveLength(1);
    expect(importProblems(at, "export { foo } from '../../levels/ch1/sitModel';")).toHaveLength(1);
    expect(importProblems(at, "import { a, type B } from '../../levels/ch1/sitView';")).toHaveLength(1);
    // What is allowed: types, the chapter list, the contract, the rest of the game.
    expect(
      importProblems(
        at,
        [
          "import type { SitView } from '../../levels/ch1/sitView';",
          "import { type FoggyView, type Gear } from '../../levels/ch5/foggyView';",
          "import type { Matrix } from '../../engine';",
          "import { CHAPTERS, chapterStatus } from '../../levels/chapters';",
          "import { stepOf, type CueSound } from '../../levels/contract';",
          "import { COLORS } from '../palette';",
          "import Phaser from 'phaser';",
          "// import { bowl } from '../../engine';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('the check itself catches what it should', () => {
    expect(sceneProblems('const a = createActor(m, { input });')).toEqual(['creates an actor (createActor)']);
    expect(sceneProblems('if (snap.context.model.pending) go();')).toEqual(['reads a machine context (context.model)']);
    expect(sceneProblems('const step = String(snap.value);')).toEqual([
      'reads a snapshot value as a string (String(…value))',
    ]);
    expect(sceneProblems("document.querySelector('.x')?.focus();")).toEqual(['uses the DOM directly (document.)']);
    expect(sceneProblems('// createActor in a comment is fine\nconst x = 1;')).toEqual([]);
  });
});

describe('scenes, views and UI pieces draw what they are handed', () => {
  const painters = PAINTERS.flatMap(listTs);

  it('finds them', () => {
    expect(painters.length).toBeGreaterThan(20);
  });

  for (const file of painters) {
    it(`${file} imports nothing at run time from the engine or a chapter's rules`, () => {
      expect(importProblems(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
    });
  }

  it('only tests register chapters: the game reads the one list in chapters.ts', () => {
    const users = listTs('src').filter(
      (f) => f !== 'src/levels/chapters.ts' && /\bregisterChapter\b/.test(strip(readFileSync(join(ROOT, f), 'utf8'))),
    );
    expect(users).toEqual([]);
  });
});
