// Builds the Zendesk app package into dist/app (manifest.json, translations/, assets/) and the local
// workspace into dist/workspace. The package is what `npm run package` zips and `zcli apps:server dist/app` serves.
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadsLater } from '../src/i18n/parts';
import { packTensionRules } from '../src/core/tension/packed';
import { loadSeedRules, readTensionSeeds, TENSION_SEEDS_DIR } from './cli/classify';
import { frameworkLocales } from './framework-locales';
import { demoTicketSchema, workspaceSeedSchema } from './workspace/demo-data';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const APP_DIR = join(DIST, 'app');
export const WORKSPACE_DIR = join(DIST, 'workspace');

/** esbuild options every browser build shares (the app, the workspace, the startup bench's baseline). */
export const common: BuildOptions = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};

/** `virtual:en-ui/startup` and `virtual:en-ui/later`: translations/en.json's UI strings, split by src/i18n/parts.ts. */
export const enParts: Plugin = {
  name: 'en-ui-parts',
  setup(b) {
    b.onResolve({ filter: /^virtual:en-ui\/(startup|later)$/ }, (args) => ({ path: args.path, namespace: 'en-ui' }));
    b.onLoad({ filter: /.*/, namespace: 'en-ui' }, async (args) => {
      const file = join(ROOT, 'translations/en.json');
      const { ui } = JSON.parse(await readFile(file, 'utf8')) as { ui: Record<string, string> };
      const later = args.path.endsWith('/later');
      const part = Object.fromEntries(Object.entries(ui).filter(([key]) => loadsLater(key) === later));
      return { contents: JSON.stringify(part), loader: 'json', watchFiles: [file] };
    });
  },
};

/**
 * `virtual:tension-rules`: seeds/tension/*.json validated (the build fails on a bad seed), compiled and
 * packed, so the sidebar revives them instead of compiling patterns before its first verdict.
 */
