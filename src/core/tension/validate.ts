// The validating face (zod): seed files for tests, CLIs and scripts.
export { loadTensionRules } from './load';
export { TensionSeedSchema, TensionRuleSchema } from './schema';
