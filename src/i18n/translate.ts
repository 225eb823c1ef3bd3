// UI strings are looked up by key; a missing key in the agent's locale falls back to English, and a key
// missing everywhere shows the key itself rather than nothing.
export type Strings = Readonly<Record<string, string>>;
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** Locales to try for an agent locale, most specific first: "pt-BR" → pt-BR, pt; always ending in en. */
export function localeChain(locale: string | null | undefined): string[] {
  const chain: string[] = [];
  if (locale) {
    const [lang, region] = locale.replace('_', '-').split('-');
    if (lang && region) chain.push(`${lang.toLowerCase()}-${region.toUpperCase()}`);
    if (lang) chain.push(lang.toLowerCase());
  }
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

export function createTranslate(tables: readonly Strings[]): Translate {
  return (key, vars) => {
    let text: string | undefined;
    for (const table of tables) {
      text = table[key];
      if (text !== undefined) break;
    }
    if (text === undefined) return key;
    if (!vars) return text;
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
