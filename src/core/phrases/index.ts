// Runtime face (no zod, so the sidebar ships no validator); validation is ./validate.ts.
// The draft checker: escalating phrases and reply structure. Pure: rules come in as arguments.
export { checkDraft, compilePhraseRules } from './check';
export type { DraftVerdict, ElementHit, Flag, PhraseRules, Tension } from './check';
export { CATEGORIES, ELEMENTS, SEVERITIES, type Category, type ElementId, type Severity } from './vocabulary';
export type { CustomPhrase, ElementRule, FlagRule, PhraseSeed } from './schema';
