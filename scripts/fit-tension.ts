// npm run fit:tension -- --data FILE [--data FILE] [--folds 5] [--top 600] [--l2 1] [--write]
// Fits the English lexicon (word points) that the classifier adds to its cue rules, on labelled JSON Lines
// ({"text", "label"}). Model: one linear tension score z = a·R + Σ w·count(word) with two logistic heads
// (not calm: z + b1, heated: z + b2), L2-regularised, rows weighted so each class of each data set counts
// the same. R is the rules' own score with every non-cue rule at a data-free prior (25 points, mitigating
// -6) and the cue rules (threats, demands, capitals, emoji) at their hand-set points, so nothing fitted
// leaks into the cross-validation. Only the top-N words by |w| are kept; they are refit, turned into
// integer points (w / a, so they add to rule points), and the two thresholds are chosen on the training
// rows (mean macro-F1 over the data sets, golden ticket levels as a penalty). k-fold CV repeats all of it
// per fold; the final model is fit on all rows and, with --write, stored in seeds/tension/en.json with a
// `fitted` note. Only derived numbers are written; the data never enters the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { aggregateSums, lastWords, matchMessage } from '../src/core/tension/classify';
import { compileTensionRules, type CompiledRule, type TensionRules } from '../src/core/tension/rules';
import type { TensionSeed } from '../src/core/tension/schema';
import { CLASSES, f1s, readRows } from './bench/tension';
import { readTensionSeeds, TENSION_SEEDS_DIR } from './cli/classify';

/** Reasons whose points are hand-set (explicit escalation cues), never fitted. */
const FIXED = new Set(['cancel-threat', 'supervisor-demand', 'public-threat', 'legal-threat']);
const PRIOR = 25;
const PRIOR_POLITE = -6;
/** Levels pinned by src/core/tension/tension.test.ts, held like the golden file. */
const PINNED: Array<[string, string]> = [
  ['Hi, could you help me update my billing address? Thanks!', 'calm'],
  ["If this isn't fixed today I'm cancelling my account.", 'heated'],
  ['My lawyer will be in touch.', 'heated'],
  ["This is the third time I'm asking about this.", 'tense'],
  ['Thanks for nothing.', 'tense'],
  ['WHERE IS MY REFUND', 'tense'],
  ['please cancel my subscription, thanks', 'calm'],
  ["I don't want to cancel, I love the product", 'calm'],
  ['my manager asked me to request an invoice', 'calm'],
];

const args = process.argv.slice(2);
const files: string[] = [];
const opt = { folds: 5, top: 600, l2: 1, minDf: 5, decay: 0.5, iters: 300, xciBoost: 1 };
let write = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--data') files.push(args[++i]!);
  else if (a === '--write') write = true;
  else if (a.startsWith('--') && a.slice(2) in opt) (opt as Record<string, number>)[a.slice(2)] = Number(args[++i]);
}
if (files.length === 0) {
  process.stderr.write('Usage: npm run fit:tension -- --data FILE [--data FILE] [--folds 5] [--top 600] [--l2 1] [--write]\n');
  process.exit(2);
}

const seedFiles = readTensionSeeds();
const seeds = seedFiles.map((s) => s.seed) as TensionSeed[];
// The rules without any lexicon: hits do not depend on it, and the fit must not see an earlier fit.
const rules: TensionRules = compileTensionRules(seeds.map((s) => ({ ...s, lexicon: undefined })));
const ruleDecay = rules.scoring.decay;
const emphasis = rules.scoring.emphasis;

const isFixed = (r: CompiledRule): boolean => FIXED.has(r.reason) || r.id.startsWith('core.');
const priorOf = (r: CompiledRule): number => (isFixed(r) ? r.weight : r.weight < 0 ? PRIOR_POLITE : PRIOR);

interface Row {
  /** Rule score R (prior points), unclamped, before the lexicon. */
  r: number;
  /** Word keys per sentence (negated words left out). */
  sents: string[][];
  gold: number;
  set: number;
  golden?: boolean;
}

