// The framework schema: the same zod/mini schema checks the shipped seeds and admins' custom_frameworks.
// zod/mini keeps the validator tree-shakable for the sidebar bundle.
import * as z from 'zod/mini';
import { didYouMean, pathOf } from '../text/hints';
import type { LocaleText } from './locale';

import type { ElementId } from '../phrases';
import { ELEMENT_IDS, LEVELS, SLOT_TYPES, VARIABLES } from './vocabulary';

export { ELEMENT_IDS, LEVELS, SLOT_TYPES, VARIABLES };

export type SlotType = (typeof SLOT_TYPES)[number];

const nonEmpty = z.string().check(z.minLength(1));
const localeText = z.record(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locale keys look like "en", "pt-BR" or "ja"')), nonEmpty);

const slotSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/, 'slot ids are camelCase letters and digits, e.g. "timeWindow"')),
  type: z.enum(SLOT_TYPES),
  required: z.optional(z.boolean()),
  label: z.optional(localeText),
  /** Example or guidance shown in the empty field. */
  hint: z.optional(localeText),
  /** Used when the agent leaves the slot empty; may use variables. Owner slots default to "{{agentName}}". */
  default: z.optional(z.string()),
  /** Options slots: how many choices (default 2 to 3). */
  min: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
  max: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
});

const triggerSchema = z.strictObject({
  /** Every condition given must hold: the level is one of `levels`, a reason is one of `reasons`, a promise was made. */
  levels: z.optional(z.array(z.enum(LEVELS))),
  reasons: z.optional(z.array(nonEmpty)),
  promiseMade: z.optional(z.boolean()),
  /** Higher comes first; 0–100, default 50. */
  weight: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** One line on why, per locale, or a translation key. */
  why: z.union([nonEmpty, localeText]),
});

export const frameworkSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'framework ids are lower-case words joined by "-", e.g. "reflect-and-verify"')),
  version: z.int().check(z.minimum(1)),
  name: localeText,
  body: localeText,
  provides: z.array(z.enum(ELEMENT_IDS)),
  suggestWhen: z.optional(z.array(triggerSchema)),
  slots: z.optional(z.array(slotSchema)),
});

export type SlotSpec = z.infer<typeof slotSchema>;
export type SuggestTrigger = z.infer<typeof triggerSchema>;
export interface Framework {
  id: string;
  version: number;
  name: LocaleText;
  body: LocaleText;
  provides: ElementId[];
  suggestWhen: SuggestTrigger[];
  slots: SlotSpec[];
}
export interface Problem {
  path: string;
  message: string;
}


const hint = (value: unknown, candidates: readonly string[]): string => {
  const near = typeof value === 'string' ? didYouMean(value, candidates) : null;
  return near ? ` — did you mean "${near}"?` : '';
};

export { didYouMean, pathOf };

const at = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined), raw);

