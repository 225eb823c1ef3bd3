// Streams a Zendesk export JSON file with stream-json (https://github.com/uhop/stream-json): its tokenizer
// reads the text and its Assembler builds the values; this adapter only decides what to hand on, so
// memory holds one ticket at a time however big the file is. It understands
//   value value …          (pages written one after another, or JSON Lines)
//   [value, value, …]      (an array of tickets or of pages)
// where a value is a ticket object, or a page object whose `tickets`/`users`/`brands` arrays are handed on
// element by element. Anything nested deeper is assembled whole.
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { jsonVerifier, type VerifierError } from 'stream-json/core/utils/verifier.js';

export type JsonEvent =
  /** An element of a streamed list (`tickets`, `users`, `brands`) inside a page. */
  | { kind: 'item'; list: string; value: unknown; path: string }
  /** A whole top-level object, without its streamed lists (named in `streamed`). */
  | { kind: 'record'; value: Record<string, unknown>; streamed: string[]; path: string };

export const STREAMED_LISTS = ['tickets', 'users', 'brands'];

/** The export cannot be read on from here: broken JSON (`offset` set), or JSON that is not an export. */
export class ExportJsonError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} at character ${offset}`);
  }
}

type Frame =
  | { kind: 'root-array'; path: string; index: number }
  | { kind: 'record'; path: string; key: string; members: Record<string, unknown>; streamed: string[] }
  | { kind: 'list'; path: string; name: string; index: number };

/** A path inside one top-level value: "tickets[3]", "[2].tickets[3]". */
const join = (base: string, segment: string): string => (base === '' || segment.startsWith('[') ? `${base}${segment}` : `${base}.${segment}`);

function describe(token: Token): string {
  switch (token.name) {
    case 'startArray':
      return 'an array';
    case 'stringValue':
      return 'a string';
    case 'numberValue':
      return 'a number';
    case 'nullValue':
      return 'null';
    case 'trueValue':
    case 'falseValue':
      return 'a boolean';
    default:
      return token.name;
  }
}

/**
 * A copy of a string that does not point into the parser's read buffer. V8 hands out long substrings as
 * views of the string they were cut from, so one subject or role kept by the report would keep a whole
 * 256 KB chunk alive, and memory would grow with the export. Concatenating, then cutting, flattens a copy.
 */
const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Turns the parser's tokens into events; keeps only the outer structure, values go to an Assembler. */
class ExportWalker {
  private stack: Frame[] = [];
  private asm = new Assembler();
  private capturing = false;
  private values = 0;
  events: JsonEvent[] = [];

  constructor(private readonly lists: readonly string[]) {}

  get inValue(): boolean {
    return this.stack.length > 0 || this.capturing;
  }

  take(): JsonEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  push(token: Token): void {
    if (token.name === 'stringValue') token = { name: 'stringValue', value: own(token.value) };
    if (this.capturing) {
      this.asm.consume(token);
      if (this.asm.done) {
        this.capturing = false;
        this.store(this.asm.current);
      }
      return;
    }
    const top = this.stack[this.stack.length - 1];
    switch (token.name) {
      case 'keyValue':
        if (top?.kind === 'record') top.key = token.value;
        return;
      case 'endObject': {
        const record = this.stack.pop() as Frame & { kind: 'record' };
        this.events.push({ kind: 'record', value: record.members, streamed: record.streamed, path: this.where(record.path) });
        return;
      }
      case 'endArray':
        this.stack.pop();
        return;
      case 'startObject':
        if (!top) return void this.stack.push(this.record(this.startValue()));
        if (top.kind === 'root-array') return void this.stack.push(this.record(join(top.path, `[${top.index++}]`)));
        break;
      case 'startArray':
        if (!top) return void this.stack.push({ kind: 'root-array', path: this.startValue(), index: 0 });
        if (top.kind === 'record' && this.stack.length <= 2 && this.lists.includes(top.key)) {
          top.streamed.push(top.key);
          return void this.stack.push({ kind: 'list', path: join(top.path, top.key), name: top.key, index: 0 });
        }
        break;
      default:
    }
    if (!top) throw new ExportJsonError(`expected "{" or "[" to start a ticket or page, found ${describe(token)} (top-level value ${this.values + 1})`);
    if (top.kind === 'root-array') throw new ExportJsonError(`expected an object (a ticket or a page of tickets), found ${describe(token)} at ${this.where(join(top.path, `[${top.index}]`))}`);
    this.asm.consume(token);
    if (this.asm.done) this.store(this.asm.current);
    else this.capturing = true;
  }

  /** Counts a new top-level value; returns its root path. */
  private startValue(): string {
    this.values++;
    return '';
  }

  /** Where a value sits, for messages: "tickets[3]", "[2]", "value 2, tickets[3]" (the second top-level value). */
  private where(path: string): string {
    return [this.values > 1 ? `value ${this.values}` : '', path].filter(Boolean).join(', ');
  }

  private record(path: string): Frame {
    return { kind: 'record', path, key: '', members: {}, streamed: [] };
  }

  private store(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (top?.kind === 'list') this.events.push({ kind: 'item', list: top.name, value, path: this.where(join(top.path, `[${top.index++}]`)) });
    else if (top?.kind === 'record') Object.defineProperty(top.members, top.key, { value, writable: true, enumerable: true, configurable: true }); // like JSON.parse, even for "__proto__"
  }
}

type Source = () => AsyncIterable<string | Uint8Array>;

async function* texts(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder(); // stream mode keeps a character split across chunks whole; drops a BOM
  let start = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (start && text !== '') {
      start = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield text;
  }
  yield decoder.decode();
}

const tokensOf = (out: unknown): Token[] => (isMany(out) ? (getManyValues(out) as Token[]) : []);

/**
 * Streams events from the text `open()` gives (call it again to read from the start: on broken JSON the
 * text is read a second time, by stream-json's verifier, to name the exact position and to hand on
 * every value that ends before it). Throws ExportJsonError where the export cannot be read on.
 */
export async function* streamExportJson(open: Source, lists: readonly string[] = STREAMED_LISTS): AsyncGenerator<JsonEvent> {
  const parse = jsonParser({ jsonStreaming: true, streamValues: false });
  const walker = new ExportWalker(lists);
  let read = 0;
  let handedOn = 0;
  for await (const text of texts(open())) {
    let tokens: Token[];
    try {
      tokens = tokensOf(parse(text));
    } catch (err) {
      // stream-json says what broke but not where, and drops the tokens of this chunk: read again up to the break.
      yield* untilBreak(open, lists, handedOn, err as Error, read);
      return;
    }
    read += text.length;
    try {
      for (const token of tokens) walker.push(token);
    } finally {
      const events = walker.take();
      handedOn += events.length;
      yield* events;
    }
  }
  let tokens: Token[];
  try {
    tokens = tokensOf(parse(none as unknown as string));
  } catch (err) {
    yield* untilBreak(open, lists, handedOn, err as Error, read);
    return;
  }
  for (const token of tokens) walker.push(token);
  yield* walker.take();
  if (walker.inValue) throw new ExportJsonError(TRUNCATED, read);
}

const TRUNCATED = 'the JSON ends in the middle of a value (truncated file?)';

/** Reads from the start again with the verifier alongside; hands on the events past the first `skip`, then throws. */
async function* untilBreak(open: Source, lists: readonly string[], skip: number, parserError: Error, near: number): AsyncGenerator<JsonEvent> {
  const parse = jsonParser({ jsonStreaming: true, streamValues: false });
  const verify = jsonVerifier({ jsonStreaming: true });
  const walker = new ExportWalker(lists);
  let read = 0;
  const fail = (broken: VerifierError, atEnd: boolean): never => {
    if (atEnd && broken.offset >= read) throw new ExportJsonError(TRUNCATED, broken.offset);
    const what = broken.message.replace(/^ERROR at \d+ \(\d+, \d+\): /, '').replace(/^Verifier (cannot parse input: )?/, '');
    throw new ExportJsonError(`not valid JSON (${what}; line ${broken.line}, column ${broken.pos})`, broken.offset);
  };
  for await (const text of texts(open())) {
    let broken: VerifierError | undefined;
    try {
      verify(text);
    } catch (err) {
      broken = err as VerifierError;
    }
    const valid = broken ? text.slice(0, Math.max(0, broken.offset - read)) : text;
    try {
      for (const token of tokensOf(parse(valid))) walker.push(token);
    } finally {
      const events = walker.take();
      yield* events.slice(Math.min(skip, events.length));
      skip = Math.max(0, skip - events.length);
    }
    if (broken) fail(broken, false);
    read += text.length;
  }
  try {
    verify(none as unknown as string);
  } catch (err) {
    fail(err as VerifierError, true);
  }
  // The verifier found nothing (the file changed under us?): say what the parser said, and roughly where.
  throw new ExportJsonError(`not valid JSON (${parserError.message.replace(/^Parser (cannot parse input: |has )?/, '')}; somewhere after this position)`, near);
}
