// Test helper: the shipped seeds, loaded the way the composition root will load them.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PhraseRules } from './index';
import { loadPhraseRules } from './validate';

export const SEED_DIR = fileURLToPath(new URL('../../../seeds/phrases/', import.meta.url));
export const seedFiles = (): string[] => readdirSync(SEED_DIR).filter((f) => f.endsWith('.json')).sort();
export const seeds = (): unknown[] => seedFiles().map((f) => JSON.parse(readFileSync(SEED_DIR + f, 'utf8')) as unknown);

let cached: PhraseRules | undefined;
export const shippedRules = (): PhraseRules => (cached ??= loadPhraseRules(seeds()));
