// The words of the replays, compare and sharing screens (locales/replays.<locale>.json, the same
// keys in both), plus chapter text (fact and series names) through the game's catalogue.
import { isMessageKey, translate, type Locale, type Params } from '../../i18n/i18n';
import en from '../../i18n/locales/replays.en.json';
import zh from '../../i18n/locales/replays.zh-CN.json';

export type ReplaysKey = keyof typeof en;
const TEXT: Record<Locale, Record<ReplaysKey, string>> = { en, 'zh-CN': zh };

const fill = (template: string, params: Params = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

export interface ReplaysText {
  (key: ReplaysKey, params?: Params): string;
  /** Text whose key comes from data (a chapter's compare facts): the key itself when unknown. */
  data(key: string, params?: Params): string;
  /** A date and time in the player's language, e.g. "1 Dec, 14:22". */
  date(iso: string): string;
  locale: Locale;
}

/** A count of one takes the key's `.one` form where there is one ("1 epoch", not "1 epochs"). */
function oneOf(key: string, params: Params | undefined, exists: (k: string) => boolean): string {
  return params?.n === 1 && exists(`${key}.one`) ? `${key}.one` : key;
}

export function replaysText(locale: Locale): ReplaysText {
  const t = ((key: ReplaysKey, params?: Params) => {
    const k = oneOf(key, params, (x) => x in TEXT.en) as ReplaysKey;
    return fill(TEXT[locale][k] ?? TEXT.en[k] ?? k, params);
  }) as ReplaysText;
  // A fact's params may themselves be text keys (a fruit, a seller's side): those are translated.
  t.data = (data, params) => {
    const key = oneOf(data, params, isMessageKey);
    if (!isMessageKey(key)) return key;
    const words: Params = {};
    for (const [k, v] of Object.entries(params ?? {}))
      words[k] = typeof v === 'string' && isMessageKey(v) ? translate(locale, v) : v;
    return translate(locale, key, words);
  };
  t.date = (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso.slice(0, 40);
    return new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  };
  t.locale = locale;
  return t;
}

/** "★★☆" plus the words: stars are never told by the picture alone. */
export function starLine(t: ReplaysText, n: number): string {
  const k = Math.max(0, Math.min(3, n));
  return `${'★'.repeat(k)}${'☆'.repeat(3 - k)} ${t('replays.stars', { n: k })}`;
}

/** A reason written to follow a colon ("it is damaged."), shown on its own as a sentence. */
export function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where two series part: step k, or from the start when they differ at step 0. */
export function partText(t: ReplaysText, k: number): string {
  return k === 0 ? t('compare.partAtStart') : t('compare.part', { k });
}

/** The class link's lead ("A class puzzle from this step.") and what it does. */
export function presetLine(t: ReplaysText, chapter: number, k: number): [string, string] {
  return [t('watch.presetLead', { title: t('watch.presetTitle') }), t('watch.presetText', { n: chapter, k })];
}
