// Seeds in, a compiled rule set out: patterns become token steps indexed by their first word, so a
// message is matched in one pass with one table lookup per word. Only types come from the zod schema
// (validation lives in load.ts and check.ts). The sidebar gets these rules packed by the build
// (packed.ts) and ships only the types, the word table and indexRule from here.
import { hashKey } from '../text/tokens';
import type { TensionRuleSeed, TensionSeed } from './schema';

export interface Step {
  /** `_`: any one word that is not a negator. */
  any?: boolean;
  /** `..`: 0–3 words, none a negator. */
  gap?: boolean;
  words?: Set<string>;
  /** The same words as a bit set over word-table entries (set by compileTensionRules; unpacked rules leave it out of a first step, which only the index uses). */
  ids?: Uint8Array;
  prefixes?: string[];
}

export interface CompiledRule {
  id: string;
  reason: string;
  weight: number;
  /** Words that cancel the match when they come shortly before it (same clause); null = never negated. */
  negatedBy: Set<string> | null;
  /** negatedBy as a bit set over word-table entries (the matcher tests ids, not strings). */
  negatedIds: Uint8Array | null;
  requires: string[] | null;
  unlessNear: Set<string> | null;
  detector: 'caps-block' | 'caps-word' | 'bang-run' | 'scare-quote' | null;
  /** Only inside quotation marks; the hit spans the quotation. */
  quoted: boolean;
  /** Only when the match is the whole sentence. */
  alone: boolean;
  /** `requires` is met by a reason anywhere in the message. */
  anywhere: boolean;
  /** Not inside a quotation: there the words are someone else's (scoring.unquoted names these reasons). */
  unquoted: boolean;
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
  /** Compiled packs: every rule in seed order (packed.ts keeps them in this order). Unpacked packs list only the rules built at once (detectors, rules that start on any word); `revive` builds the rest. */
  rules: CompiledRule[];
  /** Unpacked packs: files in byWord and byPrefix the rules that can start on key, on its first lookup. */
  revive?: (key: string) => void;
  negators: Set<string>;
  /** negators as a bit set over word-table entries. */
  negatorIds: Uint8Array;
  /** Words that open a new clause ("i'm"): a match starting with one is not negated by earlier words. */
  clauseStarts: Set<string>;
  clauseStartIds: Uint8Array;
  /** Words that open a condition ("if", "unless"): a negator inside one does not reach past a new subject ("if this isn't fixed I'm leaving"). */
  conditionals: Set<string>;
  conditionalIds: Uint8Array;
  acronyms: Set<string>;
  /** Words of thanks ("thank", "cheers"): a sentence in capitals that thanks and complains of nothing is warmth, not shouting. */
  gratitude: Set<string>;
  /** Words a scare quote follows ("the", "your"): quoted words after them doubt a claim. */
  quoteOpeners: Set<string>;
  /** Every literal word the rules use, plus stopwords (compiling only: classify reads the same from the word table's masks). */
  known: Set<string>;
}

export interface Scoring {
  thresholds: { tense: number; heated: number };
  decay: number;
  emphasis: number;
  negationWindow: number;
  minWordsToJudgeLanguage: number;
  reasonScale?: Record<string, number>;
  unquoted?: string[];
}

/** What one word means to the classifier: which languages know it, and the rules that can start on it. */
export interface WordInfo {
  /** Bit i set: languages[i] knows the word. */
  mask: number;
  /** Per assessed pack: the rules that can start on this word, or null. */
  starts: Array<CompiledRule[] | null>;
  /**
   * Per pack, one per rule in starts: the bits of its second step when that step is plain words, else null.
   * Most rules fail on the next word, and this test is much cheaper than trying them.
   */
  seconds: Array<Array<Uint8Array | null> | null>;
  /** The same for a rule whose second step is a gap: the bits of the plain words after it, one of which must come within reach. */
  gaps: Array<Array<Uint8Array | null> | null>;
}

