// Reading a package (a directory or a zip) into memory, and writing the zip Zendesk installs.
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { lstat, readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface PackageFiles {
  /** Package-relative paths with forward slashes → contents. */
  files: Map<string, Uint8Array>;
  /** Paths that are symbolic links (Zendesk rejects them); not in `files`. */
  symlinks: string[];
}

// DOS timestamps are local time; a Date built from local fields gives the same bytes in every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const UNIX = 3;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Same files in → same bytes out: sorted entries, fixed times and permissions. */
export function zipPackage(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    entries[name] = [files.get(name)!, { level: 9, mtime: FIXED_MTIME, os: UNIX, attrs: REGULAR_FILE_0644 }];
  }
  return zipSync(entries);
}

export function unzipPackage(zip: Uint8Array): PackageFiles {
  const symlinks = new Set(zipSymlinks(zip));
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/') || symlinks.has(name)) continue;
    files.set(name, data);
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), symlinks: [...symlinks] };
}

/** Entries whose Unix mode (high half of the external attributes, when made on Unix) says symlink. */
function zipSymlinks(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const found: string[] = [];
  for (let n = 0; n < count && at + 46 <= zip.length && view.getUint32(at, true) === 0x02014b50; n++) {
    const madeOn = zip[at + 5];
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16;
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    if (madeOn === UNIX && (mode & S_IFMT) === S_IFLNK) found.push(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

/** Every file under `dir`, without following symlinks. `tmp/` is skipped, as Zendesk and zcli do. */
export async function readPackageDir(dir: string): Promise<PackageFiles> {
  const files = new Map<string, Uint8Array>();
  const symlinks: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(current, entry.name);
      const name = relative(dir, full).split(sep).join('/');
      if (name === 'tmp') continue;
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) symlinks.push(name);
      else if (stats.isDirectory()) await walk(full);
      else if (stats.isFile()) files.set(name, new Uint8Array(await readFile(full)));
    }
  };
  await walk(dir);
  return { files, symlinks };
}

export async function readPackage(path: string): Promise<PackageFiles> {
  if ((await stat(path)).isDirectory()) return readPackageDir(path);
  return unzipPackage(new Uint8Array(await readFile(path)));
}
