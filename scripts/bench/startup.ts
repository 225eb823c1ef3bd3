// npm run bench:startup [-- --loads 24]
// Startup in the local workspace (Chromium): from the workspace page's navigation start to the first
// tension verdict painted in the app's iframe on the 50-comment demo ticket (?ticket=1007), against a
// Preact "hello" app served through the same harness (same workspace page, iframe, SDK and host
// simulator handshake) that paints one element as soon as `app.registered` arrives. Loads alternate
// Defuse / hello, each in a fresh browser context; the first 2 of each are warm-ups and are discarded.
// Times are taken inside the pages (performance.timeOrigin-aligned), so how we wait for them adds no noise.
// Prints only: this is not a test and asserts nothing about time.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/browser/harness';
import { APP_DIR, buildApp, buildWorkspace, common, COMPILE_HINT, DIST, ROOT, WORKSPACE_DIR } from '../build';
import { serveWorkspace, type RunningWorkspace } from '../workspace/server';

const HELLO_SRC = join(ROOT, 'scripts/bench/startup-hello');
const HELLO_DIR = join(DIST, 'bench-hello');
/** A copy of dist/app taken right after building, so a concurrent `npm run build` cannot swap the app mid-run. */
const SNAPSHOT_DIR = join(DIST, 'bench-app');
const TICKET = 1007;
const TARGET = '[data-testid="tension-level"]';
const GOAL = 1.25;
const WARMUPS = 2;
const LOAD_TIMEOUT_MS = 20_000;
/** Stop starting new pairs after this long, whatever --loads says (keeps the run near 2 minutes). */
const BUDGET_MS = 100_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}
const LOADS = Math.max(20, arg('loads', 24));

async function buildHello(): Promise<void> {
  await rm(HELLO_DIR, { recursive: true, force: true });
  await mkdir(join(HELLO_DIR, 'assets'), { recursive: true });
  // The same esbuild options as the app build (scripts/build.ts), as an ES module like app.js.
  await build({ ...common, entryPoints: { app: join(HELLO_SRC, 'main.tsx') }, outdir: join(HELLO_DIR, 'assets'), format: 'esm' });
  // The app's startup files carry V8's compile hint (scripts/build.ts); so does the baseline.
  const app = join(HELLO_DIR, 'assets/app.js');
  await writeFile(app, COMPILE_HINT + (await readFile(app, 'utf8')));
  await cp(join(HELLO_SRC, 'iframe.html'), join(HELLO_DIR, 'assets/iframe.html'));
}

