// Test helper: the repo's own seeds (never ../shared), loaded the way the app loads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TensionRules } from './index';
import { loadTensionRules } from './validate';

export const SEEDS_DIR = join(__dirname, '../../../seeds/tension');

export function seedFiles(): Array<{ file: string; seed: unknown }> {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, seed: JSON.parse(readFileSync(join(SEEDS_DIR, file), 'utf8')) as unknown }));
}

export function seedRules(): TensionRules {
  return loadTensionRules(seedFiles().map((s) => s.seed));
}
