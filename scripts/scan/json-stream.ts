// A streaming reader for Zendesk export JSON: walks the outer structure itself and hands each ticket
// (and sideloaded user/brand) to the native JSON.parse, so memory holds one ticket at a time however big
// the file is, and the hot path is V8's parser, not ours. Not a general JSON library: it understands
//   value value …          (JSON Lines, or pages written one after another)
//   [value, value, …]      (an array of tickets or of pages)
// where a value is a ticket object, or a page object whose `tickets`/`users`/`brands` arrays are
// streamed element by element. Anything nested deeper is captured as text and JSON.parse'd.

export type JsonEvent =
  /** An element of a streamed list (`tickets`, `users`, `brands`) inside a page. */
  | { kind: 'item'; list: string; value: unknown; offset: number }
  /** A whole top-level object, without its streamed lists (named in `streamed`). */
  | { kind: 'record'; value: Record<string, unknown>; streamed: string[]; offset: number };

export const STREAMED_LISTS = ['tickets', 'users', 'brands'];

type Frame =
  | { kind: 'root-array'; phase: 'first' | 'value' | 'comma' }
  | { kind: 'record'; phase: 'first-key' | 'key' | 'colon' | 'value' | 'comma'; key: string; members: Record<string, unknown>; streamed: string[]; offset: number }
  | { kind: 'list'; name: string; phase: 'first' | 'value' | 'comma' };

interface Capture {
  target: 'key' | 'value';
  type: 'string' | 'container' | 'literal';
  parts: string[];
  start: number;
  offset: number;
  depth: number;
  inString: boolean;
  escape: boolean;
}

