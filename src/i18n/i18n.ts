// The game's message catalogue. English is the reference catalogue: its keys are the type of
// every key, so a missing or misspelled key is a compile error, and a unit test checks that
// zh-CN has exactly the same keys. `{name}` placeholders are filled from `params`.
import shellEn from './locales/en.json';
import shellZh from './locales/zh-CN.json';
import ch2En from './locales/ch2.en.json';
import ch2Zh from './locales/ch2.zh-CN.json';
import ch3En from './locales/ch3.en.json';
import ch3Zh from './locales/ch3.zh-CN.json';

// One catalogue per language, assembled from the shell's file and one file per chapter, so each
// chapter's text lives beside the others but can be edited on its own.
const en = { ...shellEn, ...ch2En, ...ch3En };
const zhCN = { ...shellZh, ...ch2Zh, ...ch3Zh };

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof en;
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en,
  // The cast is checked by tests/unit/i18n.test.ts (same key set, same placeholders).
  'zh-CN': zhCN as Record<MessageKey, string>,
};

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.en;
}

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
