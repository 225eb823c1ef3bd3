// One customer message -> level, score and the reasons, with evidence spans in the customer's words.
import { maskQuoted } from '../text/quoted';
import { unmaskTokens } from './masked';
import { tokenize, type Tokens } from '../text/tokens';
import { addWord, findWord, hasId, head, infoAt, wordInfo, type CompiledRule, type LanguagePack, type Step, type TensionRules, type WordInfo } from './rules';

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

// Token flags (as in tokens.ts; local constants keep the hot path free of module-binding reads).
const CAPS = 1;
const ELONGATED = 2;
const EMOJI = 4;
const MAX_GAP = 3;
const MAX_SPANS = 8;
/** How far back from a negator a condition word ("if", "unless") may open its clause: "If you ring me one more time about a debt that isn't mine I'm reporting you". */
const CONDITION_REACH = 12;
/** A reason must carry this many points to license a rule that `requires` it: a passing "cancelled" or "issue" does not make "Great job" sarcastic. */
const REQUIRED_MIN = 10;
/** A hit is shown as evidence when it carries at least this share of its reason's strongest points ("refund", 15, beside "no refund", 25, is not). */
const EVIDENCE = 0.65;

// Reused per call (classification is synchronous): what each token means, and per-language counts.
const infos: WordInfo[] = [];
const ids: number[] = [];
const counts: number[] = [];
const hitReason: Reason[] = [];

export function classifyMessage(text: string, rules: TensionRules): MessageVerdict {
  const hits = matchMessage(text, rules);
  if (hits === null) return { level: 'not-assessed', score: 0, reasons: [], language: lastLanguage, rulesVersion: rules.rulesVersion };
  const reasons = collectReasons(hits, text);
  const score = aggregate(reasons, rules.scoring.decay);
  return { level: levelFor(score, rules), score, reasons, language: lastLanguage, rulesVersion: rules.rulesVersion };
}

let lastLanguage = 'und';

/**
 * The hits of one message (null when its language is not assessed; the language is left in lastLanguage).
 * Exported for scripts/fit-tension.ts, which refits the points of the rules that fire.
 */
export function matchMessage(text: string, rules: TensionRules): Hit[] | null {
  const live = maskQuoted(text);
  const toks = tokenize(live);
  if (rules.masked.length > 0 && live.indexOf('*') >= 0) unmaskTokens(live, toks, rules.masked);
  const p = detectLanguage(toks, rules);
  if (p < 0) return null;
  const pack = rules.packs[p]!;
  lastLanguage = pack.language;
  return warmCaps(keepRequired(matchRules(live, toks, pack, p, rules.scoring.negationWindow, rules.scoring.emphasis)), toks, pack);
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

// Nulls, not an empty array: reading past an array's end takes V8's slow path on every unknown word.
const NONE: WordInfo = { mask: 0, starts: new Array<null>(32).fill(null), seconds: [], gaps: [] };

/** Entry index of a word, or -1. Exact words are in the table from the start; words that may start with a rule prefix are memoised. */
function lookup(key: string, h: number, rules: TensionRules): number {
  const t = rules.table;
  const e = findWord(t, key, h);
  if (e >= 0 || key.length < 3 || !hasId(rules.prefixHeads, head(key))) return e;
  addWord(t, key, h, wordInfo(rules, key, 0));
  return t.keys.length - 1;
}

/**
 * Cheap and honest: count the words each language knows (stopwords, and rule words for assessed packs),
 * looking every word up once (the same lookup finds the rules it can start). A message mostly in a
 * non-Latin script, or long enough yet with no known word, is "und"; short ones fall back to the first
 * pack. Returns the index of the assessed pack, or -1 (lastLanguage says which language).
 */
function detectLanguage(toks: Tokens, rules: TensionRules): number {
  const { key, flags, n } = toks;
  const nl = rules.languages.length;
  for (let l = 0; l < nl; l++) counts[l] = 0;
  let words = 0;
  let nonLatin = 0;
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    const e = lookup(k, toks.hash[i]!, rules);
    ids[i] = e;
    const info = e < 0 ? NONE : infoAt(rules, e);
    infos[i] = info;
    if (flags[i]! & EMOJI) continue;
    const c = k.charCodeAt(0);
    if (c < 0x41) continue; // digits
    words++;
    if (c > 0x24f) nonLatin++;
    for (let mask = info.mask; mask !== 0; mask &= mask - 1) counts[31 - Math.clz32(mask & -mask)]!++;
  }
  lastLanguage = 'und';
  if (nonLatin * 2 > words) return -1;
  let best = 0;
  for (let l = 1; l < nl; l++) if (counts[l]! > counts[best]!) best = l;
  if (counts[best] === 0) {
    if (words >= rules.scoring.minWordsToJudgeLanguage) return -1;
    best = 0;
  }
  lastLanguage = rules.languages[best]!;
  return best < rules.packs.length ? best : -1;
}

