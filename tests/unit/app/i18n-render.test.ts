// Every template of every locale, filled in with the values the game really passes, read as a
// player would read it: no word said twice across a placeholder's edge ("实际是是", "the the"), no
// placeholder left over, no stray Latin letters in a Chinese sentence, numbers set off by a space
// from Chinese text (第 3 章) and no space before % in English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tileWords } from '../../../src/game/views/ch2/ruleText';
import { loadChapterText, translate, type MessageKey } from '../../../src/i18n/i18n';

const DIR = join(__dirname, '../../../src/i18n/locales');
type Cat = Record<string, string>;

function load(locale: 'en' | 'zh-CN'): Cat {
  const files = readdirSync(DIR).filter((f) => f === `${locale}.json` || f.endsWith(`.${locale}.json`));
  return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Cat));
}

const CATALOGUES = { en: load('en'), 'zh-CN': load('zh-CN') };

/** Values of every key starting with one of the prefixes (e.g. every fruit's name). */
const valuesOf = (cat: Cat, ...prefixes: string[]) =>
  Object.entries(cat)
    .filter(([k]) => prefixes.some((p) => k.startsWith(p)))
    .map(([, v]) => v);

const NUMBERS = ['3', '12', '0.05'];

/** Placeholders one template fills with its own values (a threshold, a knob's index); @key is a text key. */
const OVERRIDES: Record<string, Record<string, string[]>> = {
  'ch2.tile.compare': { op: ['>'], value: ['70'] },
  'ch2.tile.notCompare': { op: ['>'], value: ['70'] },
  'ch2.aria.choice': { value: ['70'] },
  'ch2.aria.card': { predicted: ['@ch2.say.rain', '@ch2.say.dry'] },
  'ch5.knob.aria': { n: ['0', '5'] },
};

/**
 * What the game fills each placeholder with: numbers, or words from the catalogue itself (an
 * action's name, a fruit's, a tile's…), so a template is read with the words it meets in play.
 */
