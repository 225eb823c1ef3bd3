import { describe, expect, test } from 'vitest';
import { uiLocaleFor } from './locales';

describe('uiLocaleFor', () => {
  test.each([
    ['es-419', 'es'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['fr-CA', 'fr'],
    ['ja', 'ja'],
    ['de-AT', 'de'],
    ['en-GB', 'en'],
    ['nl', 'en'],
    [null, 'en'],
  ])('%s → %s', (locale, ui) => {
    expect(uiLocaleFor(locale)).toBe(ui);
  });
});