// Runs in every frame of every page; acts only in the app's iframe. Records, on the shared
// performance.timeOrigin clock: the iframe's navigation, `app.registered` arriving, the target element
// appearing (MutationObserver), the next animation frame, and the task after it (the frame has painted).
const IN_FRAME = `(() => {
  if (!/\\/assets\\/iframe\\.html$/.test(location.pathname)) return;
  const now = () => performance.timeOrigin + performance.now();
  const marks = { timeOrigin: performance.timeOrigin };
  addEventListener('message', (e) => {
    let d = e.data;
    // Parse only the message we look for: parsing every string (the 50-comment ticket too) would add
    // the bench's own work to Defuse's side alone.
    if (typeof d === 'string') { if (!d.includes('zaf.app.registered')) return; try { d = JSON.parse(d); } catch { return; } }
    if (d && d.key === 'zaf.app.registered' && marks.registered === undefined) marks.registered = now();
  }, true);
  const check = () => {
    const el = document.querySelector(${JSON.stringify(TARGET)});
    if (!el) return false;
    marks.found = now();
    marks.text = el.textContent;
    requestAnimationFrame(() => {
      marks.raf = now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        marks.painted = now();
        const nav = performance.getEntriesByType('navigation')[0];
        const abs = (t) => performance.timeOrigin + t;
        if (nav) { marks.responseEnd = abs(nav.responseEnd); marks.domContentLoaded = abs(nav.domContentLoadedEventEnd); }
        marks.resources = performance.getEntriesByType('resource').map((r) => ({
          name: r.name.replace(/^.*\\//, '').replace(/\\?.*$/, ''), start: abs(r.startTime), end: abs(r.responseEnd), bytes: r.encodedBodySize,
        }));
        window.__benchStartupReport(marks);
      };
      ch.port2.postMessage(null);
    });
    return true;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

interface FrameMarks {
  timeOrigin: number;
  registered?: number;
  found: number;
  raf: number;
  painted: number;
  text: string;
  responseEnd?: number;
  domContentLoaded?: number;
  resources: { name: string; start: number; end: number; bytes: number }[];
}

/** Milliseconds after the workspace page's navigation start. */
interface Sample {
  painted: number;
  found: number;
  frameStart: number;
  frameResponseEnd: number;
  frameDomContentLoaded: number;
  registered: number;
  workspaceDomContentLoaded: number;
  text: string;
  resources: { name: string; start: number; end: number; bytes: number }[];
  errors: string[];
}

async function load(browser: Browser, workspace: RunningWorkspace): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    let report!: (m: FrameMarks) => void;
    const reported = new Promise<FrameMarks>((r) => (report = r));
    await context.exposeBinding('__benchStartupReport', (_source, marks: FrameMarks) => report(marks));
    await context.addInitScript(IN_FRAME);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${workspace.url}?ticket=${TICKET}`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const marks = await Promise.race([
      reported,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no ${TARGET} painted within ${LOAD_TIMEOUT_MS / 1000} s${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`)), LOAD_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const top = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { origin: performance.timeOrigin, dcl: nav?.domContentLoadedEventEnd ?? NaN };
    });
    const rel = (t: number | undefined) => (t === undefined ? NaN : t - top.origin);
    return {
      painted: rel(marks.painted),
      found: rel(marks.found),
      frameStart: rel(marks.timeOrigin),
      frameResponseEnd: rel(marks.responseEnd),
      frameDomContentLoaded: rel(marks.domContentLoaded),
      registered: rel(marks.registered),
      workspaceDomContentLoaded: top.dcl,
      text: marks.text,
      resources: marks.resources.map((r) => ({ ...r, start: rel(r.start), end: rel(r.end) })),
      errors,
    };
  } finally {
    await context.close();
  }
}

function quantile(values: number[], q: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}
const median = (v: number[]) => quantile(v, 0.5);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const pad = (s: string, n: number) => s.padEnd(n);
const padl = (s: string, n: number) => s.padStart(n);

/** gzip -9 bytes of the app's JS and CSS: what the iframe loads up front (app.js, its static imports, app.css) and what it may fetch later. */
function bundleBytes(dir: string): { rows: { file: string; raw: number; gzip: number; initial: boolean }[] } {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const read = (f: string) => readFileSync(join(assets, f));
  const initial = new Set<string>();
  const visit = (f: string): void => {
    if (initial.has(f) || !files.includes(f)) return;
    initial.add(f);
    if (!f.endsWith('.js')) return;
    // Static imports only (`import … from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy.
    for (const m of read(f).toString('utf8').matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)) visit(m[1]!);
  };
  visit('app.js');
  const html = read('iframe.html').toString('utf8');
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)) visit(m[1]!);
  const rows = files
    .map((file) => ({ file, raw: read(file).length, gzip: gzipSync(read(file), { level: 9 }).length, initial: initial.has(file) }))
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  return { rows };
}

