// Locale choice with explicit fallback, and the few words the core writes itself (greetings, feelings,
// time windows). Everything else a reply says lives in the framework seeds.

export type LocaleText = Record<string, string>;

/** The best key for `locale`: exact, then the base language (pt-BR → pt), then a sibling (pt → pt-BR), then en, then any. */
export function pickLocale(keys: readonly string[], locale: string): string | undefined {
  const want = locale.toLowerCase();
  const base = want.split('-')[0];
  const low = keys.map((k) => k.toLowerCase());
  const at =
    [low.indexOf(want), low.indexOf(base!), low.findIndex((k) => k.split('-')[0] === base), low.indexOf('en')].find((i) => i >= 0) ?? 0;
  return keys[at];
}

/** The text for `locale` from a per-locale record, with the same fallback. */
export function localized(text: LocaleText, locale: string): string {
  return text[pickLocale(Object.keys(text), locale) ?? ''] ?? '';
}

export const FEELINGS = ['frustrating', 'disappointing', 'urgent', 'stressful', 'inconvenient'] as const;
export type Feeling = (typeof FEELINGS)[number];

interface Words {
  /** Greeting with a name ({n}), and without one: never "Hi ,". */
  hi: string;
  hello: string;
  /** Stands in for a missing first name after a greeting word ("Hi there", "お客様"); empty where none fits. */
  you: string;
  /** Opening and closing quote marks for the customer's own words. */
  q: [string, string];
  /** Feelings in FEELINGS order, each fitting "how … this is" in the locale's bodies. */
  feel: string[];
  /** Time windows: today by {t}, tomorrow by {t}, within 24 hours, by {d} (a weekday). */
  time: [string, string, string, string];
}

export const WORDS: Record<string, Words> = {
  en: {
    hi: 'Hi {n},', hello: 'Hello,', you: 'there', q: ['“', '”'],
    feel: ['frustrating', 'disappointing', 'urgent', 'stressful', 'inconvenient'],
    time: ['today by {t}', 'tomorrow by {t}', 'within 24 hours', 'by {d}'],
  },
  es: {
    hi: 'Hola, {n}:', hello: 'Hola:', you: '', q: ['«', '»'],
    feel: ['frustrante', 'decepcionante', 'urgente', 'estresante', 'molesto'],
    time: ['hoy antes de las {t}', 'mañana antes de las {t}', 'en las próximas 24 horas', 'a más tardar el {d}'],
  },
  fr: {
    hi: 'Bonjour {n},', hello: 'Bonjour,', you: '', q: ['«\u00a0', '\u00a0»'],
    feel: ['frustrant', 'décevant', 'urgent', 'stressant', 'gênant'],
    time: ["aujourd'hui avant {t}", 'demain avant {t}', 'dans les 24 heures', "d'ici {d}"],
  },
  de: {
    hi: 'Hallo {n},', hello: 'Guten Tag,', you: '', q: ['„', '“'],
    feel: ['frustrierend', 'enttäuschend', 'dringend', 'belastend', 'ärgerlich'],
    time: ['heute bis {t}', 'morgen bis {t}', 'innerhalb von 24 Stunden', 'bis {d}'],
  },
  'pt-BR': {
    hi: 'Olá, {n},', hello: 'Olá,', you: '', q: ['“', '”'],
    feel: ['frustrante', 'decepcionante', 'urgente', 'estressante', 'incômodo'],
    time: ['hoje até as {t}', 'amanhã até as {t}', 'em até 24 horas', 'até {d}'],
  },
  ja: {
    hi: '{n}様', hello: 'お客様', you: 'お客', q: ['「', '」'],
    feel: ['もどかしい', '残念な', 'お急ぎの', 'ご不安な', 'お困りの'],
    time: ['本日{t}まで', '明日{t}まで', '24時間以内', '{d}まで'],
  },
};

export function wordsFor(locale: string): Words {
  return WORDS[pickLocale(Object.keys(WORDS), locale) ?? 'en']!;
}

/** A locale Intl accepts: the given one, else English. */
export function intlLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
