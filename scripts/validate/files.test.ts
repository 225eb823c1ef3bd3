import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, test } from 'vitest';
import { readPackage, readPackageDir, unzipPackage, zipPackage } from './files';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('zipPackage', () => {
  test('is deterministic: same files in any order give the same bytes', () => {
    const a = new Map([['manifest.json', text('{}')], ['assets/app.js', text('x')]]);
    const b = new Map([['assets/app.js', text('x')], ['manifest.json', text('{}')]]);
    expect(Buffer.from(zipPackage(a)).equals(Buffer.from(zipPackage(b)))).toBe(true);
  });

  test('round-trips through unzipPackage with sorted entries and no symlinks', () => {
    const files = new Map([['translations/en.json', text('{"app":{}}')], ['manifest.json', text('{}')], ['assets/app.js', text('x')]]);
    const back = unzipPackage(zipPackage(files));
    expect([...back.files.keys()]).toEqual(['assets/app.js', 'manifest.json', 'translations/en.json']);
    expect(new TextDecoder().decode(back.files.get('translations/en.json'))).toBe('{"app":{}}');
    expect(back.symlinks).toEqual([]);
  });

  test('unzipPackage finds symlinks from the Unix mode and skips folder entries', () => {
    const zip = zipSync({
      'assets/': new Uint8Array(),
      'assets/app.js': text('x'),
      'assets/link.js': [text('app.js'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    const read = unzipPackage(zip);
    expect([...read.files.keys()]).toEqual(['assets/app.js']);
    expect(read.symlinks).toEqual(['assets/link.js']);
  });
});

describe('readPackageDir', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('reads files with package paths, reports symlinks, skips tmp/', async () => {
    dir = await mkdtemp(join(tmpdir(), 'defuse-package-'));
    await mkdir(join(dir, 'assets'));
    await mkdir(join(dir, 'tmp'));
    await writeFile(join(dir, 'manifest.json'), '{}');
    await writeFile(join(dir, 'assets/app.js'), 'x');
    await writeFile(join(dir, 'tmp/app-1.zip'), 'old');
    await symlink(join(dir, 'assets/app.js'), join(dir, 'assets/linked.js'));
    const read = await readPackageDir(dir);
    expect([...read.files.keys()]).toEqual(['assets/app.js', 'manifest.json']);
    expect(read.symlinks).toEqual(['assets/linked.js']);
  });

  test('readPackage reads a folder or a zip alike', async () => {
    dir = await mkdtemp(join(tmpdir(), 'defuse-package-'));
    await writeFile(join(dir, 'manifest.json'), '{}');
    await writeFile(join(dir, 'app.zip'), zipPackage(new Map([['manifest.json', text('{}')]])));
    expect([...(await readPackage(join(dir, 'app.zip'))).files.keys()]).toEqual(['manifest.json']);
    expect([...(await readPackage(dir)).files.keys()]).toEqual(['app.zip', 'manifest.json']);
  });
});
