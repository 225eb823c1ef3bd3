import { compilePhraseRules, type PhraseRules } from './check';
import { customPhraseSchema, parseOrThrow, phraseSeedSchema, phraseSettingsSchema } from './schema';

/**
 * Validates seed files (`{"rules": [...]}`) and admin settings, then compiles them.
 * Throws one line per problem, e.g. `seeds[0].rules[3].category: must be one of …`.
 */
export function loadPhraseRules(seeds: unknown[], extra: { add?: unknown[]; disable?: string[] } = {}): PhraseRules {
  const parsed = seeds.map((seed, i) => parseOrThrow(phraseSeedSchema, seed, `seeds[${i}]`));
  const settings = parseOrThrow(phraseSettingsSchema, extra, 'settings');
  const add = (settings.add ?? []).map((raw, i) => parseOrThrow(customPhraseSchema, raw, `settings.add[${i}]`));
  return compilePhraseRules(parsed, { add, disable: settings.disable ?? [] });
}
