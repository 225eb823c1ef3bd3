// The draft checker: escalating phrases and reply structure. Pure: rules come in as arguments.
export { checkDraft, compilePhraseRules } from './check';
export { loadPhraseRules } from './load';
export type { DraftVerdict, ElementHit, Flag, PhraseRules, Tension } from './check';
export { CATEGORIES, ELEMENTS, SEVERITIES, type Category, type ElementId, type Severity } from './vocabulary';
export { phraseSeedSchema, customPhraseSchema, phraseSettingsSchema } from './schema';
export type { CustomPhrase, ElementRule, FlagRule, PhraseSeed } from './schema';
