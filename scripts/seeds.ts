// Reads seed files for scripts and CLIs (the app imports them in src/main.tsx).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url));

/** Every seeds/<kind>/*.json, parsed, in file-name order. */
export function readSeeds(kind: 'tension' | 'phrases' | 'frameworks' | 'tickets'): unknown[] {
  const dir = join(SEEDS_DIR, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}
