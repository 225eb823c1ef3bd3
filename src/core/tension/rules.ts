// Seeds in, a compiled rule set out: patterns become token steps indexed by their first word, so a
// message is matched in one pass with one map lookup per word. Only types come from the zod schema: this
// is the runtime path the app bundles (validation lives in load.ts).
import type { TensionRuleSeed, TensionSeed } from './schema';

export interface Step {
  /** `_`: any one word that is not a negator. */
  any?: boolean;
  /** `..`: 0–3 words, none a negator. */
  gap?: boolean;
  words?: Set<string>;
  prefixes?: string[];
}

export interface CompiledRule {
  id: string;
  reason: string;
  weight: number;
  /** Words that cancel the match when they come shortly before it (same clause); null = never negated. */
  negatedBy: Set<string> | null;
  requires: string[] | null;
  unlessNear: Set<string> | null;
  detector: 'caps-block' | 'caps-word' | 'bang-run' | null;
  min: number;
  steps: Step[];
  /** For `words` rules: the entry ("hate*") this compiled rule stands for (the fit script keys on it). */
  entry?: string;
}

export interface LanguagePack {
  language: string;
  /** Pattern rules indexed by an exact first word, by the first 3 letters of a first-word prefix, or neither. */
  byWord: Map<string, CompiledRule[]>;
  byPrefix: Map<string, Array<{ prefix: string; rule: CompiledRule }>>;
  anyFirst: CompiledRule[];
  detectors: CompiledRule[];
  negators: Set<string>;
  /** Words that open a new clause ("i'm"): a match starting with one is not negated by earlier words. */
  clauseStarts: Set<string>;
  acronyms: Set<string>;
  /** Every literal word the rules use, plus stopwords: a capitalised one of these is emphasis, not an acronym. */
  known: Set<string>;
}

export interface Scoring {
  thresholds: { tense: number; heated: number };
  decay: number;
  emphasis: number;
  negationWindow: number;
  minWordsToJudgeLanguage: number;
  reasonScale?: Record<string, number>;
}

/** What one word means to the classifier: which languages know it, and the rules that can start on it. */
export interface WordInfo {
  /** Bit i set: languages[i] knows the word. */
  mask: number;
  /** Per assessed pack: the rules that can start on this word, or null. */
  starts: Array<CompiledRule[] | null>;
}

export interface TensionRules {
  rulesVersion: string;
  /** Packs with rules (assessed languages); the first one is the fallback for short, unrecognisable messages. */
  packs: LanguagePack[];
  /** Every recognised language; packs[p] is languages[p], detection-only languages follow. */
  languages: string[];
  /** word -> bit mask of the languages that know it. */
  lexicon: Map<string, number>;
  scoring: Scoring;
  /** Every exact word a language or rule knows -> what it means (precomputed). */
  words: Map<string, WordInfo>;
  /** head() of every rule prefix: only words with one of these heads can match a prefix. */
  prefixHeads: Set<number>;
  /** Memo for the other words with such a head (bounded). */
  memo: Map<string, WordInfo>;
}

/** A number for the first three letters of a word (collisions only cost a memo lookup). */
export function head(key: string): number {
  return (key.charCodeAt(0) * 65599 + key.charCodeAt(1)) * 65599 + key.charCodeAt(2) | 0;
}

/** What a word means to the classifier (computed once per word, never on the hot path). */
export function wordInfo(rules: Pick<TensionRules, 'lexicon' | 'packs'>, key: string): WordInfo {
  const starts = rules.packs.map((pack) => {
    const out: CompiledRule[] = [...(pack.byWord.get(key) ?? []), ...pack.anyFirst];
    if (key.length >= 3) for (const { prefix, rule } of pack.byPrefix.get(key.slice(0, 3)) ?? []) if (key.startsWith(prefix)) out.push(rule);
    return out.length ? out : null;
  });
  return { mask: rules.lexicon.get(key) ?? 0, starts };
}

/** Score cut-offs (0–100): a message is tense at `tense` and heated at `heated`. */
export const DEFAULT_THRESHOLDS: { tense: number; heated: number } = { tense: 25, heated: 50 };