function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${JSON.stringify(at(raw, issue.path)) ?? 'nothing'}`;
    case 'invalid_value':
      return `"${String(at(raw, issue.path))}" is not one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}${hint(at(raw, issue.path), issue.values.map(String))}`;
    case 'unrecognized_keys':
      return issue.keys.map((k) => `unknown key "${k}"${hint(k, [frameworkSchema, slotSchema, triggerSchema].flatMap((o) => Object.keys(o.def.shape))) || ' — remove it'}`).join('; ');
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    default:
      return issue.message;
  }
}

// A failed union reports every branch; keep the branch that came closest (fewest issues).
function flatten(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((i) => {
    const path = [...base, ...i.path];
    if (i.code !== 'invalid_union' || i.errors.length === 0) return [{ ...i, path }];
    return flatten(i.errors.reduce((a, b) => (b.length < a.length ? b : a)), path);
  });
}

const PLACEHOLDER = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;

/** Checks the parts zod cannot: filled texts, unique slot ids, known placeholders, closed sections. */
function crossCheck(fw: Framework): [PropertyKey[], string][] {
  const out: [PropertyKey[], string][] = [];
  for (const key of ['name', 'body'] as const) {
    if (Object.keys(fw[key]).length === 0) out.push([[key], 'give at least one language, e.g. {"en": "…"}']);
  }
  const slotIds = fw.slots.map((s) => s.id);
  fw.slots.forEach((s, i) => {
    if (slotIds.indexOf(s.id) !== i) out.push([['slots', i, 'id'], `"${s.id}" is used by another slot — slot ids must be unique`]);
    if ((VARIABLES as readonly string[]).includes(s.id)) out.push([['slots', i, 'id'], `"${s.id}" is a ticket variable — name the slot something else`]);
    if ((s.min ?? 2) > (s.max ?? 3)) out.push([['slots', i], `min (${s.min ?? 2}) is above max (${s.max ?? 3})`]);
  });
  const names = [...VARIABLES, ...slotIds];
  for (const [locale, body] of Object.entries(fw.body)) {
    const open: string[] = [];
    for (const [whole, sigil, name] of body.matchAll(PLACEHOLDER)) {
      if (!names.includes(name!)) {
        out.push([['body', locale], `unknown placeholder "${whole}"${hint(name, names) || ` — use one of ${names.join(', ')}`}`]);
      } else if (sigil === '/') {
        if (open.pop() !== name) out.push([['body', locale], `"${whole}" closes a section that is not open`]);
      } else if (sigil) open.push(name!);
    }
    for (const name of open) out.push([['body', locale], `"{{#${name}}}" is never closed — add "{{/${name}}}"`]);
  }
  return out;
}

export type Parsed = { ok: true; value: Framework } | { ok: false; problems: Problem[] };

/** A framework from JSON (a seed or an admin's custom framework), or every problem with its path. */
export function parseFramework(raw: unknown, path = ''): Parsed {
  const result = frameworkSchema.safeParse(raw);
  if (!result.success) {
    return { ok: false, problems: flatten(result.error.issues).map((i) => ({ path: pathOf(path, i.path), message: describe(i, raw) })) };
  }
  const value: Framework = { ...result.data, suggestWhen: result.data.suggestWhen ?? [], slots: result.data.slots ?? [] };
  const problems = crossCheck(value).map(([p, message]) => ({ path: pathOf(path, p), message }));
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

const problemLines = (problems: Problem[]): string => problems.map((p) => `${p.path}: ${p.message}`).join('\n');

/** The built-in frameworks; a broken seed is our bug, so this throws with every problem. */
export function loadFrameworks(seeds: unknown[]): Framework[] {
  const problems: Problem[] = [];
  const out: Framework[] = [];
  seeds.forEach((seed, i) => {
    const parsed = parseFramework(seed, `seeds[${i}]`);
    if (!parsed.ok) problems.push(...parsed.problems);
    else if (out.some((f) => f.id === parsed.value.id)) problems.push({ path: `seeds[${i}].id`, message: `"${parsed.value.id}" is used twice` });
    else out.push(parsed.value);
  });
  if (problems.length) throw new Error(`bad framework seeds:\n${problemLines(problems)}`);
  return out;
}

/**
 * Admins' custom frameworks added to the built-ins: a custom framework with a built-in's id replaces it
 * (that is how admins reword one); broken ones are skipped with their problems.
 */
export function withCustomFrameworks(builtIns: Framework[], custom: unknown[], path = 'custom_frameworks'): { frameworks: Framework[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const frameworks = [...builtIns];
  const seen = new Set<string>();
  custom.forEach((raw, i) => {
    const parsed = parseFramework(raw, `${path}[${i}]`);
    if (!parsed.ok) return void problems.push(...parsed.problems);
    const fw = parsed.value;
    if (seen.has(fw.id)) return void problems.push({ path: `${path}[${i}].id`, message: `"${fw.id}" is used by an earlier custom framework — ids must be unique` });
    seen.add(fw.id);
    const at = frameworks.findIndex((f) => f.id === fw.id);
    if (at >= 0) frameworks[at] = fw;
    else frameworks.push(fw);
  });
  return { frameworks, problems };
}
