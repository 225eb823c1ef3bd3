// The validating face (zod): seeds and admins' phrase rules, for tests, CLIs and the settings chunk.
export { loadPhraseRules } from './load';
export { phraseSeedSchema, customPhraseSchema, phraseSettingsSchema } from './schema';
