// House rules that keep the project honest: translation keys in sync, locations pointing at real files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadsLater } from '../../src/i18n/parts';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('translations', () => {
  const en = JSON.parse(read('translations/en.json')) as { app: Record<string, unknown>; ui: Record<string, string> };
  const sources = sourceFiles('src').map((f) => readFileSync(f, 'utf8')).join('\n');

  test('every key passed to t() exists in en.json', () => {
    const used = [...sources.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !(k in en.ui))).toEqual([]);
  });

  test('no key in en.json is orphaned', () => {
    // A key is used when it appears as a literal, or its family is looked up by template (`reason.${id}`).
    const families = new Set([...sources.matchAll(/t\(`([\w.-]+\.)\$\{/g)].map((m) => m[1]!));
    const orphaned = Object.keys(en.ui).filter((k) => !sources.includes(`'${k}'`) && !families.has(k.replace(/[^.]+$/, '')));
    expect(orphaned).toEqual([]);
  });

  test('the first paint needs no English string that loads with the deferred chunk', () => {
    // src/main.tsx and the sources it imports statically (not `import type`, not `import()`): app.js.
    const startup = new Set<string>();
    const visit = (file: string): void => {
      if (startup.has(file)) return;
      startup.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)) {
        const base = join(dirname(file), m[1]!);
        const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
        if (found) visit(found);
      }
    };
    visit(join(ROOT, 'src/main.tsx'));
    expect(startup.size).toBeGreaterThan(5);
    const code = [...startup].map((f) => readFileSync(f, 'utf8')).join('\n');
    const keys = [...code.matchAll(/\bt\(\s*'([^']+)'/g), ...code.matchAll(/\bt\(`([\w.-]+\.)\$\{/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter(loadsLater)).toEqual([]);
    // …and the deferred part is not empty, or the split would be pointless.
    expect(Object.keys(en.ui).filter(loadsLater).length).toBeGreaterThan(20);
  });

  test('every manifest parameter has a label and help text', () => {
    const manifest = JSON.parse(read('manifest.json')) as { parameters: { name: string }[] };
    const labels = en.app.parameters as Record<string, { label?: string; helpText?: string }>;
    for (const p of manifest.parameters) {
      expect(labels[p.name]?.label, p.name).toBeTruthy();
      expect(labels[p.name]?.helpText, p.name).toBeTruthy();
    }
  });
});

describe('layers', () => {
  test('only src/host touches the ZAF client', () => {
    const offenders = sourceFiles('src').filter((f) => !f.includes(`${join('src', 'host')}`) && /ZAFClient|zendesk_app_framework_sdk/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('src/core has no DOM, preact, ZAF or clock', () => {
    const offenders = sourceFiles('src/core').filter((f) => /from 'preact|@preact|document\.|window\.|Date\.now\(|from '\.\.\/\.\.\/host/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('seeds the sidebar uses without a runtime validator', () => {
  test('every framework seed carries the lists the engine reads', () => {
    const dir = join(ROOT, 'seeds/frameworks');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const seed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      expect(Array.isArray(seed.slots), `${file}: slots`).toBe(true);
      expect(Array.isArray(seed.suggestWhen), `${file}: suggestWhen`).toBe(true);
    }
  });

  test('the composition root imports every seed file', () => {
    const main = read('src/main.tsx') + read('src/assist-seeds.ts');
    // Tension seeds reach the sidebar packed by the build, which reads every file in seeds/tension.
    expect(main).toContain("from 'virtual:tension-rules'");
    for (const kind of ['phrases', 'frameworks']) {
      for (const file of readdirSync(join(ROOT, 'seeds', kind)).filter((f) => f.endsWith('.json'))) {
        expect(main, `seeds/${kind}/${file}`).toContain(`../seeds/${kind}/${file}'`);
      }
    }
  });
});