// Hot path: plain functions, no closures (cheaper, and no per-call allocation).
function matchRules(text: string, toks: Tokens, pack: LanguagePack, p: number, window: number, emphasis: number): Hit[] {
  const hits: Hit[] = [];
  quotesFound = false;
  const { n, sentence } = toks;
  for (let i = 0; i < n; i++) {
    const info = infos[i]!;
    const starting = info.starts[p];
    if (!starting) continue;
    const seconds = info.seconds[p]!;
    const gaps = info.gaps[p]!;
    // The next word, if a second step could match it (-1 is in no bit set).
    const next = i + 1 < n && sentence[i + 1] === sentence[i] ? ids[i + 1]! : -1;
    for (let r = 0; r < starting.length; r++) {
      const second = seconds[r]!;
      const gap = gaps[r]!;
      if (second !== null ? hasId(second, next) : gap === null || ahead(gap, i, toks)) tryRule(starting[r]!, i, text, toks, pack, window, emphasis, hits);
    }
  }
  if (toks.caps > 0 || toks.bangs.length > 0) findQuoted(text);
  for (const rule of pack.detectors) detect(rule, text, toks, pack, p, hits);
  return hits;
}

/** One of the words within a gap's reach of token i (MAX_GAP words, then the step after), in its sentence. */
function ahead(bits: Uint8Array, i: number, toks: Tokens): boolean {
  for (let k = i + 1; k <= i + MAX_GAP + 1 && k < toks.n && toks.sentence[k] === toks.sentence[i]; k++) if (hasId(bits, ids[k]!)) return true;
  return false;
}

/** Quoted stretches of the message, as start/end pairs (reused per call), found once when first needed. */
const quoted: number[] = [];
let quotesFound = false;
const QUOTED_MAX = 120;

/**
 * What the customer quotes (an error message, a text they got, what they were told) is not their own
 * voice: its capitals and "!!" are not shouting. Pairs "…", “…” and '…' (an apostrophe inside a word
 * opens nothing) on one line.
 */
function findQuoted(text: string): void {
  if (quotesFound) return;
  quotesFound = true;
  quoted.length = 0;
  let open = -1;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) open = -1;
    else if (c === 0x22 || c === 0x201c || c === 0x201d) {
      if (open >= 0 && double && c !== 0x201c) close(open, i);
      else if (c !== 0x201d) {
        open = i;
        double = true;
        continue;
      }
      open = -1;
    } else if (c === 0x27 || c === 0x2018 || c === 0x2019) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
      if (open >= 0 && !double && before !== 0x20 && !isLetter(after)) {
        close(open, i);
        open = -1;
      } else if (open < 0 && c !== 0x2019 && !isLetter(before) && isLetter(after)) {
        open = i;
        double = false;
      }
    }
  }
}

function close(open: number, i: number): void {
  if (i - open <= QUOTED_MAX) quoted.push(open, i);
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c > 64 && c < 91;
}

/** Every word capitalised: a name ("the 'Urgent Care Plus' add-on", "'Premium'"), not words given back. */
function isTitled(text: string, from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    if (!isLetter(text.charCodeAt(k)) || (k > from && text.charCodeAt(k - 1) !== 0x20)) continue;
    if (!isUpperAt(text, k)) return false;
    words++;
  }
  return words > 0;
}

