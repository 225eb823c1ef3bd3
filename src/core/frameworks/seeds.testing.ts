// Test helper: the shipped framework seeds, loaded the way the composition root loads them.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Framework } from './index';
import { loadFrameworks } from './validate';

export const SEED_DIR = fileURLToPath(new URL('../../../seeds/frameworks/', import.meta.url));
export const seedFiles = (): string[] => readdirSync(SEED_DIR).filter((f) => f.endsWith('.json')).sort();
export const seed = (file: string): unknown => JSON.parse(readFileSync(SEED_DIR + file, 'utf8')) as unknown;

let cached: Framework[] | undefined;
export const builtIns = (): Framework[] => (cached ??= loadFrameworks(seedFiles().map(seed)));
export const UI_LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'] as const;
