import { GAP, addPattern, isName, isNumber, isTime, newNode, type TrieNode } from './compile';
import { closest } from '../text/hints';
import type { CustomPhrase, ElementRule, FlagRule, PhraseSeed } from './schema';
import { CATEGORIES, ELEMENTS, SEVERITIES, type Category, type ElementId, type Severity } from './vocabulary';
import { phraseTokens, tokenize, type Tokens } from './tokens';

export type Tension = 'calm' | 'tense' | 'heated';

export interface Flag {
  category: Category;
  ruleId: string;
  start: number;
  end: number;
  text: string;
  suggestions: string[];
  why: string;
  tip?: string;
  severity: Severity;
}
export interface ElementHit { present: boolean; start?: number; end?: number; text?: string; ruleId?: string }
export interface DraftVerdict { flags: Flag[]; elements: Record<ElementId, ElementHit> }

type Rule = (FlagRule & { element?: undefined }) | (ElementRule & { category?: undefined });

/** Compiled rules: one trie for every pattern, plus the sentence-length rules. Build once, reuse per keystroke. */
export interface PhraseRules {
  readonly rules: readonly Rule[];
  readonly root: TrieNode;
  readonly ids: readonly string[];
}

/**
 * Compiles validated seeds and admin settings (see loadPhraseRules for unvalidated input). Throws
 * on what a schema cannot see: duplicate ids, unknown ids to disable, patterns that do not parse.
 */
export function compilePhraseRules(seeds: readonly PhraseSeed[], settings: { add?: readonly CustomPhrase[]; disable?: readonly string[] } = {}): PhraseRules {
  const rules = seeds.flatMap((seed) => seed.rules as Rule[]);
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`rule "${rule.id}" is defined twice — rule ids must be unique`);
    ids.add(rule.id);
  }
  const builtIn = [...ids];
  for (const [i, id] of (settings.disable ?? []).entries()) {
    if (!ids.has(id)) {
      const near = closest(id, builtIn);
      throw new Error(`settings.disable[${i}]: unknown rule "${id}"${near ? ` — did you mean "${near}"?` : ''}`);
    }
  }
  const disabled = new Set(settings.disable);
  const active = rules.filter((r) => !disabled.has(r.id));
  for (const [i, raw] of (settings.add ?? []).entries()) active.push(customRule(raw, i, ids));

  const root = newNode();
  active.forEach((rule, r) => {
    const where = rule.id;
    if (rule.patterns.length === 0 && !('maxWords' in rule && rule.maxWords)) throw new Error(`rule "${where}": patterns is empty`);
    const add = (list: string[] | undefined, field: string, tag: number) =>
      list?.forEach((pattern, p) => {
        try {
          addPattern(root, pattern, tag);
        } catch (err) {
          throw new Error(`rule "${where}" ${field}[${p}]: ${(err as Error).message}`);
        }
      });
    add(rule.patterns, 'patterns', r * 2);
    add(rule.unless, 'unless', r * 2 + 1);
  });
  return { rules: active, root, ids: active.map((r) => r.id) };
}

function customRule(c: CustomPhrase, i: number, ids: Set<string>): Rule {
  if (!c.phrase && !c.patterns?.length) throw new Error(`settings.add[${i}]: give a "phrase" (the words to flag) or "patterns"`);
  const id = c.id ?? `custom.${i + 1}`;
  if (ids.has(id)) throw new Error(`settings.add[${i}].id: "${id}" is already a rule id — pick another`);
  ids.add(id);
  // A phrase is literal words: strip pattern syntax so "(" or "?" in an admin's text cannot break it.
  const patterns = c.patterns ?? [phraseTokens(c.phrase!).join(' ')];
  if (patterns[0] === '') throw new Error(`settings.add[${i}].phrase: "${c.phrase}" has no words`);
  return {
    id, category: c.category, patterns, why: c.why || 'Your team asked to avoid this phrase.',
    suggestions: c.suggestions ?? (c.suggestion ? [c.suggestion] : []), severity: c.severity ?? 'warning',
  };
}

const TENSION_STEP: Record<Tension, number> = { calm: 0, tense: 1, heated: 2 };