function isLetter(c: number): boolean {
  return (c > 96 && c < 123) || (c > 64 && c < 91) || (c > 47 && c < 58) || c >= 0xc0;
}

function isQuoted(start: number): boolean {
  return quoteAround(start) >= 0;
}

/** Index in `quoted` of the quotation around a position, or -1. */
function quoteAround(start: number): number {
  for (let q = 0; q < quoted.length; q += 2) if (quoted[q]! < start && start < quoted[q + 1]!) return q;
  return -1;
}

function tryRule(rule: CompiledRule, i: number, text: string, toks: Tokens, pack: LanguagePack, window: number, emphasis: number, hits: Hit[]): void {
  const last = rule.steps.length === 1 ? i : matchFrom(rule.steps, 1, i + 1, toks.sentence[i]!, toks, pack.negatorIds);
  if (last < 0) return;
  if (rule.negatedBy && ((negated(i, window, rule.negatedIds!, pack.clauseStartIds, pack.conditionalIds, toks) && !hasId(pack.clauseStartIds, ids[i]!)) || deniedAfter(toks, text, i, last, rule.negatedBy))) return;
  if (rule.unlessNear && near(toks, i, last, rule.unlessNear)) return;
  if (rule.alone && ((i > 0 && toks.sentence[i - 1] === toks.sentence[i]) || (last + 1 < toks.n && toks.sentence[last + 1] === toks.sentence[last]))) return;
  let start = toks.start[i]!;
  let end = toks.end[last]!;
  if (rule.unquoted) {
    // Someone else's words: "I got a letter saying 'legal proceedings may follow'".
    findQuoted(text);
    const q = quoteAround(start);
    if (q >= 0 && end <= quoted[q + 1]!) return;
  }
  if (rule.quoted) {
    findQuoted(text);
    const q = quoteAround(start);
    if (q < 0 || quoted[q + 1]! < end || isTitled(text, quoted[q]! + 1, quoted[q + 1]!)) return;
    start = quoted[q]!;
    end = quoted[q + 1]! + 1;
  }
  let emphasized = false;
  for (let k = i; k <= last; k++) if (toks.flags[k]! & (CAPS | ELONGATED)) emphasized = true;
  const weight = emphasized && rule.weight > 0 ? rule.weight * emphasis : rule.weight;
  hits.push({ rule, start, end, sentence: toks.sentence[i]!, weight });
}

