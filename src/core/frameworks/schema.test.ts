import { describe, expect, test } from 'vitest';
import { didYouMean, type Framework } from './index';
import { loadFrameworks, parseFramework, withCustomFrameworks } from './validate';
import { builtIns, seed, seedFiles, UI_LOCALES } from './seeds.testing';

const minimal = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'custom-thanks',
  version: 1,
  name: { en: 'Thanks' },
  body: { en: '{{greeting}}\n\nThanks — {{note}}.\n\n{{agentName}}' },
  provides: ['acknowledgment'],
  slots: [{ id: 'note', type: 'text', required: true }],
  ...over,
});

describe('rejects, with the field and a fix', () => {
  test.each<[string, unknown, string[]]>([
    ['not an object', 'options', [': expected object, got "options"']],
    ['bad id', minimal({ id: 'My Framework' }), ['id: framework ids are lower-case words joined by "-", e.g. "reflect-and-verify"']],
    ['version zero', minimal({ version: 0 }), ['version: must be at least 1']],
    ['unknown element', minimal({ provides: ['ownr'] }), ['provides[0]: "ownr" is not one of "acknowledgment", "next-step", "owner", "time-window", "choice", "follow-up" — did you mean "owner"?']],
    ['misspelt key', minimal({ provids: [] }), [': unknown key "provids" — did you mean "provides"?']],
    ['unknown slot type', minimal({ slots: [{ id: 'note', type: 'free-text' }] }), ['slots[0].type: "free-text" is not one of "owner", "time-window", "options", "facts-checked", "text" — did you mean "text"?']],
    ['bad locale key', minimal({ name: { English: 'Thanks' } }), ['name.English: locale keys look like "en", "pt-BR" or "ja"']],
    ['empty body', minimal({ body: {} }), ['body: give at least one language, e.g. {"en": "…"}']],
    ['unknown placeholder', minimal({ body: { en: 'Hi {{frstName}}, {{note}}' } }), ['body.en: unknown placeholder "{{frstName}}" — did you mean "firstName"?']],
    ['unclosed section', minimal({ body: { en: '{{#mirror}}You wrote {{mirror}}. {{note}}' } }), ['body.en: "{{#mirror}}" is never closed — add "{{/mirror}}"']],
    ['duplicate slot', minimal({ slots: [{ id: 'note', type: 'text' }, { id: 'note', type: 'text' }] }), ['slots[1].id: "note" is used by another slot — slot ids must be unique']],
    ['slot named like a variable', minimal({ slots: [{ id: 'note', type: 'text' }, { id: 'mirror', type: 'text' }] }), ['slots[1].id: "mirror" is a ticket variable — name the slot something else']],
    ['options min above max', minimal({ slots: [{ id: 'note', type: 'options', min: 3, max: 2 }] }), ['slots[0]: min (3) is above max (2)']],
    ['bad trigger level', minimal({ suggestWhen: [{ levels: ['hot'], why: 'x' }] }), ['suggestWhen[0].levels[0]: "hot" is not one of "calm", "tense", "heated", "not-assessed"']],
    ['trigger without why', minimal({ suggestWhen: [{ reasons: ['urgency'] }] }), ['suggestWhen[0].why: expected string, got nothing']],
  ])('%s', (_, raw, expected) => {
    const parsed = parseFramework(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });

  test('paths start where the admin setting puts the framework', () => {
    const parsed = parseFramework(minimal({ version: 'one' }), 'custom_frameworks[2]');
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ path: 'custom_frameworks[2].version', message: 'expected number, got "one"' }]);
  });
});

describe('accepts', () => {
  test.each<[string, unknown]>([
    ['a minimal framework', minimal()],
    ['a why given as a translation key', minimal({ suggestWhen: [{ levels: ['heated'], why: 'frameworks.why.heated' }] })],
    ['a body in one language only', minimal({ name: { de: 'Danke' }, body: { de: 'Hallo, {{note}}' } })],
    ['nested sections', minimal({ body: { en: '{{#mirror}}{{#feeling}}{{mirror}}{{/feeling}}{{/mirror}} {{note}}' } })],
    ['no slots and no triggers', { id: 'plain', version: 3, name: { en: 'Plain' }, body: { en: 'Hello.' }, provides: [] }],
  ])('%s', (_, raw) => {
    const parsed = parseFramework(raw);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});

describe('the shipped seeds', () => {
  test.each(seedFiles())('%s parses with the admin schema and is named for its id', (file) => {
    const parsed = parseFramework(seed(file), file);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (parsed.ok) expect(`${parsed.value.id}.json`).toBe(file);
  });

  test('are the six built-ins', () => {
    expect(builtIns().map((f) => f.id).sort()).toEqual(
      ['acknowledge-align-assure', 'apology-with-goodwill', 'escalation-handoff', 'follow-up', 'options', 'reflect-and-verify'],
    );
  });

  test.each(UI_LOCALES)('speak %s everywhere a person reads them', (locale) => {
    for (const fw of builtIns()) {
      const texts = [fw.name, fw.body, ...fw.suggestWhen.map((t) => t.why), ...fw.slots.flatMap((s) => [s.label, s.hint])];
      for (const text of texts) if (text !== undefined) expect(typeof text === 'string' ? locale : Object.keys(text), fw.id).toContain(locale);
    }
  });

  test('each says when to suggest it, and what it provides', () => {
    for (const fw of builtIns()) {
      expect(fw.suggestWhen.length, fw.id).toBeGreaterThan(0);
      expect(fw.provides.length, fw.id).toBeGreaterThan(0);
    }
  });
});

describe('loading', () => {
  test('a broken built-in throws with every problem', () => {
    expect(() => loadFrameworks([minimal(), minimal({ version: 0, provides: ['x'] })])).toThrowErrorMatchingInlineSnapshot(`
      [Error: bad framework seeds:
      seeds[1].version: must be at least 1
      seeds[1].provides[0]: "x" is not one of "acknowledgment", "next-step", "owner", "time-window", "choice", "follow-up"]
    `);
  });

  test('a duplicate id throws', () => {
    expect(() => loadFrameworks([minimal(), minimal()])).toThrow('seeds[1].id: "custom-thanks" is used twice');
  });

  test('custom frameworks replace a built-in of the same id, add new ones, and skip broken ones', () => {
    const base = builtIns();
    const reworded = { ...(seed('options.json') as Framework), version: 2 };
    const { frameworks, problems } = withCustomFrameworks(base, [reworded, minimal(), minimal({ id: 'Bad' }), minimal()]);
    expect(frameworks.map((f) => f.id)).toEqual([...base.map((f) => f.id), 'custom-thanks']);
    expect(frameworks.find((f) => f.id === 'options')?.version).toBe(2);
    expect(problems.map((p) => p.path)).toEqual(['custom_frameworks[2].id', 'custom_frameworks[3].id']);
  });
});

describe('did you mean', () => {
  test.each([
    ['optons', ['options', 'follow-up'], 'options'],
    ['Follow-Up', ['options', 'follow-up'], 'follow-up'],
    ['reflect-and-verfy', ['reflect-and-verify'], 'reflect-and-verify'],
    ['free-text', ['owner', 'text'], 'text'],
  ])('%s → %s', (value, candidates, expected) => expect(didYouMean(value, candidates)).toBe(expected));

  test.each([
    ['x', ['id']],
    ['refund', ['options', 'follow-up']],
    ['opt', ['options']],
    ['', ['id']],
  ])('%s → nothing', (value, candidates) => expect(didYouMean(value, candidates)).toBeNull());
});