const WS = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at character ${offset}`);
  }
}

export class JsonStreamScanner {
  private stack: Frame[] = [];
  private capture: Capture | undefined;
  private consumed = 0;
  private events: JsonEvent[] = [];

  constructor(private readonly lists: readonly string[] = STREAMED_LISTS) {}

  /** Set when the input broke: events before the break were still returned; later calls throw it. */
  error: JsonSyntaxError | undefined;

  /** Feeds the next piece of text; returns the events it completed (up to a syntax error, see `error`). */
  write(chunk: string): JsonEvent[] {
    if (this.error) throw this.error;
    this.events = [];
    try {
      this.consume(chunk);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      this.error = err;
    }
    return this.events;
  }

  private consume(chunk: string): void {
    let i = 0;
    const len = chunk.length;
    while (i < len) {
      const cap = this.capture;
      if (cap) {
        const end = this.scanCapture(chunk, i, cap);
        if (end < 0) {
          cap.parts.push(chunk.slice(cap.start));
          cap.start = 0;
          break;
        }
        cap.parts.push(chunk.slice(cap.start, end));
        this.capture = undefined;
        this.finishCapture(cap, cap.parts.join(''));
        i = end;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (WS(c)) {
        i++;
        continue;
      }
      i = this.structural(c, i);
    }
    this.consumed += len;
  }

  /** Call at the end of input; throws if the JSON stopped in the middle. */
  end(): JsonEvent[] {
    if (this.error) throw this.error;
    this.events = [];
    const cap = this.capture;
    if (cap && cap.type === 'literal') {
      this.capture = undefined;
      this.finishCapture(cap, cap.parts.join(''));
    }
    if (this.capture || this.stack.length > 0) throw new JsonSyntaxError('the JSON ends in the middle of a value (truncated file?)', this.consumed);
    return this.events;
  }

  private fail(message: string, i: number): never {
    throw new JsonSyntaxError(message, this.consumed + i);
  }

  private startCapture(target: 'key' | 'value', c: number, i: number): number {
    const type = c === 34 ? 'string' : c === 123 || c === 91 ? 'container' : 'literal';
    if (type === 'literal' && !/[-0-9tfn]/.test(String.fromCharCode(c))) this.fail(`unexpected "${String.fromCharCode(c)}"`, i);
    // The capture scanner resumes at i, so a container starts at depth 0 and counts its own bracket.
    this.capture = { target, type, parts: [], start: i, offset: this.consumed + i, depth: 0, inString: false, escape: false };
    return i;
  }

  /** Returns the index just past the captured value, or -1 if it continues in the next chunk. */
  private scanCapture(chunk: string, from: number, cap: Capture): number {
    const len = chunk.length;
    let k = from;
    if (cap.type === 'literal') {
      for (; k < len; k++) {
        const c = chunk.charCodeAt(k);
        if (c === 44 || c === 125 || c === 93 || WS(c)) return k;
      }
      return -1;
    }
    if (cap.type === 'string' && !cap.inString && cap.parts.length === 0 && k === cap.start) {
      cap.inString = true;
      k++;
    }
    while (k < len) {
      if (cap.inString) {
        const end = skipString(chunk, k, cap);
        if (end < 0) return -1;
        k = end;
        if (cap.type === 'string') return k;
        continue;
      }
      const c = chunk.charCodeAt(k);
      if (c === 34) cap.inString = true;
      else if (c === 123 || c === 91) cap.depth++;
      else if (c === 125 || c === 93) {
        cap.depth--;
        if (cap.depth === 0) return k + 1;
      }
      k++;
    }
    return -1;
  }

  private finishCapture(cap: Capture, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new JsonSyntaxError(`not valid JSON (${(err as Error).message})`, cap.offset);
    }
    const frame = this.stack[this.stack.length - 1];
    if (cap.target === 'key') {
      if (frame?.kind !== 'record') throw new JsonSyntaxError('unexpected key', cap.offset);
      frame.key = value as string;
      frame.phase = 'colon';
      return;
    }
    if (!frame || frame.kind === 'root-array') throw new JsonSyntaxError(`expected an object (a ticket or a page of tickets), found ${describe(value)}`, cap.offset);
    frame.phase = 'comma';
    if (frame.kind === 'record') frame.members[frame.key] = value;
    else this.events.push({ kind: 'item', list: frame.name, value, offset: cap.offset });
  }

  /** Handles one structural character at i; returns where to go on (i itself when a capture starts there). */
  private structural(c: number, i: number): number {
    const frame = this.stack[this.stack.length - 1];
    const ch = String.fromCharCode(c);
    if (!frame) {
      if (c === 123) this.stack.push({ kind: 'record', phase: 'first-key', key: '', members: {}, streamed: [], offset: this.consumed + i });
      else if (c === 91) this.stack.push({ kind: 'root-array', phase: 'first' });
      else this.fail(`expected "{" or "[" to start a ticket or page, found "${ch}"`, i);
      return i + 1;
    }
    if (frame.kind === 'record') {
      switch (frame.phase) {
        case 'first-key':
        case 'key':
          if (c === 34) return this.startCapture('key', c, i);
          if (c === 125 && frame.phase === 'first-key') return this.closeRecord(frame, i);
          return this.fail(`expected a key in quotes, found "${ch}"`, i);
        case 'colon':
          if (c === 58) {
            frame.phase = 'value';
            return i + 1;
          }
          return this.fail(`expected ":" after key "${frame.key}", found "${ch}"`, i);
        case 'value':
          if (c === 91 && this.lists.includes(frame.key) && this.stack.length <= 2) {
            frame.phase = 'comma';
            frame.streamed.push(frame.key);
            this.stack.push({ kind: 'list', name: frame.key, phase: 'first' });
            return i + 1;
          }
          return this.startCapture('value', c, i);
        case 'comma':
          if (c === 44) {
            frame.phase = 'key';
            return i + 1;
          }
          if (c === 125) return this.closeRecord(frame, i);
          return this.fail(`expected "," or "}" after the value of "${frame.key}", found "${ch}"`, i);
      }
    }
    // root-array or list
    if (frame.phase === 'comma') {
      if (c === 44) {
        frame.phase = 'value';
        return i + 1;
      }
      if (c === 93) {
        this.stack.pop();
        return i + 1;
      }
      return this.fail(`expected "," or "]", found "${ch}"`, i);
    }
    if (c === 93 && frame.phase === 'first') {
      this.stack.pop();
      return i + 1;
    }
    if (frame.kind === 'list') return this.startCapture('value', c, i);
    if (c !== 123) return this.fail(`expected an object (a ticket or a page), found "${ch}"`, i);
    frame.phase = 'comma';
    this.stack.push({ kind: 'record', phase: 'first-key', key: '', members: {}, streamed: [], offset: this.consumed + i });
    return i + 1;
  }

  private closeRecord(frame: Frame & { kind: 'record' }, i: number): number {
    this.stack.pop();
    this.events.push({ kind: 'record', value: frame.members, streamed: frame.streamed, offset: frame.offset });
    return i + 1;
  }
}

/** Scans a string body from k (inside the string); returns the index after the closing quote or -1. */
function skipString(chunk: string, k: number, cap: Capture): number {
  const len = chunk.length;
  for (;;) {
    const q = chunk.indexOf('"', k);
    if (q < 0) {
      let n = 0;
      let p = len - 1;
      while (p >= k && chunk.charCodeAt(p) === 92) {
        n++;
        p--;
      }
      if (k < len) cap.escape = p < k && cap.escape ? (n - 1) % 2 === 1 : n % 2 === 1;
      return -1;
    }
    let n = 0;
    let p = q - 1;
    while (p >= k && chunk.charCodeAt(p) === 92) {
      n++;
      p--;
    }
    const escaped = p < k && cap.escape ? n === 0 || (n - 1) % 2 === 1 : n % 2 === 1;
    cap.escape = false;
    if (escaped) {
      k = q + 1;
      continue;
    }
    cap.inString = false;
    return q + 1;
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'a string' : typeof value;
}

/** Streams events from chunks of text (a file read as utf8). */
export async function* scanJsonStream(chunks: AsyncIterable<string | Uint8Array>, lists?: readonly string[]): AsyncGenerator<JsonEvent> {
  const scanner = new JsonStreamScanner(lists);
  const decoder = new TextDecoder(); // stream mode keeps a character split across chunks whole
  for await (const chunk of chunks) {
    yield* scanner.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (scanner.error) throw scanner.error;
  }
  yield* scanner.write(decoder.decode());
  if (scanner.error) throw scanner.error;
  yield* scanner.end();
}
