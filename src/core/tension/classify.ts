// One customer message -> level, score and the reasons, with evidence spans in the customer's words.
import { maskQuoted } from '../text/quoted';
import { tokenize, type Token, type Tokens } from '../text/tokens';
import type { CompiledRule, LanguagePack, Step, TensionRules } from './rules';

export type Level = 'calm' | 'tense' | 'heated' | 'not-assessed';
export type ReasonId =
  | 'cancel-threat'
  | 'supervisor-demand'
  | 'public-threat'
  | 'legal-threat'
  | 'repeat-contact'
  | 'urgency'
  | 'profanity'
  | 'insult'
  | 'shouting'
  | 'exclamation'
  | 'sarcasm'
  | 'negative-emotion'
  | 'accusation'
  | 'politeness'
  | (string & {});

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Reason {
  id: ReasonId;
  spans: Span[];
  ruleIds: string[];
  /** Points this reason carried (the strongest of its hits), before top-k aggregation. */
  weight: number;
  /** Thread verdicts: index in the input thread of the message the spans point into. */
  message?: number;
}

export interface MessageVerdict {
  level: Level;
  score: number;
  reasons: Reason[];
  language: string;
  rulesVersion: string;
}

interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  sentence: number;
  weight: number;
}

const MAX_GAP = 3;
const MAX_SPANS = 8;
const MAX_CACHE = 50_000;

export function classifyMessage(text: string, rules: TensionRules): MessageVerdict {
  const toks = tokenize(maskQuoted(text));
  const { language, pack } = detectLanguage(toks.tokens, rules);
  if (!pack) return { level: 'not-assessed', score: 0, reasons: [], language, rulesVersion: rules.rulesVersion };
  const hits = keepRequired(matchRules(toks, pack, rules.starts[rules.packs.indexOf(pack)]!, rules.scoring.negationWindow, rules.scoring.emphasis));
  const reasons = collectReasons(hits, text);
  const score = aggregate(reasons, rules.scoring.decay);
  return { level: levelFor(score, rules), score, reasons, language, rulesVersion: rules.rulesVersion };
}

export function levelFor(score: number, rules: TensionRules): Level {
  const t = rules.scoring.thresholds;
  return score >= t.heated ? 'heated' : score >= t.tense ? 'tense' : 'calm';
}

/** Top-k aggregation: strongest reason counts fully, each next one `decay` times the one before. */
export function aggregate(reasons: Reason[], decay: number): number {
  let score = 0;
  let factor = 1;
  let mitigation = 0;
  for (const r of reasons) {
    if (r.weight > 0) {
      score += r.weight * factor;
      factor *= decay;
    } else mitigation = Math.min(mitigation, r.weight);
  }
  return Math.round(Math.max(0, Math.min(100, score + mitigation)));
}

/**
 * Cheap and honest: count the words each pack knows (stopwords and rule words). A message mostly in a
 * non-Latin script, or long enough yet with no known word, is "und"; short ones fall back to the first pack.
 */
function detectLanguage(tokens: Token[], rules: TensionRules): { language: string; pack: LanguagePack | null } {
  const packs = rules.packs;
  const counts = new Array<number>(packs.length).fill(0);
  let wordCount = 0;
  let nonLatin = 0;
  for (const t of tokens) {
    if (t.emoji) continue;
    const c = t.key.charCodeAt(0);
    if (c < 0x41) continue; // digits
    wordCount++;
    if (c > 0x24f) nonLatin++;
    const mask = rules.lexicon.get(t.key);
    if (mask) for (let p = 0; p < packs.length; p++) if (mask & (1 << p)) counts[p]!++;
  }
  const fallback = packs[0]!;
  if (nonLatin * 2 > wordCount) return { language: 'und', pack: null };
  let best = 0;
  for (let p = 1; p < packs.length; p++) if (counts[p]! > counts[best]!) best = p;
  if (counts[best] === 0) {
    return wordCount >= rules.scoring.minWordsToJudgeLanguage ? { language: 'und', pack: null } : { language: fallback.language, pack: fallback };
  }
  const pack = packs[best]!;
  return { language: pack.language, pack: pack.assessed ? pack : null };
}

