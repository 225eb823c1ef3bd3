import { describe, expect, test } from 'vitest';
import { allowedFrameworks, parseFrameworksPolicy } from './index';
import { builtIns } from './seeds.testing';

const KNOWN = ['reflect-and-verify', 'options', 'follow-up', 'acknowledge-align-assure', 'apology-with-goodwill', 'escalation-handoff'];
const problems = (raw: unknown) => parseFrameworksPolicy(raw, KNOWN).problems.map((p) => `${p.path}: ${p.message}`);

describe('reports', () => {
  test.each<[string, unknown, string[]]>([
    ['a misspelt id', { brands: { acme: { allowed: ['options', 'follow-up', 'optons'] } } }, ['brands.acme.allowed[2]: unknown framework "optons" — did you mean "options"?']],
    ['an id nothing like one', { brands: { acme: { allowed: ['refunds'] } } }, ['brands.acme.allowed[0]: unknown framework "refunds" — known: reflect-and-verify, options, follow-up, acknowledge-align-assure, apology-with-goodwill, escalation-handoff']],
    ['a default outside allowed', { brands: { acme: { allowed: ['options'], default: 'follow-up' } } }, ['brands.acme.default: "follow-up" is not in allowed — add it there or pick one of options']],
    ['a misspelt default', { fallback: { allowed: '*', default: 'folow-up' } }, ['fallback.default: unknown framework "folow-up" — did you mean "follow-up"?']],
    ['a brand name with spaces', { brands: { 'Acme Inc': { allowed: ['optons'] } } }, ['brands["Acme Inc"].allowed[0]: unknown framework "optons" — did you mean "options"?']],
    ['a misspelt key', { brand: {} }, ['brand: unknown key — did you mean "brands"?']],
    ['a misspelt rule key', { fallback: { alowed: ['options'] } }, ['fallback.alowed: unknown key — did you mean "allowed"?']],
    ['allowed that is not a list', { fallback: { allowed: 'options' } }, ['fallback.allowed: expected a list of framework ids, e.g. ["options", "follow-up"], or "*" for all; all frameworks are allowed']],
    ['a number for an id', { brands: { acme: { allowed: [3] } } }, ['brands.acme.allowed[0]: expected a framework id (a string), got 3']],
    ['a brand that is not an object', { brands: { acme: ['options'] } }, ['brands.acme: expected an object like {"allowed": ["options"], "default": "options"}; all frameworks are allowed']],
    ['brands that are not an object', { brands: [] }, ['brands: expected an object keyed by brand id or name, e.g. {"acme": {"allowed": ["options"]}}']],
    ['broken JSON', '{"brands": ', [': not valid JSON (Unexpected end of JSON input); all frameworks are allowed']],
    ['not an object', 42, [': expected an object like {"brands": {"acme": {"allowed": ["options"]}}, "fallback": {"allowed": "*"}}; all frameworks are allowed']],
  ])('%s', (_, raw, expected) => expect(problems(raw)).toEqual(expected));
});

describe('accepts without problems', () => {
  test.each<[string, unknown]>([
    ['nothing', null],
    ['an empty string', ' '],
    ['an empty object', {}],
    ['the JSON string Zendesk hands over', '{"brands": {"acme": {"allowed": ["options"], "default": "options"}}}'],
    ['"*" for a brand', { brands: { acme: { allowed: '*', default: 'options' } } }],
    ['an explicitly empty list', { brands: { acme: { allowed: [] } } }],
    ['a duplicate id', { fallback: { allowed: ['options', 'options'] } }],
  ])('%s', (_, raw) => expect(problems(raw)).toEqual([]));
});

describe('allows per brand', () => {
  const all = builtIns();
  const { policy } = parseFrameworksPolicy(
    {
      brands: {
        '360001': { allowed: ['options', 'follow-up'], default: 'follow-up' },
        'Globex Support': { allowed: ['escalation-handoff', 'optons'] },
        typo: { allowed: ['optons'] },
        none: { allowed: [] },
      },
      fallback: { allowed: ['reflect-and-verify', 'options'], default: 'options' },
    },
    KNOWN,
  );
  const pick = (brand: { id: string; name: string } | null) => {
    const r = allowedFrameworks(all, policy, brand);
    return [r.frameworks.map((f) => f.id).sort(), r.defaultId];
  };
  test.each<[string, { id: string; name: string } | null, [string[], string | null]]>([
    ['by brand id', { id: '360001', name: 'Acme' }, [['follow-up', 'options'], 'follow-up']],
    ['by brand name, any case', { id: '9', name: 'globex support' }, [['escalation-handoff'], null]],
    ['an unlisted brand gets the fallback', { id: '7', name: 'Initech' }, [['options', 'reflect-and-verify'], 'options']],
    ['no brand gets the fallback', null, [['options', 'reflect-and-verify'], 'options']],
    ['a list of only typos allows all', { id: 'typo', name: 'x' }, [[...KNOWN].sort(), null]],
    ['an empty list allows none', { id: 'none', name: 'x' }, [[], null]],
    ['a brand id like "constructor" is just a brand', { id: 'constructor', name: '__proto__' }, [['options', 'reflect-and-verify'], 'options']],
  ])('%s', (_, brand, expected) => expect(pick(brand)).toEqual(expected));

  test('with no policy, every framework', () => {
    const { policy: open } = parseFrameworksPolicy(undefined, KNOWN);
    expect(allowedFrameworks(all, open, { id: '1', name: 'Acme' })).toEqual({ frameworks: all, defaultId: null });
  });
});
