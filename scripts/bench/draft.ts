// npm run bench:draft — Defuse's draft checker vs write-good and alex on the same 5,000-character agent
// draft, in one process (median of many runs after warm-up), then the cost of re-checking a
// 20,000-character draft after each keystroke, then the module's minified+gzip size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { text as alexText } from 'alex';
import { checkDraft } from '../../src/core/phrases/index';
import { loadShippedPhraseRules } from '../cli/check';

const require = createRequire(import.meta.url);
const writeGood = require('write-good') as (text: string) => unknown[];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DRAFT = readFileSync(new URL('./fixtures/agent-draft.txt', import.meta.url), 'utf8');
const FRAME_MS = 1000 / 60;

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

function bench(fn: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    times.push(now() - t0);
  }
  return quantile(times, 0.5);
}

async function gzipBytes(entry: string, external: string[] = []): Promise<number> {
  const out = await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, external, logLevel: 'silent' });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}

async function main(): Promise<void> {
  const t0 = now();
  const rules = loadShippedPhraseRules();
  const loadMs = now() - t0;
  const words = DRAFT.split(/\s+/).filter(Boolean).length;
  console.log(`draft: ${DRAFT.length} characters, ${words} words; rules: ${rules.ids.length}, compiled in ${loadMs.toFixed(1)} ms\n`);

  const counts = {
    defuse: checkDraft(DRAFT, rules, { tension: 'heated' }).flags.length,
    writeGood: writeGood(DRAFT).length,
    alex: alexText(DRAFT).messages.length,
  };
  const defuse = bench(() => checkDraft(DRAFT, rules, { tension: 'heated' }), 1000, 1000);
  const wg = bench(() => writeGood(DRAFT), 5, 50);
  const alex = bench(() => alexText(DRAFT), 5, 50);
  console.log('tool       | median ms | flags | Defuse is … × faster');
  console.log('-----------|-----------|-------|---------------------');
  console.log(`Defuse     | ${defuse.toFixed(3).padStart(9)} | ${String(counts.defuse).padStart(5)} | –`);
  console.log(`write-good | ${wg.toFixed(3).padStart(9)} | ${String(counts.writeGood).padStart(5)} | ${(wg / defuse).toFixed(1)}×`);
  console.log(`alex       | ${alex.toFixed(3).padStart(9)} | ${String(counts.alex).padStart(5)} | ${(alex / defuse).toFixed(1)}×`);
  console.log(`targets: Defuse ≤ 0.3 ms ${defuse <= 0.3 ? 'met' : 'MISSED'}; ≥ 20× write-good ${wg / defuse >= 20 ? 'met' : 'MISSED'}\n`);

  // Typing into a 20,000-character draft: every keystroke re-checks the whole text.
  const big = (DRAFT + '\n\n').repeat(4).slice(0, 20_000);
  let draft = big;
  const times: number[] = [];
  for (let k = 0; k < 600; k++) {
    const at = (k * 7919) % draft.length;
    draft = k % 3 === 2 ? draft.slice(0, at) + draft.slice(at + 1) : draft.slice(0, at) + 'e ' [k % 2] + draft.slice(at);
    const s = now();
    checkDraft(draft, rules, { tension: 'tense' });
    if (k >= 100) times.push(now() - s);
  }
  const p50 = quantile(times, 0.5), p95 = quantile(times, 0.95), max = Math.max(...times);
  console.log(`re-check after a keystroke at 20,000 characters (500 edits): median ${p50.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${max.toFixed(3)} ms`);
  console.log(`target: under one frame (${FRAME_MS.toFixed(1)} ms) ${p95 < FRAME_MS ? 'met' : 'MISSED'} (${(FRAME_MS / p95).toFixed(0)}× headroom at p95)\n`);

  const code = await gzipBytes(`export * from './src/core/phrases/index.ts';`, ['zod', 'zod/*']);
  const withZod = await gzipBytes(`export * from './src/core/phrases/index.ts';`);
  const seeds = `import a from './seeds/phrases/escalating.json'; import b from './seeds/phrases/structure.json'; import c from './seeds/phrases/tone.json';
import { loadPhraseRules } from './src/core/phrases/validate.ts'; export const rules = loadPhraseRules([a, b, c]);`;
  const withRules = await gzipBytes(seeds, ['zod', 'zod/*']);
  const all = await gzipBytes(seeds);
  console.log('min+gzip bytes | code | code + rules');
  console.log(`without zod    | ${code} | ${withRules}`);
  console.log(`with zod/mini  | ${withZod} | ${all}`);
}

await main();