export interface CompileOptions {
  thresholds?: Partial<Scoring['thresholds']>;
}

/**
 * Compiles seed objects (one per seeds/tension/*.json file) without validating them: for the app bundle,
 * which ships seeds the tests have already parsed. Use loadTensionRules for seeds from elsewhere.
 */
export function compileTensionRules(seeds: TensionSeed[], options: CompileOptions = {}): TensionRules {
  const universal = seeds.filter((s) => s.language === '*');
  const scoring: Scoring = { thresholds: DEFAULT_THRESHOLDS, decay: 0.5, emphasis: 1.2, negationWindow: 3, minWordsToJudgeLanguage: 4 };
  for (const s of universal) Object.assign(scoring, s.scoring);
  scoring.thresholds = { ...scoring.thresholds, ...options.thresholds };
  if (!(scoring.thresholds.tense <= scoring.thresholds.heated)) {
    throw new Error(`thresholds: tense (${scoring.thresholds.tense}) must not be above heated (${scoring.thresholds.heated})`);
  }
  const indexed = seeds.map((seed, i) => ({ seed, i }));
  const assessed = [...new Set(seeds.filter((s) => s.language !== '*' && s.rules?.length).map((s) => s.language))];
  if (assessed.length === 0) throw new Error('compileTensionRules: no language pack with rules (a seed with "language": "en" or similar)');
  const packs = assessed.map((language) =>
    compilePack(language, scoring.reasonScale ?? {}, indexed.filter(({ seed }) => seed.language === language || seed.language === '*')),
  );
  // Stopwords of every language, assessed or only recognised.
  const stop = new Map<string, string[]>();
  for (const s of seeds) {
    if (s.language !== '*' && s.stopwords) push(stop, s.language, ...splitWords(s.stopwords));
    for (const [code, ws] of Object.entries(s.languages ?? {})) push(stop, code, ...splitWords(ws));
  }
  const languages = [...assessed, ...[...stop.keys()].filter((l) => !assessed.includes(l))];
  const lexicon = new Map<string, number>();
  const mark = (w: string, bit: number): void => void lexicon.set(w, (lexicon.get(w) ?? 0) | (1 << bit));
  languages.forEach((l, bit) => {
    for (const w of stop.get(l) ?? []) mark(w, bit);
  });
  packs.forEach((p, bit) => {
    for (const w of p.known) mark(w, bit);
    for (const w of stop.get(p.language) ?? []) p.known.add(w);
  });
  // "core+en@1.2.0+de+es@1.0.0": every seed named, grouped by version.
  const byVersion = new Map<string, string[]>();
  for (const s of seeds) push(byVersion, s.version, s.language === '*' ? 'core' : s.language);
  const rulesVersion = [...byVersion].map(([v, names]) => `${[...new Set(names)].join('+')}@${v}`).join('+');
  const words = new Map<string, WordInfo>();
  const prefixHeads = new Set<number>();
  for (const p of packs) {
    for (const w of [...p.byWord.keys(), ...p.known]) words.set(w, wordInfo({ lexicon, packs }, w));
    for (const list of p.byPrefix.values()) for (const { prefix } of list) prefixHeads.add(head(prefix));
  }
  for (const w of lexicon.keys()) if (!words.has(w)) words.set(w, wordInfo({ lexicon, packs }, w));
  return { rulesVersion, packs, languages, lexicon, scoring, words, prefixHeads, memo: new Map() };
}

function splitWords(ws: string | string[]): string[] {
  return (typeof ws === 'string' ? ws.split(' ') : ws).filter(Boolean).map((w) => w.toLowerCase());
}

