// The game's message catalogue. English is the reference catalogue: its keys are the type of
// every key, so a missing or misspelled key is a compile error, and a unit test checks that
// zh-CN has exactly the same keys. `{name}` placeholders are filled from `params`.
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

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