// Hot path: plain functions, no closures (cheaper, and no per-call allocation).
function matchRules(toks: Tokens, pack: LanguagePack, cache: Map<string, CompiledRule[] | null>, window: number, emphasis: number): Hit[] {
  const { tokens } = toks;
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i]!.key;
    let starting = cache.get(key);
    if (starting === undefined) {
      starting = rulesStartingWith(pack, key);
      if (cache.size > MAX_CACHE) cache.clear();
      cache.set(key, starting);
    }
    if (starting) for (const rule of starting) tryRule(rule, i, tokens, pack, window, emphasis, hits);
  }
  for (const rule of pack.detectors) detect(rule, toks, pack, hits);
  return hits;
}

function tryRule(rule: CompiledRule, i: number, tokens: Token[], pack: LanguagePack, window: number, emphasis: number, hits: Hit[]): void {
  const first = tokens[i]!;
  const last = matchFrom(rule.steps, 1, i + 1, first.sentence, tokens, pack.negators);
  if (last < 0) return;
  if (rule.negatedBy && !pack.clauseStarts.has(first.key) && negated(tokens, i, window, rule.negatedBy)) return;
  if (rule.unlessNear && near(tokens, i, last, rule.unlessNear)) return;
  let emphasized = false;
  for (let k = i; k <= last; k++) if (tokens[k]!.caps || tokens[k]!.elongated) emphasized = true;
  const weight = emphasized && rule.weight > 0 ? rule.weight * emphasis : rule.weight;
  hits.push({ rule, start: first.start, end: tokens[last]!.end, sentence: first.sentence, weight });
}

function rulesStartingWith(pack: LanguagePack, key: string): CompiledRule[] | null {
  const out: CompiledRule[] = [...(pack.byWord.get(key) ?? []), ...pack.anyFirst];
  if (key.length >= 3) for (const { prefix, rule } of pack.byPrefix.get(key.slice(0, 3)) ?? []) if (key.startsWith(prefix)) out.push(rule);
  return out.length ? out : null;
}

function stepMatches(step: Step, t: Token, negators: Set<string>): boolean {
  if (step.any) return !t.emoji && !negators.has(t.key);
  if (step.words!.has(t.key)) return true;
  for (const p of step.prefixes!) if (t.key.startsWith(p)) return true;
  return false;
}

/** Index of the last token of a match of steps[si..] starting at token ti, or -1. Bounded backtracking. */
function matchFrom(steps: Step[], si: number, ti: number, sentence: number, tokens: Token[], negators: Set<string>): number {
  if (si === steps.length) return ti - 1;
  const step = steps[si]!;
  if (step.gap) {
    for (let g = 0; g <= MAX_GAP; g++) {
      if (g > 0) {
        const skipped = tokens[ti + g - 1];
        if (!skipped || skipped.sentence !== sentence || skipped.emoji || negators.has(skipped.key)) return -1;
      }
      const r = matchFrom(steps, si + 1, ti + g, sentence, tokens, negators);
      if (r >= 0) return r;
    }
    return -1;
  }
  const t = tokens[ti];
  if (!t || t.sentence !== sentence || !stepMatches(step, t, negators)) return -1;
  return matchFrom(steps, si + 1, ti + 1, sentence, tokens, negators);
}

function negated(tokens: Token[], i: number, window: number, negators: Set<string>): boolean {
  const { clause } = tokens[i]!;
  for (let k = i - 1; k >= 0 && k >= i - window; k--) {
    const t = tokens[k]!;
    if (t.clause !== clause) return false;
    if (negators.has(t.key)) return true;
  }
  return false;
}

function near(tokens: Token[], first: number, last: number, words: Set<string>): boolean {
  for (let k = Math.max(0, first - 2); k <= last + 2 && k < tokens.length; k++) {
    if ((k < first || k > last) && words.has(tokens[k]!.key)) return true;
  }
  return false;
}