export interface TensionRules {
  rulesVersion: string;
  /** Packs with rules (assessed languages); the first one is the fallback for short, unrecognisable messages. */
  packs: LanguagePack[];
  /** Every recognised language; packs[p] is languages[p], detection-only languages follow. */
  languages: string[];
  scoring: Scoring;
  /** Every exact word a language or rule knows -> what it means, then memoised words that start with a rule prefix. */
  table: WordTable;
  /** Bit head() set for every rule prefix: only words with one of these heads can match a prefix. */
  prefixHeads: Uint8Array;
  /** Words a message may write with asterisks ("sh*t"), every pack's `masked` list, sorted. */
  masked: string[];
}

/**
 * Open addressing on the hash the tokenizer computes while scanning (hashKey), so a lookup costs one
 * probe and one string compare instead of hashing the string again, as a Map would.
 */
export interface WordTable {
  /** slot -> entry index + 1; 0 = empty. Length is a power of two, at most half full. */
  slots: Int32Array;
  hashes: number[];
  keys: string[];
  /** Bit i set: languages[i] knows the word (0 for memoised words: no language lists them). */
  masks: number[];
  infos: WordInfo[];
  /** Entries from the seeds; entries after them are the memo, dropped when it reaches `limit`. */
  base: number;
  baseSlots: Int32Array;
  limit: number;
}

/** A table entry whose WordInfo is not computed yet (see infoAt). */
export const PENDING: WordInfo = { mask: 0, starts: [], seconds: [], gaps: [] };

/** The WordInfo of entry e, computed on first use. */
export function infoAt(rules: TensionRules, e: number): WordInfo {
  const info = rules.table.infos[e]!;
  return info !== PENDING ? info : (rules.table.infos[e] = wordInfo(rules, rules.table.keys[e]!, rules.table.masks[e]!));
}

/** Memoised prefix words kept at most (bounds memory on endless streams of new words). */
const MAX_MEMO = 4096;

export function newTable(size: number): WordTable {
  let cap = 1024;
  while (cap < (size + MAX_MEMO) * 2) cap *= 2;
  return { slots: new Int32Array(cap), hashes: [], keys: [], masks: [], infos: [], base: 0, baseSlots: new Int32Array(0), limit: size + MAX_MEMO };
}

/** Whether word-table entry e is in a bit set (false for -1 and for memoised entries). */
export function hasId(bits: Uint8Array, e: number): boolean {
  return e >>> 3 < bits.length && (bits[e >>> 3]! & (1 << (e & 7))) !== 0;
}

/** Index of the entry for key, or -1. */
export function findWord(t: WordTable, key: string, h: number): number {
  const { slots, hashes, keys } = t;
  const mask = slots.length - 1;
  for (let s = h & mask, e = slots[s]!; e !== 0; s = (s + 1) & mask, e = slots[s]!) {
    if (hashes[e - 1] === h && keys[e - 1] === key) return e - 1;
  }
  return -1;
}

/** Adds an entry (the caller knows the key is absent); when the memo is full it starts again from the seeds' words. */
export function addWord(t: WordTable, key: string, h: number, info: WordInfo, mask = 0): void {
  if (t.keys.length >= t.limit) {
    t.slots.set(t.baseSlots);
    t.hashes.length = t.keys.length = t.masks.length = t.infos.length = t.base;
  }
  const m = t.slots.length - 1;
  let s = h & m;
  while (t.slots[s] !== 0) s = (s + 1) & m;
  t.slots[s] = t.keys.push(key);
  t.hashes.push(h);
  t.masks.push(mask);
  t.infos.push(info);
}

/** A 16-bit number for the first three letters of a word, a bit in prefixHeads (collisions only cost a memo entry). */
export function head(key: string): number {
  return ((key.charCodeAt(0) * 65599 + key.charCodeAt(1)) * 65599 + key.charCodeAt(2)) & 0xffff;
}

export function addHead(heads: Uint8Array, prefix: string): void {
  const h = head(prefix);
  heads[h >> 3]! |= 1 << (h & 7);
}

