// `npm run package`: builds the app, zips dist/app into dist/defuse.zip (the file to upload in Admin
// Center → Apps and integrations → Zendesk Support apps → Upload private app) and validates the zip.
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { APP_DIR, DIST, buildApp } from './build';
import { printResult } from './validate';
import { readPackageDir, unzipPackage, zipPackage } from './validate/files';
import { validatePackage } from './validate/rules';

export const ZIP_PATH = join(DIST, 'defuse.zip');

async function main(): Promise<number> {
  await buildApp();
  const { files, symlinks } = await readPackageDir(APP_DIR);
  const zip = zipPackage(files);
  await writeFile(ZIP_PATH, zip);
  // Validate what was written, read back from the zip, so a packaging slip cannot hide.
  const packaged = unzipPackage(zip);
  const result = validatePackage(packaged.files, { symlinks: [...symlinks, ...packaged.symlinks] });
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  write(`${relative(process.cwd(), ZIP_PATH)}: ${zip.length} bytes (${(zip.length / 1024).toFixed(1)} KB), ${packaged.files.size} files`);
  for (const [name, bytes] of packaged.files) write(`  ${String(bytes.length).padStart(8)}  ${name}`);
  printResult(result, write);
  if (result.errors.length > 0) {
    write('The package has errors: fix them before uploading it to Zendesk.');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