/** Index of the last token of a match of steps[si..] starting at token ti, or -1. Recurses only at gaps (bounded backtracking). */
function matchFrom(steps: Step[], si: number, ti: number, sentence: number, toks: Tokens, negators: Uint8Array): number {
  for (; si < steps.length; si++, ti++) {
    const step = steps[si]!;
    if (step.gap) {
      for (let g = 0; g <= MAX_GAP; g++) {
        if (g > 0) {
          const s = ti + g - 1;
          if (s >= toks.n || toks.sentence[s] !== sentence || toks.flags[s]! & EMOJI || hasId(negators, ids[s]!)) return -1;
        }
        const r = matchFrom(steps, si + 1, ti + g, sentence, toks, negators);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti >= toks.n || toks.sentence[ti] !== sentence) return -1;
    // The step's test, written out here: one call less per word tried.
    const e = ids[ti]!;
    if (step.any) {
      if (toks.flags[ti]! & EMOJI || hasId(negators, e)) return -1;
    } else if (!hasId(step.ids!, e)) {
      const k = toks.key[ti]!;
      let p = step.prefixes!.length - 1;
      while (p >= 0 && !k.startsWith(step.prefixes![p]!)) p--;
      if (p < 0) return -1;
    }
  }
  return ti - 1;
}

/** By word-table ids (every word of these lists is in the table): no string hashing per word looked back at. */
function negated(i: number, window: number, negators: Uint8Array, clauseStarts: Uint8Array, conditionals: Uint8Array, toks: Tokens): boolean {
  const clause = toks.clause[i]!;
  for (let k = i - 1; k >= 0 && k >= i - window; k--) {
    if (toks.clause[k] !== clause) return false;
    if (hasId(negators, ids[k]!)) return true;
    // A new subject starts the threat's own clause: "if it isn't sorted by Friday I'm moving elsewhere".
    // Not when a negator or question word comes just before it: "if I cancel", "how do I cancel"; but
    // "my wife and I are furious" is the customer's own feeling.
    // "if this isn't fixed I'm leaving": a negator inside a condition stays there.
    if (hasId(clauseStarts, ids[k]!) && k > 0 && (toks.key[k - 1] === 'and' || (!hasId(negators, ids[k - 1]!) && !(k > 1 && hasId(negators, ids[k - 2]!) && !inCondition(k - 2, clause, conditionals, toks))))) return false;
  }
  return false;
}

/** A condition word ("if", "unless") in the few words before word j, in its clause. */
function inCondition(j: number, clause: number, conditionals: Uint8Array, toks: Tokens): boolean {
  for (let m = j - 1; m >= 0 && m >= j - CONDITION_REACH && toks.clause[m] === clause; m--) if (hasId(conditionals, ids[m]!)) return true;
  return false;
}

/** "Urgent? Not at all.": the cue is a question of its own (a word or two), and the answer denies it. */
function deniedAfter(toks: Tokens, text: string, i: number, last: number, negators: Set<string>): boolean {
  const s = toks.sentence[i];
  const k = last + 1;
  if (k >= toks.n || toks.sentence[k] === s || (i > 1 && toks.sentence[i - 2] === s) || !negators.has(toks.key[k]!)) return false;
  for (let c = toks.end[last]!; c < toks.start[k]!; c++) if (text.charCodeAt(c) === 63) return true;
  return false;
}

/** A word of the list within two words of the match in its sentence, or inside one of its gaps ("is getting beyond a joke"). */
function near(toks: Tokens, first: number, last: number, words: Set<string>): boolean {
  const s = toks.sentence[first];
  for (let k = Math.max(0, first - 2); k <= last + 2 && k < toks.n; k++) {
    if (k !== first && k !== last && toks.sentence[k] === s && words.has(toks.key[k]!)) return true;
  }
  return false;
}

function isShouted(text: string, toks: Tokens, i: number, pack: LanguagePack): boolean {
  const start = toks.start[i]!;
  return (toks.flags[i]! & CAPS) !== 0 && !pack.acronyms.has(toks.key[i]!) && !isQuoted(start) && !inPlaceholder(text, start, toks.end[i]!) && !inAddress(text, start, toks.end[i]!) && !inHeading(text, start, toks.end[i]!);
}

const SUBJECT_LINE = /^[ \t>]*(?:re|fw|fwd|aw|wg|tr|sv)\s*:/i;
const LABEL_MAX = 30;

/**
 * "RE: FW: Invoice 2291 - PAYMENT REMINDER" (a pasted email subject) and "ORDER DETAILS:" or "NOTE:" opening a line
 * (a form's or an email's label of one or two words): headings, not a raised voice.
 */
function inHeading(text: string, start: number, end: number): boolean {
  let line = start;
  while (line > 0 && start - line < RUN_MAX && text.charCodeAt(line - 1) !== 10) line--;
  if (SUBJECT_LINE.test(text.slice(line, Math.min(start, line + 40)))) return true;
  if (isFormValue(text, line, start)) return true;
  let words = 1;
  for (let k = line; k < start; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) words++;
    else if (c !== 9 && !isUpperLetter(c)) return false;
  }
  for (let k = end; k < text.length && k - line <= LABEL_MAX; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) return words <= 2 && (k + 1 >= text.length || isSpace(text.charCodeAt(k + 1)));
    if (c === 32) words++;
    else if (!isUpperLetter(c)) return false;
  }
  return false;
}

/** "Account name: J K HOLLOWAY": a line of a form, a short label and a value with no small letters. */
function isFormValue(text: string, line: number, start: number): boolean {
  const colon = text.indexOf(':', line);
  if (colon < 0 || colon >= start || colon - line > LABEL_MAX) return false;
  let words = 1;
  for (let k = line; k < colon; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) words++;
    else if (!isLetterCode(c)) return false;
  }
  if (words > 3) return false;
  for (let k = colon + 1; k < text.length && text.charCodeAt(k) !== 10; k++) {
    const c = text.charCodeAt(k);
    if (c > 96 && c < 123) return false;
  }
  return true;
}

