// JSON parsing that reports duplicate object keys. Zendesk's validator parses manifest.json and
// requirements.json with a no-duplicate-keys hash, so `{"a":1,"a":2}` is an error there even though
// JSON.parse silently keeps the last value.

export type JsonPath = (string | number)[];

export interface DuplicateKey {
  /** Path of the object holding the key twice. */
  path: JsonPath;
  key: string;
  line: number;
}

export type ParsedJson =
  | { ok: true; value: unknown; duplicates: DuplicateKey[] }
  | { ok: false; message: string };

/** `parameters[2].type`, `location.support.ticket_sidebar`; keys that are not identifiers are quoted. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function parseJson(bytes: Uint8Array): ParsedJson {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'not valid UTF-8 — save it as UTF-8' };
  }
  if (text.charCodeAt(0) === 0xfeff) return { ok: false, message: 'starts with a byte-order mark — save it as UTF-8 without BOM' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${lineOf(text, error)} — fix the syntax` };
  }
  return { ok: true, value, duplicates: findDuplicateKeys(text) };
}

function lineOf(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Walks text that JSON.parse has already accepted, so it can skip error handling. */
function findDuplicateKeys(text: string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  let i = 0;
  let line = 1;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: JsonPath): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const keyLine = line;
        const key = readString();
        if (seen.has(key)) duplicates.push({ path, key, line: keyLine });
        seen.add(key);
        skipSpace();
        i++; // colon
        readValue([...path, key]);
        skipSpace();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        readValue([...path, index]);
        skipSpace();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
    }
  };
  readValue([]);
  return duplicates;
}
