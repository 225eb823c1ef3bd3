// Seed and admin-setting schemas. zod/mini keeps the validator tree-shakable for the sidebar bundle.
import * as z from 'zod/mini';

import { CATEGORIES, ELEMENTS, SEVERITIES } from './vocabulary';

const id = z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'ids are lower-case words joined by "." or "-", e.g. "policy-wall.our-policy"'));
const texts = z.array(z.string().check(z.minLength(1)));

/** A rule that flags words in the draft. Severity is `severity` for a calm customer, raised by `escalates` steps per tension level. */
export const flagRuleSchema = z.strictObject({
  id,
  category: z.enum(CATEGORIES),
  patterns: texts,
  /** Matches of these patterns cancel an overlapping match of this rule ("just" vs "just to confirm"). */
  unless: z.optional(texts),
  /** Words that can replace the match, applied with one click ("" removes it). */
  suggestions: z.array(z.string()),
  why: z.string().check(z.minLength(1)),
  /** Advice when no replacement fits as is ("Split it: one idea per sentence."). */
  tip: z.optional(z.string().check(z.minLength(1))),
  severity: z.enum(SEVERITIES),
  /** Severity steps added per tension level (calm 0, tense 1, heated 2), rounded down. Default 1. */
  escalates: z.optional(z.number().check(z.minimum(0), z.maximum(2))),
  /** Fires only when the patterns match at least this often; flags every match after the first. */
  minCount: z.optional(z.int().check(z.minimum(2))),
  /** A sentence rule: flags sentences longer than this many words (patterns stay empty). */
  maxWords: z.optional(z.int().check(z.minimum(1))),
});

/** A rule whose match shows that a part of a de-escalating reply is present. */
export const elementRuleSchema = z.strictObject({
  id,
  element: z.enum(ELEMENTS),
  patterns: texts,
  unless: z.optional(texts),
});

export const phraseSeedSchema = z.strictObject({
  rules: z.array(z.union([flagRuleSchema, elementRuleSchema])),
});

/** An admin's custom phrase: either literal words (`phrase`) or `patterns` in the seed syntax. */
export const customPhraseSchema = z.strictObject({
  id: z.optional(id),
  phrase: z.optional(z.string().check(z.minLength(1))),
  patterns: z.optional(texts),
  category: z.enum(CATEGORIES),
  suggestion: z.optional(z.string()),
  suggestions: z.optional(texts),
  why: z.optional(z.string()),
  severity: z.optional(z.enum(SEVERITIES)),
});

export const phraseSettingsSchema = z.strictObject({
  add: z.optional(z.array(customPhraseSchema)),
  disable: z.optional(z.array(z.string())),
});

export type FlagRule = z.infer<typeof flagRuleSchema>;
export type ElementRule = z.infer<typeof elementRuleSchema>;
export type PhraseSeed = z.infer<typeof phraseSeedSchema>;
export type CustomPhrase = z.infer<typeof customPhraseSchema>;

/** Parses with `schema` or throws one line per problem: `where.path: what is wrong`. */
export function parseOrThrow<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(flatten(result.error.issues, []).map(([path, i]) => `${where}${formatPath(path)}: ${describeIssue(i)}`).join('\n'));
}

// A failed union reports every branch; keep the branch that came closest (fewest issues).
function flatten(issues: z.core.$ZodIssue[], base: PropertyKey[]): [PropertyKey[], z.core.$ZodIssue][] {
  return issues.flatMap((i): [PropertyKey[], z.core.$ZodIssue][] => {
    const path = [...base, ...i.path];
    if (i.code !== 'invalid_union' || i.errors.length === 0) return [[path, i]];
    const branch = i.errors.reduce((a, b) => (b.length < a.length ? b : a));
    return flatten(branch, path);
  });
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} — remove or rename`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' character(s)' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}
