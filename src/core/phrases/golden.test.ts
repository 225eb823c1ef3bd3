// Golden drafts: realistic agent replies with the flags (category, rule id, matched words) and the
// elements (matched words, or false) we expect. Changing this file is a deliberate commit.
import { describe, expect, test } from 'vitest';
import { checkDraft, type Tension } from './index';
import golden from './golden/drafts.json';
import { shippedRules } from './seeds.testing';

interface Golden { name: string; tension: Tension; text: string; flags: [string, string, string][]; elements: Record<string, string | false> }
const rules = shippedRules();

describe('golden drafts', () => {
  test.each((golden as Golden[]).map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const verdict = checkDraft(g.text, rules, { tension: g.tension });
    expect(verdict.flags.map((f) => [f.category, f.ruleId, f.text])).toEqual(g.flags);
    expect(Object.fromEntries(Object.entries(verdict.elements).map(([k, e]) => [k, e.present ? e.text : false]))).toEqual(g.elements);
  });
});

// Known misses: each documents a gap and starts passing (and so fails here) once fixed.
describe('known misses', () => {
  const flags = (text: string) => checkDraft(text, rules).flags.map((f) => f.category);
  const has = (text: string, element: 'owner' | 'time-window' | 'acknowledgment') => checkDraft(text, rules).elements[element].present;
  test.fails('but-cancel split over two sentences', () => {
    expect(flags("I understand. But that's how it is.")).toContain('but-cancel');
  });
  test.fails('"Unfortunately" is left alone (too common in good replies to flag)', () => {
    expect(flags('Unfortunately the item is out of stock.')).toContain('helpless');
  });
  test.fails('acknowledgment through impact only', () => {
    expect(has('Two weeks without a working phone is a long time.', 'acknowledgment')).toBe(true);
  });
});
