// Tests the built package (npm test builds first), not the sources.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { APP_DIR, COMPILE_HINT } from '../../scripts/build';
import { ZENDESK_SDK_URL } from '../../scripts/workspace/server';

// Ceilings = measured + headroom; raise one in the commit that needs it, saying why. The goal for the
// finished sidebar is 25 KB gzip JS+CSS (SDK excluded) at startup; it is not met yet (see README).
// Startup: app.js, every chunk it imports statically, and app.css. Later: the draft checker and
// frameworks chunk (with assist.css and the rest of the English strings), loaded right after the first
// verdict is painted. Settings validation (zod) and the other UI languages load only for the installs
// and agents that need them.
const STARTUP_CEILING = 56_850; // measured 56,676 (a long thread's verdict from its latest messages first, the series after the paint, and rules built when a word first needs them: +0.7 KB; before them 55,987: en 1.34.1 and 1.34.2, +0.1 KB; before them 55,902: capitals that thank add no points, and the panel says so, in six languages: +0.3 KB; before them 55,587: capitals in links, addresses, codes, headings and form lines are not shouting, threats and feelings in quotes are someone else's, en 1.30.2 to 1.32.0: +0.8 KB; before them 54,790: placeholders and @handles are not shouting, +0.1 KB; before them 54,646: inline replies below a quote kept live, +0.1 KB; before them 54,530: core 1.6.0's reason scales and en 1.30.0's time-off rule, +0.2 KB; rules 1.29.0, about 45 phrasings from dev26, and the conditionals list, +1.0 KB; before them 53,306: masked words read whole, "sh*t" as "shit": the list and the code, +0.5 KB; rules 1.27.0, 60 phrasings from dev25, +1.8 KB; rules 1.26.0, 56 phrasings from dev23 and dev24, +2.2 KB; before them 48,823: V8's compile hint on the startup files and whole masked words as evidence, +0.1 KB; before them 48,699: rules 1.16.0: quoted claims such as 'priority', scare-quote openers, third-party feelings and the dev16/dev17 phrasings, +0.8 KB over 1.15.0; a leaner unpack +0.1 KB; rules 1.17.0, 35 phrasings from dev18, +1.9 KB; 1.18.0, 23 from dev19, +0.9 KB; 1.19.0, 16 from dev20, +0.6 KB; 1.20.0, 19 from dev21, +0.6 KB; 1.21.0 to 1.24.0, exceptions and a few phrasings from older sets, +0.4 KB; 1.25.0, 23 from dev22, +0.8 KB)
const ALL_CEILING = 116_850; // measured 116,658 (latest messages first and rules built on demand +0.7 KB; 115,969 before: en 1.34.1 and 1.34.2 +0.1 KB; 115,884 before: warm capitals and "no points" +0.4 KB; 115,509 before: the same +0.8 KB of tension code and rules; 114,712 before: a repeated phrase is one card with its count, and at most 20 cards: two strings in six languages, +0.4 KB; placeholders and @handles +0.1 KB; 114,201 before: inline replies below a quote kept live, +0.1 KB; core 1.6.0 + en 1.30.0 +0.2 KB; rules 1.29.0 +1.0 KB; 112,863 before: masked words +0.5 KB; rules 1.27.0 +1.8 KB; 1.26.0 +2.2 KB; 108,380 before them, 108,256 before the compile hint and masked-word evidence)

// Test doubles, fixtures and workspace code must never ship to agents.
const NEVER_IN_BUNDLE = ['FakeHost', 'HostSimulator', 'paths.samples', 'Dana Whitfield', 'demoTicketSchema', 'virtual:workspace-seeds', 'fast-check', 'vitest'];

const asset = (name: string) => readFileSync(join(APP_DIR, 'assets', name));

/** app.js, the chunks it imports statically (transitively) and app.css: what an agent downloads first. */
function startupFiles(): string[] {
  const seen = new Set<string>(['app.css']);
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = asset(file).toString('utf8');
    // Static imports only: `import{…}from"./chunk-X.js"`; dynamic `import("./x.js")` loads later.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(m[1]!);
  };
  visit('app.js');
  return [...seen];
}

beforeAll(() => {
  if (!existsSync(join(APP_DIR, 'assets/app.js'))) throw new Error('No build in dist/app: run `npm run build` first (npm test does).');
});

describe('built sidebar', () => {
  test(`what loads at startup stays under ${STARTUP_CEILING} bytes gzipped`, () => {
    expect(startupFiles()).toContain('app.js');
    const bytes = startupFiles().reduce((sum, f) => sum + gzipSync(asset(f), { level: 9 }).length, 0);
    expect(bytes).toBeLessThanOrEqual(STARTUP_CEILING);
  });

  test(`every JS and CSS file together stays under ${ALL_CEILING} bytes gzipped`, () => {
    const files = readdirSync(join(APP_DIR, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const bytes = files.reduce((sum, f) => sum + gzipSync(asset(f), { level: 9 }).length, 0);
    expect(bytes).toBeLessThanOrEqual(ALL_CEILING);
  });

  test('V8 compiles the startup code while it streams in; the deferred chunks stay lazy', () => {
    const js = readdirSync(join(APP_DIR, 'assets')).filter((f) => f.endsWith('.js'));
    const startup = startupFiles().filter((f) => f.endsWith('.js'));
    expect(startup.length).toBeGreaterThan(1);
    for (const f of js) expect(asset(f).toString('utf8').startsWith(COMPILE_HINT), f).toBe(startup.includes(f));
  });

  test('no validator (zod) loads at startup', () => {
    for (const f of startupFiles()) expect(asset(f).toString('utf8'), f).not.toMatch(/\$ZodType|_zod/);
  });

  test('ships no test fakes, fixtures or workspace code', () => {
    const js = asset('app.js').toString('utf8');
    expect(NEVER_IN_BUNDLE.filter((name) => js.includes(name))).toEqual([]);
  });

  test('iframe.html loads Zendesk’s own SDK, then the app, under a CSP that allows no network', () => {
    const html = asset('iframe.html').toString('utf8');
    const scripts = [...html.matchAll(/<script (?:type="module" )?src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([ZENDESK_SDK_URL, 'app.js']);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self' https://static.zdassets.com;");
  });

  test('iframe.html preloads every startup script, so none waits for app.js to arrive', () => {
    const html = asset('iframe.html').toString('utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloaded.sort()).toEqual(startupFiles().filter((f) => f.endsWith('.js')).sort());
  });

  test('every manifest location points at a built file', () => {
    const manifest = JSON.parse(readFileSync(join(APP_DIR, 'manifest.json'), 'utf8')) as { location: Record<string, Record<string, { url: string }>> };
    const urls = Object.values(manifest.location).flatMap((locations) => Object.values(locations).map((l) => l.url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(existsSync(join(APP_DIR, url)), url).toBe(true);
  });

  test('translations in the package carry only the marketplace strings', () => {
    const en = JSON.parse(readFileSync(join(APP_DIR, 'translations/en.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(en)).toEqual(['app']);
  });
});
