// The game's message catalogue. English is the reference catalogue: its keys are the type of
// every key, so a missing or misspelled key is a compile error, and a unit test checks that
// zh-CN has exactly the same keys. `{name}` placeholders are filled from `params`.
import shellEn from './locales/en.json';
import shellZh from './locales/zh-CN.json';
import type ch2En from './locales/ch2.en.json';
import type ch3En from './locales/ch3.en.json';
import type ch4En from './locales/ch4.en.json';
import type ch5En from './locales/ch5.en.json';
import type ch6En from './locales/ch6.en.json';

// One catalogue per language: the shell's file is loaded up front; each chapter's own file
// (locales/chN.<locale>.json) is added by loadChapterText() when the chapter first opens, so the
// first download carries only the text of the title, the map and chapter 1.
type Catalogue = typeof shellEn & typeof ch2En & typeof ch3En & typeof ch4En & typeof ch5En & typeof ch6En;

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof Catalogue;
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

// The casts are checked by tests/unit/app/i18n.test.ts (same key set, same placeholders).
const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en: { ...shellEn } as Record<MessageKey, string>,
  'zh-CN': { ...shellZh } as Record<MessageKey, string>,
};

// Every chapter's own text files, found by name (locales/chN.<locale>.json): a new chapter's
// files are picked up without touching this list. Each loads when its chapter first opens.
const CHAPTER_FILES = import.meta.glob<{ default: Record<string, string> }>('./locales/ch[0-9].*.json');

function chapterTextLoader(chapter: number): (() => Promise<Record<Locale, Record<string, string>>>) | undefined {
  const files = LOCALES.map((locale) => CHAPTER_FILES[`./locales/ch${chapter}.${locale}.json`]);
  if (files.some((f) => !f)) return undefined;
  return () =>
    Promise.all(files.map((f) => f())).then(
      (texts) =>
        Object.fromEntries(LOCALES.map((locale, i) => [locale, texts[i].default])) as Record<
          Locale,
          Record<string, string>
        >,
    );
}

/** Adds a chapter's text to the catalogues (a no-op for chapters whose text is in the shell). */
export async function loadChapterText(chapter: number): Promise<void> {
  const load = chapterTextLoader(chapter);
  if (!load) return;
  const text = await load();
  for (const locale of LOCALES) Object.assign(catalogues[locale], text[locale]);
}

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A whole number with commas between groups of three digits (12,345,678), the same in both
 * languages; by hand, because a first toLocaleString costs a slow machine's page tens of ms.
 */
export function thousands(n: number): string {
  const [whole, rest] = String(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${rest === undefined ? '' : `.${rest}`}`;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.en;
}

export const CHAPTERS_WITH_OWN_TEXT = [
  ...new Set(Object.keys(CHAPTER_FILES).map((path) => Number(/ch(\d)\./.exec(path)?.[1]))),
].sort();

/** The default language follows the browser: any zh* preference picks Chinese. */
export function detectLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export function catalogue(locale: Locale): Readonly<Record<MessageKey, string>> {
  return catalogues[locale];
}
