// Scenes only render: they subscribe to the chapter's view-model and send events. They never
// start actors (the app machine runs every chapter), never read a machine's context past the
// view-model, and never query the DOM beside the HTML control layer (src/game/ui, src/game/views).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCENES = resolve(import.meta.dirname, '../../src/game/scenes');

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
