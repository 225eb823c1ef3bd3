// Reads the app's settings as Zendesk hands them over (metadata.settings: parameter name → value,
// JSON parameters as strings). Every broken part falls back to its default and yields a problem
// with its path, what is wrong and how to fix it; nothing here throws.
import * as z from 'zod/mini';
import { tagPrefixProblem } from '../tags';
import { closest, pathOf } from '../text/hints';

export interface Problem {
  /** Where: the parameter name, then the path inside its JSON (`phrase_rules.add[0].category`). */
  path: string;
  message: string;
}

export type DraftGate = 'off' | 'warn' | 'block';
export const DRAFT_GATES: readonly DraftGate[] = ['off', 'warn', 'block'];
export const DEFAULT_TAG_PREFIX = 'defuse_';

export interface Settings {
  draftGate: DraftGate;
  tagPrefix: string;
  thresholds: { tense: number; heated: number } | null;
  /** Still unvalidated beyond JSON: the phrase and framework modules check their own parts. */
  phraseRules: { add: unknown[]; disable: string[] };
  frameworksPolicy: unknown;
  customFrameworks: unknown[];
}

export const DEFAULT_SETTINGS: Settings = {
  draftGate: 'warn',
  tagPrefix: DEFAULT_TAG_PREFIX,
  thresholds: null,
  phraseRules: { add: [], disable: [] },
  frameworksPolicy: null,
  customFrameworks: [],
};

const KNOWN = ['draft_gate', 'tag_prefix', 'tension_thresholds', 'phrase_rules', 'frameworks_policy', 'custom_frameworks'];

const thresholdsSchema = z.strictObject({
  tense: z.number().check(z.minimum(1), z.maximum(99)),
  heated: z.number().check(z.minimum(2), z.maximum(100)),
});
const phraseRulesSchema = z.strictObject({ add: z.optional(z.array(z.unknown())), disable: z.optional(z.array(z.string())) });

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} — remove or rename it`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  return issue.message;
}


function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A JSON parameter: already an object (some hosts), or a string holding JSON. */
function readJson(name: string, value: unknown, problems: Problem[]): unknown {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    problems.push({ path: name, message: `not valid JSON (${(error as Error).message}) — check quotes and commas; the default is used` });
    return undefined;
  }
}

export function readSettings(raw: Record<string, unknown>): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, phraseRules: { add: [], disable: [] }, customFrameworks: [] };

  for (const key of Object.keys(raw)) {
    if (!KNOWN.includes(key)) {
      const near = closest(key, KNOWN);
      if (near) problems.push({ path: key, message: `unknown setting — did you mean "${near}"?` });
    }
  }

  const gate = raw.draft_gate;
  if (!isBlank(gate)) {
    const value = String(gate).trim().toLowerCase();
    if ((DRAFT_GATES as readonly string[]).includes(value)) settings.draftGate = value as DraftGate;
    else {
      const near = closest(value, DRAFT_GATES);
      problems.push({ path: 'draft_gate', message: `must be one of off, warn, block (got "${String(gate)}")${near ? ` — did you mean "${near}"?` : ''}; using "warn"` });
    }
  }

  const prefix = raw.tag_prefix;
  if (!isBlank(prefix)) {
    // One rule for what a tag prefix may be: the tags module's, which also writes the tags.
    const value = String(prefix).trim();
    const problem = tagPrefixProblem(value);
    if (problem) problems.push({ path: 'tag_prefix', message: `${problem} Using "${DEFAULT_TAG_PREFIX}".` });
    else settings.tagPrefix = value;
  }

  const thresholds = readJson('tension_thresholds', raw.tension_thresholds, problems);
  if (thresholds !== undefined) {
    const parsed = thresholdsSchema.safeParse(thresholds);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ path: pathOf('tension_thresholds', issue.path), message: describe(issue) });
    else if (parsed.data.tense >= parsed.data.heated) problems.push({ path: 'tension_thresholds', message: `"tense" (${parsed.data.tense}) must be below "heated" (${parsed.data.heated})` });
    else settings.thresholds = parsed.data;
  }

  const phrases = readJson('phrase_rules', raw.phrase_rules, problems);
  if (phrases !== undefined) {
    const parsed = phraseRulesSchema.safeParse(phrases);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ path: pathOf('phrase_rules', issue.path), message: describe(issue) });
    else settings.phraseRules = { add: parsed.data.add ?? [], disable: parsed.data.disable ?? [] };
  }

  settings.frameworksPolicy = readJson('frameworks_policy', raw.frameworks_policy, problems) ?? null;
  const custom = readJson('custom_frameworks', raw.custom_frameworks, problems);
  if (custom !== undefined) {
    if (Array.isArray(custom)) settings.customFrameworks = custom;
    else problems.push({ path: 'custom_frameworks', message: 'expected a JSON array of frameworks ([ {...}, {...} ])' });
  }
  return { settings, problems };
}