function isUpperLetter(c: number): boolean {
  return c > 64 && c < 91;
}

const RUN_MAX = 300;

/**
 * "https://shop.example.com/ORDERS", "example.com/ACCOUNT", "JOHN.SMITH@EXAMPLE.COM", "@GEICO" (a handle on a
 * social channel), "TOO_MANY_REQUESTS", "ACME-WIDGETS-LTD", "3HRS": the word is part of a link, an address, a
 * handle or a code (what it is written in, up to the next space), not a raised voice.
 */
function inAddress(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < RUN_MAX && !isSpace(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < RUN_MAX && !isSpace(text.charCodeAt(b))) b++;
  let joins = 0;
  let dot = false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 64) return true;
    if (c === 46) dot = true;
    else if (c === 47 && (dot || text.charCodeAt(k - 1) === 58)) return true;
    // Digits or "_" inside the word, or two hyphens joining words: a code ("3HRS", "TOO_MANY_REQUESTS", "ACME-WIDGETS-LTD").
    else if (c === 45 && isAlnum(text.charCodeAt(k - 1)) && isAlnum(text.charCodeAt(k + 1))) joins++;
  }
  let w = start;
  while (w > a && isWordChar(text.charCodeAt(w - 1))) w--;
  for (; w < b && (w < end || isWordChar(text.charCodeAt(w))); w++) if (isDigitOrUnderscore(text.charCodeAt(w))) return true;
  return joins >= 2;
}

function isLetterCode(c: number): boolean {
  const l = c | 32;
  return l > 96 && l < 123;
}

function isAlnum(c: number): boolean {
  return isLetterCode(c) || (c > 47 && c < 58);
}

function isDigitOrUnderscore(c: number): boolean {
  return (c > 47 && c < 58) || c === 95;
}

/** What a code's word is made of: letters, digits and "_". */
function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

const PLACEHOLDER_MAX = 40;

/** "[NAME]", "{{FIRST_NAME}}", "<ORDER NUMBER>": a template's or a redaction's placeholder, not a raised voice. */
function inPlaceholder(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && start - a <= PLACEHOLDER_MAX && isPlaceholderChar(text.charCodeAt(a))) a--;
  const open = text.charCodeAt(a);
  if (open !== 0x5b && open !== 0x7b && open !== 0x3c) return false;
  let b = end;
  while (b < text.length && b - end <= PLACEHOLDER_MAX && isPlaceholderChar(text.charCodeAt(b))) b++;
  const close = text.charCodeAt(b);
  return close === (open === 0x5b ? 0x5d : open === 0x7b ? 0x7d : 0x3e);
}

/** Letters, digits, spaces, "_", "-" and "." (what a placeholder's name is made of). */
function isPlaceholderChar(c: number): boolean {
  const l = c | 32;
  return (l > 96 && l < 123) || (c > 47 && c < 58) || c === 32 || c === 95 || c === 45 || c === 46;
}

function detect(rule: CompiledRule, text: string, toks: Tokens, pack: LanguagePack, p: number, hits: Hit[]): void {
  const { n, key, start, end, sentence, flags } = toks;
  const weight = rule.weight;
  if (rule.detector === 'scare-quote') {
    scareQuotes(rule, text, toks, pack, hits);
    return;
  }
  if (rule.detector === 'bang-run') {
    const b = toks.bangs;
    for (let k = 0; k < b.length; k += 4) {
      const len = b[k + 1]! - b[k]!;
      // "??" alone is a question; "?!", "!!" and runs of 3+ are emphasis.
      if (len >= rule.min && (len >= 3 || b[k + 3]) && !isQuoted(b[k]!)) hits.push({ rule, start: b[k]!, end: b[k + 1]!, sentence: b[k + 2]!, weight });
    }
    return;
  }
  if (toks.caps === 0) return;
  if (rule.detector === 'caps-word') {
    // One capitalised word used for emphasis ("NOT", "STILL", "gave ME"); short unknown ones are acronyms (ATM, PDF).
    for (let i = 0; i < n; i++) {
      const k = key[i]!;
      if (isShouted(text, toks, i, pack) && k.length >= 2 && (k.length >= 5 || (infos[i]!.mask & (1 << p)) !== 0)) hits.push({ rule, start: start[i]!, end: end[i]!, sentence: sentence[i]!, weight });
    }
    return;
  }
  // caps-block: a sentence written mostly in capitals.
  for (let i = 0; i < n; ) {
    const s = sentence[i]!;
    let j = i;
    let words = 0;
    let caps = 0;
    let first = -1;
    let last = -1;
    for (; j < n && sentence[j] === s; j++) {
      if (flags[j]! & EMOJI || end[j]! - start[j]! < 2) continue;
      words++;
      if (isShouted(text, toks, j, pack)) {
        caps++;
        if (first < 0) first = j;
        last = j;
      }
    }
    if (caps >= rule.min && caps * 5 >= words * 3) hits.push({ rule, start: start[first]!, end: end[last]!, sentence: s, weight });
    i = j;
  }
}

