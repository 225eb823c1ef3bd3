import { localeChain, type Strings } from './translate';

/** UI languages besides English (bundled); each is its own chunk, fetched only for agents who use it. */
const LOADERS: Record<string, () => Promise<{ ui: Strings }>> = {
  es: () => import('../../translations/es.json'),
  fr: () => import('../../translations/fr.json'),
  de: () => import('../../translations/de.json'),
  'pt-BR': () => import('../../translations/pt-BR.json'),
  ja: () => import('../../translations/ja.json'),
};

/** The best UI language for an agent locale ("pt" → pt-BR, "fr-CA" → fr), or "en". */
export function uiLocaleFor(locale: string | null | undefined): string {
  for (const candidate of localeChain(locale)) {
    if (candidate === 'en' || candidate in LOADERS) return candidate;
    const regional = Object.keys(LOADERS).find((k) => k.split('-')[0] === candidate);
    if (regional) return regional;
  }
  return 'en';
}

/** Strings for a UI language, most specific first; English is always the last fallback. */
export async function loadStrings(uiLocale: string, en: Strings): Promise<Strings[]> {
  const load = LOADERS[uiLocale];
  if (!load) return [en];
  try {
    return [(await load()).ui, en];
  } catch {
    return [en]; // a chunk that fails to load leaves the sidebar in English, never empty
  }
}