async function main(): Promise<void> {
  const started = performance.now();
  const load0 = loadavg().map((x) => x.toFixed(2)).join(' ');
  await buildApp();
  await buildWorkspace();
  await buildHello();
  await rm(SNAPSHOT_DIR, { recursive: true, force: true });
  await cp(APP_DIR, SNAPSHOT_DIR, { recursive: true });
  const built = performance.now();

  const defuseWs = await serveWorkspace({ appDir: SNAPSHOT_DIR });
  const helloWs = await serveWorkspace({ appDir: HELLO_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = browser.version();
  const samples: Record<'defuse' | 'hello', Sample[]> = { defuse: [], hello: [] };
  const failures: string[] = [];
  let pairs = 0;
  try {
    for (let i = 0; i < LOADS + WARMUPS; i++) {
      if (i >= WARMUPS + 20 && performance.now() - built > BUDGET_MS) {
        process.stdout.write(`\nTime budget reached after ${i - WARMUPS} measured pairs.\n`);
        break;
      }
      for (const [kind, ws] of [['defuse', defuseWs], ['hello', helloWs]] as const) {
        try {
          const s = await load(browser, ws);
          if (i >= WARMUPS) samples[kind].push(s);
        } catch (e) {
          failures.push(`${kind} load ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      pairs = i + 1;
      process.stdout.write(i < WARMUPS ? 'w' : '.');
    }
  } finally {
    await browser.close();
    await defuseWs.close();
    await helloWs.close();
  }
  process.stdout.write('\n\n');

  const d = samples.defuse;
  const h = samples.hello;
  const out: string[] = [];
  out.push(`Startup on the workspace, ticket ${TICKET} (${TICKET === 1007 ? '50-comment demo ticket' : 'demo ticket'}), Chromium ${version}, headless`);
  out.push(`Loads: ${pairs} alternating pairs (Defuse, hello), fresh context each; first ${WARMUPS} of each discarded → ${d.length} Defuse, ${h.length} hello measured.`);
  out.push('Times: ms after the workspace page\'s navigation start.');
  out.push('');
  const header = `${pad('', 40)}${padl('Defuse median', 14)}${padl('p90', 10)}${padl('hello median', 14)}${padl('p90', 10)}`;
  out.push(header);
  const row = (label: string, pick: (s: Sample) => number) => {
    const dv = d.map(pick);
    const hv = h.map(pick);
    out.push(`${pad(label, 40)}${padl(ms(median(dv)), 14)}${padl(ms(quantile(dv, 0.9)), 10)}${padl(ms(median(hv)), 14)}${padl(ms(quantile(hv, 0.9)), 10)}`);
  };
  row('workspace DOMContentLoaded', (s) => s.workspaceDomContentLoaded);
  row('app iframe navigation start', (s) => s.frameStart);
  row('app iframe response end', (s) => s.frameResponseEnd);
  row('app iframe DOMContentLoaded', (s) => s.frameDomContentLoaded);
  row('app.registered received', (s) => s.registered);
  row(`${TARGET} in the DOM`, (s) => s.found);
  row('→ painted (frame after it)', (s) => s.painted);
  out.push('');
  const dm = median(d.map((s) => s.painted));
  const hm = median(h.map((s) => s.painted));
  const ratio = dm / hm;
  out.push(`Defuse / hello (medians, painted): ${dm.toFixed(1)} / ${hm.toFixed(1)} = ${ratio.toFixed(3)}×  (target ≤ ${GOAL}×: ${ratio <= GOAL ? 'holds' : 'does NOT hold'})`);
  const afterReg = (s: Sample) => s.painted - s.registered;
  const inFrame = (s: Sample) => s.painted - s.frameStart;
  const fm = [median(d.map(inFrame)), median(h.map(inFrame))] as const;
  out.push(`Same, from the app iframe's own navigation start (leaves out the shared workspace part): ${fm[0].toFixed(1)} / ${fm[1].toFixed(1)} = ${(fm[0] / fm[1]).toFixed(3)}×`);
  out.push(`From app.registered to painted (medians): Defuse ${ms(median(d.map(afterReg)))}, hello ${ms(median(h.map(afterReg)))}`);
  const range = (v: number[]) => `${ms(Math.min(...v))} … ${ms(Math.max(...v))}`;
  out.push(`Range, painted: Defuse ${range(d.map((s) => s.painted))}; hello ${range(h.map((s) => s.painted))}`);
  const texts = [...new Set(d.map((s) => s.text))];
  out.push(`Defuse verdict shown: ${texts.map((t) => `"${t}"`).join(', ')}`);
  const last = d[d.length - 1];
  if (last) {
    const res = last.resources
      .filter((r) => /\.(js|css)$/.test(r.name))
      .map((r) => `${r.name} ${r.start.toFixed(0)}→${r.end.toFixed(0)} ms`)
      .join(', ');
    out.push(`Defuse iframe fetched before the verdict (last load): ${res}`);
  }
  const errs = [...new Set([...d, ...h].flatMap((s) => s.errors))];
  if (errs.length) out.push(`Page errors: ${errs.join(' | ')}`);
  if (failures.length) out.push(`Failed loads (${failures.length}):\n  ${failures.join('\n  ')}`);
  out.push('');

  const bytes = bundleBytes(SNAPSHOT_DIR);
  out.push('dist/app/assets JS+CSS as benchmarked, gzip -9 (Zendesk SDK excluded):');
  for (const r of bytes.rows) out.push(`  ${pad(r.file, 24)}${padl(`${r.raw}`, 8)} B raw${padl(`${r.gzip}`, 8)} B gzip  ${r.initial ? 'initial' : 'lazy'}`);
  const sum = (initial: boolean) => bytes.rows.filter((r) => r.initial === initial).reduce((a, r) => a + r.gzip, 0);
  // The same sums test/unit/artifact.test.ts bounds: each file gzipped on its own.
  out.push(`  initial (app.js + static imports + CSS): ${sum(true)} B gzip; lazy chunks: ${sum(false)} B gzip; all: ${sum(true) + sum(false)} B gzip`);
  const hello = bundleBytes(HELLO_DIR);
  out.push(`Hello baseline app.js: ${hello.rows.map((r) => `${r.file} ${r.gzip} B gzip`).join(', ')}; SDK (both): ${gzipSync(readFileSync(join(WORKSPACE_DIR, 'zaf_sdk.js')), { level: 9 }).length} B gzip`);
  out.push('');
  out.push(`Load average (1/5/15 min) at start: ${load0}; at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs.`);
  out.push(`Build ${((built - started) / 1000).toFixed(1)} s, loads ${((performance.now() - built) / 1000).toFixed(1)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
