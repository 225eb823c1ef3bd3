import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from './index';

describe('reads', () => {
  test.each([
    ['nothing set gives the defaults', {}, DEFAULT_SETTINGS],
    ['empty strings are "not set"', { draft_gate: '', tension_thresholds: '  ', phrase_rules: '' }, DEFAULT_SETTINGS],
    ['draft gate, any case', { draft_gate: 'BLOCK' }, { ...DEFAULT_SETTINGS, draftGate: 'block' }],
    ['tag prefix', { tag_prefix: 'qa_' }, { ...DEFAULT_SETTINGS, tagPrefix: 'qa_' }],
    ['thresholds from a JSON string', { tension_thresholds: '{"tense": 30, "heated": 70}' }, { ...DEFAULT_SETTINGS, thresholds: { tense: 30, heated: 70 } }],
    ['phrase rules from a JSON string', { phrase_rules: '{"disable": ["canned.inconvenience"], "add": [{"phrase": "per policy", "category": "policy-wall"}]}' },
      { ...DEFAULT_SETTINGS, phraseRules: { disable: ['canned.inconvenience'], add: [{ phrase: 'per policy', category: 'policy-wall' }] } }],
    ['JSON parameters already parsed by the host', { custom_frameworks: [{ id: 'x' }] }, { ...DEFAULT_SETTINGS, customFrameworks: [{ id: 'x' }] }],
  ])('%s', (_name, raw, expected) => {
    expect(readSettings(raw)).toEqual({ settings: expected, problems: [] });
  });
});

describe('does not accept, and says where and why (defaults stay in force)', () => {
  test.each([
    ['a misspelt gate', { draft_gate: 'blok' }, [{ path: 'draft_gate', message: 'must be one of off, warn, block (got "blok") — did you mean "block"?; using "warn"' }]],
    ['a prefix Zendesk tags cannot hold', { tag_prefix: 'Defuse QA' }, [{ path: 'tag_prefix', message: 'the tag prefix "Defuse QA" may only use lower-case letters, digits and "_" (and not start with "_"), e.g. "defuse_". Using "defuse_".' }]],
    ['broken JSON', { tension_thresholds: '{tense: 30}' }, [{ path: 'tension_thresholds', message: expect.stringMatching(/^not valid JSON \(.+\) — check quotes and commas; the default is used$/) }]],
    ['thresholds out of range', { tension_thresholds: '{"tense": 0, "heated": 70}' }, [{ path: 'tension_thresholds.tense', message: 'must be at least 1' }]],
    ['thresholds in the wrong order', { tension_thresholds: '{"tense": 70, "heated": 30}' }, [{ path: 'tension_thresholds', message: '"tense" (70) must be below "heated" (30)' }]],
    ['an unknown key in phrase rules', { phrase_rules: '{"remove": []}' }, [{ path: 'phrase_rules', message: 'unknown key "remove" — remove or rename it' }]],
    ['disable ids that are not strings', { phrase_rules: '{"disable": [3]}' }, [{ path: 'phrase_rules.disable[0]', message: 'expected string' }]],
    ['custom frameworks not a list', { custom_frameworks: '{"id": "x"}' }, [{ path: 'custom_frameworks', message: 'expected a JSON array of frameworks ([ {...}, {...} ])' }]],
    ['a misspelt setting name', { draft_gates: 'warn' }, [{ path: 'draft_gates', message: 'unknown setting — did you mean "draft_gate"?' }]],
  ])('%s', (_name, raw, problems) => {
    const r = readSettings(raw);
    expect(r.problems).toEqual(problems);
    expect(r.settings.draftGate).toBe('warn');
    expect(r.settings.thresholds).toBeNull();
  });

  test('one broken setting leaves the others in force', () => {
    const r = readSettings({ draft_gate: 'block', tension_thresholds: 'nope' });
    expect(r.settings.draftGate).toBe('block');
    expect(r.problems.map((p) => p.path)).toEqual(['tension_thresholds']);
  });
});

describe('the sidebar’s built-in defaults', () => {
  test('match the settings defaults, so an untouched install needs no validation code', async () => {
    const { DEFAULTS, isDefault } = await import('../../state/config-model');
    expect(DEFAULTS).toEqual(DEFAULT_SETTINGS);
    expect(isDefault({ draft_gate: 'warn', tag_prefix: 'defuse_', phrase_rules: '', custom_frameworks: '  ' })).toBe(true);
    expect(isDefault({ draft_gate: 'block' })).toBe(false);
    expect(isDefault({ phrase_rules: '{}' })).toBe(false);
  });
});