// Quote marks that open and close a scare quote (’ is also an apostrophe, so it only closes).
function opensQuote(c: number): boolean {
  return c === 0x27 || c === 0x22 || c === 0x2018 || c === 0x201c;
}

function closesQuote(c: number): boolean {
  return c === 0x27 || c === 0x22 || c === 0x2019 || c === 0x201d;
}

/**
 * One to three words in quotes after "the", "your", "a"… and before more words: "your 'premium'
 * support", "the 'instant' transfer" doubt what was claimed. Quoted statuses ("says 'pending'") have no
 * opener; codes, capitals and UI labels (the rule's unlessNear: "the 'Export' button") are not doubt.
 */
/** A sum of money ("a £45 'admin fee'"): what it buys is often the claim in doubt. */
function isPrice(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return (c === 0xa3 || c === 0x24 || c === 0x20ac) && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39;
}

function scareQuotes(rule: CompiledRule, text: string, toks: Tokens, pack: LanguagePack, hits: Hit[]): void {
  const { n, key, start, end, sentence, flags } = toks;
  // A quotation can close the message ("… is not a 'minor interruption'").
  for (let i = 1; i < n; i++) {
    const s = start[i]!;
    if (!opensQuote(text.charCodeAt(s - 1)) || s - 1 !== end[i - 1]! + 1 || sentence[i - 1] !== sentence[i] || !(pack.quoteOpeners.has(key[i - 1]!) || isPrice(text, start[i - 1]!))) continue;
    let titled = 0;
    for (let j = i; j < n && j < i + 3 && sentence[j] === sentence[i]; j++) {
      const k = key[j]!;
      if (flags[j]! & (CAPS | EMOJI) || k.charCodeAt(0) < 0x41 || k.includes('_')) break;
      if (isUpperAt(text, start[j]!)) titled++;
      const after = text.charCodeAt(end[j]!);
      if (closesQuote(after)) {
        // Words all in title case are a name ("the 'Urgent Care Plus' add-on"), not a doubted claim.
        const name = j > i && titled === j - i + 1;
        if (!name && !(rule.unlessNear && near(toks, i, j, rule.unlessNear))) hits.push({ rule, start: s - 1, end: end[j]! + 1, sentence: sentence[i]!, weight: rule.weight });
        break;
      }
      if (after !== 0x20) break;
    }
  }
}

/**
 * Drops hits whose rule `requires` a reason that did not fire in the same sentence or one next to it
 * ("Really great service. Still no refund."); a scare quote doubts a claim, and the complaint that shows
 * it can be anywhere in the message ("Your 'support' team closed my ticket. … Are you TRYING to lose
 * customers?"), and so can the anger behind a rule marked `anywhere` ("F*** this. … Cancel my account.")
 * (hits are few: no maps).
 */
/**
 * Capitals in a sentence that thanks and complains of nothing are warmth, not a raised voice: "THANK YOU SO
 * MUCH!!! It works now" still shows its capitals but they add no points. "THANKS FOR NOTHING" and "THANK YOU,
 * BUT IT IS STILL BROKEN" keep theirs.
 */
