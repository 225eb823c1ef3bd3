// The draft checker: escalating phrases and reply structure. Pure: rules come in as arguments.
export { checkDraft, loadPhraseRules } from './check';
export type { DraftVerdict, ElementHit, Flag, PhraseRules, Tension } from './check';
export { CATEGORIES, ELEMENTS, SEVERITIES, phraseSeedSchema, customPhraseSchema, phraseSettingsSchema } from './schema';
export type { Category, CustomPhrase, ElementId, ElementRule, FlagRule, PhraseSeed, Severity } from './schema';
