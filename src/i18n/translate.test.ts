import { describe, expect, test } from 'vitest';
import { createTranslate, localeChain } from './translate';

describe('localeChain', () => {
  test.each([
    ['pt-BR', ['pt-BR', 'pt', 'en']],
    ['pt_br', ['pt-BR', 'pt', 'en']],
    ['ja', ['ja', 'en']],
    ['en-US', ['en-US', 'en']],
    [null, ['en']],
  ])('%s', (locale, chain) => {
    expect(localeChain(locale)).toEqual(chain);
  });
});

describe('createTranslate', () => {
  const t = createTranslate([{ hello: 'Hola {{name}}' }, { hello: 'Hello {{name}}', bye: 'Bye' }]);
  test('uses the first table that has the key, then falls back', () => {
    expect(t('hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(t('bye')).toBe('Bye');
  });
  test('a missing key shows the key, never an empty string', () => {
    expect(t('missing.key')).toBe('missing.key');
  });
  test('unknown placeholders are left visible', () => {
    expect(t('hello', {})).toBe('Hola {{name}}');
  });
});
