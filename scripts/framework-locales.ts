// Build plugin: the framework seeds hold every language's texts, but an agent needs at most two (their
// own for names and labels, the requester's for the reply). The bundle keeps the English texts with the
// seeds, puts each other language's texts in a chunk of its own, and replaces src/framework-locales.ts
// with a loader for those chunks.
import type { Plugin } from 'esbuild';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { onlyLocale, textsFor } from '../src/core/frameworks/locale-texts';

export function frameworkLocales(root: string): Plugin {
  const seedDir = join(root, 'seeds/frameworks');
  const readSeeds = async (): Promise<Array<{ id: string; body: Record<string, string> }>> => {
    const files = (await readdir(seedDir)).filter((f) => f.endsWith('.json')).sort();
    return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(seedDir, f), 'utf8')) as { id: string; body: Record<string, string> }));
  };
  return {
    name: 'framework-locales',
    setup(b) {
      b.onLoad({ filter: /[\\/]seeds[\\/]frameworks[\\/][^\\/]+\.json$/ }, async (args) => ({
        contents: JSON.stringify(onlyLocale(JSON.parse(await readFile(args.path, 'utf8')) as object, 'en')),
        loader: 'json',
      }));
      b.onResolve({ filter: /^virtual:framework-texts\// }, (args) => ({ path: args.path, namespace: 'framework-texts' }));
      b.onLoad({ filter: /.*/, namespace: 'framework-texts' }, async (args) => {
        const locale = args.path.slice('virtual:framework-texts/'.length);
        const texts = Object.fromEntries((await readSeeds()).map((fw) => [fw.id, textsFor(fw, locale)]));
        return { contents: JSON.stringify(texts), loader: 'json' };
      });
      b.onLoad({ filter: /[\\/]src[\\/]framework-locales\.ts$/ }, async () => {
        // Every language some built-in framework's body is written in.
        const others = [...new Set((await readSeeds()).flatMap((fw) => Object.keys(fw.body)))].filter((l) => l !== 'en').sort();
        return {
        resolveDir: join(root, 'src'),
        loader: 'ts',
        contents: `
import { addTexts } from './core/frameworks/locale-texts';
import { pickLocale } from './core/frameworks/locale';
import type { Framework } from './core/frameworks';
const chunks: Record<string, () => Promise<{ default: Record<string, Array<string | null>> }>> = {
${others.map((l) => `  ${JSON.stringify(l)}: () => import(${JSON.stringify(`virtual:framework-texts/${l}`)}),`).join('\n')}
};
const loaded = new Map<string, Promise<void>>();
export async function loadFrameworkLocales(frameworks: readonly Framework[], locales: readonly string[]): Promise<boolean> {
  let added = false;
  await Promise.all(locales.map((wanted) => {
    const locale = pickLocale(['en', ...Object.keys(chunks)], wanted) ?? 'en';
    let done = loaded.get(locale);
    if (!done && chunks[locale]) {
      added = true;
      done = chunks[locale]().then(({ default: texts }) => {
        for (const fw of frameworks) if (texts[fw.id]) addTexts(fw, locale, texts[fw.id]!);
      });
      // A failed fetch is retried next time; until then the texts fall back to English.
      done.catch(() => loaded.delete(locale));
      loaded.set(locale, done);
    }
    return done;
  }));
  return added;
}
`,
        };
      });
    },
  };
}
