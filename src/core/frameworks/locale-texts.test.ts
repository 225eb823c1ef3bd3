import { describe, expect, test } from 'vitest';
import { addTexts, onlyLocale, textsFor } from './locale-texts';
import { UI_LOCALES, seed, seedFiles } from './seeds.testing';

const sample = {
  id: 'x',
  name: { en: 'Options', es: 'Opciones' },
  body: { en: 'Hi {{name}}', es: 'Hola {{name}}', ja: 'こんにちは' },
  slots: [{ id: 'a', label: { en: 'Choice', es: 'Opción' } }, { id: 'b' }],
};

describe('per-language texts', () => {
  test.each([
    ['es', ['Opciones', 'Hola {{name}}', 'Opción']],
    ['ja', [null, 'こんにちは', null]],
    ['de', [null, null, null]],
  ] as const)('textsFor %s', (locale, texts) => {
    expect(textsFor(sample, locale)).toEqual(texts);
  });

  test('onlyLocale keeps one language and leaves the original alone', () => {
    expect(onlyLocale(sample, 'en')).toEqual({ id: 'x', name: { en: 'Options' }, body: { en: 'Hi {{name}}' }, slots: [{ id: 'a', label: { en: 'Choice' } }, { id: 'b' }] });
    expect(sample.body.ja).toBe('こんにちは');
  });

  test('English plus each language added back gives every seed framework as written', () => {
    for (const file of seedFiles()) {
      const fw = seed(file) as object;
      const rebuilt = onlyLocale(fw, 'en');
      for (const locale of UI_LOCALES) addTexts(rebuilt, locale, textsFor(fw, locale));
      expect(rebuilt).toEqual(fw);
    }
  });
});