/** The classifier's rule aggregation on prior points: per reason the strongest hit, top-k decayed, minus mitigation. */
function ruleScore(text: string): { r: number; sents: string[][] } | null {
  const hits = matchMessage(text, rules);
  if (hits === null) return null;
  const best = new Map<string, number>();
  for (const h of hits) {
    const p = priorOf(h.rule);
    const v = h.weight !== h.rule.weight && p > 0 ? p * emphasis : p;
    const old = best.get(h.rule.reason);
    if (old === undefined || (v > 0 ? v > old : v < old)) best.set(h.rule.reason, v);
  }
  const vals = [...best.values()].map((v) => Math.round(v * 10) / 10).sort((a, b) => b - a);
  let s = 0;
  let f = 1;
  let mit = 0;
  for (const v of vals) {
    if (v > 0) {
      s += v * f;
      f *= ruleDecay;
    } else mit = Math.min(mit, v);
  }
  const sents: string[][] = [];
  for (const w of lastWords()) {
    (sents[w.sentence] ??= []);
    if (!w.negated) sents[w.sentence]!.push(w.key);
  }
  for (let k = 0; k < sents.length; k++) sents[k] ??= [];
  return { r: s + mit, sents };
}

const LABELS: Record<string, number> = { calm: 0, tense: 1, heated: 2 };
const featurize = (text: string, gold: number, set: number): Row => ({ ...(ruleScore(text) ?? { r: 0, sents: [] }), gold, set });
const data: Row[][] = files.map((f, set) => readRows(f).map((r) => featurize(r.text, LABELS[r.label]!, set)));
const golden: Row[] = readFileSync(join(import.meta.dirname, '../src/core/tension/golden.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text?: string; expect: { level: string } })
  .filter((g) => g.text !== undefined && g.expect.level !== 'not-assessed')
  .map((g) => ({ ...featurize(g.text!, LABELS[g.expect.level]!, -1), golden: true }))
  .concat(PINNED.map(([text, l]) => ({ ...featurize(text, LABELS[l]!, -1), golden: true })));

interface Model {
  points: Map<string, number>;
  tense: number;
  heated: number;
}

/** Runtime score: R plus the lexicon's aggregated sentence sums, clamped and rounded as the classifier does. */
function score(row: Row, points: Map<string, number>): number {
  const s = row.sents.map((ws) => ws.reduce((a, w) => a + (points.get(w) ?? 0), 0));
  const lex = s.length ? aggregateSums(s, s.length, opt.decay) : 0;
  return Math.round(Math.max(0, Math.min(100, row.r + lex)));
}

/** L2-regularised two-head logistic regression (Adam, full batch). Returns the word weights in points. */
function fitWeights(train: Row[], vocab: string[]): Map<string, number> {
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  // Row weights: every class of every data set counts the same in the loss.
  const n = new Map<string, number>();
  for (const r of train) n.set(`${r.set}/${r.gold}`, (n.get(`${r.set}/${r.gold}`) ?? 0) + 1);
  const rw = train.map((r) => (1 / n.get(`${r.set}/${r.gold}`)!) * (r.set === 0 ? opt.xciBoost : 1) * train.length);
  const feats = train.map((r) => {
    const m = new Map<number, number>();
    for (const ws of r.sents) for (const w of ws) {
      const j = id.get(w);
      if (j !== undefined) m.set(j, (m.get(j) ?? 0) + 1);
    }
    return [...m];
  });
  // Parameters: w[0..V), a (rule score, per 50 points), b1, b2.
  const P = V + 3;
  const th = new Float64Array(P);
  th[V] = 1;
  th[V + 1] = -1;
  th[V + 2] = -2;
  const m1 = new Float64Array(P);
  const m2 = new Float64Array(P);
  const g = new Float64Array(P);
  const lr = 0.05;
  const totalW = rw.reduce((a, b) => a + b, 0);
  for (let it = 1; it <= opt.iters; it++) {
    g.fill(0);
    for (let i = 0; i < train.length; i++) {
      const r = train[i]!;
      let z = th[V]! * (r.r / 50);
      for (const [j, c] of feats[i]!) z += th[j]! * c;
      const p1 = 1 / (1 + Math.exp(-(z + th[V + 1]!)));
      const p2 = 1 / (1 + Math.exp(-(z + th[V + 2]!)));
      const e1 = p1 - (r.gold >= 1 ? 1 : 0);
      const e2 = p2 - (r.gold >= 2 ? 1 : 0);
      const e = (e1 + e2) * rw[i]!;
      for (const [j, c] of feats[i]!) g[j]! += e * c;
      g[V]! += e * (r.r / 50);
      g[V + 1]! += e1 * rw[i]!;
      g[V + 2]! += e2 * rw[i]!;
    }
    for (let j = 0; j < P; j++) {
      let gj = g[j]! / totalW;
      if (j < V) gj += (opt.l2 * th[j]!) / totalW * 100;
      m1[j] = 0.9 * m1[j]! + 0.1 * gj;
      m2[j] = 0.999 * m2[j]! + 0.001 * gj * gj;
      th[j]! -= (lr * (m1[j]! / (1 - 0.9 ** it))) / (Math.sqrt(m2[j]! / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  const a = Math.max(th[V]!, 0.05);
  return new Map(vocab.map((w, j) => [w, (th[j]! * 50) / a]));
}

const level = (s: number, m: { tense: number; heated: number }): number => (s >= m.heated ? 2 : s >= m.tense ? 1 : 0);

function macro(rows: Row[], scores: number[], t: number, h: number): number {
  const gold = rows.map((r) => CLASSES[r.gold]!);
  return f1s(gold, scores.map((s) => CLASSES[level(s, { tense: t, heated: h })]!)).macro;
}

/** Thresholds by mean macro-F1 over the data sets; every golden/pinned level missed costs 2 points. */
function fitThresholds(train: Row[], points: Map<string, number>): { tense: number; heated: number } {
  const sets = files.map((_, s) => train.filter((r) => r.set === s));
  const scores = sets.map((rows) => rows.map((r) => score(r, points)));
  const gold = golden.map((r) => score(r, points));
  let best = { tense: 25, heated: 50, o: -Infinity };
  for (let t = 5; t <= 80; t++) {
    for (let h = t + 1; h <= 95; h++) {
      let o = sets.reduce((acc, rows, s) => acc + macro(rows, scores[s]!, t, h), 0) / sets.length;
      golden.forEach((r, i) => (o -= level(gold[i]!, { tense: t, heated: h }) === r.gold ? 0 : 2));
      if (o > best.o) best = { tense: t, heated: h, o };
    }
  }
  return { tense: best.tense, heated: best.heated };
}

function fitModel(train: Row[], log = false): Model {
  const df = new Map<string, number>();
  for (const r of train) for (const w of new Set(r.sents.flat())) df.set(w, (df.get(w) ?? 0) + 1);
  const vocab = [...df].filter(([w, c]) => c >= opt.minDf && w.charCodeAt(0) >= 0x41).map(([w]) => w);
  const all = fitWeights(train, vocab);
  const top = [...all].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1])).slice(0, opt.top).map(([w]) => w);
  const refit = fitWeights(train, top);
  const points = new Map<string, number>();
  for (const [w, v] of refit) if (Math.round(v) !== 0) points.set(w, Math.round(v));
  const th = fitThresholds(train, points);
  if (log) console.log(`  vocabulary ${vocab.length} words, kept ${points.size}; thresholds tense ≥ ${th.tense}, heated ≥ ${th.heated}`);
  return { points, ...th };
}

const fmt = (x: number): string => x.toFixed(1);
const names = files.map((f) => basename(f).replace(/\.jsonl$/, ''));
console.log(`rules ${rules.rulesVersion}; options ${JSON.stringify(opt)}`);

const cvPred: number[][] = data.map((rows) => new Array<number>(rows.length));
for (let f = 0; f < opt.folds; f++) {
  const train = data.flatMap((rows) => rows.filter((_, i) => i % opt.folds !== f));
  const m = fitModel(train);
  data.forEach((rows, s) => rows.forEach((r, i) => i % opt.folds === f && (cvPred[s]![i] = level(score(r, m.points), m))));
  console.log(`fold ${f + 1}/${opt.folds}: ${m.points.size} words, thresholds ${m.tense}/${m.heated}`);
}
const cv: Record<string, number> = {};
data.forEach((rows, s) => {
  const r = f1s(rows.map((x) => CLASSES[x.gold]!), cvPred[s]!.map((l) => CLASSES[l]!));
  cv[names[s]!] = Math.round(r.macro * 10) / 10;
  console.log(`${opt.folds}-fold CV, ${names[s]}: macro-F1 ${fmt(r.macro)} (${CLASSES.map((c) => fmt(r.per[c])).join(' / ')})`);
});
console.log(`mean CV macro-F1 ${fmt(Object.values(cv).reduce((a, b) => a + b, 0) / names.length)}`);

console.log('fit on all rows:');
const final = fitModel(data.flat(), true);
data.forEach((rows, s) => {
  const r = f1s(rows.map((x) => CLASSES[x.gold]!), rows.map((x) => CLASSES[level(score(x, final.points), final)]!));
  console.log(`in-sample, ${names[s]}: macro-F1 ${fmt(r.macro)} (${CLASSES.map((c) => fmt(r.per[c])).join(' / ')})`);
});
const missed = golden.filter((r) => level(score(r, final.points), final) !== r.gold).length;
console.log(`golden/pinned levels missed: ${missed} of ${golden.length}`);

if (write) {
  const file = seedFiles.find((s) => (s.seed as TensionSeed).language === 'en')!.file;
  const seed = JSON.parse(readFileSync(join(TENSION_SEEDS_DIR, file), 'utf8')) as TensionSeed;
  // Non-cue rules go to the prior points the model was fit with (a `words` rule: its weight, entries plain).
  for (const rule of seed.rules ?? []) {
    if (FIXED.has(rule.reason)) continue;
    rule.weight = rule.weight < 0 ? PRIOR_POLITE : PRIOR;
    if (rule.words !== undefined) rule.words = rule.words.trim().split(/\s+/).map((item) => item.split(':')[0]).join(' ');
  }
  seed.lexicon = [...final.points].sort((x, y) => y[1] - x[1]).map(([w, v]) => `${w}:${v}`).join(' ');
  seed.fitted = {
    by: `npm run fit:tension: two-head logistic regression (L2 ${opt.l2}, words in ${opt.minDf}+ rows, top ${opt.top} by |w|, refit, integer points), rule score at prior points as a feature, thresholds by mean macro-F1`,
    data: names,
    folds: opt.folds,
    cv,
  };
  const core = seedFiles.find((s) => (s.seed as TensionSeed).language === '*')!.file;
  const coreSeed = JSON.parse(readFileSync(join(TENSION_SEEDS_DIR, core), 'utf8')) as TensionSeed;
  coreSeed.scoring = { ...coreSeed.scoring, thresholds: { tense: final.tense, heated: final.heated }, lexiconDecay: opt.decay };
  // Compiles, or the write is refused.
  compileTensionRules(seeds.map((s) => (s.language === 'en' ? seed : s.language === '*' ? coreSeed : s)));
  writeFileSync(join(TENSION_SEEDS_DIR, file), formatSeed(seed));
  writeFileSync(join(TENSION_SEEDS_DIR, core), `${JSON.stringify(coreSeed, null, 1)}\n`);
  console.log(`wrote ${file} and ${core}`);
}

/** One rule per line: diffs stay readable. */
function formatSeed(seed: TensionSeed): string {
  const { rules: list = [], ...rest } = seed;
  const head = JSON.stringify(rest, null, 1).replace(/\n\s*/g, ' ').replace(/ }$/, '');
  return `${head}, "rules": [\n${list.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]}\n`;
}
