// QA tags: what Defuse writes on a ticket so QA can find it in Zendesk views. Pure: the caller says the
// verdict, this says which tags to add and which to remove. Tags only — never customer text.
// Zendesk tags: lower case, no spaces; we keep to [a-z0-9_] so they survive every Zendesk surface
// (views, triggers, search) unchanged. https://support.zendesk.com/hc/en-us/articles/4408888664474

export type QaLevel = 'calm' | 'tense' | 'heated' | 'not-assessed';

export interface QaTagInput {
  prefix: string;
  level: QaLevel;
  /** Reason ids from the tension verdict, most important first. */
  reasons: readonly string[];
  /** The submitted reply still had severe draft flags. */
  flaggedReply: boolean;
  /** Framework inserted into the reply, if any. */
  frameworkId: string | null;
  /** The agent marked the verdict wrong in the sidebar. */
  falseFlag: boolean;
}

export interface TagChange {
  add: string[];
  remove: string[];
}

export const DEFAULT_TAG_PREFIX = 'defuse_';
export const LEVEL_TAGS = ['heated', 'tense', 'calm'] as const;
export const MAX_CUE_TAGS = 3;

/**
 * Reasons that are escalation cues a QA lead may want a view on. Mitigating reasons (politeness) and any
 * reason not listed here get no tag: a new reason must be added here on purpose (a test checks that
 * every reason in seeds/tension is either here or in NOT_CUES), so tag names stay stable for views.
 */
export const CUE_REASONS: readonly string[] = [
  'legal-threat',
  'cancel-threat',
  'public-threat',
  'supervisor-demand',
  'insult',
  'profanity',
  'accusation',
  'sarcasm',
  'repeat-contact',
  'unanswered-follow-ups',
  'service-failure',
  'urgency',
  'shouting',
  'exclamation',
  'negative-emotion',
];
/** Reasons that lower tension: never tagged. */
export const NOT_CUES: readonly string[] = ['politeness'];

/** Zendesk's own sentiment feature writes `sentiment__*` tags; ours must never start that way. */
const ZENDESK_SENTIMENT = 'sentiment__';
const PREFIX = /^[a-z0-9][a-z0-9_]{0,31}$/;
/** Zendesk rejects longer tags (the limit is not documented for tags; 80 keeps us well inside). */
const MAX_TAG_LENGTH = 80;

/** A prefix admins may configure: 1–32 of [a-z0-9_], starting with a letter or digit, not `sentiment__`. */
export function isValidTagPrefix(prefix: string): boolean {
  return PREFIX.test(prefix) && !`${prefix}x`.startsWith(ZENDESK_SENTIMENT);
}

/** Why a prefix is rejected, for the settings page and the CLI; undefined when it is fine. */
export function tagPrefixProblem(prefix: string): string | undefined {
  if (isValidTagPrefix(prefix)) return undefined;
  if (prefix === '') return 'the tag prefix is empty — use e.g. "defuse_" so our tags do not mix with yours.';
  if (`${prefix}x`.startsWith(ZENDESK_SENTIMENT)) return `the tag prefix "${prefix}" would collide with Zendesk's own sentiment__ tags — choose another, e.g. "defuse_".`;
  if (prefix.length > 32) return `the tag prefix "${prefix}" is longer than 32 characters — shorten it.`;
  return `the tag prefix "${prefix}" may only use lower-case letters, digits and "_" (and not start with "_"), e.g. "defuse_".`;
}

/** `legal-threat` → `legal_threat`; anything outside [a-z0-9_] becomes `_`, runs collapse. */
export function tagPart(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export function levelTag(prefix: string, level: (typeof LEVEL_TAGS)[number]): string {
  return prefix + level;
}

export function cueTag(prefix: string, reason: string): string {
  return `${prefix}cue_${tagPart(reason)}`;
}

export function qaTags(input: QaTagInput): TagChange {
  const { prefix } = input;
  if (!isValidTagPrefix(prefix)) throw new Error(tagPrefixProblem(prefix));
  const add: string[] = [];
  const remove: string[] = [];
  for (const level of LEVEL_TAGS) (level === input.level ? add : remove).push(levelTag(prefix, level));

  // Cue tags accumulate over a ticket's life on purpose: "this customer threatened legal action" stays
  // findable after the thread calms down. Only the level tag is replaced.
  // Only for tense/heated verdicts: the reasons of a calm verdict are weak and would fill the views.
  if (input.level === 'tense' || input.level === 'heated') {
    const cues = [...new Set(input.reasons)].filter((r) => CUE_REASONS.includes(r)).slice(0, MAX_CUE_TAGS);
    for (const reason of cues) add.push(cueTag(prefix, reason));
  }
  if (input.flaggedReply) add.push(`${prefix}flagged_reply`);
  if (input.frameworkId !== null) {
    const id = tagPart(input.frameworkId);
    if (id !== '') add.push(`${prefix}fw_${id}`);
  }
  if (input.falseFlag) add.push(`${prefix}false_flag`);
  return { add: add.filter((t) => t.length <= MAX_TAG_LENGTH), remove };
}