function samples(cat: Cat, name: string, key: string): string[] {
  const t = (k: string) => cat[k];
  const only = OVERRIDES[key]?.[name];
  if (only) return only.map((v) => (v.startsWith('@') ? t(v.slice(1)) : v));
  const words: Record<string, () => string[]> = {
    command: () => valuesOf(cat, 'cmd.'),
    action: () => valuesOf(cat, 'act.'),
    wrong: () => (key.startsWith('ch1.') ? valuesOf(cat, 'act.') : NUMBERS),
    right: () => (key.startsWith('ch1.') ? valuesOf(cat, 'act.') : NUMBERS),
    fruit: () => valuesOf(cat, 'fruit.'),
    a: () => valuesOf(cat, 'fruit.').slice(0, 3),
    b: () => valuesOf(cat, 'fruit.').slice(3, 6),
    seller: () => valuesOf(cat, 'seller.'),
    feature: () => valuesOf(cat, 'feature.'),
    tile: () => [t('ch2.tile.cloudy'), t('ch2.tile.windy'), t('ch2.tile.humidity'), t('ch2.tile.apple')],
    what: () => [...valuesOf(cat, 'ch2.say.'), t('ch2.chart.days')],
    value: () => [t('ch2.say.yes'), t('ch2.say.no'), '80%', '70', '0.5', '−1'],
    mark: () => [...valuesOf(cat, 'ch2.mark.'), '✓', '✗', t('ch1.show.right')],
    predicted: () => [t('ch2.say.rain'), t('ch2.say.notApple'), '7'],
    name: () => [...valuesOf(cat, 'seller.'), t('fruit.apple'), t('ch3.knob.threshold'), t('ch6.fight.demon'), 'z'],
    title: () => valuesOf(cat, 'ch1.title', 'ch2.title', 'ch6.title'),
    year: () => valuesOf(cat, 'map.year'),
    status: () => [t('map.locked'), t('map.stars').replace('{n}', '2')],
    neuron: () => valuesOf(cat, 'ch4.neuron.').map((v) => v.replace('{n}', '1')),
    dataset: () => valuesOf(cat, 'ch4.data.'),
    where: () => valuesOf(cat, 'ch4.chart.where.'),
    op: () => [t('ch2.and'), t('ch2.or'), '>'],
    other: () => [t('ch2.and'), t('ch2.or')],
    conclusion: () => [t('ch2.say.rain'), t('ch2.say.apple')],
    tiles: () => [`${t('ch2.tile.cloudy')} ${t('ch2.and')} ${t('ch2.tile.windy')}`],
    when: () => [`${t('feature.red')} ${t('ch2.and')} ${t('feature.round')}`],
    rule: () => [`${t('feature.red')}${t('ch3.rule.and')}${t('feature.round')}`],
    list: () => [`${t('fruit.apple')}, ${t('fruit.pear')}`],
    state: () => [t('ch3.lamp.on'), t('ch3.lamp.off')],
    verdict: () => [t('ch3.chart.above')],
    parts: () => ['1 + 0.5'],
    dir: () => [t('ch5.chart.toLeft'), t('ch5.chart.flat')],
    demon: () => [`${t('ch6.fight.demon')}: 3`],
    you: () => [`${t('ch6.fight.you')}: 2`],
    card: () => [`${t('fruit.apple')}: ${t('ch2.say.apple')}`],
    reason: () => valuesOf(cat, 'share.error.'),
    detail: () => [t('problem.unavailable')],
    message: () => [t('error.offline') ?? t('problem.unavailable')],
    date: () => ['2026-12-01'],
    nickname: () => ['Mia'],
    code: () => ['K7Q2'],
    label: () => ['3', '8'],
    digit: () => ['3'],
    before: () => ['3', '0.82'],
    after: () => ['8', '0.41'],
    best: () => ['3'],
    second: () => ['8'],
    lit: () => ['(0, 1)', '12', t('ch4.chart.nowhere')],
    ratios: () => ['× 0.5, × 2'],
    product: () => ['0.25 × 2 = 0.5'],
    layers: () => ['4, 2'],
    at: () => ['(9.5, −3)'],
    version: () => ['3'],
    hz: () => ['440'],
    kb: () => ['350'],
    beta: () => ['0', '0.9'],
  };
  return words[name]?.() ?? NUMBERS;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, n: string) => values[n] ?? whole);
}

