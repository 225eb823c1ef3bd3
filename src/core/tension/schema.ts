// The shape of a tension seed file (seeds/tension/*.json). The app, the CLI and the seed test all parse
// seeds with this one schema. The runtime path (compileTensionRules) imports only the types from here,
// and every schema below is marked pure, so a bundle that does not validate carries no zod at all.
import * as z from 'zod/mini';

const ID = /^[a-z0-9*][a-z0-9.-]*$/;

/**
 * A rule fires on a word pattern (`match`), on a weighted word list (`words`) or on a built-in detector.
 * Pattern syntax, one token per word: `word`, `a|b` (either), `cancel*` (prefix, 3+ letters), `_` (any
 * one word), `..` (0–3 words, never a negator, same sentence), `~list` (a word of a named list).
 * `words`: single words or prefixes separated by spaces, each with its own points (`hate*:45 awful:40`;
 * `weight` for those without); this is the lexicon whose points scripts/fit-tension.ts fits.
 */
export const TensionRuleSchema = /* @__PURE__ */ (() => z.strictObject({
  id: z.string().check(z.regex(ID, 'rule ids are lower-case words joined by "." or "-"')),
  reason: z.string().check(z.minLength(1)),
  match: z.optional(z.string().check(z.minLength(1))),
  words: z.optional(z.string().check(z.minLength(1))),
  detector: z.optional(z.enum(['caps-block', 'caps-word', 'bang-run', 'scare-quote'])),
  /** Points added to the message score (negative = mitigating). */
  weight: z.number().check(z.minimum(-100), z.maximum(100)),
  /** Named lists whose words, in the few words before the match (same clause), cancel it:
   * ["negators"] for "not angry", add "hypotheticals" for "how do I cancel". */
  negatedBy: z.optional(z.array(z.string())),
  /** Only counts when one of these reasons also fired in the same sentence or one next to it. */
  requires: z.optional(z.array(z.string())),
  /** The reasons `requires` names may be anywhere in the message: "F*** this. Three hours in your queue. Cancel my account." */
  anywhere: z.optional(z.boolean()),
  /** Ignored when a word of this list is within two words (e.g. profanity used positively). */
  unlessNear: z.optional(z.string()),
  /** Fires only inside quotation marks, and quotes the whole quotation as evidence: the company's own
   * words given back ("Day 6 of 'we'll email you within 48 hours'"). */
  quoted: z.optional(z.boolean()),
  /** Fires only as a sentence of its own: a lone "Brilliant." or "Really lovely." beside a complaint. */
  alone: z.optional(z.boolean()),
  /** caps-block: minimum capitalised words. */
  min: z.optional(z.number().check(z.minimum(1))),
  note: z.optional(z.string()),
}))();

export const TensionSeedSchema = /* @__PURE__ */ (() => z.strictObject({
  /** "*" for language-independent rules (emoji, capitals, "!!!") and scoring; else a language code. */
  language: z.string().check(z.regex(/^(\*|[a-z]{2,3})$/, 'use "*" or an ISO 639 code such as "en"')),
  version: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
  /** Common words of the language (a list, or one string separated by spaces), used to recognise it. */
  stopwords: z.optional(z.union([z.array(z.string()), z.string()])),
  /** Core seed: stopwords of languages we recognise but do not assess yet (code -> "words separated by
   * spaces"). Their messages get "not-assessed"; a pack with rules for the language makes it assessed. */
  languages: z.optional(z.record(z.string(), z.string())),
  /** How the numbers in this seed were derived (scripts/fit-tension.ts); not read by the classifier. */
  fitted: z.optional(z.record(z.string(), z.unknown())),
  /** Named word lists used by patterns (`~name`) and by negation: negators, clauseStarts, acronyms,
   * quoteOpeners (the words before a scare quote: "your 'premium' support"). */
  lists: z.optional(z.record(z.string(), z.array(z.string()))),
  rules: z.optional(z.array(TensionRuleSchema)),
  scoring: z.optional(
    z.strictObject({
      thresholds: z.optional(z.strictObject({ tense: z.number(), heated: z.number() })),
      /** Weight of the 2nd, 3rd… strongest reason relative to the one before (top-k aggregation). */
      decay: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
      /** Multiplier for a hit written in capitals or elongated ("CANCEL", "sooo"). */
      emphasis: z.optional(z.number()),
      /** How many words before a negatable match are searched for a negator. */
      negationWindow: z.optional(z.number().check(z.minimum(0))),
      /** Per-reason multipliers for rule weights, produced by scripts/fit-tension.ts (see the seed's note). */
      reasonScale: z.optional(z.record(z.string(), z.number().check(z.minimum(0), z.maximum(5)))),
      /** Reasons whose words inside a quotation are someone else's: a letter's "legal proceedings", a bot's "escalate to a manager". */
      unquoted: z.optional(z.array(z.string())),
      /** A message with at least this many words and no stopword of any pack is "und" (not assessed). */
      minWordsToJudgeLanguage: z.optional(z.number()),
    }),
  ),
}))();

export type TensionSeed = z.infer<typeof TensionSeedSchema>;
export type TensionRuleSeed = z.infer<typeof TensionRuleSchema>;

/** Parses one seed object; throws `seeds[i].rules[3].weight: …` style errors. */
export function parseTensionSeed(seed: unknown, where: string): TensionSeed {
  const result = TensionSeedSchema.safeParse(seed);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where}${path}: ${describeIssue(issue as unknown as Record<string, unknown>)}`;
  });
  throw new Error(`invalid tension seed\n${lines.join('\n')}`);
}

function describeIssue(issue: Record<string, unknown>): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown key ${(issue.keys as string[]).map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return String(issue.message);
  }
}