function isShouted(t: Token, pack: LanguagePack): boolean {
  return t.caps && !pack.acronyms.has(t.key);
}

function detect(rule: CompiledRule, toks: Tokens, pack: LanguagePack, hits: Hit[]): void {
  const { tokens } = toks;
  if (rule.detector === 'bang-run') {
    for (const b of toks.bangs) {
      if (b.text.length >= rule.min && (b.text.includes('!') || b.text.length >= 3)) hits.push({ rule, start: b.start, end: b.end, sentence: b.sentence, weight: rule.weight });
    }
    return;
  }
  if (rule.detector === 'caps-word') {
    // One capitalised word used for emphasis ("NOT", "STILL"); short unknown ones are acronyms (ATM, PDF).
    for (const t of tokens) {
      if (isShouted(t, pack) && t.key.length >= 3 && (t.key.length >= 5 || pack.known.has(t.key))) {
        hits.push({ rule, start: t.start, end: t.end, sentence: t.sentence, weight: rule.weight });
      }
    }
    return;
  }
  // caps-block: a sentence written mostly in capitals.
  for (let i = 0; i < tokens.length; ) {
    const sentence = tokens[i]!.sentence;
    let j = i;
    let words = 0;
    let caps = 0;
    let first = -1;
    let last = -1;
    for (; j < tokens.length && tokens[j]!.sentence === sentence; j++) {
      const t = tokens[j]!;
      if (t.emoji || t.end - t.start < 2) continue;
      words++;
      if (isShouted(t, pack)) {
        caps++;
        if (first < 0) first = j;
        last = j;
      }
    }
    if (caps >= rule.min && caps * 5 >= words * 3) hits.push({ rule, start: tokens[first]!.start, end: tokens[last]!.end, sentence, weight: rule.weight });
    i = j;
  }
}

/** Drops hits whose rule `requires` a reason that did not fire in the same sentence. */
function keepRequired(hits: Hit[]): Hit[] {
  let any = false;
  for (const h of hits) if (h.rule.requires) any = true;
  if (!any) return hits;
  const bySentence = new Map<number, Set<string>>();
  for (const h of hits) {
    if (h.rule.requires) continue;
    let set = bySentence.get(h.sentence);
    if (!set) bySentence.set(h.sentence, (set = new Set()));
    set.add(h.rule.reason);
  }
  const kept: Hit[] = [];
  for (const h of hits) {
    const need = h.rule.requires;
    const present = need ? bySentence.get(h.sentence) : undefined;
    if (!need || (present && need.some(has, present))) kept.push(h);
  }
  return kept;
}

function has(this: Set<string>, reason: string): boolean {
  return this.has(reason);
}

function collectReasons(hits: Hit[], text: string): Reason[] {
  if (hits.length === 0) return [];
  const byReason = new Map<string, Reason>();
  for (const h of hits) {
    let r = byReason.get(h.rule.reason);
    if (!r) byReason.set(h.rule.reason, (r = { id: h.rule.reason, spans: [], ruleIds: [], weight: h.weight }));
    if (h.rule.weight > 0 ? h.weight > r.weight : h.weight < r.weight) r.weight = h.weight;
    if (!r.ruleIds.includes(h.rule.id)) r.ruleIds.push(h.rule.id);
    // A few spans per reason are enough evidence and keep long inputs linear.
    if (r.spans.length < MAX_SPANS) addSpan(r.spans, h.start, h.end, text);
  }
  const reasons = [...byReason.values()];
  for (const r of reasons) {
    r.spans.sort(byStart);
    r.weight = Math.round(r.weight * 10) / 10;
  }
  return reasons.sort(byWeight);
}

/** Adds a span unless one already covers it; drops the ones it covers. */
function addSpan(spans: Span[], start: number, end: number, text: string): void {
  let w = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.start <= start && end <= s.end) return;
    if (!(start <= s.start && s.end <= end)) spans[w++] = s;
  }
  spans.length = w;
  spans.push({ start, end, text: text.slice(start, end) });
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

function byWeight(a: Reason, b: Reason): number {
  return b.weight - a.weight;
}