/** Flags escalating words in a plain-text draft and reports which reply elements are present. */
export function checkDraft(text: string, rules: PhraseRules, options: { tension?: Tension } = {}): DraftVerdict {
  const t = tokenize(text);
  const step = TENSION_STEP[options.tension ?? 'calm'] ?? 0;
  const matches = findMatches(t, rules, text);
  const flags: Flag[] = [];
  const elements = Object.fromEntries(ELEMENTS.map((e) => [e, { present: false }])) as Record<ElementId, ElementHit>;
  const span = (s: number, e: number) => ({ start: t.start[s]!, end: t.end[e - 1]!, text: text.slice(t.start[s]!, t.end[e - 1]!) });

  rules.rules.forEach((rule, r) => {
    let ranges = matches.get(r) ?? [];
    if (rule.element) {
      const first = ranges[0];
      const hit = elements[rule.element];
      if (first && (!hit.present || t.start[first[0]]! < hit.start!)) elements[rule.element] = { present: true, ...span(first[0], first[1]), ruleId: rule.id };
      return;
    }
    if (rule.maxWords) ranges = ranges.concat(longSentences(t, rule.maxWords));
    if (rule.minCount) ranges = ranges.length >= rule.minCount ? ranges.slice(1) : [];
    const level = Math.min(2, SEVERITIES.indexOf(rule.severity) + Math.floor((rule.escalates ?? 1) * step));
    for (const [s, e] of ranges) {
      flags.push({ category: rule.category, ruleId: rule.id, ...span(s, e), suggestions: rule.suggestions, why: rule.why, ...(rule.tip ? { tip: rule.tip } : {}), severity: SEVERITIES[level]! });
    }
  });

  // Within a category, overlapping flags collapse to the earliest (then longest) one.
  flags.sort((a, b) => a.start - b.start || b.end - a.end || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
  const reach = new Map<Category, number>();
  const kept = flags.filter((f) => {
    if ((reach.get(f.category) ?? -1) > f.start) return false;
    reach.set(f.category, f.end);
    return true;
  });
  return { flags: kept, elements };
}

let steps = 0;
/** Trie steps taken so far, for the linear-work property test. */
export const workDone = (): number => steps;

/** Per rule, its leftmost-longest non-overlapping matches (token ranges), minus those its `unless` patterns cover. */
function findMatches(t: Tokens, rules: PhraseRules, text: string): Map<number, [number, number][]> {
  const { tok, brk, quoted } = t;
  const n = tok.length;
  const hits: number[] = [];
  // The walk from one start is bounded by the longest pattern (and GAP per gap), so the whole scan is linear.
  const walk = (node: TrieNode, pos: number, from: number): void => {
    steps++;
    if (node.ends) for (const tag of node.ends) hits.push(tag, from, pos);
    if (pos >= n || quoted[pos] || (pos > from && brk[pos])) return;
    const w = tok[pos]!;
    const exact = node.next?.get(w);
    if (exact) walk(exact, pos + 1, from);
    if (node.any) walk(node.any, pos + 1, from);
    if (node.num && isNumber(w)) walk(node.num, pos + 1, from);
    if (node.time && isTime(w)) walk(node.time, pos + 1, from);
    if (node.name && isName(text, t.start[pos]!, w)) walk(node.name, pos + 1, from);
    const gap = node.gap;
    if (gap) {
      for (let k = 0; k <= GAP; k++) {
        const p = pos + k;
        if (k > 0 && (p - 1 >= n || quoted[p - 1] || (p - 1 > from && brk[p - 1]))) break;
        walk(gap, p, from);
      }
    }
  };
  // The first step is inlined: most words start no pattern.
  const root = rules.root;
  for (let i = 0; i < n; i++) {
    if (quoted[i]) continue;
    const w = tok[i]!;
    const first = root.next?.get(w);
    if (first) walk(first, i + 1, i);
    if (root.num && isNumber(w)) walk(root.num, i + 1, i);
    if (root.any) walk(root.any, i + 1, i);
    if (root.time && isTime(w)) walk(root.time, i + 1, i);
    if (root.name && isName(text, t.start[i]!, w)) walk(root.name, i + 1, i);
  }

  const found = new Map<number, [number, number][]>();
  const unless = new Map<number, [number, number][]>();
  for (let h = 0; h < hits.length; h += 3) {
    const tag = hits[h]!;
    const into = tag & 1 ? unless : found;
    const r = tag >> 1;
    let list = into.get(r);
    if (!list) into.set(r, (list = []));
    list.push([hits[h + 1]!, hits[h + 2]!]);
  }
  for (const [r, list] of found) {
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const blocked = new Set<number>();
    for (const [bs, be] of unless.get(r) ?? []) for (let k = bs; k < be; k++) blocked.add(k);
    let reach = -1;
    found.set(r, list.filter(([s, e]) => {
      if (s < reach) return false;
      for (let k = s; k < e; k++) if (blocked.has(k)) return false;
      reach = e;
      return true;
    }));
  }
  return found;
}

/** Sentences (token ranges) with more than `max` written words; quoted words count, ">" lines do not. */
function longSentences(t: Tokens, max: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let count = 0;
  for (let i = 0; i <= t.tok.length; i++) {
    if (i === t.tok.length || (t.brk[i] && i > 0)) {
      if (count > max) out.push([from, i]);
      from = i;
      count = 0;
    }
    if (i < t.tok.length) count += t.first[i]!;
  }
  return out;
}
