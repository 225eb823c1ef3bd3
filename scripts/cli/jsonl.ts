import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Streams JSON Lines from FILE (or stdin) and writes one JSON line per input line, in order.
 * `id` is echoed; a line that fails gets `{"error": ...}` and the run goes on. Blank lines are skipped.
 * Returns the number of lines that failed.
 */
export async function mapJsonLines(
  file: string | undefined,
  handle: (line: unknown) => object,
  io: { stdin?: Readable; stdout?: Writable } = {},
): Promise<number> {
  const input = file && file !== '-' ? createReadStream(file, 'utf8') : (io.stdin ?? process.stdin);
  const output = io.stdout ?? process.stdout;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failed = 0;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    if (raw.trim() === '') continue;
    let result: object;
    let id: unknown;
    try {
      const parsed: unknown = JSON.parse(raw);
      id = isRecord(parsed) ? parsed.id : undefined;
      result = handle(parsed);
    } catch (err) {
      failed += 1;
      const message = err instanceof SyntaxError ? `line ${lineNo}: not valid JSON (${err.message})` : `line ${lineNo}: ${(err as Error).message}`;
      result = { error: message };
    }
    const withId = id === undefined ? result : { id, ...result };
    if (!output.write(`${JSON.stringify(withId)}\n`)) await new Promise((r) => output.once('drain', r));
  }
  return failed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
