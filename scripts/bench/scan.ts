// npm run bench:scan [-- --tickets 10000]
// Generates an export of N tickets (5–40 comments each) in a temp dir, scans it with the same code as
// `defuse scan`, and prints throughput and peak memory at 1/4, 1/2 and all of the export: flat memory
// means the scan streams. Then compares classification speed with what Zendesk lets --apply send.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadShippedPhraseRules } from '../cli/check';
import { loadSeedRules } from '../cli/classify';
import { BATCH_SIZE } from '../scan/apply';
import { writeExport } from '../scan/generate';
import { scanExport } from '../scan/scan';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TICKETS = arg('tickets', 10_000);
const MB = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'defuse-bench-scan-'));
try {
  const file = join(dir, 'export.json');
  let t = performance.now();
  await writeExport(file, TICKETS, { seed: 1 });
  const size = statSync(file).size;
  console.log(`export: ${TICKETS} tickets, 5–40 comments each, ${MB(size)} (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const rules = loadSeedRules();
  const phrases = loadShippedPhraseRules();
  // Live heap after a full GC at each mark says whether memory grows with the export; peaks include garbage.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const marks = new Set([Math.round(TICKETS / 4), Math.round(TICKETS / 2), TICKETS]);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const rows: string[] = [];
  t = performance.now();
  const summary = await scanExport({
    exportPath: file,
    outDir: join(dir, 'out'),
    rules,
    phrases,
    prefix: 'defuse_',
    error: (line) => process.stderr.write(`${line}\n`),
    onTicket: (n) => {
      if (n % 250 === 0) sample();
      if (!marks.has(n)) return;
      sample();
      const s = (performance.now() - t) / 1000;
      gc();
      const live = process.memoryUsage().heapUsed;
      rows.push(`${String(n).padStart(7)}  ${(n / s).toFixed(0).padStart(9)}  ${MB(peakRss).padStart(10)}  ${MB(peakHeap).padStart(10)}  ${MB(live).padStart(10)}`);
    },
  });
  clearInterval(timer);
  const seconds = (performance.now() - t) / 1000;
  console.log(`\ntickets  tickets/s    peak RSS   peak heap   live heap (after GC)`);
  for (const r of rows) console.log(r);
  console.log(`\nscanned ${summary.tickets} tickets in ${seconds.toFixed(1)} s (${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s of export), ${summary.toTag} to tag; report + CSV + plan written.`);

  const perSecond = summary.tickets / seconds;
  console.log(`\n--apply at Zendesk's rate limits (Update Many Tickets: ${BATCH_SIZE} tickets per request, plus ≥1 job-status poll):`);
  for (const [plan, perMinute] of [['Team', 200], ['Growth/Professional', 400], ['Enterprise', 700], ['Enterprise Plus / High Volume', 2500]] as const) {
    const apiTicketsPerSecond = ((perMinute / 2) * BATCH_SIZE) / 60; // one PUT + one poll per batch
    console.log(`  ${plan.padEnd(30)} ${String(perMinute).padStart(5)} req/min → at most ${apiTicketsPerSecond.toFixed(0).padStart(5)} tickets/s tagged; classification ${perSecond.toFixed(0)} tickets/s (${(perSecond / apiTicketsPerSecond).toFixed(1)}×)`);
  }
  console.log('  Real runs are slower than these ceilings: each job is polled until done (~1 s apart) and Zendesk caps queued');
  console.log('  background jobs per account. Where the ratio is ≥ 1×, classification cannot be what limits --apply.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
