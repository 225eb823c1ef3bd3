// npm run bench:tension -- --data FILE [--data FILE2] [--vader-mib 0.5] [--accuracy-only]
// Accuracy (macro-F1, per-class F1) for Defuse and the VADER / AFINN baselines with their best cut-offs
// (fit on the same data, and 5-fold cross-validated), then speed on one corpus in one process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { classifyMessage, classifyThread, type ThreadMessage } from '../../src/core/tension/index';
import { loadSeedRules, readTensionSeeds } from '../cli/classify';

const require = createRequire(import.meta.url);

export const CLASSES = ['calm', 'tense', 'heated'] as const;
export type Label = (typeof CLASSES)[number];
export interface Row {
  text: string;
  label: Label;
  /** Reason ids a good verdict reports (ticket-style sets only). */
  cues?: string[];
  /** Reason ids a naive matcher might report but that are not there (hard negatives). */
  absent?: string[];
}

/** Per reason id: recall over rows that list it in `cues`, and false reports over rows that list it in `absent`. */
export function cueFigures(rows: Row[], reported: string[][]): Array<{ id: string; found: number; of: number; falsely: number; absentOf: number }> {
  const by = new Map<string, { id: string; found: number; of: number; falsely: number; absentOf: number }>();
  const get = (id: string) => by.get(id) ?? by.set(id, { id, found: 0, of: 0, falsely: 0, absentOf: 0 }).get(id)!;
  rows.forEach((r, i) => {
    for (const id of r.cues ?? []) {
      const c = get(id);
      c.of++;
      if (reported[i]!.includes(id)) c.found++;
    }
    for (const id of r.absent ?? []) {
      const c = get(id);
      c.absentOf++;
      if (reported[i]!.includes(id)) c.falsely++;
    }
  });
  return [...by.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

export function f1s(gold: Label[], pred: Label[]): { macro: number; per: Record<Label, number> } {
  const per = {} as Record<Label, number>;
  for (const c of CLASSES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    per[c] = tp === 0 ? 0 : (200 * tp) / (2 * tp + fp + fn);
  }
  return { macro: (per.calm + per.tense + per.heated) / 3, per };
}

/** Cut-offs on a score where higher = more tense: tense if score ≥ a, heated if ≥ b (b ≥ a). */
export function cut(score: number, a: number, b: number): Label {
  return score >= b ? 'heated' : score >= a ? 'tense' : 'calm';
}

/** Best (a, b) by macro-F1 over candidate cut-offs taken from score quantiles. */
export function fitCutoffs(scores: number[], gold: Label[]): { a: number; b: number; macro: number } {
  const sorted = [...new Set(scores)].sort((x, y) => x - y);
  const step = Math.max(1, Math.floor(sorted.length / 60));
  const cands = sorted.filter((_, i) => i % step === 0);
  cands.push(Infinity);
  let best = { a: Infinity, b: Infinity, macro: -1 };
  for (let i = 0; i < cands.length; i++) {
    for (let j = i; j < cands.length; j++) {
      const a = cands[i]!;
      const b = cands[j]!;
      const m = f1s(gold, scores.map((s) => cut(s, a, b))).macro;
      if (m > best.macro) best = { a, b, macro: m };
    }
  }
  return best;
}

/** Deterministic 5-fold split (every k-th row), fit on 4 folds, predict the 5th; pooled macro-F1. */
export function crossValidate(scores: number[], gold: Label[], folds = 5): { macro: number; per: Record<Label, number> } {
  const pred: Label[] = new Array(scores.length);
  for (let f = 0; f < folds; f++) {
    const train = scores.map((_, i) => i).filter((i) => i % folds !== f);
    const fit = fitCutoffs(train.map((i) => scores[i]!), train.map((i) => gold[i]!));
    for (let i = f; i < scores.length; i += folds) pred[i] = cut(scores[i]!, fit.a, fit.b);
  }
  return f1s(gold, pred);
}

const fmt = (n: number): string => n.toFixed(1);
const perFmt = (p: Record<Label, number>): string => CLASSES.map((c) => fmt(p[c])).join(' / ');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files: string[] = [];
  let vaderMib = 0.5;
  let accuracyOnly = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') files.push(args[++i]!);
    else if (args[i] === '--vader-mib') vaderMib = Number(args[++i]);
    else if (args[i] === '--accuracy-only') accuracyOnly = true;
  }
  if (files.length === 0) {
    process.stderr.write('Usage: npm run bench:tension -- --data FILE [--data FILE] [--vader-mib 0.5] [--accuracy-only]\n');
    process.exitCode = 2;
    return;
  }
  const rules = loadSeedRules();
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  const Sentiment = require('sentiment') as new () => { analyze(t: string): { comparative: number } };
  const afinn = new Sentiment();
  const vaderScore = (t: string): number => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
  const afinnScore = (t: string): number => afinn.analyze(t).comparative;
  const defuse = (t: string): number => classifyMessage(t, rules).score;

  console.log(`rules ${rules.rulesVersion}; thresholds tense ≥ ${rules.scoring.thresholds.tense}, heated ≥ ${rules.scoring.thresholds.heated}`);
  // The seeds' points and thresholds were fit by fit:tension on all rows of the data sets named in their
  // `fitted` note: on those files the seed line is IN-SAMPLE. The honest figure is the fit's k-fold CV.
  const fitted = readTensionSeeds()
    .map((s) => (s.seed as { fitted?: { data?: string[]; folds?: number; cv?: Record<string, number>; after?: string; rerun?: { rules: string; cv: Record<string, number> } } }).fitted)
    .find((f) => f?.cv);
  console.log(`fitted on: ${fitted?.data?.join(', ') ?? 'nothing recorded'}${fitted?.after ? `; since then: ${fitted.after}` : ''}\n`);
  const corpus: string[] = [];
  for (const file of files) {
    const rows = readRows(file);
    corpus.push(...rows.map((r) => r.text));
    const gold = rows.map((r) => r.label);
    const counts = CLASSES.map((c) => gold.filter((g) => g === c).length).join(' / ');
    console.log(`## ${file} (n=${rows.length}: ${counts})`);
    console.log('detector | macro-F1 | F1 calm / tense / heated | cut-offs');
    const verdicts = rows.map((r) => classifyMessage(r.text, rules));
    const notAssessed = verdicts.filter((v) => v.level === 'not-assessed').length;
    const dPred = verdicts.map((v) => (v.level === 'not-assessed' ? 'calm' : v.level));
    const d = f1s(gold, dPred);
    const name = file.split('/').pop()!.replace(/\.jsonl$/, '');
    const inSample = fitted?.data?.includes(name) ?? false;
    const cvFigure = fitted?.cv?.[name];
    if (cvFigure !== undefined) console.log(`Defuse, ${fitted!.folds}-fold CV (points and thresholds refit per fold by fit:tension; recorded in the seed's fitted note${fitted!.after ? ', before the later hand edits' : ''}) | ${fmt(cvFigure)} | – | –`);
    const rerun = fitted?.rerun?.cv[name];
    if (rerun !== undefined) console.log(`Defuse, ${fitted!.folds}-fold CV re-run from the rules of ${fitted!.rerun!.rules} (fit:tension without --write; the shipped points are not that fit's) | **${fmt(rerun)}** | – | –`);
    console.log(`Defuse, shipped seeds ${inSample ? '(IN-SAMPLE: seed points were fit on all rows of this file)' : '(nothing fit on this file)'} | ${inSample ? fmt(d.macro) : `**${fmt(d.macro)}**`} | ${perFmt(d.per)} | seeds; ${notAssessed} not-assessed counted as calm`);
    const dScores = verdicts.map((v) => v.score);
    const dcv = crossValidate(dScores, gold);
    console.log(`Defuse score, cut-offs 5-fold CV${inSample ? ' (points still in-sample)' : ''} | ${fmt(dcv.macro)} | ${perFmt(dcv.per)} | cut-offs refit per fold`);
    for (const [name, fn] of [
      ['VADER compound', vaderScore],
      ['AFINN comparative', afinnScore],
    ] as const) {
      // Baselines: more negative = more tense, so negate to share the "higher = tenser" cut-off code.
      const s = rows.map((r) => -fn(r.text));
      const fit = fitCutoffs(s, gold);
      const inSample = f1s(gold, s.map((x) => cut(x, fit.a, fit.b)));
      const cv = crossValidate(s, gold);
      console.log(`${name}, best cut-offs on this data | ${fmt(inSample.macro)} | ${perFmt(inSample.per)} | tense ≤ ${(-fit.a).toFixed(3)}, heated ≤ ${(-fit.b).toFixed(3)}`);
      console.log(`${name}, 5-fold CV | ${fmt(cv.macro)} | ${perFmt(cv.per)} | refit per fold`);
    }
    // Per-reason firing on gold classes: what each cue contributes here.
    const fired = new Map<string, Record<Label, number>>();
    verdicts.forEach((v, i) => {
      for (const r of v.reasons) {
        const c = fired.get(r.id) ?? { calm: 0, tense: 0, heated: 0 };
        c[gold[i]!]++;
        fired.set(r.id, c);
      }
    });
    console.log(`reasons fired (gold calm / tense / heated): ${[...fired].map(([id, c]) => `${id} ${c.calm}/${c.tense}/${c.heated}`).join('; ')}\n`);
    if (rows.some((r) => r.cues || r.absent)) {
      console.log('cue | recall (found / listed) | false reports on hard negatives');
      for (const c of cueFigures(rows, verdicts.map((v) => v.reasons.map((x) => x.id)))) {
        const recall = c.of ? `${fmt((100 * c.found) / c.of)}% (${c.found}/${c.of})` : '–';
        console.log(`${c.id} | ${recall} | ${c.absentOf ? `${c.falsely}/${c.absentOf}` : '–'}`);
      }
      console.log('');
    }
  }

  if (accuracyOnly) return;
  // Speed: one corpus (the texts above, repeated to 5 MiB), same process; passes alternate between libraries.
  const target = 5 * 1024 * 1024;
  const big: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const t = corpus[i % corpus.length]!;
    big.push(t);
    bytes += Buffer.byteLength(t);
  }
  const vaderCorpus: string[] = [];
  let vb = 0;
  for (const t of big) {
    if (vb >= vaderMib * 1024 * 1024) break;
    vaderCorpus.push(t);
    vb += Buffer.byteLength(t);
  }
  // Passes alternate between the libraries (medians of 7 each, after one warm-up pass each), so drift in
  // machine load and JIT state lands on all of them alike rather than on whichever ran last.
  const libs: Array<{ fn: (t: string) => unknown; texts: string[]; mib: number; ms: number[] }> = [
    { fn: defuse, texts: big, mib: bytes / 1024 / 1024, ms: [] },
    { fn: afinnScore, texts: big, mib: bytes / 1024 / 1024, ms: [] },
    { fn: vaderScore, texts: vaderCorpus, mib: vb / 1024 / 1024, ms: [] },
  ];
  let sink = 0;
  for (let pass = 0; pass < 8; pass++) {
    for (const lib of libs) {
      const ms = time(() => {
        for (const t of lib.texts) sink += lib.fn(t) ? 1 : 0;
      });
      if (pass > 0) lib.ms.push(ms);
    }
  }
  if (sink < 0) console.log(sink);
  const [sd, sa, sv] = libs.map((l) => {
    const ms = median(l.ms);
    return { mps: (l.texts.length / ms) * 1000, mbps: (l.mib / ms) * 1000 };
  }) as [{ mps: number; mbps: number }, { mps: number; mbps: number }, { mps: number; mbps: number }];
  const mib = bytes / 1024 / 1024;
  console.log(`## speed: ${big.length} messages, ${mib.toFixed(2)} MiB (VADER on the first ${vaderCorpus.length} of them, ${(vb / 1024 / 1024).toFixed(2)} MiB: it is ~40× slower); passes alternate, medians of 7`);
  console.log('library | messages/s | MiB/s');
  for (const [n, s] of [['Defuse', sd], ['AFINN', sa], ['VADER', sv]] as const) console.log(`${n} | ${Math.round(s.mps).toLocaleString('en')} | ${s.mbps.toFixed(2)}`);
  console.log(`ratios: Defuse/AFINN ${(sd.mps / sa.mps).toFixed(2)}×, Defuse/VADER ${(sd.mps / sv.mps).toFixed(1)}×`);

  // Latency: one 5,000-character message built from the corpus; a 200-message thread.
  let long = '';
  for (let i = 0; long.length < 5000; i++) long += `${corpus[(i * 7) % corpus.length]} `;
  long = long.slice(0, 5000);
  const latency = (fn: () => unknown, warm: number, n: number): number => {
    for (let i = 0; i < warm; i++) fn();
    return median(Array.from({ length: n }, () => time(fn)));
  };
  console.log(`\n5,000-char message, median ms (50 calls after 20 warm-up): Defuse ${latency(() => defuse(long), 20, 50).toFixed(3)}, AFINN ${latency(() => afinnScore(long), 20, 50).toFixed(3)}, VADER ${latency(() => vaderScore(long), 20, 50).toFixed(3)}`);
  const thread: ThreadMessage[] = Array.from({ length: 200 }, (_, i) => ({ author: i % 2 ? 'agent' : 'customer', text: corpus[(i * 13) % corpus.length]! }));
  console.log(`200-message thread, median ms (50 runs after 5 warm-up): Defuse ${latency(() => classifyThread(thread, rules), 5, 50).toFixed(3)}`);
  console.log(`size: classifier code + packed rules as the app bundles them, minified esm, gzip -9: ${await bundleBytes()} bytes (target ≤ 8,192)`);
}

/** What the app ships for tension: the rules packed at build time (as scripts/build.ts makes them), the reviver and the classifier. */
async function bundleBytes(): Promise<number> {
  const { build } = await import('esbuild');
  const { packTensionRules } = await import('../../src/core/tension/packed');
  const entry = `import { unpackTensionRules } from ${JSON.stringify(join(import.meta.dirname, '../../src/core/tension/packed.ts'))};
import { classifyThread } from ${JSON.stringify(join(import.meta.dirname, '../../src/core/tension/thread.ts'))};
export const rules = unpackTensionRules(${JSON.stringify(packTensionRules(loadSeedRules()))});
export { classifyThread };`;
  const out = await build({ stdin: { contents: entry, resolveDir: import.meta.dirname, loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
