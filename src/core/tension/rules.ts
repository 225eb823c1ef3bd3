// Seeds in, a compiled rule set out: patterns become token steps indexed by their first word, so a
// message is matched in one pass with a couple of map lookups per word.
import { parseTensionSeed, type TensionRuleSeed, type TensionSeed } from './schema';

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
}

export interface LanguagePack {
  language: string;
  stopwords: Set<string>;
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
  assessed: boolean;
}

export interface Scoring {
  thresholds: { tense: number; heated: number };
  decay: number;
  emphasis: number;
  negationWindow: number;
  minWordsToJudgeLanguage: number;
  reasonScale?: Record<string, number>;
}

export interface TensionRules {
  rulesVersion: string;
  /** Packs with rules, by language; the first one is the fallback for short, unrecognisable messages. */
  packs: LanguagePack[];
  /** word -> bit mask of the packs that know it (one lookup per word for language detection). */
  lexicon: Map<string, number>;
  scoring: Scoring;
  /** Memo: word -> the rules that can start on it, per pack (a bounded cache; the hot path is one lookup). */
  starts: Array<Map<string, CompiledRule[] | null>>;
}

/** Score cut-offs (0–100): a message is tense at `tense` and heated at `heated`. */
export const DEFAULT_THRESHOLDS: { tense: number; heated: number } = { tense: 25, heated: 50 };

const DEFAULT_SCORING: Scoring = {
  thresholds: DEFAULT_THRESHOLDS,
  decay: 0.5,
  emphasis: 1.2,
  negationWindow: 3,
  minWordsToJudgeLanguage: 4,
};

/** Validates seed JSON objects (one per seeds/tension/*.json file) and compiles them. */
export function loadTensionRules(seeds: unknown[], options: { thresholds?: Partial<Scoring['thresholds']> } = {}): TensionRules {
  if (!Array.isArray(seeds)) throw new Error('loadTensionRules: expected an array of seed objects');
  const parsed = seeds.map((seed, i) => parseTensionSeed(seed, `seeds[${i}]`));
  const universal = parsed.filter((s) => s.language === '*');
  const scoring: Scoring = { ...DEFAULT_SCORING };
  for (const s of universal) Object.assign(scoring, s.scoring ?? {});
  scoring.thresholds = { ...scoring.thresholds, ...options.thresholds };
  if (!(scoring.thresholds.tense <= scoring.thresholds.heated)) {
    throw new Error(`thresholds: tense (${scoring.thresholds.tense}) must not be above heated (${scoring.thresholds.heated})`);
  }
  const languages = [...new Set(parsed.filter((s) => s.language !== '*').map((s) => s.language))];
  if (languages.length === 0) throw new Error('loadTensionRules: no language pack (a seed with "language": "en" or similar)');
  const packs = languages.map((language) =>
    compilePack(
      language,
      scoring.reasonScale ?? {},
      parsed.map((seed, i) => ({ seed, i })).filter(({ seed }) => seed.language === language || seed.language === '*'),
    ),
  );
  // Packs that can be assessed come first; the very first is the fallback language.
  packs.sort((a, b) => Number(b.assessed) - Number(a.assessed));
  // "core+en@1.2.0+de+es@1.0.0": every seed named, grouped by version.
  const byVersion = new Map<string, string[]>();
  for (const s of parsed) push(byVersion, s.version, s.language === '*' ? 'core' : s.language);
  const rulesVersion = [...byVersion].map(([v, names]) => `${[...new Set(names)].join('+')}@${v}`).join('+');
  const lexicon = new Map<string, number>();
  packs.forEach((p, bit) => {
    for (const w of p.known) lexicon.set(w, (lexicon.get(w) ?? 0) | (1 << bit));
  });
  return { rulesVersion, packs, lexicon, scoring, starts: packs.map(() => new Map()) };
}

function compilePack(language: string, scale: Record<string, number>, seeds: Array<{ seed: TensionSeed; i: number }>): LanguagePack {
  const lists = new Map<string, string[]>();
  for (const { seed } of seeds) for (const [name, ws] of Object.entries(seed.lists ?? {})) lists.set(name, [...(lists.get(name) ?? []), ...ws]);
  const set = (name: string): Set<string> => new Set((lists.get(name) ?? []).map((w) => w.toLowerCase()));
  const own = seeds.filter(({ seed }) => seed.language === language);
  const pack: LanguagePack = {
    language,
    stopwords: new Set(own.flatMap(({ seed }) => seed.stopwords ?? []).map((w) => w.toLowerCase())),
    byWord: new Map(),
    byPrefix: new Map(),
    anyFirst: [],
    detectors: [],
    negators: set('negators'),
    clauseStarts: set('clauseStarts'),
    acronyms: set('acronyms'),
    known: new Set(),
    assessed: own.some(({ seed }) => (seed.rules ?? []).length > 0),
  };
  for (const w of pack.stopwords) pack.known.add(w);
  for (const { seed, i } of seeds) {
    (seed.rules ?? []).forEach((rule, r) => {
      const where = `seeds[${i}].rules[${r}] (${rule.id})`;
      const compiled = compileRule(rule, where, lists);
      compiled.weight *= scale[rule.reason] ?? 1;
      if (compiled.detector) {
        pack.detectors.push(compiled);
        return;
      }
      for (const step of compiled.steps) for (const w of step.words ?? []) pack.known.add(w);
      const first = compiled.steps[0]!;
      if (first.any || first.gap) pack.anyFirst.push(compiled);
      for (const w of first.words ?? []) push(pack.byWord, w, compiled);
      for (const prefix of first.prefixes ?? []) push(pack.byPrefix, prefix.slice(0, 3), { prefix, rule: compiled });
    });
  }
  return pack;
}

function compileRule(rule: TensionRuleSeed, where: string, lists: Map<string, string[]>): CompiledRule {
  if ((rule.match === undefined) === (rule.detector === undefined)) throw new Error(`${where}: give exactly one of "match" or "detector"`);
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
  return {
    id: rule.id,
    reason: rule.reason,
    weight: rule.weight,
    negatedBy: listSet(rule.negatedBy, 'negatedBy'),
    requires: rule.requires ?? null,
    unlessNear: listSet(rule.unlessNear === undefined ? undefined : [rule.unlessNear], 'unlessNear'),
    detector: rule.detector ?? null,
    min: rule.min ?? 2,
    steps: rule.match === undefined ? [] : compilePattern(rule.match, `${where}.match`, lists),
  };
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
