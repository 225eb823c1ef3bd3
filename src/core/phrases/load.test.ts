import { describe, expect, test } from 'vitest';
import { CATEGORIES, checkDraft } from './index';
import { loadPhraseRules, phraseSeedSchema } from './validate';
import { seedFiles, seeds } from './seeds.testing';

describe('seeds', () => {
  test.each(seedFiles())('%s parses with the app schema', (file) => {
    const seed = seeds()[seedFiles().indexOf(file)];
    expect(phraseSeedSchema.safeParse(seed).success).toBe(true);
  });

  test('every flag category has at least one rule, and ids are unique', () => {
    const rules = loadPhraseRules(seeds()).rules;
    expect(new Set(rules.map((r) => r.category).filter(Boolean))).toEqual(new Set(CATEGORIES));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
});

const minimal = { rules: [{ id: 'x.one', category: 'dismissive', patterns: ['calm down'], suggestions: ['…'], why: 'w', severity: 'hint' }] };

describe('admin settings', () => {
  test('add: a custom phrase flags with its category and suggestion', () => {
    const rules = loadPhraseRules([minimal], { add: [{ phrase: 'No can do!', category: 'helpless', suggestion: 'Here is what I can do' }] });
    expect(checkDraft('Sorry, no can do.', rules).flags).toMatchObject([
      { ruleId: 'custom.1', category: 'helpless', text: 'no can do', suggestions: ['Here is what I can do'], severity: 'warning' },
    ]);
  });

  test('add: pattern syntax characters in a phrase are literal', () => {
    const rules = loadPhraseRules([minimal], { add: [{ phrase: 'why (not)?', category: 'dismissive' }] });
    expect(checkDraft('why not', rules).flags.map((f) => f.text)).toEqual(['why not']);
  });

  test('disable switches a built-in rule off', () => {
    const rules = loadPhraseRules([minimal], { disable: ['x.one'] });
    expect(checkDraft('calm down', rules).flags).toEqual([]);
  });
});

describe('bad input says where and what', () => {
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as Error).message;
    }
    return 'did not throw';
  };

  test('unknown category', () => {
    const bad = { rules: [{ ...minimal.rules[0], category: 'dismisive' }] };
    expect(error(() => loadPhraseRules([bad]))).toMatchInlineSnapshot(`"seeds[0].rules[0].category: must be one of "policy-wall", "helpless", "dismissive", "blame", "commanding", "repetition", "canned", "over-apology", "condescending", "minimizing", "but-cancel", "idiom", "long-sentence""`);
  });

  test('misspelt key on an element rule', () => {
    const bad = { rules: [{ id: 'e.one', element: 'owner', patern: ['i will'] }] };
    expect(error(() => loadPhraseRules([bad]))).toMatchInlineSnapshot(`
      "seeds[0].rules[0].patterns: expected array
      seeds[0].rules[0]: unknown key "patern" — remove or rename"
    `);
  });

  test('broken pattern', () => {
    const bad = { rules: [{ ...minimal.rules[0], patterns: ['calm (down'] }] };
    expect(error(() => loadPhraseRules([bad]))).toMatchInlineSnapshot(`"rule "x.one" patterns[0]: unbalanced "(" — close the group with ")" in "calm (down""`);
  });

  test('unknown rule to disable', () => {
    expect(error(() => loadPhraseRules([minimal], { disable: ['x.onee'] }))).toMatchInlineSnapshot(`"settings.disable[0]: unknown rule "x.onee" — did you mean "x.one"?"`);
  });

  test('custom phrase without words', () => {
    expect(error(() => loadPhraseRules([minimal], { add: [{ category: 'blame' }] }))).toMatchInlineSnapshot(`"settings.add[0]: give a "phrase" (the words to flag) or "patterns""`);
    expect(error(() => loadPhraseRules([minimal], { add: [{ phrase: 'x', category: 'rude' }] }))).toMatch(/^settings\.add\[0\]\.category: must be one of/);
  });

  test('duplicate ids', () => {
    expect(error(() => loadPhraseRules([minimal, minimal]))).toMatchInlineSnapshot(`"rule "x.one" is defined twice — rule ids must be unique"`);
  });
});
