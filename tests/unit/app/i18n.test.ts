import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHAPTERS_WITH_OWN_TEXT,
  catalogue,
  detectLocale,
  isMessageKey,
  loadChapterText,
  thousands,
  translate,
} from '../../../src/i18n/i18n';

const ROOT = join(__dirname, '../../..');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('text catalogues', () => {
  beforeAll(async () => {
    for (const n of CHAPTERS_WITH_OWN_TEXT) await loadChapterText(n);
  });

  it('zh-CN and en have exactly the same keys, each file pair too', () => {
    const dir = join(ROOT, 'src/i18n/locales');
    const files = readdirSync(dir);
    const enFiles = files.filter((f) => /(^|\.)en\.json$/.test(f));
    expect(enFiles.length).toBeGreaterThan(0);
    for (const f of enFiles) {
      const zhFile = f.replace(/en\.json$/, 'zh-CN.json');
      expect(files, `${zhFile} is missing`).toContain(zhFile);
      const en = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const zh = JSON.parse(readFileSync(join(dir, zhFile), 'utf8'));
      expect(Object.keys(zh).sort(), `keys of ${zhFile} vs ${f}`).toEqual(Object.keys(en).sort());
    }
  });

  it('every message has the same placeholders in both languages and no empty text', () => {
    const en = catalogue('en');
    const zh = catalogue('zh-CN');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and picks the language from the browser', () => {
    expect(translate('en', 'ch1.trials', { n: 7 })).toBe('Training trials: 7');
    expect(translate('zh-CN', 'ch1.trials', { n: 7 })).toBe('训练次数：7');
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['en-GB'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
  });

  it('every text key named in a level file exists', () => {
    const keys: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (/Key$/.test(k) && typeof x === 'string') keys.push(x);
          else walk(x);
        }
    };
    for (const f of filesUnder(join(ROOT, 'levels'), /\.json$/)) walk(JSON.parse(readFileSync(f, 'utf8')));
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(isMessageKey(k), `missing text key ${k}`).toBe(true);
  });

  it('scenes hold no literal UI strings: text comes from the catalogues', () => {
    const offenders: string[] = [];
    // keys.ts names scenes and textures (identifiers, not text); everything else is checked.
    for (const f of filesUnder(join(ROOT, 'src/game'), /\.ts$/).filter((f) => !f.endsWith('keys.ts'))) {
      const src = readFileSync(f, 'utf8')
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '');
      // Chinese characters outside the catalogues are UI text by definition.
      if (/[\u4e00-\u9fff]/.test(src)) offenders.push(`${f}: Chinese text`);
      // A label or text given as a literal word or sentence (e.g. label: 'Play', .setText('Hi')).
      for (const m of src.matchAll(/(?:label|title|text|ariaLabel)\s*:\s*(['"`])([^'"`$]*[A-Za-z]{2,}[^'"`$]*)\1/g))
        offenders.push(`${f}: ${m[0]}`);
      for (const m of src.matchAll(/\.setText\(\s*(['"`])([^'"`$]*[A-Za-z]{2,}[^'"`]*)\1/g))
        offenders.push(`${f}: ${m[0]}`);
      for (const m of src.matchAll(/\.add\.text\([^,]+,[^,]+,\s*(['"`])([^'"`]*[A-Za-z]{2,}[^'"`]*)\1/g))
        offenders.push(`${f}: ${m[0]}`);
      for (const m of src.matchAll(/textContent\s*=\s*(['"`])([^'"`$]*[A-Za-z]{2,}[^'"`]*)\1/g))
        offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('thousands', () => {
  it('groups whole numbers by three digits as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 25_450, 101_770, 1_000_000, 12_345_678, -4_321, 1234.5])
      expect(thousands(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });
});