/** What a word means to the classifier (computed once per word, never on the hot path). */
export function wordInfo(rules: Pick<TensionRules, 'packs'>, key: string, mask: number): WordInfo {
  const starts = rules.packs.map((pack) => {
    pack.revive?.(key);
    const out: CompiledRule[] = [...(pack.byWord.get(key) ?? []), ...pack.anyFirst];
    if (key.length >= 3) for (const { prefix, rule } of pack.byPrefix.get(key.slice(0, 3)) ?? []) if (key.startsWith(prefix)) out.push(rule);
    return out.length ? out : null;
  });
  const plain = (s?: Step): Uint8Array | null => (s?.ids && !s.prefixes!.length ? s.ids : null);
  const seconds = starts.map((out) => out && out.map(({ steps: [, s] }) => plain(s)));
  const gaps = starts.map((out) => out && out.map(({ steps: [, g, s] }) => (g?.gap ? plain(s) : null)));
  return { mask, starts, seconds, gaps };
}

/** Score cut-offs (0–100): a message is tense at `tense` and heated at `heated`. */
export const DEFAULT_THRESHOLDS: { tense: number; heated: number } = { tense: 20, heated: 50 };

/** The same rules with other cut-offs (admin settings): nothing is recompiled. */
export function withThresholds(rules: TensionRules, thresholds: Partial<Scoring['thresholds']>): TensionRules {
  return { ...rules, scoring: { ...rules.scoring, thresholds: { ...rules.scoring.thresholds, ...thresholds } } };
}

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
  const assessed = [...new Set(seeds.filter((s) => s.language !== '*' && s.rules?.length).map((s) => s.language))];
  const packs = assessed.map((language) =>
    compilePack(language, scoring, seeds.filter((seed) => seed.language === language || seed.language === '*')),
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
  const all = new Set<string>(lexicon.keys());
  const prefixHeads = new Uint8Array(8192);
  for (const p of packs) {
    for (const w of [...p.byWord.keys(), ...p.known, ...p.negators, ...p.clauseStarts, ...p.conditionals, ...p.rules.flatMap((r) => [...(r.negatedBy ?? [])])]) all.add(w);
    for (const list of p.byPrefix.values()) for (const { prefix } of list) addHead(prefixHeads, prefix);
  }
  const table = newTable(all.size);
  // What each word means is worked out on its first lookup: most of these words never occur in a ticket,
  // and this runs before the first verdict.
  for (const w of all) addWord(table, w, hashKey(w), PENDING, lexicon.get(w) ?? 0);
  table.base = all.size;
  table.baseSlots = table.slots.slice();
  const bits = (words: Iterable<string>): Uint8Array => {
    const out = new Uint8Array((table.base + 7) >> 3);
    for (const w of words) {
      const e = findWord(table, w, hashKey(w));
      out[e >> 3]! |= 1 << (e & 7);
    }
    return out;
  };
  for (const p of packs) {
    p.negatorIds = bits(p.negators);
    p.clauseStartIds = bits(p.clauseStarts);
    p.conditionalIds = bits(p.conditionals);
    const rules = new Set([...p.byWord.values()].flat().concat([...p.byPrefix.values()].flat().map((x) => x.rule), p.anyFirst));
    for (const r of rules) {
      for (const step of r.steps) if (step.words) step.ids = bits(step.words);
      if (r.negatedBy) r.negatedIds = bits(r.negatedBy);
    }
  }
  const masked = [...new Set(seeds.filter((s) => s.language === '*' || assessed.includes(s.language)).flatMap((s) => s.lists?.masked ?? []))].map((w) => w.toLowerCase()).sort();
  return { rulesVersion, packs, languages, scoring, table, prefixHeads, masked };
}

function splitWords(ws: string | string[]): string[] {
  return (typeof ws === 'string' ? ws.split(' ') : ws).filter(Boolean).map((w) => w.toLowerCase());
}

