// `npm run validate [PATH]`: checks a Zendesk app package (a folder or a .zip) offline against Zendesk's
// documented rules. Default: dist/defuse.zip if `npm run package` made one, else dist/app from `npm run build`.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackage } from './validate/files';
import { formatProblem, validatePackage, type ValidationResult } from './validate/rules';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function printResult(result: ValidationResult, write: (line: string) => void): void {
  for (const problem of result.errors) write(`error    ${formatProblem(problem)}`);
  for (const problem of result.warnings) write(`warning  ${formatProblem(problem)}`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  write(`${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`);
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length > 1) {
    process.stderr.write('Usage: npm run validate [PATH]   PATH: a package folder or .zip (default: dist/defuse.zip, else dist/app)\n');
    return args.includes('--help') ? 0 : 2;
  }
  const defaults = [join(ROOT, 'dist/defuse.zip'), join(ROOT, 'dist/app')];
  const target = args[0] ?? defaults.find((path) => existsSync(path));
  if (!target || !existsSync(target)) {
    process.stderr.write(`${target ? `${target} does not exist` : 'Nothing to validate: no dist/defuse.zip or dist/app'} — run npm run package (or npm run build), or pass a folder or .zip.\n`);
    return 2;
  }
  const { files, symlinks } = await readPackage(target);
  process.stdout.write(`Validating ${args[0] ?? relative(process.cwd(), target)} (${files.size} files)\n`);
  const result = validatePackage(files, { symlinks });
  printResult(result, (line) => process.stdout.write(`${line}\n`));
  return result.errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