export const tensionRules: Plugin = {
  name: 'tension-rules',
  setup(b) {
    b.onResolve({ filter: /^virtual:tension-rules$/ }, (args) => ({ path: args.path, namespace: 'tension-rules' }));
    // JSON.parse of a string literal: V8 reads that much faster than the same data as an object literal.
    b.onLoad({ filter: /.*/, namespace: 'tension-rules' }, () => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(packTensionRules(loadSeedRules())))});`,
      loader: 'js',
      watchFiles: readTensionSeeds().map(({ file }) => join(TENSION_SEEDS_DIR, file)),
    }));
  },
};

/**
 * The page with `<link rel="modulepreload">` for app.js and every chunk it imports statically, so the
 * browser fetches them at once, in parallel, rather than each chunk only after app.js has arrived.
 */
function withModulePreloads(html: string, files: string[]): string {
  const links = files.map((f) => `    <link rel="modulepreload" href="${f}" />\n`).join('');
  return html.replace('  </head>', `${links}  </head>`);
}

/** app.js and every chunk it imports statically: what runs before the first verdict. */
function startupFiles(metafile: Metafile): string[] {
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, out]) => [basename(path), out]));
  const files: string[] = [];
  const visit = (file: string): void => {
    if (files.includes(file)) return;
    files.push(file);
    for (const i of outputs.get(file)?.imports ?? []) if (i.kind === 'import-statement') visit(basename(i.path));
  };
  visit('app.js');
  return files;
}

/**
 * V8's explicit compile hint: compile every function of the file while the script streams in (off the
 * main thread) rather than on each function's first call. Only for the startup files, whose code nearly
 * all runs before the first verdict; the deferred chunks stay lazy.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export async function buildApp(): Promise<void> {
  await rm(APP_DIR, { recursive: true, force: true });
  await mkdir(join(APP_DIR, 'assets'), { recursive: true });
  // ES modules with splitting: code only some installs need (admin settings validation) is a
  // separate chunk, fetched from the app's own assets when needed.
  const result = await build({
    ...common,
    // assist.css: the deferred panels' styles, which main.tsx loads with their chunk (esbuild would
    // merge CSS imported by a lazy chunk into app.css).
    entryPoints: { app: join(ROOT, 'src/main.tsx'), assist: join(ROOT, 'src/ui/assist.css') },
    outdir: join(APP_DIR, 'assets'),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    plugins: [enParts, tensionRules, frameworkLocales(ROOT)],
    metafile: true,
  });
  const startup = startupFiles(result.metafile);
  for (const file of startup) {
    const path = join(APP_DIR, 'assets', file);
    await writeFile(path, COMPILE_HINT + (await readFile(path, 'utf8')));
  }
  await writeFile(join(APP_DIR, 'assets/iframe.html'), withModulePreloads(await readFile(join(ROOT, 'src/iframe.html'), 'utf8'), startup));
  for (const file of await readdir(join(ROOT, 'assets'))) await cp(join(ROOT, 'assets', file), join(APP_DIR, 'assets', file));
  await cp(join(ROOT, 'manifest.json'), join(APP_DIR, 'manifest.json'));
  await mkdir(join(APP_DIR, 'translations'));
  // Zendesk reads only the marketplace strings (`app.*`) from translations/; the UI strings are bundled.
  for (const file of await readdir(join(ROOT, 'translations'))) {
    const all = JSON.parse(await readFile(join(ROOT, 'translations', file), 'utf8')) as { app?: unknown };
    if (all.app) await writeFile(join(APP_DIR, 'translations', file), `${JSON.stringify({ app: all.app }, null, 2)}\n`);
  }
  if (existsSync(join(ROOT, 'requirements.json'))) await cp(join(ROOT, 'requirements.json'), join(APP_DIR, 'requirements.json'));
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Demo tickets, brands, agents and the manifest's parameters, validated at build time and bundled into the workspace page. */
export async function loadWorkspaceSeeds() {
  const files = (await readdir(join(ROOT, 'seeds/tickets'))).filter((f) => f.endsWith('.json')).sort();
  const tickets = await Promise.all(
    files.map(async (file) => {
      const parsed = demoTicketSchema.safeParse(await readJson(join(ROOT, 'seeds/tickets', file)));
      if (!parsed.success) throw new Error(`seeds/tickets/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    }),
  );
  const workspace = workspaceSeedSchema.parse(await readJson(join(ROOT, 'seeds/workspace.json')));
  const manifest = (await readJson(join(ROOT, 'manifest.json'))) as { version?: string; parameters?: { name: string; type: string; default?: unknown }[] };
  const en = (await readJson(join(ROOT, 'translations/en.json'))) as { app: { parameters?: Record<string, { label: string; helpText?: string }> } };
  const parameters = (manifest.parameters ?? []).map((p) => ({ ...p, label: en.app.parameters?.[p.name]?.label ?? p.name, helpText: en.app.parameters?.[p.name]?.helpText ?? '' }));
  return { tickets, workspace, parameters, appVersion: manifest.version ?? '0.0.0' };
}

const workspaceSeeds: Plugin = {
  name: 'workspace-seeds',
  setup(b) {
    b.onResolve({ filter: /^virtual:workspace-seeds$/ }, (args) => ({ path: args.path, namespace: 'workspace-seeds' }));
    b.onLoad({ filter: /.*/, namespace: 'workspace-seeds' }, async () => {
      const seeds = await loadWorkspaceSeeds();
      return { contents: Object.entries(seeds).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n'), loader: 'js' };
    });
  },
};

/** The npm build of the ZAF SDK as a browser script exposing `ZAFClient`, served in place of Zendesk's CDN copy. */
export async function buildWorkspace(): Promise<void> {
  await rm(WORKSPACE_DIR, { recursive: true, force: true });
  await mkdir(WORKSPACE_DIR, { recursive: true });
  await build({
    ...common,
    stdin: { contents: "window.ZAFClient = require('zendesk_app_framework_sdk');", resolveDir: ROOT, loader: 'js' },
    outfile: join(WORKSPACE_DIR, 'zaf_sdk.js'),
    format: 'iife',
  });
  await build({ ...common, entryPoints: { workspace: join(ROOT, 'scripts/workspace/page.tsx') }, outdir: WORKSPACE_DIR, format: 'iife', minify: false, plugins: [workspaceSeeds] });
  await cp(join(ROOT, 'scripts/workspace/index.html'), join(WORKSPACE_DIR, 'index.html'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildApp();
  await buildWorkspace();
  process.stdout.write(`Built dist/app and dist/workspace in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