/** Every rendering of a template: all placeholders at their first sample, then each one varied. */
function renderings(cat: Cat, key: string, template: string): { text: string; values: Record<string, string> }[] {
  const names = [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
  const first = Object.fromEntries(names.map((n) => [n, samples(cat, n, key)[0]]));
  const out = [{ text: fill(template, first), values: first }];
  for (const n of names)
    for (const v of samples(cat, n, key).slice(1)) {
      const values = { ...first, [n]: v };
      out.push({ text: fill(template, values), values });
    }
  return out;
}

const CJK = /[\u3400-\u9fff]/;
// Latin words a Chinese sentence may hold: the field's own names, people, units and symbols.
const LATIN_OK = new Set(
  (
    'AI MNIST XOR ReLU sigmoid tanh Boss TensorFlow Playground LeCun Cortes Burges CC BY-SA KB Hz ' +
    'Mark I ε K K0 K1 K2 K3 K4 K5 w w1 w2 v v1 v2 x y z a b A B C D E vs Mia K7Q2 Minsky Papert ' +
    'Hinton Rosenblatt Turing DENDRAL MYCIN Transformer GPT-3'
  ).split(' '),
);
// Chinese words that are a character said twice on purpose (试试, 看看, 一个个…).
const ZH_DOUBLES = new Set(
  '试试 看看 星星 点点 狗狗 改改 轻轻 练练 拧拧 圈圈 问问 重重 谢谢 读读 等等 稳稳 滚滚 晃晃 摇摇 大大 呜呜 个个 一一 慢慢 常常 步步 渐渐 想想 走走 层层 天天 好好 纷纷'.split(
    ' ',
  ),
);

// English words said twice on purpose (a sound effect's caption).
const EN_DOUBLES = new Set(['womp womp']);

/** Problems a reader would trip over in one rendered string. */
function problems(locale: 'en' | 'zh-CN', key: string, text: string): string[] {
  const found: string[] = [];
  const left = text.match(/\{\w+\}/);
  if (left) found.push(`leftover ${left[0]}`);
  if (locale === 'en') {
    for (const m of text.matchAll(/\b([A-Za-z]+)\s+\1\b/gi))
      if (!EN_DOUBLES.has(m[0].toLowerCase())) found.push(`doubled word "${m[0]}"`);
    if (/\s%/.test(text)) found.push('space before %');
    return found;
  }
  for (const m of text.matchAll(/([\u3400-\u9fff])\1/g)) {
    const around = text.slice(Math.max(0, m.index - 1), m.index + 3);
    const ok = ZH_DOUBLES.has(m[0]) || [...ZH_DOUBLES].some((d) => d.length > 2 && around.includes(d));
    if (!ok) found.push(`doubled character "${m[0]}"`);
  }
  if (!key.startsWith('lang.') && CJK.test(text))
    for (const m of text.matchAll(/[A-Za-zε][A-Za-z0-9-]*/g))
      if (!LATIN_OK.has(m[0])) found.push(`Latin "${m[0]}" in a Chinese sentence`);
  if (/[\u3400-\u9fff][0-9]|[0-9][\u3400-\u9fff]/.test(text))
    found.push('a number touching Chinese text with no space');
  if (/\.\.\.|…(?!…)/.test(text.replace(/……/g, ''))) found.push('an ellipsis other than ……');
  return found;
}

describe('every template, filled in as the game fills it', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: reads without doubled words, leftovers, stray Latin or bad spacing`, () => {
      const cat = CATALOGUES[locale];
      const report: string[] = [];
      for (const [key, template] of Object.entries(cat))
        for (const r of renderings(cat, key, template))
          for (const p of problems(locale, key, r.text)) report.push(`${key}: ${p} in “${r.text}”`);
      expect([...new Set(report)]).toEqual([]);
    });
  }

  it('catches what it is meant to catch', () => {
    expect(problems('zh-CN', 'k', '阴天：实际是是 ✓')).toContain('doubled character "是是"');
    expect(problems('en', 'k', 'Press the the button')).toContain('doubled word "the the"');
    expect(problems('en', 'k', 'Bit reads 93 % of them')).toContain('space before %');
    expect(problems('en', 'k', 'Epoch {n}')).toContain('leftover {n}');
    expect(problems('zh-CN', 'k', '用 gradient 下山')).toContain('Latin "gradient" in a Chinese sentence');
    expect(problems('zh-CN', 'k', '第3章')).toContain('a number touching Chinese text with no space');
    expect(problems('zh-CN', 'k', '加载中…')).toContain('an ellipsis other than ……');
    expect(problems('zh-CN', 'k', '试试 XOR 和 sigmoid，第 3 章，加载中……')).toEqual([]);
  });
});

describe('chapter 2 tiles in words', () => {
  it('a negated comparison is not 不 glued to a number sentence', async () => {
    await loadChapterText(2);
    const tr = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key as MessageKey, params);
    const humid = { labelKey: 'ch2.tile.humidity', op: '>', threshold: 70 };
    expect(tileWords(tr, { ...humid, not: false })).toBe('湿度 > 70%');
    expect(tileWords(tr, { ...humid, not: true })).toBe('不是“湿度 > 70%”');
    expect(tileWords(tr, { labelKey: 'ch2.tile.windy', not: true })).toBe('不刮风');
  });
});
