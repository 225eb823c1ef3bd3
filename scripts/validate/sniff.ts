// Zendesk rejects some file types by extension or by sniffed content (zendesk_apps_support
// validations/mime.rb, which asks Marcel for the MIME type). We cannot run Marcel here, so this checks
// the magic bytes of the same types.

/** Block-listed types, as Zendesk names them. Office formats and jar are zip containers. */
export const FORBIDDEN_TYPES = [
  'rar', 'zip', 'gzip', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar', 'mp3', 'mpeg', 'odt',
  'pptx', 'ppt', 'xls', 'xlsx', '7z',
] as const;

export type ForbiddenType = (typeof FORBIDDEN_TYPES)[number];

const EXTENSION_ALIASES: Record<string, ForbiddenType> = { gz: 'gzip', tgz: 'gzip', mpg: 'mpeg', mpga: 'mp3' };

export function forbiddenByExtension(file: string): ForbiddenType | undefined {
  const extension = /\.([^./]+)$/.exec(file.toLowerCase())?.[1];
  if (!extension) return undefined;
  if ((FORBIDDEN_TYPES as readonly string[]).includes(extension)) return extension as ForbiddenType;
  return EXTENSION_ALIASES[extension];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const contains = (bytes: Uint8Array, needle: string, limit: number): boolean =>
  Buffer.from(bytes.subarray(0, limit)).includes(needle, 0, 'latin1');

/** The forbidden type the content looks like, whatever the file is called. */
export function forbiddenByContent(bytes: Uint8Array): ForbiddenType | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) {
    // Zip containers: name the Office/ODF/Java flavour when the first entries give it away.
    if (contains(bytes, 'word/', 4096)) return 'docx';
    if (contains(bytes, 'xl/', 4096)) return 'xlsx';
    if (contains(bytes, 'ppt/', 4096)) return 'pptx';
    if (contains(bytes, 'application/vnd.oasis.opendocument.text', 4096)) return 'odt';
    if (contains(bytes, 'META-INF/MANIFEST.MF', 4096)) return 'jar';
    return 'zip';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, ascii('BZh')) && bytes[3] !== undefined && bytes[3] >= 0x31 && bytes[3] <= 0x39) return 'bz2';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2: doc, xls, ppt
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('AVI '), 8)) return 'avi';
  if (startsWith(bytes, ascii('ID3')) || startsWith(bytes, [0xff, 0xfb]) || startsWith(bytes, [0xff, 0xf3]) || startsWith(bytes, [0xff, 0xf2])) return 'mp3';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]) || startsWith(bytes, [0x00, 0x00, 0x01, 0xb3])) return 'mpeg';
  // Executables (ELF, Mach-O, Windows PE) are what the "bin" entry is there to stop.
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) || isWindowsExecutable(bytes)) return 'bin';
  const shebang = /^#! ?\S*\/(?:env +)?(\w+)/.exec(Buffer.from(bytes.subarray(0, 64)).toString('latin1'));
  if (shebang) {
    const shell = shebang[1]!;
    if (shell === 'csh' || shell === 'tcsh') return 'csh';
    if (/^(?:ba|z|k|da)?sh$/.test(shell)) return 'sh';
  }
  return undefined;
}

function isWindowsExecutable(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('MZ')) || bytes.length < 64) return false;
  const peOffset = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0x3c, true);
  return startsWith(bytes, ascii('PE\0\0'), peOffset);
}

/** Width and height of a PNG, or undefined if the bytes are not a PNG. */
export function pngInfo(bytes: Uint8Array): { width: number; height: number; hasAlpha: boolean } | undefined {
  if (!startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || !startsWith(bytes, ascii('IHDR'), 12) || bytes.length < 33) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const colorType = bytes[25]!;
  // Colour types 4 and 6 carry alpha; palette/grey/RGB images may add it with a tRNS chunk.
  const hasAlpha = colorType === 4 || colorType === 6 || contains(bytes, 'tRNS', Math.min(bytes.length, 4096));
  return { width: view.getUint32(16), height: view.getUint32(20), hasAlpha };
}