function compilePack(language: string, scale: Record<string, number>, seeds: Array<{ seed: TensionSeed; i: number }>): LanguagePack {
  const lists = new Map<string, string[]>();
  for (const { seed } of seeds) for (const [name, ws] of Object.entries(seed.lists ?? {})) push(lists, name, ...ws);
  const set = (name: string): Set<string> => new Set((lists.get(name) ?? []).map((w) => w.toLowerCase()));
  const pack: LanguagePack = {
    language,
    byWord: new Map(),
    byPrefix: new Map(),
    anyFirst: [],
    detectors: [],
    negators: set('negators'),
    clauseStarts: set('clauseStarts'),
    acronyms: set('acronyms'),
    known: new Set(),
  };
  for (const { seed, i } of seeds) {
    (seed.rules ?? []).forEach((rule, r) => {
      for (const compiled of compileRule(rule, `seeds[${i}].rules[${r}] (${rule.id})`, lists)) {
        compiled.weight *= scale[rule.reason] ?? 1;
        if (compiled.detector) {
          pack.detectors.push(compiled);
          continue;
        }
        for (const step of compiled.steps) for (const w of step.words ?? []) pack.known.add(w);
        const first = compiled.steps[0]!;
        if (first.any || first.gap) pack.anyFirst.push(compiled);
        for (const w of first.words ?? []) push(pack.byWord, w, compiled);
        for (const prefix of first.prefixes ?? []) push(pack.byPrefix, prefix.slice(0, 3), { prefix, rule: compiled });
      }
    });
  }
  return pack;
}

function compileRule(rule: TensionRuleSeed, where: string, lists: Map<string, string[]>): CompiledRule[] {
  const kinds = Number(rule.match !== undefined) + Number(rule.detector !== undefined) + Number(rule.words !== undefined);
  if (kinds !== 1) throw new Error(`${where}: give exactly one of "match", "words" or "detector"`);
  const listSet = (names: string[] | undefined, key: string): Set<string> | null => {
    if (!names) return null;
    const out = new Set<string>();
    for (const name of names) {
      const list = lists.get(name);
      if (!list) throw new Error(`${where}.${key}: unknown list "${name}" (lists: ${[...lists.keys()].join(', ')})`);
      for (const w of list) out.add(w.toLowerCase());
    }
    return out;
  };
  const base = {
    id: rule.id,
    reason: rule.reason,
    weight: rule.weight,
    negatedBy: listSet(rule.negatedBy, 'negatedBy'),
    requires: rule.requires ?? null,
    unlessNear: listSet(rule.unlessNear === undefined ? undefined : [rule.unlessNear], 'unlessNear'),
    detector: rule.detector ?? null,
    min: rule.min ?? 2,
  };
  if (rule.words !== undefined) {
    return rule.words
      .trim()
      .split(/\s+/)
      .map((item) => {
        const [entry = '', points] = item.split(':');
        const weight = points === undefined ? rule.weight : Number(points);
        if (!Number.isFinite(weight)) throw new Error(`${where}.words: "${item}" needs a number after ":"`);
        return { ...base, weight, entry, steps: compilePattern(entry, `${where}.words`, lists) };
      });
  }
  return [{ ...base, steps: rule.match === undefined ? [] : compilePattern(rule.match, `${where}.match`, lists) }];
}

function compilePattern(pattern: string, where: string, lists: Map<string, string[]>): Step[] {
  const steps = pattern
    .trim()
    .split(/\s+/)
    .map((token): Step => {
      if (token === '_') return { any: true };
      if (token === '..') return { gap: true };
      const words = new Set<string>();
      const prefixes: string[] = [];
      for (const alt of token.toLowerCase().split('|')) {
        if (alt.startsWith('~')) {
          const list = lists.get(alt.slice(1));
          if (!list) throw new Error(`${where}: unknown list "${alt}" in "${pattern}" (lists: ${[...lists.keys()].join(', ')})`);
          for (const w of list) words.add(w.toLowerCase());
        } else if (alt.endsWith('*')) {
          if (alt.length < 4) throw new Error(`${where}: prefix "${alt}" in "${pattern}" needs at least 3 letters before "*"`);
          prefixes.push(alt.slice(0, -1));
        } else if (alt === '') {
          throw new Error(`${where}: empty alternative in "${pattern}"`);
        } else words.add(alt);
      }
      return { words, prefixes };
    });
  if (steps[steps.length - 1]!.gap) throw new Error(`${where}: "${pattern}" cannot end with ".."`);
  return steps;
}

function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}