function compilePack(language: string, scoring: Scoring, seeds: TensionSeed[]): LanguagePack {
  const scale = scoring.reasonScale ?? {};
  const unquoted = scoring.unquoted ?? [];
  const lists = new Map<string, string[]>();
  for (const seed of seeds) for (const [name, ws] of Object.entries(seed.lists ?? {})) push(lists, name, ...ws);
  const set = (name: string): Set<string> => new Set((lists.get(name) ?? []).map((w) => w.toLowerCase()));
  const pack: LanguagePack = {
    language,
    byWord: new Map(),
    byPrefix: new Map(),
    anyFirst: [],
    detectors: [],
    rules: [],
    negators: set('negators'),
    negatorIds: new Uint8Array(0),
    clauseStarts: set('clauseStarts'),
    clauseStartIds: new Uint8Array(0),
    conditionals: set('conditionals'),
    conditionalIds: new Uint8Array(0),
    acronyms: set('acronyms'),
    gratitude: set('gratitude'),
    quoteOpeners: set('quoteOpeners'),
    known: new Set(),
  };
  for (const seed of seeds) {
    (seed.rules ?? []).forEach((rule) => {
      for (const compiled of compileRule(rule, lists)) {
        compiled.weight *= scale[rule.reason] ?? 1;
        compiled.unquoted = unquoted.includes(rule.reason);
        for (const step of compiled.steps) for (const w of step.words ?? []) pack.known.add(w);
        indexRule(pack, compiled, compiled.steps[0]?.words ?? []);
      }
    });
  }
  return pack;
}

// No error checks here: checkTensionSeeds (check.ts) runs first on seeds that were not already tested.
function compileRule(rule: TensionRuleSeed, lists: Map<string, string[]>): CompiledRule[] {
  const listSet = (names: string[] | undefined): Set<string> | null =>
    names ? new Set(names.flatMap((name) => lists.get(name) ?? []).map((w) => w.toLowerCase())) : null;
  const negatedBy = listSet(rule.negatedBy);
  const unlessNear = listSet(rule.unlessNear === undefined ? undefined : [rule.unlessNear]);
  // One literal for every rule: spreading a shared base gave each rule its own hidden class (megamorphic matchers).
  const make = (weight: number, steps: Step[], entry?: string): CompiledRule => ({
    id: rule.id,
    reason: rule.reason,
    weight,
    negatedBy,
    negatedIds: null,
    requires: rule.requires ?? null,
    unlessNear,
    detector: rule.detector ?? null,
    quoted: rule.quoted === true,
    alone: rule.alone === true,
    anywhere: rule.anywhere === true,
    unquoted: false,
    min: rule.min ?? 2,
    steps,
    entry,
  });
  if (rule.words !== undefined) {
    return rule.words
      .trim()
      .split(/\s+/)
      .map((item) => {
        const [entry = '', points] = item.split(':');
        return make(points === undefined ? rule.weight : Number(points), compilePattern(entry, lists), entry);
      });
  }
  return [make(rule.weight, rule.match === undefined ? [] : compilePattern(rule.match, lists))];
}

function compilePattern(pattern: string, lists: Map<string, string[]>): Step[] {
  return pattern
    .trim()
    .split(/\s+/)
    .map((token): Step => {
      if (token === '_') return { any: true };
      if (token === '..') return { gap: true };
      const words = new Set<string>();
      const prefixes: string[] = [];
      for (const alt of token.toLowerCase().split('|')) {
        if (alt[0] === '~') for (const w of lists.get(alt.slice(1)) ?? []) words.add(w.toLowerCase());
        else if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
        else words.add(alt);
      }
      return { words, prefixes };
    });
}

/** Files a rule under how it can start; compile and unpack (packed.ts) both use it, so they index alike. */
export function indexRule(pack: LanguagePack, rule: CompiledRule, firstWords: Iterable<string>): void {
  pack.rules.push(rule);
  if (rule.detector) {
    pack.detectors.push(rule);
    return;
  }
  const first = rule.steps[0]!;
  if (first.any || first.gap) pack.anyFirst.push(rule);
  // One value per call, no rest array: this runs for every first word before the first verdict.
  for (const w of firstWords) {
    const list = pack.byWord.get(w);
    if (list) list.push(rule);
    else pack.byWord.set(w, [rule]);
  }
  for (const prefix of first.prefixes ?? []) push(pack.byPrefix, prefix.slice(0, 3), { prefix, rule });
}

function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}
