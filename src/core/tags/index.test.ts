import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CUE_REASONS, DEFAULT_TAG_PREFIX, NOT_CUES, isValidTagPrefix, qaTags, tagPrefixProblem, type QaTagInput } from './index';

const base: QaTagInput = { prefix: 'defuse_', level: 'calm', reasons: [], flaggedReply: false, frameworkId: null, falseFlag: false };
const ZENDESK_TAG = /^[a-z0-9_]+$/;

describe('qaTags', () => {
  test.each<[string, Partial<QaTagInput>, { add: string[]; remove: string[] }]>([
    ['calm', {}, { add: ['defuse_calm'], remove: ['defuse_heated', 'defuse_tense'] }],
    ['tense', { level: 'tense' }, { add: ['defuse_tense'], remove: ['defuse_heated', 'defuse_calm'] }],
    [
      'heated with cues, most important first, max 3',
      { level: 'heated', reasons: ['legal-threat', 'cancel-threat', 'shouting', 'insult'] },
      { add: ['defuse_heated', 'defuse_cue_legal_threat', 'defuse_cue_cancel_threat', 'defuse_cue_shouting'], remove: ['defuse_tense', 'defuse_calm'] },
    ],
    [
      'politeness is not a cue and does not use up a slot',
      { level: 'tense', reasons: ['politeness', 'urgency'] },
      { add: ['defuse_tense', 'defuse_cue_urgency'], remove: ['defuse_heated', 'defuse_calm'] },
    ],
    ['unknown reasons get no tag', { level: 'tense', reasons: ['some-new-reason'] }, { add: ['defuse_tense'], remove: ['defuse_heated', 'defuse_calm'] }],
    ['duplicate reasons tag once', { level: 'heated', reasons: ['insult', 'insult'] }, { add: ['defuse_heated', 'defuse_cue_insult'], remove: ['defuse_tense', 'defuse_calm'] }],
    ['calm gets no cue tags', { reasons: ['legal-threat'] }, { add: ['defuse_calm'], remove: ['defuse_heated', 'defuse_tense'] }],
    ['not-assessed removes all three level tags', { level: 'not-assessed' }, { add: [], remove: ['defuse_heated', 'defuse_tense', 'defuse_calm'] }],
    ['flagged reply', { flaggedReply: true }, { add: ['defuse_calm', 'defuse_flagged_reply'], remove: ['defuse_heated', 'defuse_tense'] }],
    ['framework id is made tag-safe', { frameworkId: 'Acknowledge-Then-Act' }, { add: ['defuse_calm', 'defuse_fw_acknowledge_then_act'], remove: ['defuse_heated', 'defuse_tense'] }],
    ['framework id with nothing tag-safe is skipped', { frameworkId: '—' }, { add: ['defuse_calm'], remove: ['defuse_heated', 'defuse_tense'] }],
    ['false flag', { level: 'heated', falseFlag: true }, { add: ['defuse_heated', 'defuse_false_flag'], remove: ['defuse_tense', 'defuse_calm'] }],
    ['custom prefix', { prefix: 'qa', level: 'heated', reasons: ['legal-threat'] }, { add: ['qaheated', 'qacue_legal_threat'], remove: ['qatense', 'qacalm'] }],
  ])('%s', (_, over, expected) => {
    expect(qaTags({ ...base, ...over })).toEqual(expected);
  });

  test('an invalid prefix throws with a fix', () => {
    expect(() => qaTags({ ...base, prefix: 'Defuse ' })).toThrow(/may only use lower-case letters/);
  });

  test('property: exactly one level tag (or none), valid Zendesk tags, never sentiment__, add and remove disjoint', () => {
    const level = fc.constantFrom('calm' as const, 'tense' as const, 'heated' as const, 'not-assessed' as const);
    const prefix = fc.stringMatching(/^[a-z0-9][a-z0-9_]{0,10}$/).filter(isValidTagPrefix);
    fc.assert(
      fc.property(prefix, level, fc.array(fc.oneof(fc.constantFrom(...CUE_REASONS, ...NOT_CUES), fc.string())), fc.boolean(), fc.option(fc.string()), fc.boolean(), (p, l, reasons, flaggedReply, frameworkId, falseFlag) => {
        const { add, remove } = qaTags({ prefix: p, level: l, reasons, flaggedReply, frameworkId, falseFlag });
        const levels = ['heated', 'tense', 'calm'].map((x) => p + x);
        expect(add.filter((t) => levels.includes(t))).toHaveLength(l === 'not-assessed' ? 0 : 1);
        expect(add.filter((t) => t.startsWith(`${p}cue_`)).length).toBeLessThanOrEqual(3);
        for (const t of [...add, ...remove]) {
          expect(t).toMatch(ZENDESK_TAG);
          expect(t.startsWith('sentiment__')).toBe(false);
        }
        expect(add.filter((t) => remove.includes(t))).toEqual([]);
      }),
    );
  });
});

describe('isValidTagPrefix', () => {
  test.each(['defuse_', 'qa_', 'd', 'team2_', 'sentiment_', 'a'.repeat(32)])('accepts %j', (p) => {
    expect(isValidTagPrefix(p)).toBe(true);
    expect(tagPrefixProblem(p)).toBeUndefined();
  });
  test.each<[string, RegExp]>([
    ['', /empty/],
    ['sentiment__', /sentiment__/],
    ['sentiment__x_', /sentiment__/],
    ['Defuse_', /lower-case/],
    ['de fuse_', /lower-case/],
    ['de-fuse_', /lower-case/],
    ['_defuse', /lower-case/],
    ['a'.repeat(33), /longer than 32/],
  ])('rejects %j', (p, why) => {
    expect(isValidTagPrefix(p)).toBe(false);
    expect(tagPrefixProblem(p)).toMatch(why);
  });
  test('the default prefix is valid', () => expect(isValidTagPrefix(DEFAULT_TAG_PREFIX)).toBe(true));
});

describe('convention', () => {
  test('every reason in seeds/tension is either a cue or deliberately not one', () => {
    const dir = new URL('../../../seeds/tension/', import.meta.url);
    const reasons = new Set<string>(['unanswered-follow-ups']); // added by the thread classifier, not a seed rule
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const seed = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { rules?: { reason: string }[] };
      for (const rule of seed.rules ?? []) reasons.add(rule.reason);
    }
    const undecided = [...reasons].filter((r) => !CUE_REASONS.includes(r) && !NOT_CUES.includes(r));
    expect(undecided).toEqual([]);
  });
});