function warmCaps(hits: Hit[], toks: Tokens, pack: LanguagePack): Hit[] {
  if (toks.caps === 0 || pack.gratitude.size === 0) return hits;
  for (const h of hits) {
    if ((h.rule.detector === 'caps-word' || h.rule.detector === 'caps-block') && h.weight > 0 && warmSentence(h.sentence, hits, toks, pack)) h.weight = 0;
  }
  return hits;
}

function warmSentence(s: number, hits: Hit[], toks: Tokens, pack: LanguagePack): boolean {
  let thanks = false;
  for (let k = 0; k < toks.n; k++) if (toks.sentence[k] === s && pack.gratitude.has(toks.key[k]!)) thanks = true;
  if (!thanks) return false;
  for (const o of hits) if (o.sentence === s && o.weight > 0 && o.rule.detector === null) return false;
  return true;
}

function keepRequired(hits: Hit[]): Hit[] {
  let w = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const need = h.rule.requires;
    let ok = need === null;
    for (let j = 0; !ok && j < hits.length; j++) {
      const o = hits[j]!;
      ok = o.rule.requires === null && o.weight >= REQUIRED_MIN && (h.rule.detector === 'scare-quote' || h.rule.anywhere || Math.abs(o.sentence - h.sentence) <= 1) && need!.includes(o.rule.reason);
    }
    if (ok) hits[w++] = h;
  }
  // Setting an array's length is a runtime call: only when something was dropped.
  if (w < hits.length) hits.length = w;
  return hits;
}

function collectReasons(hits: Hit[], text: string): Reason[] {
  const reasons: Reason[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    let r: Reason | undefined;
    for (const x of reasons) if (x.id === h.rule.reason) r = x;
    if (!r) {
      // Arrays made with their first element need no growing.
      reasons.push((r = { id: h.rule.reason, spans: [], ruleIds: [h.rule.id], weight: h.weight }));
    } else {
      // A cue worth 0 points (reported, not scored) never lowers its reason.
      if (h.rule.weight >= 0 ? h.weight > r.weight : h.weight < r.weight) r.weight = h.weight;
      if (!r.ruleIds.includes(h.rule.id)) r.ruleIds.push(h.rule.id);
    }
    hitReason[i] = r;
  }
  // The evidence shown is what carried the reason: a bare "still" is no proof of a service failure when
  // "no refund" is there. A few spans per reason are enough, and keep long inputs linear.
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const r = hitReason[i]!;
    if (Math.abs(h.weight) < Math.abs(r.weight) * EVIDENCE) continue;
    const end = maskedEnd(text, h.end);
    if (r.spans.length === 0) r.spans.push({ start: h.start, end, text: text.slice(h.start, end) });
    else if (r.spans.length < MAX_SPANS) addSpan(r.spans, h.start, end, text);
  }
  hitReason.length = 0;
  for (const r of reasons) r.weight = Math.round(r.weight * 10) / 10;
  return reasons.length > 1 ? reasons.sort(byWeight) : reasons;
}

/** Where a word masked with asterisks ends ("F***", "sh*t"): the tokenizer stops at the first '*', the quote should not. */
function maskedEnd(text: string, end: number): number {
  if (text.charCodeAt(end) !== 42) return end;
  while (text.charCodeAt(end) === 42) end++;
  for (let c = text.charCodeAt(end) | 32; c > 96 && c < 123; c = text.charCodeAt(end) | 32) end++;
  return end;
}

/** Adds a span unless one already covers it; drops the ones it covers. Keeps spans in order of start (ties in arrival order, as a stable sort would). */
function addSpan(spans: Span[], start: number, end: number, text: string): void {
  let w = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.start <= start && end <= s.end) return;
    if (!(start <= s.start && s.end <= end)) spans[w++] = s;
  }
  if (w < spans.length) spans.length = w;
  const span = { start, end, text: text.slice(start, end) };
  for (; w > 0 && spans[w - 1]!.start > start; w--) spans[w] = spans[w - 1]!;
  spans[w] = span;
}

function byWeight(a: Reason, b: Reason): number {
  return b.weight - a.weight;
}
