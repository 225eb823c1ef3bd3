// Every non-English translation file must mirror en.json's `ui` strings: same keys, same placeholders,
// nothing empty, nothing left as an untranslated English copy, and no marketplace (`app`) strings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const DIR = join(import.meta.dirname, '../../translations');
const readJson = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;

const en = readJson('en.json') as { ui: Record<string, string> };
const enKeys = Object.keys(en.ui);

/** Strings allowed to stay identical to English although longer than 12 characters: `file: [keys]`. */
const IDENTICAL_OK: Record<string, readonly string[]> = {
  '*': ['tension.score'], // "{{score}}/100" is the same in every language
  'fr.json': ['slot.optionN'], // "{{label}}, option {{n}}" is correct French as is
};

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!))].sort();

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'en.json').sort();

test('there are translation files besides en.json', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const data = readJson(file);
  const ui = (data.ui ?? {}) as Record<string, unknown>;

  test('has a ui object', () => {
    expect(typeof data.ui === 'object' && data.ui !== null && !Array.isArray(data.ui)).toBe(true);
  });

  test('has no app key (marketplace strings stay English-only)', () => {
    expect(Object.keys(data)).not.toContain('app');
  });

  test('has exactly the ui keys of en.json', () => {
    const keys = Object.keys(ui);
    expect({ missing: enKeys.filter((k) => !(k in ui)), extra: keys.filter((k) => !(k in en.ui)) }).toEqual({ missing: [], extra: [] });
  });

  test('every value is a non-empty string', () => {
    const bad = Object.entries(ui).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  test('every value has the same {{placeholders}} as English', () => {
    const mismatched = enKeys
      .filter((k) => typeof ui[k] === 'string')
      .filter((k) => placeholders(ui[k] as string).join() !== placeholders(en.ui[k]!).join())
      .map((k) => ({ key: k, en: placeholders(en.ui[k]!), got: placeholders(ui[k] as string) }));
    expect(mismatched).toEqual([]);
  });

  test('no string longer than 12 characters is an untranslated English copy', () => {
    const allowed = new Set([...(IDENTICAL_OK['*'] ?? []), ...(IDENTICAL_OK[file] ?? [])]);
    const copies = enKeys.filter((k) => en.ui[k]!.length > 12 && ui[k] === en.ui[k] && !allowed.has(k));
    expect(copies).toEqual([]);
  });
});
